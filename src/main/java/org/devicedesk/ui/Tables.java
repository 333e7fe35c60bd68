package org.devicedesk.ui;

import atlantafx.base.theme.Styles;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;

/**
 * Lists that read at a glance on a 1366×768 laptop (ADR 0014): compact rows, and no column narrower
 * than its header or than the values it shows — a column that cannot fit makes the list scroll sideways
 * rather than cut "TRV-20…". Only columns of free text (a title, a summary) marked {@link #mayShorten}
 * give way, their full text in a tooltip and on the record's page.
 */
public final class Tables {
    /** The column property that marks free text that may end in "…" when space is short. */
    public static final String MAY_SHORTEN = "devicedesk.mayShorten";
    private static final double SORT_ARROW = 18;

    private Tables() {}

    /** Compact rows and columns that keep their content whole; call once the columns are set. */
    public static void fit(TableView<?> table) {
        if (!table.getStyleClass().contains(Styles.DENSE)) table.getStyleClass().add(Styles.DENSE);
        // after the next layout pass, when the cells show the new rows
        Runnable later = () -> {
            PENDING.incrementAndGet();
            Platform.runLater(() -> {
                javafx.scene.Scene scene = table.getScene();
                // counted only while its window is on screen: a closed window draws no pulse to run it on
                boolean counted = scene != null && scene.getWindow() != null && scene.getWindow().isShowing();
                if (!counted) PENDING.decrementAndGet();
                if (scene == null) return;
                Runnable[] once = new Runnable[1];
                once[0] = () -> {
                    scene.removePostLayoutPulseListener(once[0]);
                    try {
                        widen(table);
                    } finally {
                        if (counted) PENDING.decrementAndGet();
                    }
                };
                scene.addPostLayoutPulseListener(once[0]);
                Platform.requestNextPulse();
            });
        };
        table.getItems().addListener((ListChangeListener<Object>) c -> later.run());
        table.itemsProperty().addListener((o, a, b) -> {
            if (b != null) b.addListener((ListChangeListener<Object>) c -> later.run());
            later.run();
        });
        table.skinProperty().addListener((o, a, b) -> later.run());
        table.widthProperty().addListener((o, a, b) -> later.run());
        table.sceneProperty().addListener((o, a, b) -> later.run());
    }

    private static final java.util.concurrent.atomic.AtomicInteger PENDING = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * True when no list is waiting for its columns to be widened to what it now shows. The widening runs after
     * the next layout pulse, which a loaded machine may draw late: a check of what is on screen (the no-cut-text
     * test, the screenshot tool) waits for this rather than for a number of events.
     */
    public static boolean columnsSettled() {
        return PENDING.get() == 0;
    }

