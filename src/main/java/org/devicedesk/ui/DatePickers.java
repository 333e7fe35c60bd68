package org.devicedesk.ui;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import javafx.scene.control.DatePicker;
import javafx.util.StringConverter;

/**
 * Date pickers that read and show British dates (dd/mm/yyyy, 4/3/2026 is 4 March) whatever the computer's
 * locale, and that turn text that is not a date into null instead of throwing, so a form can say so.
 */
public final class DatePickers {
    public static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter LOOSE = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private DatePickers() {}

    public static DatePicker british(String id) {
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

    /** The date in the text (d/m/yyyy or ISO yyyy-mm-dd), or null while it is incomplete or not a date. */
    public static LocalDate parse(String s) {
        if (s == null || s.isBlank()) return null;
        String t = s.strip();
        try {
            return t.contains("-") ? LocalDate.parse(t) : LocalDate.parse(t, LOOSE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
