package org.devicedesk.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.devicedesk.ui.Tasks;

/**
 * A {@link Tasks} for view-model tests of "latest result wins": each piece of work runs at once, but its
 * result is held until the test hands it over with {@link #finish(int)}, in whatever order the test chooses
 * (a slow older search answering after a newer one).
 */
public final class HeldTasks implements Tasks {
    private final List<Runnable> held = new ArrayList<>();

    @Override public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        try {
            T result = work.call();
            held.add(() -> onSuccess.accept(result));
        } catch (Exception e) {
            held.add(() -> onFailure.accept(e));
        }
    }

    /** How many results are waiting (finished ones included). */
    public int size() {
        return held.size();
    }

    /** Hands the {@code n}th piece of work's result (from 0, in the order they were started) to its handler. */
    public void finish(int n) {
        held.get(n).run();
    }
}
