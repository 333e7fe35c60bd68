package org.devicedesk.bookings;

import atlantafx.base.theme.Styles;
import java.time.LocalDate;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.devicedesk.people.PersonPageSection;
import org.devicedesk.ui.AppContext;
import org.devicedesk.ui.FormMessages;

/**
 * The person page's pool bookings ({@code person-bookings}), below the devices they hold: the bookings still to
 * come or out now, and the last few before. Each opens the booking calendar of its device.
 */
public final class PersonBookingsSection {
    private PersonBookingsSection() {}

    /** The devices section as {@code devices} fills it, then the bookings, each in its own box (each fills itself in the background). */
    public static PersonPageSection after(PersonPageSection devices) {
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
        PersonBookingsModel model = new PersonBookingsModel(context.session(), context.service(org.devicedesk.bookings.BookingService.class), org.devicedesk.ui.Tasks.background());
        model.shownProperty().addListener((o, was, shown) -> render(context, shown, box));
        model.failureProperty().addListener((o, was, t) -> {
            Label l = new Label(FormMessages.describe(t));
            l.setWrapText(true);
            l.getStyleClass().add(Styles.DANGER);
            box.getChildren().setAll(l);
        });
        model.load(personId);
    }

    private static void render(AppContext context, PersonBookingsModel.Shown shown, VBox box) {
        Label title = new Label(shown.title());
        title.getStyleClass().add(Styles.TEXT_BOLD);
        box.getChildren().setAll(title);
        if (shown.none()) {
            Label none = new Label("No pool bookings.");
            none.getStyleClass().add(Styles.TEXT_MUTED);
            box.getChildren().add(none);
            return;
        }
        for (Booking b : shown.current()) box.getChildren().add(line(context, b, shown.today()));
        for (Booking b : shown.past()) box.getChildren().add(line(context, b, shown.today()));
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
