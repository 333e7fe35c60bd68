package org.devicedesk.dashboard;

import atlantafx.base.theme.Styles;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.devicedesk.people.DeclarationState;
import org.devicedesk.ui.AppContext;
import org.devicedesk.ui.FormMessages;
import org.devicedesk.ui.Screen;
import org.devicedesk.ui.Tasks;

/**
 * The first screen after sign-in (SPEC section 7): numbers chosen by role that click through to the
 * filtered list, the urgent things by name, and two charts. It refreshes itself every minute in the
 * background, and the same minute's tick raises notifications (each once) that lead to the record.
 * A view over {@link DashboardModel}, which holds the loading, the notifications and the cards' words and warnings.
 */
public final class DashboardView implements Screen {
    private final PopUpsUi popUps = new PopUpsUi();

    private final AppContext context;
    private final DashboardModel model;
    private final VBox content = new VBox(16);
    private final ScrollPane root = new ScrollPane(content);
    private final Label updated = new Label();
    private final FormMessages messages = new FormMessages("dashboard");
    private final Timeline ticker;

    public DashboardView(AppContext context) {
        this.context = context;
        this.model = new DashboardModel(context.service(DashboardService.class), context.service(org.devicedesk.incidents.IncidentService.class),
                context.session(), Tasks.background());
        root.setFitToWidth(true);
        root.setId("dashboard");
        root.getStyleClass().add("dashboard");
        content.setPadding(new Insets(4, 8, 16, 4));
        updated.setId("dashboard-updated");
        updated.getStyleClass().add(Styles.TEXT_MUTED);
        ticker = new Timeline(new KeyFrame(Duration.minutes(1), e -> tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
        // the first notifications shortly after sign-in, once the window is up
        Timeline first = new Timeline(new KeyFrame(Duration.seconds(2), e -> notifyDue()));
        first.play();
    }

    @Override public Node node() {
        return root;
    }

    @Override public void show(Object argument) {
        refresh();
    }

    /** Every minute: stop once signed out (the shell left the window); else notify, and refresh when visible. */
    private void tick() {
        if (context.window() == null) {
            ticker.stop();
            return;
        }
        notifyDue();
        if (root.getScene() != null) refresh();
    }

    /** Reloads the numbers in the background; the screen keeps its last numbers meanwhile. */
    public void refresh() {
        model.refresh(l -> {
            messages.clear();
            render(l);
        }, messages::show);
    }

    /** Pop-ups can be switched off ({@code -Ddevicedesk.notifications=off}); TestFX tests do, so a pop-up never covers a button they click. */
    static boolean popUpsOn() {
        return !"off".equalsIgnoreCase(System.getProperty("devicedesk.notifications", "on"));
    }

    private void notifyDue() {
        if (context.window() == null || !popUpsOn()) return;
        model.notifyDue(this::popUp);
    }

    private void popUp(List<Notice> due) {
        if (due.isEmpty() || context.window() == null) return;
        for (Notice n : DashboardModel.popUps(due)) {
            popUps.show(context.window(), n.title(), n.text(), DashboardModel.warning(n), Duration.seconds(20), () -> context.navigate(n.screen(), n.recordId()));
        }
        int more = DashboardModel.morePopUps(due);
        if (more > 0) {
            popUps.show(context.window(), more + " more to look at", "See the dashboard for the rest.", false, Duration.seconds(20),
                    () -> context.navigate("dashboard", null));
        }
    }

    // ---- rendering ----

    private void render(DashboardModel.Loaded l) {
        Dashboard d = l.dashboard();
        List<Node> parts = new ArrayList<>();
        Label title = new Label("Dashboard");
        title.getStyleClass().add(Styles.TITLE_2);
        updated.setText(DashboardModel.updatedLine(d.at()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(12, title, spacer, updated);
        head.setAlignment(Pos.BASELINE_LEFT);
        parts.add(head);
        parts.add(messages.node());

        if (DashboardModel.staffOnly(d)) {
            parts.add(reportCard(l.callNow()));
            parts.add(myDevices(l.myDevices()));
            parts.add(mine(d.mine()));
        }
        if (d.breaches() != null) parts.add(breaches(d.breaches(), d.at()));
        if (d.incidents() != null) parts.add(incidents(d.incidents()));
        if (d.travel() != null) parts.add(travel(d.travel(), DashboardModel.today(d)));
        parts.add(org.devicedesk.bookings.BookingsSection.create(context)); // issue 21: due out today, overdue back
        parts.add(row(d.declarations() == null ? null : declarations(d.declarations()), d.devices() == null ? null : devices(d.devices())));
        parts.add(row(d.incidents() == null ? null : perMonthChart(d.incidents().perMonth()), d.devices() == null ? null : devicesChart(d.devices())));
        parts.removeIf(java.util.Objects::isNull);
        content.getChildren().setAll(parts);
    }

    /** First on a member of staff's dashboard (policy 56: report at once): the report button and who to phone now. */
    private Node reportCard(org.devicedesk.incidents.Incident.CallNow call) {
        Button report = new Button("_Report a lost or stolen device", new org.kordamp.ikonli.javafx.FontIcon(
                org.kordamp.ikonli.materialdesign2.MaterialDesignA.ALERT_OUTLINE));
        report.setId("dashboard-report");
        report.getStyleClass().addAll(Styles.ACCENT, Styles.LARGE);
        report.setMinWidth(Region.USE_PREF_SIZE);
        report.setOnAction(e -> context.navigate("incidents", "new"));
        Label phone = new Label(call == null ? "" : call.text());
        phone.setId("dashboard-call-now");
        phone.setWrapText(true);
        phone.getStyleClass().add(call != null && call.outOfHours() ? "call-now-out-of-hours" : "call-now-in-hours");
        Label other = muted("Also for a password someone may know, or a device that may have been tampered with.");
        other.setWrapText(true);
        VBox text = new VBox(4, phone, other);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(16, report, text);
        row.setAlignment(Pos.CENTER_LEFT);
        VBox card = new VBox(row);
        card.setId("dashboard-report-card");
        card.getStyleClass().addAll("card", "dashboard-report-card");
        // the first thing a keyboard lands on
        report.sceneProperty().addListener((o, a, sc) -> {
            if (sc != null) javafx.application.Platform.runLater(report::requestFocus);
        });
        return card;
    }

    private Node myDevices(List<org.devicedesk.incidents.Incident.DeviceChoice> held) {
        VBox list = new VBox(4);
        list.setId("dashboard-mine-devices");
        for (var dv : held) {
            Hyperlink open = link(dv.toString(), new DashboardTargets.Target("devices", null));
            list.getChildren().add(open);
        }
        if (held.isEmpty()) list.getChildren().add(muted("You hold no device in the register. If that is wrong, call the help desk."));
        return card("My devices" + (held.isEmpty() ? "" : " (" + held.size() + ")"), list);
    }

    private Node mine(Dashboard.Mine m) {
        DeclarationState dec = m.declaration();
        Label declaration = new Label(DashboardModel.declarationText(dec));
        declaration.setId("dashboard-mine-declaration");
        declaration.getStyleClass().addAll("badge", DashboardModel.declarationBadge(dec));
        FlowPane tiles = tiles(
                tile("dashboard-mine-reports", m.openReports(), m.openReports() == 1 ? "of my reports is open" : "of my reports are open",
                        DashboardTargets.incidents(null, null), false),
                tile("dashboard-mine-travel", m.upcomingTravel(), m.upcomingTravel() == 1 ? "trip coming up" : "trips coming up",
                        DashboardTargets.travel(), false));
        return card("My declaration and reports", new VBox(10, declaration, tiles));
    }

    private Node breaches(Dashboard.Breaches b, Instant now) {
        FlowPane tiles = tiles(
                tile("dashboard-breaches-overdue", b.overdue(), "past the ICO deadline", DashboardTargets.breaches(), b.overdue() > 0),
                tile("dashboard-breaches-last-24h", b.last24Hours(), "in their last 24 hours", DashboardTargets.breaches(), b.last24Hours() > 0),
                tile("dashboard-breaches-within-48h", b.within48Hours(), "24 to 48 hours left", DashboardTargets.breaches(), false),
                tile("dashboard-breaches-later", b.moreThan48Hours(), "more than 48 hours left", DashboardTargets.breaches(), false));
        VBox list = new VBox(4);
        list.setId("dashboard-breaches-list");
        for (var c : b.open().subList(0, Math.min(DashboardModel.LISTED, b.open().size()))) {
            Label when = new Label(DashboardModel.timeLeft(now, c.deadline()));
            when.getStyleClass().addAll("badge", DashboardModel.timeLeftBadge(now, c.deadline()));
            when.setMinWidth(Region.USE_PREF_SIZE);
            HBox whenBox = new HBox(when);
            whenBox.setMinWidth(175); // fixed widths, so the deadlines and links line up from row to row
            whenBox.setPrefWidth(175);
            Label deadline = muted("deadline " + DashboardModel.when(c.deadline(), now));
            deadline.setMinWidth(215);
            deadline.setPrefWidth(215);
            Hyperlink open = link(c.reference() + "  " + c.title(), DashboardTargets.record("breaches", c.id()));
            open.setMinWidth(0);
            list.getChildren().add(line(whenBox, deadline, open));
        }
        if (DashboardModel.unlisted(b.open().size()) > 0) {
            Hyperlink more = link("… and " + DashboardModel.unlisted(b.open().size()) + " more in the breach queue", DashboardTargets.breaches());
            more.setId("dashboard-breaches-more");
            list.getChildren().add(more);
        }
        if (b.open().isEmpty()) list.getChildren().add(muted("No breach case is waiting for a decision."));
        return card("Breach cases by time left to the ICO deadline (" + b.total() + " to decide)", new VBox(12, tiles, list));
    }

    private Node incidents(Dashboard.Incidents i) {
        List<Node> statusTiles = new ArrayList<>();
        statusTiles.add(tile("dashboard-incidents-open", i.open(), "open incidents", DashboardTargets.incidents(null, null), false));
        for (var e : i.openByStatus().entrySet()) {
            statusTiles.add(tile("dashboard-incidents-" + DashboardModel.kebab(e.getKey()), e.getValue(), Dashboard.label(e.getKey()).toLowerCase(Locale.UK),
                    DashboardTargets.incidents(null, e.getKey()), DashboardModel.incidentStatusNeedsAttention(e.getKey(), e.getValue())));
        }
        VBox byType = new VBox(4);
        byType.setId("dashboard-incidents-by-type");
        for (var e : i.openByTypeAndStatus().entrySet()) {
            int total = e.getValue().values().stream().mapToInt(Integer::intValue).sum();
            HBox row = new HBox(8);
            row.setAlignment(Pos.CENTER_LEFT);
            Hyperlink type = link(Dashboard.incidentType(e.getKey()) + ": " + total, DashboardTargets.incidents(e.getKey(), null));
            type.setId("dashboard-incidents-type-" + DashboardModel.kebab(e.getKey()));
            type.setMinWidth(200);
            row.getChildren().add(type);
            for (var s : e.getValue().entrySet()) {
                Label badge = new Label(s.getValue() + " " + Dashboard.label(s.getKey()).toLowerCase(Locale.UK));
                badge.getStyleClass().addAll("badge", "REPORTED".equals(s.getKey()) ? "badge-warning" : "badge-neutral");
                row.getChildren().add(badge);
            }
            byType.getChildren().add(row);
        }
        if (i.openByTypeAndStatus().isEmpty()) byType.getChildren().add(muted("No open incidents."));
        VBox urgent = new VBox(4);
        urgent.setId("dashboard-urgent-list");
        Label urgentTitle = new Label("Urgent");
        urgentTitle.getStyleClass().add(Styles.TEXT_BOLD);
        urgent.getChildren().add(urgentTitle);
        for (var u : i.urgent()) {
            Label status = new Label(Dashboard.label(u.status()));
            status.getStyleClass().addAll("badge", "REPORTED".equals(u.status()) ? "badge-danger" : "badge-warning");
            urgent.getChildren().add(line(link(u.reference() + "  " + Dashboard.incidentType(u.type()), DashboardTargets.record("incidents", u.id())),
                    status, muted(u.reporter() + ", " + DashboardModel.WHEN.format(u.reportedAt()))));
        }
        if (i.urgent().isEmpty()) urgent.getChildren().add(muted("No urgent incident is open."));
        HBox lists = new HBox(32, byType, urgent);
        return card("Open incidents", new VBox(12, tiles(statusTiles.toArray(Node[]::new)), lists));
    }

    private Node travel(Dashboard.Travel t, java.time.LocalDate today) {
        FlowPane tiles = tiles(
                tile("dashboard-travel-soon", t.departingSoon(), "departing in the next " + DashboardService.TRAVEL_SOON_DAYS + " days",
                        DashboardTargets.travelDeparting(today, today.plusDays(DashboardService.TRAVEL_SOON_DAYS)), false),
                tile("dashboard-travel-late", t.lateUpcoming(), "late notices still to depart", DashboardTargets.lateTravel(today), t.lateUpcoming() > 0),
                tile("dashboard-travel-awaiting", t.awaitingDecision(), "awaiting a decision", DashboardTargets.travelAwaitingDecision(today), false));
        VBox list = new VBox(4);
        list.setId("dashboard-travel-list");
        for (var u : t.upcoming().subList(0, Math.min(8, t.upcoming().size()))) {
            List<Node> bits = new ArrayList<>(List.of(link(u.reference() + "  " + u.traveller(), DashboardTargets.record("travel", u.id())),
                    muted("departs " + DashboardModel.DAY.format(u.departureDate()))));
            if (u.late()) bits.add(badge("Late", "badge-danger"));
            bits.add(u.decision() == null ? badge("Awaiting decision", "badge-warning") : badge(Dashboard.label(u.decision()), "badge-success"));
            list.getChildren().add(line(bits.toArray(Node[]::new)));
        }
        if (t.upcoming().isEmpty()) list.getChildren().add(muted("Nobody is due to travel in the next " + DashboardService.TRAVEL_SOON_DAYS + " days."));
        return card("Overseas travel", new VBox(12, tiles, list));
    }

    private Node declarations(Dashboard.Declarations d) {
        return card("Annual declarations (active people)", tiles(
                tile("dashboard-declarations-expiring", d.expiring(), "expiring within the warning period", DashboardTargets.people(DeclarationState.State.EXPIRING), false),
                tile("dashboard-declarations-expired", d.expired(), "expired", DashboardTargets.people(DeclarationState.State.EXPIRED), d.expired() > 0),
                tile("dashboard-declarations-missing", d.missing(), "never signed", DashboardTargets.people(DeclarationState.State.MISSING), d.missing() > 0),
                tile("dashboard-declarations-current", d.current(), "current", DashboardTargets.people(DeclarationState.State.CURRENT), false)));
    }

    private Node devices(Dashboard.Devices dv) {
        List<Node> t = new ArrayList<>();
        for (Map.Entry<String, Integer> e : dv.byStatus().entrySet()) {
            boolean warn = DashboardModel.deviceStatusNeedsAttention(e.getKey(), e.getValue());
            t.add(tile("dashboard-devices-" + DashboardModel.kebab(e.getKey()), e.getValue(), Dashboard.label(e.getKey()).toLowerCase(Locale.UK),
                    DashboardTargets.devices(e.getKey()), warn));
        }
        return card("Devices by status (" + dv.total() + " in the register)", tiles(t.toArray(Node[]::new)));
    }

    private Node devicesChart(Dashboard.Devices dv) {
        if (dv.total() == 0) return card("Share of devices by status", muted("No devices in the register yet."));
        PieChart pie = new PieChart();
        pie.setId("dashboard-devices-chart");
        pie.setLegendVisible(true);
        pie.setLabelsVisible(false);
        pie.setPrefSize(360, 260);
        pie.setAnimated(false);
        for (Map.Entry<String, Integer> e : dv.byStatus().entrySet()) {
            if (e.getValue() == 0) continue;
            // the numbers are on the tiles beside it: the chart shows the shares, in colours that mean something
            PieChart.Data slice = new PieChart.Data(Dashboard.label(e.getKey()), e.getValue());
            pie.getData().add(slice);
            slice.getNode().getProperties().put("device-status", e.getKey());
            javafx.scene.control.Tooltip.install(slice.getNode(), new javafx.scene.control.Tooltip(Dashboard.label(e.getKey()) + ": " + e.getValue()));
            DashboardTargets.Target target = DashboardTargets.devices(e.getKey());
            slice.getNode().setOnMouseClicked(ev -> context.navigate(target.screen(), target.argument()));
            slice.getNode().setStyle("-fx-cursor: hand;");
        }
        // the colours that mean something, once every slice is in: PieChart sets every slice's style classes
        // again (chart-pie dataN default-colorN) each time one is added, so a class added with each slice
        // stayed on the last one only (In service came out orange, Lost green)
        for (PieChart.Data slice : pie.getData()) {
            slice.getNode().getStyleClass().add("device-status-" + DashboardModel.kebab((String) slice.getNode().getProperties().get("device-status")));
        }
        // the legend's symbols in the slices' colours (JavaFX gives them default-colorN classes of their own)
        pie.needsLayoutProperty().addListener((o, a, b) -> {
            for (Node item : pie.lookupAll(".chart-legend-item")) {
                if (item instanceof Label l && l.getGraphic() != null) {
                    for (String code : Dashboard.DEVICE_STATUSES) {
                        if (Dashboard.label(code).equals(l.getText())) {
                            l.getGraphic().getStyleClass().removeIf(c -> c.startsWith("device-status-"));
                            l.getGraphic().getStyleClass().add("device-status-" + DashboardModel.kebab(code));
                        }
                    }
                }
            }
        });
        return card("Share of devices by status", pie);
    }

    /** Two cards side by side, sharing the width; one alone takes it all; none: nothing. */
    private static Node row(Node left, Node right) {
        if (left == null && right == null) return null;
        if (left == null || right == null) return left == null ? right : left;
        HBox row = new HBox(16, left, right);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        ((Region) left).setMaxWidth(Double.MAX_VALUE);
        ((Region) right).setMaxWidth(Double.MAX_VALUE);
        ((Region) left).setPrefWidth(1);
        ((Region) right).setPrefWidth(1);
        return row;
    }

    private Node perMonthChart(List<Dashboard.MonthCount> months) {
        CategoryAxis x = new CategoryAxis();
        DashboardModel.Axis axis = DashboardModel.perMonthAxis(months);
        NumberAxis y = new NumberAxis(0, axis.upper(), axis.unit()); // whole incidents only
        y.setMinorTickVisible(false);
        y.setLabel("Reported");
        BarChart<String, Number> chart = new BarChart<>(x, y);
        chart.setId("dashboard-incidents-chart");
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setPrefHeight(260);
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        for (var m : months) series.getData().add(new XYChart.Data<>(DashboardModel.MONTH.format(m.month()), m.count()));
        chart.getData().add(series);
        return card("Incidents reported per month (last " + DashboardService.MONTHS + " months)", chart);
    }

    // ---- small pieces ----

    private Node tile(String id, int value, String caption, DashboardTargets.Target target, boolean attention) {
        Button number = new Button(Integer.toString(value));
        number.setId(id);
        number.getStyleClass().addAll(Styles.FLAT, "dashboard-number");
        if (attention) number.getStyleClass().add("dashboard-attention");
        number.setOnAction(e -> context.navigate(target.screen(), target.argument()));
        number.setTooltip(new javafx.scene.control.Tooltip("Open the list"));
        Label text = new Label(caption);
        text.getStyleClass().add(Styles.TEXT_MUTED);
        text.setWrapText(true);
        text.setMaxWidth(150);
        VBox box = new VBox(2, number, text);
        box.getStyleClass().add("dashboard-tile");
        return box;
    }

    private static FlowPane tiles(Node... tiles) {
        FlowPane pane = new FlowPane(12, 12, tiles);
        return pane;
    }

    private Hyperlink link(String text, DashboardTargets.Target target) {
        Hyperlink l = new Hyperlink(text);
        l.setOnAction(e -> context.navigate(target.screen(), target.argument()));
        return l;
    }

    private static HBox line(Node... nodes) {
        HBox row = new HBox(8, nodes);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        return l;
    }

    private static Label badge(String text, String kind) {
        Label l = new Label(text);
        l.getStyleClass().addAll("badge", kind);
        return l;
    }

    /**
     * A card as every titled card on the dashboard has it (issue 17: one header style): AtlantaFX's Card, the title
     * in its header band above the body — "Pool bookings today" (bookings/BookingsSection) too. The staff's report
     * card is the one without a title.
     */
    private static Node card(String title, Node body) {
        Label t = new Label(title);
        t.getStyleClass().add(Styles.TITLE_4);
        atlantafx.base.controls.Card card = new atlantafx.base.controls.Card();
        card.setHeader(t);
        card.setBody(body);
        return card;
    }
}
