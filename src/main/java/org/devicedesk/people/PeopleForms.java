package org.devicedesk.people;

import java.time.LocalDate;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;

/** Small helpers for reading what a person typed into the people forms. */
final class PeopleForms {
    private PeopleForms() {}

    /** The picker's date, including text typed but not yet committed; null when empty or unreadable (the service then says so). */
    static LocalDate date(DatePicker picker) {
        String typed = picker.getEditor().getText();
        if (typed == null || typed.isBlank()) return null;
        try {
            LocalDate parsed = picker.getConverter().fromString(typed.strip());
            if (parsed != null) picker.setValue(parsed);
            return parsed;
        } catch (RuntimeException e) {
            return picker.getValue();
        }
    }

    /** An editable combo's text, including text typed but not yet committed. */
    static String text(ComboBox<String> combo) {
        return combo.isEditable() ? combo.getEditor().getText() : combo.getValue();
    }
}
