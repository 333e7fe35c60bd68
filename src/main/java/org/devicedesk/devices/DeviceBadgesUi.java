package org.devicedesk.devices;

import java.time.Instant;
import javafx.scene.control.Label;
import org.devicedesk.people.DeclarationState;
import org.devicedesk.people.PeopleService;

/** Status badges and short texts shared by the device screens. */
final class DeviceBadgesUi {
    private DeviceBadgesUi() {}

    static Label status(Device.Status status) {
        Label l = new Label(status.label());
        l.getStyleClass().addAll("badge", styleOf(status));
        return l;
    }

    static String styleOf(Device.Status status) {
        return switch (status) {
            case IN_SERVICE -> "badge-success";
            case IN_STOCK -> "badge-accent";
            case LOST, STOLEN -> "badge-danger";
            case QUARANTINED -> "badge-warning";
            case RETIRED -> "badge-neutral";
        };
    }

    private static final java.time.format.DateTimeFormatter DAY_THEN_TIME =
            java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy'\n'HH:mm", java.util.Locale.UK).withZone(org.devicedesk.core.AppClock.OFFICE_ZONE);

    /** "2 Nov 2025" over "09:40", for narrow table columns. */
    static String dayThenTime(Instant at) {
        return at == null ? "" : DAY_THEN_TIME.format(at);
    }

    static String when(Instant at) {
        return at == null ? "" : DeviceService.WHEN.format(at);
    }

    /** "Priya Shah · IT&D" with a warning when the person could not be given a device today. */
    static String person(PeopleService.Row r) {
        StringBuilder sb = new StringBuilder(r.person().fullName());
        if (r.person().team() != null) sb.append("  ·  ").append(r.person().team());
        if (!r.person().active()) sb.append("  (left)");
        else if (!r.declaration().isCurrent()) {
            sb.append(r.declaration().state() == DeclarationState.State.MISSING ? "  (declaration never signed)" : "  (declaration expired)");
        }
        return sb.toString();
    }
}
