package org.devicedesk.devices;

import atlantafx.base.theme.Styles;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.devicedesk.core.AppClock;
import org.devicedesk.core.Session;
import org.devicedesk.people.Person;
import org.devicedesk.people.PersonPageSection;
import org.devicedesk.ui.AppContext;
import org.devicedesk.ui.FormMessages;

/**
 * The "Devices" section of a person page ({@code person-devices}, SPEC section 2, policy 50): what the
 * person holds now (asset tag, kind, model, since when) and held before (asset tag, from–to), read in
 * the background through {@link DeviceService#personCustody}. An asset tag opens the device in the
 * register for those who may see the register.
 */
public final class PersonDevicesSection {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy").withZone(AppClock.OFFICE_ZONE);

    /** Plugged into the people screen by ScreenCatalog. */
    public static final PersonPageSection FILL = PersonDevicesSection::fill;

    private PersonDevicesSection() {}

    static void fill(AppContext context, Person person, VBox section) {
        Session session = context.session();
        Label loading = new Label("Looking up devices…");
        loading.getStyleClass().add(Styles.TEXT_MUTED);
        section.getChildren().add(loading);
        PersonDevicesModel model = new PersonDevicesModel(session, context.service(org.devicedesk.devices.DeviceService.class), org.devicedesk.ui.Tasks.background());
        model.custodyProperty().addListener((o, was, custody) -> section.getChildren().setAll(render(context, model, person, custody)));
        model.failureProperty().addListener((o, was, t) -> {
            Label l = new Label(FormMessages.describe(t));
            l.setWrapText(true);
            l.getStyleClass().add(Styles.DANGER);
            section.getChildren().setAll(l);
        });
        model.load(person.id());
    }

    private static java.util.List<Node> render(AppContext context, PersonDevicesModel section, Person person, PersonCustody custody) {
        boolean links = section.tagsOpenTheRegister();

        Label nowTitle = subtitle(PersonDevicesModel.nowTitle(custody));
        Node now;
        if (custody.heldNow().isEmpty()) {
            now = muted(section.nothingHeld(person.id()));
        } else {
            GridPane g = grid("person-devices-now");
            int row = 0;
            for (Device d : custody.heldNow()) {
                Device.Holder h = d.holder();
                Label model = wrapping(d.kind().label() + (d.makeModel() == null ? "" : " \u00B7 " + d.makeModel()));
                Label since = wrapping((h.kind() == Custody.Kind.POOL_CHECKOUT ? "Checked out of the pool " : "Issued ") + DAY.format(h.since()));
                since.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
                VBox what = new VBox(1, model, since);
                if (d.status() != Device.Status.IN_SERVICE) {
                    Label badge = DeviceBadgesUi.status(d.status());
                    badge.setMinWidth(Region.USE_PREF_SIZE);
                    what.getChildren().add(badge);
                }
                g.addRow(row++, tag(context, links, d.id(), d.assetTag(), "person-device-" + d.assetTag()), what);
            }
            now = g;
        }

        Label beforeTitle = subtitle(PersonDevicesModel.beforeTitle(custody));
        Node before;
        if (custody.heldBefore().isEmpty()) {
            before = muted("No devices returned yet.");
        } else {
            GridPane g = grid("person-devices-before");
            int row = 0;
            for (Custody c : custody.heldBefore()) {
                Label dates = wrapping(range(c.from(), c.to()));
                Label model = wrapping(c.makeModel() == null ? "" : c.makeModel());
                model.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
                g.addRow(row++, tag(context, links, c.deviceId(), c.assetTag(), "person-device-before-" + c.assetTag()), new VBox(1, dates, model));
            }
            before = g;
        }
        return java.util.List.of(nowTitle, now, beforeTitle, before);
    }

    static String range(Instant from, Instant to) {
        return DAY.format(from) + " \u2013 " + (to == null ? "now" : DAY.format(to));
    }

    private static Node tag(AppContext context, boolean link, long deviceId, String assetTag, String id) {
        if (!link) {
            Label l = new Label(assetTag);
            l.getStyleClass().add(Styles.TEXT_BOLD);
            l.setMinWidth(Region.USE_PREF_SIZE);
            l.setId(id);
            GridPane.setValignment(l, javafx.geometry.VPos.TOP);
            return l;
        }
        Hyperlink h = new Hyperlink(assetTag);
        h.setId(id);
        h.setMinWidth(Region.USE_PREF_SIZE);
        h.setAccessibleText("Open device " + assetTag);
        h.setOnAction(e -> context.navigate("devices", deviceId));
        GridPane.setValignment(h, javafx.geometry.VPos.TOP);
        return h;
    }

    private static GridPane grid(String id) {
        GridPane g = new GridPane();
        g.setId(id);
        g.setHgap(12);
        g.setVgap(8);
        g.setAlignment(Pos.TOP_LEFT);
        ColumnConstraints tag = new ColumnConstraints();
        tag.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints what = new ColumnConstraints();
        what.setHgrow(Priority.ALWAYS);
        what.setMinWidth(120);
        g.getColumnConstraints().addAll(tag, what);
        return g;
    }

    private static Label subtitle(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_BOLD);
        return l;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        l.setWrapText(true);
        return l;
    }

    private static Label wrapping(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        return l;
    }
}
