package org.devicedesk.devices;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.devicedesk.core.AppClock;
import org.devicedesk.ui.FormMessages;

/**
 * "Who held it at…" ({@code custody-at-*}): a day and an optional time (noon when left empty), answered
 * from the custody history in one sentence.
 */
final class WhoHeldAtModel {
    private final DevicePageModel panel;
    final ObjectProperty<LocalDate> day = new SimpleObjectProperty<>();
    final StringProperty time = new SimpleStringProperty("");
    final StringProperty answer = new SimpleStringProperty("");

    WhoHeldAtModel(DevicePageModel panel) {
        this.panel = panel;
    }

    void reset(LocalDate today) {
        answer.set("");
        day.set(today);
    }

    void ask() {
        Device d = panel.device();
        if (d == null) return;
        LocalDate on = day.get();
        // the one set of time rules (issue 15): 14:30, 1430, 14.30, 2:30 pm
        LocalTime at = time.get() == null || time.get().isBlank() ? LocalTime.NOON : org.devicedesk.core.TypedWhen.time(time.get());
        if (at == null) {
            answer.set("Enter the time as hours and minutes, for example 14:30.");
            return;
        }
        if (on == null) {
            answer.set("Choose the day first.");
            return;
        }
        Instant instant = on.atTime(at).atZone(AppClock.OFFICE_ZONE).toInstant();
        long id = d.id();
        String whenText = DeviceBadgesUi.when(instant);
        panel.tasks.run(() -> panel.devices.whoHeldAt(panel.session, id, instant), c -> answer.set(c
                .map(x -> "At " + whenText + " " + d.assetTag() + " was held by " + x.personName() + " (" + x.kind().label().toLowerCase()
                        + " " + DeviceBadgesUi.when(x.from()) + (x.to() == null ? ", still held" : ", until " + DeviceBadgesUi.when(x.to())) + ").")
                .orElse("At " + whenText + " nobody held " + d.assetTag() + ".")), t -> answer.set(FormMessages.describe(t)));
    }
}
