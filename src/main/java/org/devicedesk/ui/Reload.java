package org.devicedesk.ui;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javafx.scene.control.Button;
import org.devicedesk.core.Conflict;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/**
 * The way back from a {@link Conflict} (ADR 0008): a {@code <form>-reload} button beside the form's
 * message, shown only after a conflict, and the three-way merge it applies. For each field of the
 * form's draft: what the person changed (and the other person did not) is kept; everything else takes
 * the stored value; a field both changed takes the stored value and is named, so the person can look.
 */
public final class Reload {
    private Reload() {}

    /** The merged draft, the fields kept from the person's typing, and the fields where both changed it. */
    public record Merged<R>(R draft, List<String> kept, List<String> clashed) {
        /** A sentence for {@code <form>-message} after reloading. */
        public String explain(String what) {
            StringBuilder b = new StringBuilder("Reloaded " + what + " as it is now saved.");
            if (!kept.isEmpty()) b.append(" Your changes to ").append(String.join(", ", kept)).append(" are kept.");
            if (!clashed.isEmpty()) b.append(" You both changed ").append(String.join(", ", clashed))
                    .append(": the saved value is shown; put yours back if it should win.");
            b.append(" Check the form and save again.");
            return b.toString();
        }
    }

    /** A hidden "Reload" button with the id {@code <form>-reload}. */
    public static Button button(String form) {
        Button b = new Button("_Reload", new FontIcon(MaterialDesignR.RELOAD));
        b.setId(form + "-reload");
        show(b, false);
        return b;
    }

    /** Shows the button when the failure is a conflict, hides it otherwise. */
    public static void offer(Button reload, Throwable failure) {
        show(reload, failure instanceof Conflict);
    }

    public static void show(Button reload, boolean visible) {
        reload.setVisible(visible);
        reload.setManaged(visible);
    }

    /**
     * Three-way merge of one record type: {@code original} as the form was loaded, {@code mine} as the
     * person typed it, {@code theirs} as it is stored now. {@code labels} name the components in words
     * (same order as the record's components; null: derived from the names).
     */
    public static <R extends Record> Merged<R> merge(R original, R mine, R theirs, String... labels) {
        RecordComponent[] parts = mine.getClass().getRecordComponents();
        Object[] values = new Object[parts.length];
        List<String> kept = new ArrayList<>();
        List<String> clashed = new ArrayList<>();
        try {
            for (int i = 0; i < parts.length; i++) {
                Object o = parts[i].getAccessor().invoke(original);
                Object m = parts[i].getAccessor().invoke(mine);
                Object t = parts[i].getAccessor().invoke(theirs);
                String label = labels != null && i < labels.length && labels[i] != null ? labels[i] : words(parts[i].getName());
                boolean iChanged = !same(o, m);
                boolean theyChanged = !same(o, t);
                if (iChanged && !theyChanged) {
                    values[i] = m;
                    kept.add(label);
                } else {
                    values[i] = t;
                    if (iChanged && !same(m, t)) clashed.add(label);
                }
            }
            Constructor<?> canonical = mine.getClass().getDeclaredConstructor(
                    Arrays.stream(parts).map(RecordComponent::getType).toArray(Class<?>[]::new));
            canonical.setAccessible(true);
            @SuppressWarnings("unchecked") R merged = (R) canonical.newInstance(values);
            return new Merged<>(merged, kept, clashed);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot merge " + mine.getClass().getSimpleName(), e);
        }
    }

    /** Text fields give "" where the record holds null; surrounding spaces are not a change. */
    private static boolean same(Object a, Object b) {
        if ((a == null || a instanceof String) && (b == null || b instanceof String)) {
            return (a == null ? "" : ((String) a).strip()).equals(b == null ? "" : ((String) b).strip());
        }
        return Objects.equals(a, b);
    }

    /** {@code makeModel} -> "make model". */
    static String words(String name) {
        return name.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
    }
}
