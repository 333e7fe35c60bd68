package org.devicedesk.travel;

import atlantafx.base.theme.Styles;
import java.io.File;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.devicedesk.core.Session;
import org.devicedesk.ui.AppContext;
import org.devicedesk.ui.Columns;
import org.devicedesk.ui.FormMessages;
import org.devicedesk.ui.Screen;
import org.devicedesk.ui.Tasks;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/**
 * The travel screen: for Information Security (and the helpdesk) the queue of every notice, pending
 * first and departing soonest on top, late ones marked; for everyone else their own notices. The side
 * panel shows the form ({@code travel-new}) or the selected notice with its decision panel.
 */
public final class TravelView implements Screen {
    private final java.util.function.Supplier<javafx.stage.Window> window;
    private final TravelModel model;
    private final BorderPane root = new BorderPane();
    private final TableView<TravelNotice> table = new TableView<>();
    private final TextField search = new TextField();
    private final StackPane side = new StackPane();
    private final TravelForm form;
    private final TravelPage detail;
    private final Label count = new Label();
    /** Issue 17: only the trips that are over with no decision. */
    private final javafx.scene.control.CheckBox overdueOnly = new javafx.scene.control.CheckBox("Back from the trip, no _decision yet");
    private final FormMessages listMessages = new FormMessages("travel-list");

    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.UK);

    public TravelView(AppContext context) {
        TravelService travel = context.service(TravelService.class);
        this.window = context::window;
        Session session = context.session();
        this.model = new TravelModel(travel, session, Tasks.background());
        this.form = new TravelForm(travel, session, this::saved, this::closeSide);
        this.detail = new TravelPage(travel, session, this::saved, this::edit);

        boolean queue = model.queue();
        Label title = new Label(queue ? "Travel notices" : "My travel notices");
        title.getStyleClass().add("screen-title");
        Label sub = new Label(queue ? "Information Security queue: pending first, departing soonest on top." : "Overseas travel notices you have filed (policy 53).");
        sub.getStyleClass().add(Styles.TEXT_MUTED);
        search.setId("travel-search");
        search.setAccessibleText("Search travel notices by reference, traveller, country or purpose");
        search.setPromptText("Search reference, traveller, country…");
        search.setTooltip(new javafx.scene.control.Tooltip("Search by reference, traveller, country or purpose"));
        search.setPrefWidth(300);
        search.textProperty().bindBidirectional(model.search);
        Button create = new Button("_New travel notice", new FontIcon(MaterialDesignP.PLUS));
        create.setId("travel-new");
        create.getStyleClass().add(Styles.ACCENT);
        create.setOnAction(e -> openForm(null));
        Button export = new Button("Export CSV", new FontIcon(MaterialDesignF.FILE_EXPORT_OUTLINE));
        export.setId("travel-export");
        export.setOnAction(e -> export(context));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        VBox titles = new VBox(2, title, sub);
        overdueOnly.setId("travel-overdue-only");
        overdueOnly.setTooltip(new javafx.scene.control.Tooltip("Only trips whose return date has passed with no Information Security decision"));
        overdueOnly.setMinWidth(Region.USE_PREF_SIZE);
        overdueOnly.selectedProperty().bindBidirectional(model.overdueOnly);
        HBox top = new HBox(10, titles, spacer, search, export, create);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(0, 0, 12, 0));

        buildTable();
        count.setId("travel-count");
        count.textProperty().bind(model.count());
        count.getStyleClass().add(Styles.TEXT_MUTED);
        // under the list, beside the count: the title row has no room to spare at 1366 wide
        HBox foot = new HBox(16, count);
        foot.setAlignment(Pos.CENTER_LEFT);
        if (queue) foot.getChildren().add(overdueOnly);
        VBox center = new VBox(8, listMessages.node(), table, foot);
        VBox.setVgrow(table, Priority.ALWAYS);

        side.setPrefWidth(470);
        side.setMinWidth(400);
        side.setMaxWidth(520);
        BorderPane.setMargin(side, new Insets(0, 0, 0, 12));
        closeSide();

        root.setTop(top);
        root.setCenter(center);
        root.setId("travel-screen");
        org.devicedesk.ui.Tables.openChosenRow(table, n -> true, this::unsavedChanges, TravelNotice::reference, window, this::showDetail);
    }

    private void buildTable() {
        table.setId("travel-table");
        Label none = new Label("No travel notices yet. File one with \"New travel notice\" at least 7 days before you travel.");
        none.setWrapText(true);
        none.setMaxWidth(360);
        none.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        table.setPlaceholder(none);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<TravelNotice, String> ref = text("Reference", TravelNotice::reference, 125);
        TableColumn<TravelNotice, String> traveller = text("Traveller", TravelNotice::travellerName, 140);
        // free text that gives way (its whole text in a tooltip and on the notice's page): last, so it takes what
        // the whole columns leave and grows with the window, and the Status column (Information Security's key
        // column) and the badges are never the ones cut at 1366 wide
        TableColumn<TravelNotice, String> dest = org.devicedesk.ui.Tables.mayShorten(text("Destinations", TravelNotice::destinationNames, 150));
        dest.setMinWidth(90);
        // "18 Mar 2026", as every other list shows a day
        TableColumn<TravelNotice, LocalDate> departs = Columns.width(Columns.date("Departs", TravelNotice::departureDate, DAY), 100);
        TableColumn<TravelNotice, LocalDate> returns = Columns.width(Columns.date("Returns", TravelNotice::returnDate, DAY), 100);
        TableColumn<TravelNotice, TravelNotice> status = Columns.width(Columns.rowBadge("Status", this::statusBadges,
                Comparator.comparing((TravelNotice n) -> n.status().ordinal()).thenComparing(TravelNotice::departureDate)), 200);
        TableColumn<TravelNotice, TravelNotice> notice = Columns.width(Columns.rowBadge("Notice", TravelView::noticeBadges,
                Comparator.comparing((TravelNotice n) -> n.late() ? 0 : 1).thenComparingLong(TravelNotice::noticeDays)), 215);
        table.getColumns().setAll(List.of(ref, traveller, status, departs, returns, notice, dest));
        org.devicedesk.ui.Tables.fit(table);
        // with a notice open beside the list, what its page shows anyway (its status badge heads the page) makes way rather than being cut
        javafx.beans.binding.BooleanBinding sideClosed = javafx.beans.binding.Bindings.isEmpty(side.getChildren());
        for (TableColumn<TravelNotice, ?> c : List.of(dest, returns, status)) c.visibleProperty().bind(sideClosed);
        SortedList<TravelNotice> sorted = new SortedList<>(model.shown);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
    }

    private static TableColumn<TravelNotice, String> text(String title, java.util.function.Function<TravelNotice, String> f, double width) {
        TableColumn<TravelNotice, String> c = new TableColumn<>(title);
        c.setCellValueFactory(x -> new ReadOnlyObjectWrapper<>(f.apply(x.getValue())));
        c.setComparator(Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER));
        c.setPrefWidth(width);
        return c;
    }

    /** The notice's days and, when a destination restricts encryption, "Encryption". */
    static HBox noticeBadges(TravelNotice n) {
        HBox box = new HBox(6, noticeBadge(n));
        if (n.cryptoWarning()) box.getChildren().add(badge("Encryption", "badge-warning"));
        return box;
    }

    /** The notice's status and what is due on it now: a decision overdue, the devices' check after the trip, tampering. */
    private HBox statusBadges(TravelNotice n) {
        HBox box = new HBox(6, statusBadge(n));
        if (n.decisionOverdue(model.today())) box.getChildren().add(overdueBadge());
        if (n.postCheckDue(model.today())) box.getChildren().add(badge("Check devices", "badge-accent"));
        if (n.postCheckOutcome() == PostTravelOutcome.TAMPERING_SUSPECTED) box.getChildren().add(badge("Tampering", "badge-danger"));
        return box;
    }

    static Label badge(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().addAll("badge", style);
        l.setMinWidth(Region.USE_PREF_SIZE); // a badge is read whole or not at all
        return l;
    }

    /** "8 days' notice" and, for a late notice, "6 days' notice · late" in red (late is shown as late everywhere). */
    static Node noticeBadge(TravelNotice n) {
        Label l = badge(NoticeCheck.badge(n.noticeDays(), n.late()), n.late() ? "badge-danger" : "badge-neutral");
        if (n.late()) l.setGraphic(new FontIcon(MaterialDesignA.ALERT_CIRCLE_OUTLINE));
        return l;
    }

    /** Issue 17: the trip is over and Information Security never decided on it. */
    static Label overdueBadge() {
        Label l = badge("Back, undecided", "badge-danger");
        l.setTooltip(new javafx.scene.control.Tooltip("The return date has passed and Information Security has not decided on this notice."));
        l.setAccessibleText("Decision overdue: the return date has passed with no decision");
        return l;
    }

    static Node statusBadge(TravelNotice n) {
        return switch (n.status()) {
            case PENDING -> badge(n.status().label(), "badge-accent");
            case APPROVED -> badge(n.status().label(), "badge-success");
            case APPROVED_WITH_CONDITIONS -> badge(n.status().label(), "badge-warning");
            case NOT_APPROVED -> badge(n.status().label(), "badge-danger");
        };
    }

    /** The notice form, when it is open and holds something not saved (ADR 0014): navigating, signing out, closing ask. */
    @Override
    public String unsavedChanges() {
        return side.getChildren().contains(form.node()) ? form.unsavedChanges() : null;
    }

    @Override
    public void discardChanges() {
        if (side.getChildren().contains(form.node())) closeSide();
    }

    private void openForm(TravelNotice notice) {
        String unsaved = unsavedChanges();
        if (unsaved != null && !org.devicedesk.ui.Confirm.leaveUnsaved(window.get(), unsaved, "start a new notice")) return;
        table.getSelectionModel().clearSelection();
        form.open(notice);
        showSide(form.node());
    }

    private void edit(TravelNotice n) {
        form.open(n);
        showSide(form.node());
    }

    private void showDetail(TravelNotice n) {
        detail.show(n);
        showSide(detail.node());
    }

    private void showSide(Node n) {
        side.getChildren().setAll(n);
        root.setRight(side);
    }

    private void closeSide() {
        side.getChildren().clear();
        root.setRight(null);
    }

    private void saved(Long id) {
        model.selectAfterLoad(id);
        closeSide();
        load();
    }

    @Override public Node node() {
        return root;
    }

    @Override public void show(Object argument) {
        model.narrowTo(argument); // from the dashboard; the navigation shows all again
        if (argument instanceof Long id) model.selectAfterLoad(id);
        else if (argument instanceof String s && s.matches("\\d+")) model.selectAfterLoad(Long.parseLong(s));
        else if ("new".equals(argument)) openForm(null);
        load();
    }

    private void load() {
        model.load(n -> {
            table.getSelectionModel().select(n);
            table.scrollTo(n);
            showDetail(n);
        }, listMessages::show);
    }

    private void export(AppContext context) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export travel notices");
        chooser.setInitialFileName("travel-notices.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files", "*.csv"));
        File file = chooser.showSaveDialog(context.window());
        if (file == null) return;
        model.export(file, table.getItems(), n -> listMessages.success(n + " notices exported to " + file.getName() + "."), listMessages::show);
    }
}
