package org.devicedesk.ui;

import java.util.function.BiConsumer;
import javafx.stage.Window;
import org.devicedesk.Services;
import org.devicedesk.core.Session;

/** What a screen needs: the services, who is signed in, and a way to move to another screen. */
public final class AppContext {
    private final Services services;
    private final Session session;
    private final BiConsumer<String, Object> navigator;
    private final java.util.function.Supplier<Window> window;
    private final LiveChanges live;

    public AppContext(Services services, Session session, BiConsumer<String, Object> navigator, java.util.function.Supplier<Window> window) {
        this(services, session, navigator, window, new LiveChanges(null, u -> u));
    }

    public AppContext(Services services, Session session, BiConsumer<String, Object> navigator, java.util.function.Supplier<Window> window,
                      LiveChanges live) {
        this.live = live;
        this.services = services;
        this.session = session;
        this.navigator = navigator;
        this.window = window;
    }

    public Services services() { return services; }

    public Session session() { return session; }

    /** Shows the screen {@code key} (the word after "nav-"), passing it an optional argument. */
    public void navigate(String key, Object argument) {
        navigator.accept(key, argument);
    }

    public Window window() { return window.get(); }

    /** Other people's (and this window's) changes, for screens that follow them. */
    public LiveChanges live() { return live; }
}
