package org.devicedesk.testing;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

/**
 * Finds text the window does not show whole: every visible {@link Labeled} (label, button, column
 * header, table cell, tab ...) whose drawn text (its skin's text node) is not its full text — JavaFX
 * replaced the end with "…" or clipped it. Call on the JavaFX thread after layout.
 */
public final class CutText {
    private CutText() {}

    /** One cut text: what it should say, what it shows, and where (the nearest automation id above it). */
    public record Cut(String full, String shown, String where) {
        @Override public String toString() {
            return "\"" + full + "\" shows as \"" + shown + "\" in " + where;
        }
    }

    public static List<Cut> find(Node root) {
        List<Cut> cuts = new ArrayList<>();
        walk(root, cuts);
        return cuts;
    }

    private static void walk(Node n, List<Cut> cuts) {
        if (!n.isVisible() || n.getOpacity() == 0) return;
        if (n instanceof Labeled l) check(l, cuts);
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) walk(c, cuts);
    }

    private static void check(Labeled l, List<Cut> cuts) {
        String full = l.getText();
        if (full == null || full.isBlank() || l.getContentDisplay() == ContentDisplay.GRAPHIC_ONLY) return;
        // free text a list marks as allowed to shorten (its full text is in a tooltip and on the record's page)
        if (l instanceof javafx.scene.control.TableCell<?, ?> cell && org.devicedesk.ui.Tables.isShortenable(cell.getTableColumn())) return;
        if (l.isMnemonicParsing()) {
            int u = full.indexOf('_');
            if (u >= 0 && u + 1 < full.length()) full = full.substring(0, u) + full.substring(u + 1);
        }
        for (Node c : l.getChildrenUnmodifiable()) {
            if (c instanceof Text t && c.getStyleClass().contains("text")) {
                String shown = t.getText() == null ? "" : t.getText();
                if (!normal(shown).equals(normal(full))) cuts.add(new Cut(full, shown, where(l)));
                return;
            }
        }
    }

    /**
     * Issue 17: every visible control that shows only a picture (an icon button, an icon toggle, an icon label)
     * must say in words what it is to a screen reader ({@code setAccessibleText}); returns where each one that
     * does not stands. A control whose graphic holds text of its own (a badge in a cell) is not picture-only.
     */
    public static List<String> withoutAccessibleText(Node root) {
        List<String> out = new ArrayList<>();
        walkIcons(root, out);
        return out;
    }

    private static void walkIcons(Node n, List<String> out) {
        if (!n.isVisible() || n.getOpacity() == 0) return;
        if (n instanceof Labeled l && l.getGraphic() != null && l.getGraphic().isVisible()
                && (l.getText() == null || l.getText().isBlank() || l.getContentDisplay() == ContentDisplay.GRAPHIC_ONLY)
                && !hasText(l.getGraphic()) && drawsSomething(l.getGraphic())
                && (l.getAccessibleText() == null || l.getAccessibleText().isBlank())) {
            out.add("a " + n.getClass().getSimpleName() + " showing only an icon has no accessible text: " + where(n));
        }
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) walkIcons(c, out);
    }

    /** An icon, picture or shape is drawn (an empty box, as a list cell with no flags holds, shows nothing to name). */
    private static boolean drawsSomething(Node n) {
        if (!n.isVisible()) return false;
        if (n instanceof org.kordamp.ikonli.javafx.FontIcon || n instanceof javafx.scene.image.ImageView
                || (n instanceof javafx.scene.shape.Shape && !(n instanceof Text)) || n instanceof javafx.scene.canvas.Canvas) return true;
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) if (drawsSomething(c)) return true;
        return false;
    }

    private static boolean hasText(Node n) {
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isBlank()) return true;
        if (n instanceof Text t && !(t instanceof org.kordamp.ikonli.javafx.FontIcon) && t.getText() != null && !t.getText().isBlank()) return true;
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) if (hasText(c)) return true;
        return false;
    }

    /** Wrapping may turn spaces into line breaks; that is not a cut. */
    private static String normal(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    private static String where(Node n) {
        StringBuilder path = new StringBuilder(n.getClass().getSimpleName());
        for (Node p = n; p != null; p = p.getParent()) {
            if (p.getId() != null) {
                path.append(" under #").append(p.getId());
                break;
            }
        }
        return path.toString();
    }
}
