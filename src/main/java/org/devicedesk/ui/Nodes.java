package org.devicedesk.ui;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.Region;

/** Small things every screen does to its nodes. */
public final class Nodes {
    private Nodes() {}

    /** Shows or hides a node and the room it takes (a hidden node leaves no gap). */
    public static void show(Node n, boolean visible) {
        n.setVisible(visible);
        n.setManaged(visible);
    }

    /** A badge: {@code text} in the style {@code style} ("badge-danger" …), never narrower than its text (read whole or not at all). */
    public static Label badge(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().addAll("badge", style);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** A choice box's cell that says {@code prompt} for no choice ("Any type", "Not assessed yet") and the item's text otherwise. */
    public static <T> ListCell<T> promptCell(String prompt) {
        return new ListCell<>() {
            @Override protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? prompt : item.toString());
            }
        };
    }

    /** Makes a node take its room only while it is visible, from now on. */
    public static void managedWhenVisible(Node n) {
        n.managedProperty().bind(n.visibleProperty());
    }
}
