package org.devicedesk.travel;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import javafx.scene.control.DatePicker;
import javafx.util.StringConverter;

/** Date pickers that read and show dates the British way (22/11/2026), also accepting 2026-11-22. */
final class Dates {
    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("EEE d MMM yyyy");
    private static final DateTimeFormatter LOOSE = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(java.time.format.ResolverStyle.STRICT);

    private Dates() {}

    static DatePicker picker(String id) {
        DatePicker p = new DatePicker();
        p.setId(id);
        p.setPromptText("dd/mm/yyyy");
        p.setConverter(new StringConverter<>() {
            @Override public String toString(LocalDate d) {
                return d == null ? "" : SHOWN.format(d);
            }

            @Override public LocalDate fromString(String s) {
                return parse(s);
            }
        });
        return p;
    }

    /** The date in the text, or null while it is incomplete or not a date. */
    static LocalDate parse(String s) {
        if (s == null || s.isBlank()) return null;
        String t = s.strip();
        try {
            return t.contains("-") ? LocalDate.parse(t) : LocalDate.parse(t, LOOSE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** What is in the picker now: its value, or what has been typed but not yet committed. */
    static LocalDate current(DatePicker p) {
        LocalDate typed = parse(p.getEditor().getText());
        return typed != null ? typed : (p.getEditor().getText().isBlank() ? p.getValue() : null);
    }

    static String format(LocalDate d) {
        return d == null ? "" : LONG.format(d);
    }
}
