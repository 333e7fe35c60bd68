package org.devicedesk.ui;

import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
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

    /**
     * Puts the keyboard focus on the node once it is in a window. A node inside a ScrollPane joins the scene only
     * when the pane's skin is made, on the next pulse: a plain {@code runLater(requestFocus)} can come first, do
     * nothing, and leave the focus wherever the scene put it (seen: the top bar's theme button after a report).
     */
    public static void focusWhenShown(Node n) {
        if (n.getScene() != null) {
            Platform.runLater(n::requestFocus);
            return;
        }
        ChangeListener<Scene> once = new ChangeListener<>() {
            @Override public void changed(ObservableValue<? extends Scene> o, Scene before, Scene now) {
                if (now == null) return;
                n.sceneProperty().removeListener(this);
                Platform.runLater(n::requestFocus);
            }
        };
        n.sceneProperty().addListener(once);
    }

    /**
     * Esc anywhere in {@code area} closes what is open in it (a pane, with its own unsaved-changes guard), as the
     * keyboard help promises; when nothing is open the key goes on as usual. A filter, so that a text field or a list
     * cannot swallow the key; an open list or date popup is a window of its own and closes itself first.
     */
    public static void escapeCloses(Node area, java.util.function.BooleanSupplier open, Runnable close) {
        area.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != KeyCode.ESCAPE || area.getScene() == null || !open.getAsBoolean()) return;
            e.consume();
            close.run();
        });
    }
}
