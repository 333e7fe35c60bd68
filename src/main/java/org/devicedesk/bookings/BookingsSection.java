package org.devicedesk.bookings;

import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.devicedesk.ui.AppContext;

/**
 * The dashboard's pool bookings card ({@code dashboard-bookings}): bookings due out today and not yet collected,
 * and checked-out ones past their last day ("overdue back"), by name. It loads itself in the background.
 */
public final class BookingsSection {
    private BookingsSection() {}

    /** The card, empty until loaded; it stays hidden for someone with nothing booked and nothing to hand out. */
    public static Node create(AppContext context) {
        // AtlantaFX's Card, the title in its header band, as every titled card on the dashboard (issue 17: one header style)
        atlantafx.base.controls.Card card = new atlantafx.base.controls.Card();
        card.setId("dashboard-bookings");
        card.setVisible(false);
        card.setManaged(false);
        BookingsSectionModel model = new BookingsSectionModel(context.session(), context.service(org.devicedesk.bookings.BookingService.class), org.devicedesk.ui.Tasks.background());
        model.shownProperty().addListener((o, was, today) -> {
            if (today == null) return;
            Label title = new Label("Pool bookings today");
            title.getStyleClass().add(Styles.TITLE_4);
            FlowPane tiles = new FlowPane(12, 12, tile(context, "dashboard-bookings-due-out", today.dueOutCount(), "due out today", false),
                    tile(context, "dashboard-bookings-overdue", today.overdueCount(), "overdue back", today.overdueCount() > 0));
            VBox list = new VBox(4);
            list.setId("dashboard-bookings-list");
            for (Booking b : today.overdue()) list.getChildren().add(line(context, b, "Overdue back", "badge-danger",
                    "due back " + BookingService.DAY.format(b.to())));
            for (Booking b : today.dueOut()) list.getChildren().add(line(context, b, "Due out today", "badge-warning",
                    BookingService.days(b.from(), b.to())));
            if (today.nothing()) {
                Label none = new Label("Nothing is due out today and nothing is overdue back.");
                none.getStyleClass().add(Styles.TEXT_MUTED);
                list.getChildren().add(none);
            }
            card.setHeader(title);
            card.setBody(new VBox(12, tiles, list));
            card.setVisible(true);
            card.setManaged(true);
        });
        model.load();
        return card;
    }

    private static Node tile(AppContext context, String id, int value, String caption, boolean attention) {
        Button number = new Button(Integer.toString(value));
        number.setId(id);
        number.getStyleClass().addAll(Styles.FLAT, "dashboard-number");
        if (attention) number.getStyleClass().add("dashboard-attention");
        number.setOnAction(e -> context.navigate("bookings", null));
        Label text = new Label(caption);
        text.getStyleClass().add(Styles.TEXT_MUTED);
        VBox box = new VBox(2, number, text);
        box.getStyleClass().add("dashboard-tile");
        return box;
    }

    private static HBox line(AppContext context, Booking b, String state, String style, String when) {
        Hyperlink open = new Hyperlink(b.assetTag() + "  " + b.personName());
        open.setOnAction(e -> context.navigate("bookings", b.deviceId()));
        Label badge = new Label(state);
        badge.getStyleClass().addAll("badge", style);
        Label w = new Label(when);
        w.getStyleClass().add(Styles.TEXT_MUTED);
        HBox row = new HBox(8, open, badge, w);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

}
