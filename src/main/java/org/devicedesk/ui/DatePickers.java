package org.devicedesk.ui;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.Property;
import javafx.scene.control.DatePicker;
import javafx.util.StringConverter;
import org.devicedesk.core.Refused;
import org.devicedesk.core.TypedWhen;

/**
 * The one date field of every form (issue 15, issue 17 point 7): it shows a date as the lists do, "4 Mar 2026"
 * (the month in words, so 4/3 and 3/4 cannot be mixed up), whatever the computer's locale, and reads what may be
 * typed by {@link TypedWhen}'s one set of rules (4/3/2026, 04/03/2026, 4 Mar 2026, 2026-03-04 …). Text that is not
 * a date becomes null instead of throwing, and is remembered when the picker clears it on losing the focus, so the
 * form can say what was wrong ({@link #read}). A date with a time of day is a {@link DateTimeField}.
 */
public final class DatePickers {
    /** "4 Mar 2026": how a date field shows its date (the lists' own format). */
    public static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    /** The prompt of an empty date field. */
    public static final String PROMPT = "e.g. " + TypedWhen.DATE_EXAMPLE;
    private static final String UNREADABLE = "devicedesk.unreadableDate";

    private DatePickers() {}

    /** A date field with the id {@code id}, empty. */
    public static DatePicker british(String id) {
        return british(id, null);
    }

    /** A date field with the id {@code id} showing {@code initial} (null: empty). */
    public static DatePicker british(String id, LocalDate initial) {
        DatePicker p = new DatePicker(initial);
        p.setId(id);
        p.setPromptText(PROMPT);
        p.setConverter(new StringConverter<>() {
            @Override public String toString(LocalDate d) {
                return d == null ? "" : SHOWN.format(d);
            }

            @Override public LocalDate fromString(String s) {
                p.getProperties().remove(UNREADABLE);
                if (s == null || s.isBlank()) return null;
                LocalDate read = parse(s);
                // the picker commits on losing the focus and would clear the text: remember it, so the form can say what was wrong
                if (read == null) p.getProperties().put(UNREADABLE, s.strip());
                return read;
            }
        });
        p.valueProperty().addListener((o, a, b) -> {
            if (b != null) p.getProperties().remove(UNREADABLE);
        });
        return p;
    }

    /** A date field with the id {@code id}, {@code width} wide, its value bound both ways to {@code value} (a view model's). */
    public static DatePicker bound(String id, Property<LocalDate> value, double width) {
        DatePicker p = british(id);
        p.setPrefWidth(width);
        p.valueProperty().bindBidirectional(value);
        return p;
    }

    /** The date in the text (see {@link TypedWhen#date}), or null while it is incomplete or not a date. */
    public static LocalDate parse(String s) {
        return TypedWhen.date(s);
    }

    /**
     * What the person typed: the editor's text, even if not yet committed, or, once the picker has cleared text it
     * could not read, that text; "" when nothing was typed.
     */
    public static String text(DatePicker p) {
        String typed = p.getEditor().getText();
        if (typed != null && !typed.isBlank()) return typed.strip();
        Object unreadable = p.getProperties().get(UNREADABLE);
        return unreadable == null ? "" : unreadable.toString();
    }

    /** {@link #text} as it changes: what a view model that reads the typed text binds to. */
    public static StringBinding typed(DatePicker p) {
        return Bindings.createStringBinding(() -> text(p), p.getEditor().textProperty(), p.getProperties());
    }

    /** What is in the picker now: what has been typed (even if not yet committed), or its value when the box is empty. */
    public static LocalDate current(DatePicker p) {
        String text = p.getEditor().getText();
        if (text == null || text.isBlank()) return p.getValue();
        return parse(text);
    }

    /**
     * The picker's date, including text typed but not yet committed; null when empty. Text that is not a date is
     * refused, tied to {@code field}, rather than silently replaced by the previous date.
     */
    public static LocalDate read(DatePicker p, String field) {
        String text = text(p);
        if (text.isEmpty()) return null;
        LocalDate parsed = parse(text);
        if (parsed == null) {
            throw Refused.because(field, "\u201C" + text + "\u201D is not a date Device Desk can read. Write it like 4 Mar 2026 or 4/3/2026.");
        }
        p.setValue(parsed);
        return parsed;
    }
}
