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

    /**
     * What is typed on this screen and not saved, in words ("your report"), or null when nothing is:
     * the shell asks before navigating away, signing out or closing the window (ADR 0014).
     */
    default String unsavedChanges() { return null; }

    /** The person chose to leave without saving: forget the typed changes. */
    default void discardChanges() {}
}
