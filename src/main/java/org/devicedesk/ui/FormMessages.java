package org.devicedesk.ui;

import atlantafx.base.theme.Styles;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import org.devicedesk.core.AccessDenied;
import org.devicedesk.core.DatabaseProblem;
import org.devicedesk.core.Refused;

/**
 * Shows why a save was refused: all the reasons in the form's {@code <form>-message} label, and each
 * field it concerns outlined in red with its reason as a tooltip.
 */
public final class FormMessages {
    private final Label message;
    private final Map<String, Control> fields = new LinkedHashMap<>();

    /** {@code form} is the form's name in the automation ids, e.g. "device" for {@code device-message}. */
    public FormMessages(String form) {
        message = new Label();
        message.setId(form + "-message");
        message.setWrapText(true);
        message.getStyleClass().add("form-message");
        message.setManaged(false);
        message.setVisible(false);
        message.setMaxWidth(Double.MAX_VALUE);
    }

    public Label node() {
        return message;
    }

    /** Registers the control for a field name used by the services (e.g. "asset-tag"). */
    public FormMessages field(String name, Control control) {
        fields.put(name, control);
        return this;
    }

    public void clear() {
        message.setText("");
        message.setVisible(false);
        message.setManaged(false);
        message.getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS);
        fields.values().forEach(c -> {
            c.pseudoClassStateChanged(Styles.STATE_DANGER, false);
            c.setTooltip(null);
        });
    }

    /** Shows what a view model said (nothing for null). */
    public void show(Outcome o) {
        if (o == null) {
            clear();
            return;
        }
        switch (o.kind()) {
            case SUCCESS -> success(o.text());
            case ERROR -> error(o.text());
            case FAILURE -> show(o.failure());
        }
    }

    /** Shows a refusal, an access denial or an unexpected failure in plain words; focuses the first field refused. */
    public void show(Throwable t) {
        show(t, true);
    }

    /**
     * As {@link #show(Throwable)}, but leaves the focus where it is: for a check that runs as the person moves
     * on (a list's filter read when its field loses focus), where pulling them back would fight their Tab or
     * close the list they just opened.
     */
    public void showInPlace(Throwable t) {
        show(t, false);
    }

    private void show(Throwable t, boolean focusFirst) {
        clear();
        if (t instanceof Refused r) {
            // top to bottom as the fields stand on the form (the order they were registered), then the rest
            java.util.List<String> order = new java.util.ArrayList<>(fields.keySet());
            java.util.List<Refused.Problem> problems = new java.util.ArrayList<>(r.problems());
            problems.sort(java.util.Comparator.comparingInt(p -> {
                int i = p.field() == null ? -1 : order.indexOf(p.field());
                return i < 0 ? Integer.MAX_VALUE : i;
            }));
            Control first = null;
            for (Refused.Problem p : problems) {
                Control c = p.field() == null ? null : fields.get(p.field());
                if (c != null) {
                    c.pseudoClassStateChanged(Styles.STATE_DANGER, true);
                    c.setTooltip(new Tooltip(p.message()));
                    if (first == null && c.getScene() != null && c.isVisible()) first = c;
                }
            }
            error(String.join("\n", problems.stream().map(Refused.Problem::message).distinct().toList()));
            if (first != null && focusFirst) {
                Control focus = first;
                javafx.application.Platform.runLater(() -> {
                    if (focus.isFocusTraversable()) focus.requestFocus();
                    ensureVisible(focus);
                    // and, when they fit together, the reasons and the buttons under them (at 1366x768 the refused
                    // report showed its first field but the message was cut at the window's foot and Send below it)
                    message.applyCss();
                    ensureVisible(focus, message);
                });
            }
        } else {
            error(describe(t));
        }
    }

    /** Scrolls the nearest scroll pane so that the node is in view (a refusal's first field, on a small screen). */
    public static void ensureVisible(Node node) {
        for (Node p = node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.ScrollPane sp && sp.getContent() != null) {
                javafx.geometry.Bounds content = sp.getContent().getLayoutBounds();
                javafx.geometry.Bounds in = sp.getContent().sceneToLocal(node.localToScene(node.getLayoutBounds()));
                double viewport = sp.getViewportBounds().getHeight();
                double extra = content.getHeight() - viewport;
                if (extra <= 0 || in == null) return;
                double top = sp.getVvalue() * extra;
                if (in.getMinY() < top) sp.setVvalue(Math.max(0, in.getMinY() - 8) / extra);
                else if (in.getMaxY() > top + viewport) sp.setVvalue(Math.min(extra, in.getMaxY() + 8 - viewport) / extra);
                return;
            }
        }
    }

    /**
     * Scrolls so that {@code first} and {@code below} (a form's message) are both in view, with the row that follows
     * {@code below} in its parent (the form's buttons), when they fit in the viewport together; else leaves it to
     * {@link #ensureVisible(Node)}, which keeps {@code first} in view.
     */
    static void ensureVisible(Node first, Node below) {
        Node last = below;
        if (below.getParent() instanceof javafx.scene.layout.Pane parent) {
            int i = parent.getChildren().indexOf(below);
            if (i >= 0 && i + 1 < parent.getChildren().size()) last = parent.getChildren().get(i + 1);
        }
        for (Node p = first.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.ScrollPane sp && sp.getContent() != null) {
                // the message has just grown: the pane must size its content again before anything is measured
                sp.applyCss();
                sp.layout();
                if (sp.getContent() instanceof javafx.scene.Parent c) c.layout();
                javafx.geometry.Bounds content = sp.getContent().getLayoutBounds();
                javafx.geometry.Bounds top = sp.getContent().sceneToLocal(first.localToScene(first.getLayoutBounds()));
                javafx.geometry.Bounds bottom = sp.getContent().sceneToLocal(last.localToScene(last.getLayoutBounds()));
                double viewport = sp.getViewportBounds().getHeight();
                double extra = content.getHeight() - viewport;
                if (extra <= 0 || top == null || bottom == null) return;
                double from = top.getMinY() - 8, to = bottom.getMaxY() + 8;
                if (to - from > viewport) return; // not both: the first field stays in view
                double scrolled = sp.getVvalue() * extra;
                if (to > scrolled + viewport) sp.setVvalue(Math.min(extra, to - viewport) / extra);
                else if (from < scrolled) sp.setVvalue(Math.max(0, from) / extra);
                return;
            }
        }
    }

    public void error(String text) {
        message.setText(text);
        message.getStyleClass().remove(Styles.SUCCESS);
        if (!message.getStyleClass().contains(Styles.DANGER)) message.getStyleClass().add(Styles.DANGER);
        message.setVisible(true);
        message.setManaged(true);
    }

    public void success(String text) {
        clear();
        message.setText(text);
        message.getStyleClass().add(Styles.SUCCESS);
        message.setVisible(true);
        message.setManaged(true);
    }

    /** A sentence for any failure: never a stack trace. */
    public static String describe(Throwable t) {
        if (t instanceof Refused r) return String.join("\n", r.messages());
        if (t instanceof AccessDenied a) return a.getMessage();
        if (t instanceof DatabaseProblem d) return d.whatIsWrong() + " " + d.whatToDo();
        var storage = org.devicedesk.core.StorageFailure.describe(t); // a full disk is said as such, not "see the log" on that disk
        if (storage.isPresent()) return storage.get();
        if (t instanceof org.devicedesk.core.DatabaseUnavailable u) return u.getMessage(); // says whether anything was being saved
        // "nothing was saved" only when the database says the write rolled back (Database.nothingSaved)
        boolean nothingSaved = org.devicedesk.core.Database.nothingSaved(t);
        for (Throwable c = t; c != null; c = c.getCause()) {
            String m = c.getMessage();
            if (m != null && (m.contains("SQLITE_BUSY") || m.contains("database is locked"))) {
                return nothingSaved
                        ? "The database is busy (another copy of Device Desk may be saving). Nothing was saved; try again in a moment."
                        : "The database was busy (another copy of Device Desk may be saving). Check whether your change shows before trying again.";
            }
            if (m != null && m.contains("SQLITE_READONLY")) {
                return "The database has become read-only, so nothing was saved. Check the file's permissions.";
            }
        }
        return nothingSaved
                ? "Something went wrong and nothing was saved. The details are in " + logFile() + "."
                : "Something went wrong. The details are in " + logFile() + "; check whether your change shows before trying again.";
    }

    /** Where the log really is: beside the SQLite file, or in ~/.devicedesk on PostgreSQL (set at start-up). */
    static String logFile() {
        String dir = System.getProperty("devicedesk.logdir");
        return dir == null ? "the log file devicedesk.log" : "the log file " + java.nio.file.Path.of(dir, "devicedesk.log");
    }

    /** Small helper: a field label bound to its control for keyboard users. */
    public static Label labelFor(String text, Node control) {
        Label l = new Label(text);
        l.setLabelFor(control);
        l.setMnemonicParsing(true);
        return l;
    }
}
