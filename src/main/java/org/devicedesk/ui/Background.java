package org.devicedesk.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs database work off the JavaFX thread and hands the result back on it. Every screen uses this;
 * nothing else in the UI touches a service directly on the FX thread.
 */
public final class Background {
    private static final Logger LOG = LoggerFactory.getLogger(Background.class);
    private static final AtomicInteger RUNNING = new AtomicInteger();
    private static final ReadOnlyBooleanWrapper BUSY = new ReadOnlyBooleanWrapper(false);
    private static final ExecutorService POOL = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "devicedesk-work");
        t.setDaemon(true);
        return t;
    });

    private Background() {}

    /** True while any background work is running; the shell shows a progress indicator. */
    public static ReadOnlyBooleanProperty busyProperty() {
        return BUSY.getReadOnlyProperty();
    }

    /** Runs {@code work} in the background, then {@code onSuccess} or {@code onFailure} on the FX thread. */
    public static <T> Task<T> run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Task<T> task = new Task<>() {
            @Override protected T call() throws Exception {
                return work.call();
            }
        };
        return submit(task, onSuccess, onFailure);
    }

    /** For a task that reports progress itself. */
    public static <T> Task<T> submit(Task<T> task, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        task.setOnSucceeded(e -> {
            done();
            onSuccess.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            done();
            Throwable t = task.getException();
            if (!(t instanceof org.devicedesk.core.Refused) && !(t instanceof org.devicedesk.core.AccessDenied)) {
                LOG.error("Background work failed", t);
            }
            onFailure.accept(t);
        });
        BUSY.set(RUNNING.incrementAndGet() > 0);
        POOL.submit(task);
        return task;
    }

    private static void done() {
        int running = RUNNING.decrementAndGet();
        BUSY.set(running > 0);
        if (running == 0) {
            synchronized (IDLE) {
                IDLE.notifyAll();
            }
        }
    }

    private static final Object IDLE = new Object();

    /**
     * Waits until no background work is running (its result handed back to the FX thread included), at
     * most {@code millis}; returns whether it is idle. Tests wait on this, the work's own completion,
     * rather than on a fixed time that a busy machine overruns.
     */
    public static boolean awaitIdle(long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000L;
        synchronized (IDLE) {
            while (RUNNING.get() > 0) {
                long left = (end - System.nanoTime()) / 1_000_000L;
                if (left <= 0) return false;
                IDLE.wait(left);
            }
        }
        return true;
    }

    /** Whether background work is running now. */
    public static boolean isBusy() {
        return RUNNING.get() > 0;
    }
}
