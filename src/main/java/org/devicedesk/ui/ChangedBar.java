package org.devicedesk.ui;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.Node;
import java.util.List;
import org.devicedesk.core.ChangeFeed.Change;

/**
 * The bar an open page shows when someone else changed its record while this person was typing:
 * "Changed by Sam Patel at 10:42 — reload to see it." ({@code <form>-changed}) and a Reload button
 * ({@code <form>-changed-reload}). What was typed stays until the person chooses to reload.
 */
public final class ChangedBar {
    private final HBox bar = new HBox(10);
    private final Label text = new Label();
    private Runnable reload = () -> { };

    public ChangedBar(String form) {
        text.setId(form + "-changed");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button button = new Button("Reload");
        button.setId(form + "-changed-reload");
        button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the sentence wraps; the button is always whole
        button.setOnAction(e -> {
            hide();
            reload.run();
        });
        bar.getChildren().setAll(text, button);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().addAll("changed-bar", Styles.WARNING);
        bar.setStyle("-fx-padding: 6 10 6 10; -fx-background-color: -color-warning-subtle; -fx-background-radius: 4;");
        hide();
    }

    public Node node() {
        return bar;
    }

    /** Shows the bar for these changes; Reload runs {@code reload}. */
    public void show(LiveChanges live, List<Change> changes, Runnable reload) {
        this.reload = reload;
        live.describe(LiveChanges.latest(changes), t -> {
            text.setText(t);
            bar.setVisible(true);
            bar.setManaged(true);
        });
    }

    public void hide() {
        bar.setVisible(false);
        bar.setManaged(false);
    }

    /** A date picker's or combo box's own text shows a chosen value, not typing. */
    private static boolean inPicker(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) if (p instanceof javafx.scene.control.ComboBoxBase<?>) return true;
        return false;
    }

    /** Whether anything has been typed into a text field or area under {@code root}. */
    public static boolean hasTyping(Node root) {
        for (Node n : root.lookupAll(".text-input")) {
            if (n instanceof TextInputControl t && t.isEditable() && t.getText() != null && !t.getText().isBlank() && !inPicker(t)) return true;
        }
        return false;
    }
}
