package org.devicedesk.ui;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.text.Text;

/**
 * A label in a space that changes with the window (a booking bar one day wide, a column of the
 * calendar) shows the longest of its candidate texts that fits whole — "Jasmine Clarke", then
 * "Jasmine", then "JC" — instead of cutting one to "Ja…". The full text stays in the accessible text
 * and the tooltip, so nothing is lost to a screen reader or a mouse.
 */
public final class FittingText {
    private FittingText() {}

    /** Shows the first of {@code candidates} (longest first) that fits the label's width; the last one always. */
    public static void apply(Label label, List<String> candidates) {
        if (candidates.isEmpty()) throw new IllegalArgumentException("no text to show");
        label.setAccessibleText(candidates.get(0));
        label.setText(candidates.get(candidates.size() - 1));
        label.setMinWidth(0);
        Runnable choose = () -> label.setText(choose(label, candidates));
        label.widthProperty().addListener((o, a, b) -> choose.run());
        label.fontProperty().addListener((o, a, b) -> choose.run());
        label.setPrefWidth(javafx.scene.layout.Region.USE_COMPUTED_SIZE);
    }

    static String choose(Label label, List<String> candidates) {
        double room = label.getWidth() - label.snappedLeftInset() - label.snappedRightInset() - 1;
        Text probe = new Text();
        probe.setFont(label.getFont());
        for (String c : candidates) {
            probe.setText(c);
            if (probe.getLayoutBounds().getWidth() <= room) return c;
        }
        return candidates.get(candidates.size() - 1);
    }

    /** "Jasmine Clarke", "Jasmine", "JC" — a person's name from longest to shortest. */
    public static List<String> nameForms(String name) {
        String n = name == null ? "" : name.strip();
        String[] parts = n.split("\\s+");
        if (parts.length < 2) return List.of(n, n.isEmpty() ? "" : n.substring(0, 1));
        StringBuilder initials = new StringBuilder();
        for (String p : parts) if (!p.isEmpty()) initials.append(Character.toUpperCase(p.charAt(0)));
        return List.of(n, parts[0], initials.toString());
    }
}
