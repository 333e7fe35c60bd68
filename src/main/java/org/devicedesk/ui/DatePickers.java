package org.devicedesk.ui;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import javafx.scene.control.DatePicker;
import javafx.util.StringConverter;
import org.devicedesk.core.TypedWhen;

/**
 * Date pickers that read and show British dates (dd/mm/yyyy, 4/3/2026 is 4 March) whatever the computer's
 * locale, and that turn text that is not a date into null instead of throwing, so a form can say so. What
 * may be typed is {@link TypedWhen}'s one set of rules; a date with a time of day is a {@link DateTimeField}.
 */
public final class DatePickers {
    public static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy");

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

    /** The date in the text (see {@link TypedWhen#date}), or null while it is incomplete or not a date. */
    public static LocalDate parse(String s) {
        return TypedWhen.date(s);
    }

    /** What is in the picker now: what has been typed (even if not yet committed), or its value when the box is empty. */
    public static LocalDate current(DatePicker p) {
        String text = p.getEditor().getText();
        if (text == null || text.isBlank()) return p.getValue();
        return parse(text);
    }
}
