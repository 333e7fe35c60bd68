package org.devicedesk.ui;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * The layout every settings tab shares (general settings, mail, the directory): titled sections of labelled
 * fields with an optional muted hint under each, in a form that scrolls while its message and buttons stay in
 * view below it.
 */
public final class SettingsGrid {
    private final GridPane grid = new GridPane();
    private int row;
    private boolean stretch;

    /** {@code labelWidth}: the label column's width (the fields take 300 to 560). */
    public SettingsGrid(double labelWidth) {
        this(labelWidth, 300, 420, 560);
    }

    public SettingsGrid(double labelWidth, double fieldMin, double fieldPref, double fieldMax) {
        grid.setHgap(14);
        grid.setVgap(10);
        grid.getColumnConstraints().addAll(new ColumnConstraints(labelWidth), new ColumnConstraints(fieldMin, fieldPref, fieldMax));
    }

    /** A label in the label column and a node beside it. */
    public SettingsGrid labelled(Node label, Node node) {
        grid.add(label, 0, row);
        grid.add(node, 1, row++);
        return this;
    }

    public GridPane grid() {
        return grid;
    }

    /** A section's title (spaced from what stands above it). */
    public SettingsGrid section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TITLE_4);
        if (row > 0) l.setPadding(new Insets(10, 0, 0, 0));
        grid.add(l, 0, row++, 2, 1);
        return this;
    }

    /** Fields fill their column from now on (text fields and choices alike the same width). */
    public SettingsGrid stretchFields() {
        stretch = true;
        return this;
    }

    /** A labelled field (the label's mnemonic goes to the control) with its hint under it (none when null). */
    public SettingsGrid field(String label, Control control, String hint) {
        if (stretch) control.setMaxWidth(Double.MAX_VALUE);
        Node shown = control;
        if (hint != null) {
            Label h = new Label(hint);
            h.getStyleClass().add(Styles.TEXT_MUTED);
            h.setWrapText(true);
            shown = new VBox(2, control, h);
        }
        grid.add(FormMessages.labelFor(label, control), 0, row);
        grid.add(shown, 1, row++);
        return this;
    }

    /** A node alone in the field column (a check box, a row of buttons). */
    public SettingsGrid add(Node node) {
        grid.add(node, 1, row++);
        return this;
    }

    /** A node across both columns. */
    public SettingsGrid wide(Node node) {
        grid.add(node, 0, row++, 2, 1);
        return this;
    }

    /** The next free row, for a tab that places something itself. */
    public int nextRow() {
        return row++;
    }

    /** The form scrolling above, the message and buttons below it, always in view. */
    public BorderPane withFooter(FormMessages messages, Node buttons) {
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        VBox bottom = new VBox(10, messages.node(), buttons);
        bottom.setPadding(new Insets(12, 16, 4, 16));
        bottom.setMaxWidth(900);
        BorderPane pane = new BorderPane(scroll);
        pane.setBottom(bottom);
        return pane;
    }
}
