package org.devicedesk.bookings;

import atlantafx.base.theme.Styles;
import java.time.LocalDate;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.devicedesk.people.PersonDevices;
import org.devicedesk.ui.AppContext;
import org.devicedesk.ui.Background;
import org.devicedesk.ui.FormMessages;

/**
 * The person page's pool bookings ({@code person-bookings}), below the devices they hold: the bookings still to
 * come or out now, and the last few before. Each opens the booking calendar of its device.
 */
public final class PersonBookingsSection {
    private static final int PAST_SHOWN = 3;

    private PersonBookingsSection() {}

    /** The devices section as {@code devices} fills it, then the bookings, each in its own box (each fills itself in the background). */
    public static PersonDevices after(PersonDevices devices) {
        return (context, person, section) -> {
            VBox held = new VBox(8);
            VBox booked = new VBox(6);
            booked.setId("person-bookings");
            section.getChildren().addAll(held, booked);
            devices.fill(context, person, held);
            fill(context, person.id(), booked);
        };
    }

    static void fill(AppContext context, long personId, VBox box) {
        Background.run(() -> context.service(BookingService.class).ofPerson(context.session(), personId), list -> render(context, list, box), t -> {
            Label l = new Label(FormMessages.describe(t));
            l.setWrapText(true);
            l.getStyleClass().add(Styles.DANGER);
            box.getChildren().setAll(l);
        });
    }

    private static void render(AppContext context, List<Booking> all, VBox box) {
        LocalDate today = context.service(BookingService.class).today();
        List<Booking> current = all.stream().filter(b -> b.isActive() && (b.status() == Booking.Status.CHECKED_OUT ? b.returnedAt() == null : !b.to().isBefore(today)))
                .sorted(java.util.Comparator.comparing(Booking::from)).toList();
        List<Booking> past = all.stream().filter(b -> !current.contains(b)).limit(PAST_SHOWN).toList();
        Label title = new Label("Pool bookings" + (current.isEmpty() ? "" : " (" + current.size() + " to come or out)"));
        title.getStyleClass().add(Styles.TEXT_BOLD);
        box.getChildren().setAll(title);
        if (all.isEmpty()) {
            Label none = new Label("No pool bookings.");
            none.getStyleClass().add(Styles.TEXT_MUTED);
            box.getChildren().add(none);
            return;
        }
        for (Booking b : current) box.getChildren().add(line(context, b, today));
        for (Booking b : past) box.getChildren().add(line(context, b, today));
    }

    private static HBox line(AppContext context, Booking b, LocalDate today) {
        Hyperlink tag = new Hyperlink(b.assetTag());
        tag.setId("person-booking-" + b.id());
        tag.setOnAction(e -> context.navigate("bookings", b.deviceId()));
        tag.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label days = new Label(BookingService.days(b.from(), b.to()) + " · " + b.purpose());
        days.setWrapText(true);
        Booking.State st = b.state(today);
        Label badge = new Label(st.label());
        badge.getStyleClass().addAll("badge", switch (st) {
            case OVERDUE, NOT_COLLECTED -> "badge-danger";
            case DUE_OUT -> "badge-warning";
            case OUT -> "badge-accent";
            case RETURNED -> "badge-success";
            default -> "badge-neutral";
        });
        badge.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        days.setMinWidth(0);
        HBox.setHgrow(days, javafx.scene.layout.Priority.ALWAYS);
        HBox row = new HBox(8, tag, badge, days);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
