package org.devicedesk.ui;

import javafx.scene.Node;

/** One screen of the shell. Built once per sign-in; {@link #show} runs each time it is navigated to. */
public interface Screen {
    Node node();

    /**
     * Called when the screen becomes visible; {@code argument} is whatever the caller passed to
     * {@link AppContext#navigate} (a filter or a record id), or null. Reload data here, in the background.
     */
    default void show(Object argument) {}
}
