package org.devicedesk.ui;

import java.time.Clock;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.stage.Window;
import org.devicedesk.core.Session;

/**
 * What a screen needs: the services it asks for by type, the clock, who is signed in, a way to move to another
 * screen and the window. The services are wired in the application root ({@code org.devicedesk.Services}); a
 * screen names only the service classes of the features it uses, so no feature depends on the root and the
 * packages form no cycle (issue 15, ADR 0015). A view hands the services to its view model's constructor.
 */
public final class AppContext {
    private final Function<Class<?>, Object> services;
    private final Clock clock;
    private final Session session;
    private final BiConsumer<String, Object> navigator;
    private final Supplier<Window> window;
    private final LiveChanges live;
    private final Restart restart;
    private final Function<String, String> displayName;

    /** The application's wiring that a shell passes to its screens. */
    public record Wiring(Function<Class<?>, Object> services, Clock clock, org.devicedesk.core.ChangeFeed changes,
                         Function<String, String> displayName, Supplier<String> organisation, Restart restart) {
        public AppContext context(Session session, BiConsumer<String, Object> navigator, Supplier<Window> window, LiveChanges live) {
            return new AppContext(services, clock, session, navigator, window, live, restart, displayName);
        }
    }

    /**
     * Rebuilds the application over a restored database. The wiring and the restart are the application root's:
     * a feature's dialog that restores a backup calls this rather than building a main window itself.
     */
    public interface Restart {
        /** Runs on a worker thread (closes the old database, opens the restored one); returns what then shows the new window on the JavaFX thread. */
        Runnable reopen(Window window);

        Restart NONE = w -> {
            throw new IllegalStateException("this window cannot restart after a restore");
        };
    }

    public AppContext(Function<Class<?>, Object> services, Clock clock, Session session, BiConsumer<String, Object> navigator, Supplier<Window> window) {
        this(services, clock, session, navigator, window, new LiveChanges(null, u -> u), Restart.NONE, u -> u);
    }

    public AppContext(Function<Class<?>, Object> services, Clock clock, Session session, BiConsumer<String, Object> navigator, Supplier<Window> window,
                      LiveChanges live, Restart restart, Function<String, String> displayName) {
        this.displayName = displayName;
        this.services = services;
        this.clock = clock;
        this.live = live;
        this.session = session;
        this.navigator = navigator;
        this.window = window;
        this.restart = restart;
    }

    /** The application's service of this class (a feature's {@code FooService}, {@code core.Settings}); a wiring mistake if missing. */
    public <T> T service(Class<T> type) {
        Object s = services.apply(type);
        if (s == null) throw new IllegalStateException("No service " + type.getName() + " is wired");
        return type.cast(s);
    }

    public Clock clock() { return clock; }

    public Session session() { return session; }

    /** Shows the screen {@code key} (the word after "nav-"), passing it an optional argument. */
    public void navigate(String key, Object argument) {
        navigator.accept(key, argument);
    }

    public Window window() { return window.get(); }

    /** Other people's (and this window's) changes, for screens that follow them. */
    public LiveChanges live() { return live; }

    /**
     * The name of the person behind a username ("Sam Patel"), for "recorded by" lines: from the root's wiring, so
     * a feature need not depend on the accounts feature for it (which depends on people: a cycle).
     */
    public String displayName(String username) { return displayName.apply(username); }

    /** How a restore restarts the application (the root's). */
    public Restart restart() { return restart; }
}
