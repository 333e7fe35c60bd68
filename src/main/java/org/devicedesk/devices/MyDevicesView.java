package org.devicedesk.devices;

import atlantafx.base.theme.Styles;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.devicedesk.core.Session;
import org.devicedesk.ui.AppContext;
import org.devicedesk.ui.Columns;
import org.devicedesk.ui.FormMessages;
import org.devicedesk.ui.Screen;

/**
 * "My devices" for staff (SPEC section 2 and 6): the devices issued or checked out to the signed-in
 * person now, what they held before, and the pool devices they may check out. Read-only: the helpdesk
 * records hand-overs.
 */
public final class MyDevicesView implements Screen {
    private final Session session;
    private final DeviceService devices;
    private final VBox root = new VBox(12);
    private final TableView<Device> held = new TableView<>();
    private final TableView<Custody> before = new TableView<>();
    private final Label pool = new Label();
    private final FormMessages messages = new FormMessages("devices");
    private final MyDevicesModel mine;

    public MyDevicesView(AppContext context) {
        this.session = context.session();
        this.devices = context.service(org.devicedesk.devices.DeviceService.class);
        this.mine = new MyDevicesModel(session, devices, org.devicedesk.ui.Tasks.background());
        Label title = new Label("My devices");
        title.getStyleClass().add("screen-title");
        Label intro = new Label("The devices issued or checked out to you. You are responsible for everything done on them. "
                + "If one is lost or stolen, report it at once on the Incidents screen.");
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);
        intro.setTooltip(new javafx.scene.control.Tooltip("Policy paragraph 50"));
        intro.getStyleClass().add(Styles.TEXT_MUTED);

        held.setId("devices-table");
        held.setPlaceholder(new Label("You hold no devices at the moment."));
        held.setPrefHeight(220);
        held.getColumns().setAll(List.of(
                col("Asset tag", Device::assetTag, String.CASE_INSENSITIVE_ORDER, 120),
                col("Kind", Device::kind, Comparator.<Device.Kind>naturalOrder(), 120),
                col("Make and model", Device::makeModel, String.CASE_INSENSITIVE_ORDER, 200),
                col("How", d -> d.holder().kind(), Comparator.<Custody.Kind>naturalOrder(), 130),
                col("Since", d -> DeviceBadgesUi.when(d.holder().since()), String::compareTo, 170),
                statusColumn()));
        held.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        Label beforeTitle = new Label("Held before");
        beforeTitle.getStyleClass().add(Styles.TITLE_4);
        before.setId("devices-history");
        before.setPlaceholder(new Label("Nothing yet."));
        TableColumn<Custody, String> tag = Columns.plain("Asset tag", Custody::assetTag, String.CASE_INSENSITIVE_ORDER);
        TableColumn<Custody, String> model = Columns.plain("Make and model", Custody::makeModel, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER));
        TableColumn<Custody, Instant> from = Columns.dateTime("From", Custody::from, DeviceBadgesUi::when, null, null,
                Comparator.nullsLast(Comparator.naturalOrder()));
        TableColumn<Custody, Instant> to = Columns.dateTime("To", Custody::to, DeviceBadgesUi::when, null, null,
                Comparator.nullsLast(Comparator.naturalOrder()));
        before.getColumns().setAll(List.of(tag, model, from, to));
        before.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        org.devicedesk.ui.Tables.fit(before);
        org.devicedesk.ui.Tables.fit(held);
        VBox.setVgrow(before, Priority.ALWAYS);

        pool.setId("devices-pool");
        pool.setWrapText(true);
        pool.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        root.getChildren().addAll(title, intro, messages.node(), held, pool, beforeTitle, before);
        held.setItems(mine.held);
        before.setItems(mine.before);
        pool.textProperty().bind(mine.poolLine);
        mine.outcome.addListener((o, was, now) -> now.showIn(messages));
    }

    private static <T> TableColumn<Device, T> col(String title, Function<Device, T> value, Comparator<T> comparator, double width) {
        return Columns.width(Columns.plain(title, value, Comparator.nullsLast(comparator)), width);
    }

    private static TableColumn<Device, Device.Status> statusColumn() {
        return Columns.width(Columns.of("Status", Device::status, s -> Columns.Shown.graphic(DeviceBadgesUi.status(s)),
                Comparator.nullsLast(Comparator.<Device.Status>naturalOrder())), 120);
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void show(Object argument) {
        mine.load();
    }
}
