package org.devicedesk.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * How a view model runs service calls (ADR 0015). In the application it is {@link #background()}: the work
 * on a worker thread, the result handed back on the JavaFX thread (through {@link Background}). In a
 * view-model test it is {@link #direct()}: the work and its result handler run at once, on the test's
 * thread, so a test reads the view model's properties on the next line — no window, no waiting.
 */
@FunctionalInterface
public interface Tasks {
    <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /**
     * Runs {@code step} where the results are handed back — on the JavaFX thread in the application, at once in a
     * test. For progress that long work reports while it runs ("12,000 of 40,000 events checked").
     */
    default void later(Runnable step) {
        javafx.application.Platform.runLater(step);
    }

    /** The application's: off the JavaFX thread, results back on it. */
    static Tasks background() {
        return Background::run;
    }

    /** The tests': synchronous, on the calling thread. */
    static Tasks direct() {
        return new Tasks() {
            @Override public void later(Runnable step) {
                step.run();
            }

            @Override public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
                T result;
                try {
                    result = work.call();
                } catch (Throwable t) {
                    onFailure.accept(t);
                    return;
                }
                onSuccess.accept(result);
            }
        };
    }

    /**
     * "Latest result wins": a list whose search runs again while an earlier search is still running shows
     * only the newest search's result — an older result that arrives late is dropped.
     */
    final class Latest {
        private final Tasks tasks;
        private long generation;

        public Latest(Tasks tasks) {
            this.tasks = tasks;
        }

        public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            long mine = ++generation;
            tasks.run(work, r -> {
                if (mine == generation) onSuccess.accept(r);
            }, t -> {
                if (mine == generation) onFailure.accept(t);
            });
        }

        /** Drops whatever is still running (for a list that is being closed or cleared). */
        public void cancel() {
            generation++;
        }
    }
}
