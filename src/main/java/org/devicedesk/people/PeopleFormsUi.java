package org.devicedesk.people;

import java.time.LocalDate;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;

/** Small helpers for reading what a person typed into the people forms. */
final class PeopleFormsUi {
    private PeopleFormsUi() {}

    private static final String UNREADABLE = "devicedesk.unreadableDate";
    private static final java.time.format.DateTimeFormatter SHOWN = java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.UK);
    /** A date picker that shows and reads dates the British way (4 Mar 2026, 4/3/2026), whatever the computer's locale. */
    static DatePicker datePicker(LocalDate initial) {
        DatePicker picker = new DatePicker(initial);
        picker.setConverter(new javafx.util.StringConverter<>() {
            @Override public String toString(LocalDate d) {
                return d == null ? "" : SHOWN.format(d);
            }

            @Override public LocalDate fromString(String text) {
                picker.getProperties().remove(UNREADABLE);
                if (text == null || text.isBlank()) return null;
                LocalDate read = org.devicedesk.core.TypedWhen.date(text); // the one set of date rules (issue 15)
                if (read != null) return read;
                // the picker commits on losing focus and would clear the text: remember it, so the save can say what was wrong
                picker.getProperties().put(UNREADABLE, text.strip());
                return null;
            }
        });
        picker.valueProperty().addListener((o, a, b) -> {
            if (b != null) picker.getProperties().remove(UNREADABLE);
        });
        picker.setPromptText("e.g. 4 Mar 2026");
        return picker;
    }

    /**
     * The picker's date, including text typed but not yet committed; null when empty. Text that is not
     * a date is refused, tied to {@code field}, rather than silently replaced by the previous date.
     */
    static LocalDate date(DatePicker picker, String field) {
        String typed = picker.getEditor().getText();
        String text = typed == null || typed.isBlank() ? (String) picker.getProperties().get(UNREADABLE) : typed.strip();
        if (text == null || text.isBlank()) return null;
        LocalDate parsed = picker.getConverter().fromString(text);
        if (parsed == null) {
            throw org.devicedesk.core.Refused.because(field, "\u201C" + text + "\u201D is not a date Device Desk can read. Write it like 4 Mar 2026 or 4/3/2026.");
        }
        picker.setValue(parsed);
        return parsed;
    }

    /** An editable combo's text, including text typed but not yet committed. */
    static String text(ComboBox<String> combo) {
        return combo.isEditable() ? combo.getEditor().getText() : combo.getValue();
    }
}
