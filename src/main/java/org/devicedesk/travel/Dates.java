package org.devicedesk.travel;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import javafx.scene.control.DatePicker;
import org.devicedesk.ui.DatePickers;

/** Travel's dates: what a picker holds now, and the long form shown on a notice (pickers: {@link DatePickers}). */
final class Dates {
    static final DateTimeFormatter SHOWN = DatePickers.SHOWN;
    static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("EEE d MMM yyyy");

    private Dates() {}

    /** What is in the picker now: its value, or what has been typed but not yet committed. */
    static LocalDate current(DatePicker p) {
        return DatePickers.current(p);
    }

    static String format(LocalDate d) {
        return d == null ? "" : LONG.format(d);
    }
}