    /**
     * The row chosen opens its record beside the list ({@code open}) when {@code opens} says it is not the one shown.
     * When what is open now holds something not saved ({@code unsaved}, in words, or null), the person is asked first,
     * and choosing to stay puts the list's selection back (ADR 0014).
     */
    public static <T> void openChosenRow(TableView<T> table, java.util.function.Predicate<T> opens, java.util.function.Supplier<String> unsaved,
            java.util.function.Function<T, String> name, java.util.function.Supplier<javafx.stage.Window> window, java.util.function.Consumer<T> open) {
        boolean[] puttingBack = {false};
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (puttingBack[0] || now == null || !opens.test(now)) return;
            String held = unsaved.get();
            if (held != null && !Confirm.leaveUnsaved(window.get(), held, "open " + name.apply(now))) {
                Platform.runLater(() -> { // stay on what is open; the row chosen is let go
                    puttingBack[0] = true;
                    try {
                        if (was == null) table.getSelectionModel().clearSelection();
                        else table.getSelectionModel().select(was);
                    } finally {
                        puttingBack[0] = false;
                    }
                });
                return;
            }
            open.accept(now);
        });
    }

    /** Free text that may end in "…" when space is short (its full text shows in a tooltip). */
    public static <S, T> TableColumn<S, T> mayShorten(TableColumn<S, T> column) {
        column.getProperties().put(MAY_SHORTEN, Boolean.TRUE);
        return column;
    }

    public static boolean isShortenable(TableColumnBase<?, ?> column) {
        return column != null && Boolean.TRUE.equals(column.getProperties().get(MAY_SHORTEN));
    }

    /** Raises each column's minimum width to its header's and its shown cells' full width; never lowers it. */
    static void widen(TableView<?> table) {
        if (table.getScene() == null) return;
        for (Node n : table.lookupAll(".column-header")) {
            if (!(n instanceof TableColumnHeader h) || h.getTableColumn() == null || !h.getTableColumn().getColumns().isEmpty()) continue;
            for (Node c : h.getChildrenUnmodifiable()) {
                if (c instanceof Label l) grow(h.getTableColumn(), l.prefWidth(-1) + SORT_ARROW + h.snappedLeftInset() + h.snappedRightInset());
            }
        }
        for (Node n : table.lookupAll(".table-cell")) {
            if (!(n instanceof TableCell<?, ?> cell) || cell.isEmpty() || !cell.isVisible() || cell.getTableColumn() == null) continue;
            TableColumn<?, ?> col = cell.getTableColumn();
            if (isShortenable(col)) {
                if (cell.getTooltip() == null) { // follows the cell as it is reused for other rows
                    javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
                    tip.textProperty().bind(cell.textProperty());
                    cell.setTooltip(tip);
                }
                continue;
            }
            grow(col, contentWidth(cell));
        }
    }

    /** What the cell needs to show whole: its text in its font, its graphic, its padding (not the column's width, which a cell's pref width reports). */
    private static double contentWidth(TableCell<?, ?> cell) {
        double w = cell.snappedLeftInset() + cell.snappedRightInset() + 2;
        String text = cell.getText();
        if (text != null && !text.isEmpty()) {
            javafx.scene.text.Text t = new javafx.scene.text.Text(text);
            t.setFont(cell.getFont());
            w += Math.ceil(t.getLayoutBounds().getWidth());
        }
        Node g = cell.getGraphic();
        if (g != null && g.isVisible()) {
            // a cell makes a new graphic as it is given a row: styled now, else a badge's icon and padding are not counted yet
            g.applyCss();
            w += g.prefWidth(-1) + (text == null || text.isEmpty() ? 0 : cell.getGraphicTextGap());
        }
        return w;
    }

    private static void grow(TableColumnBase<?, ?> col, double wanted) {
        double w = Math.ceil(Math.min(wanted, 480));
        if (col.getMinWidth() < w) col.setMinWidth(w);
        if (col.getPrefWidth() < w) col.setPrefWidth(w);
    }

    /** Where each list's chosen columns are remembered: this user of this computer, beside the theme and the window's place. */
    static java.util.prefs.Preferences columnPrefs() {
        return java.util.prefs.Preferences.userRoot().node("org/devicedesk/columns");
    }

    /** {@link #chooseColumns(TableView, java.util.prefs.Preferences)} in this user's preferences. */
    public static void chooseColumns(TableView<?> table) {
        chooseColumns(table, columnPrefs());
    }

    /**
     * Issue 17: the list's column chooser (the "+" at the right of its header) and the columns hidden with it
     * remembered for this list (by its id) the next time it is built. The first column (what names the row) cannot
     * be hidden. Call once the columns are set; a column whose visibility a screen binds itself is left alone.
     */
    public static void chooseColumns(TableView<?> table, java.util.prefs.Preferences prefs) {
        if (table.getId() == null) throw new IllegalArgumentException("a list that remembers its columns needs an id");
        java.util.prefs.Preferences node = prefs.node(table.getId());
        table.setTableMenuButtonVisible(true);
        for (int i = 0; i < table.getColumns().size(); i++) {
            TableColumn<?, ?> c = table.getColumns().get(i);
            if (c.visibleProperty().isBound()) continue;
            if (i == 0) {
                c.visibleProperty().addListener((o, was, now) -> {
                    if (!now) c.setVisible(true); // what names the row stays
                });
                continue;
            }
            String key = c.getText();
            c.setVisible(node.getBoolean(key, c.isVisible()));
            c.visibleProperty().addListener((o, was, now) -> {
                try {
                    node.putBoolean(key, now);
                    node.flush();
                } catch (java.util.prefs.BackingStoreException | IllegalStateException e) {
                    // a preference that cannot be kept is not worth an error: the list works as chosen until it closes
                }
            });
        }
    }
}
