package org.devicedesk.ui;

import javafx.scene.Node;

/** Small things every screen does to its nodes. */
public final class Nodes {
    private Nodes() {}

    /** Shows or hides a node and the room it takes (a hidden node leaves no gap). */
    public static void show(Node n, boolean visible) {
        n.setVisible(visible);
        n.setManaged(visible);
    }

    /** Makes a node take its room only while it is visible, from now on. */
    public static void managedWhenVisible(Node n) {
        n.managedProperty().bind(n.visibleProperty());
    }
}
