package org.devicedesk.incidents;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.devicedesk.core.AppClock;
import org.devicedesk.core.Session;
import org.devicedesk.incidents.Incident.Status;
import org.devicedesk.incidents.Incident.Type;
import org.devicedesk.incidents.IncidentService.Age;
import org.devicedesk.incidents.IncidentService.Query;
import org.devicedesk.incidents.IncidentsModel.StatusChoice;
import org.devicedesk.ui.AppContext;
import org.devicedesk.ui.Columns;
import org.devicedesk.ui.FormMessages;
import org.devicedesk.ui.Screen;
import org.devicedesk.ui.Tasks;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;

/**
 * The incidents screen: "Report a problem" for everyone ({@code incidents-new}); the helpdesk's queue
 * (open first, urgent on top) with filters; the incident page. STAFF see only their own reports. The list's
 * state and rules are in {@link IncidentsModel}; this view builds the controls and binds them.
 */
public final class IncidentsView implements Screen {
    private static final DateTimeFormatter TABLE_WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm").withZone(AppClock.OFFICE_ZONE);

    private final StackPane root = new StackPane();
    private final VBox listPage = new VBox(12);
    private final IncidentReportForm form;
    private final java.util.function.Supplier<javafx.stage.Window> window;
    private final IncidentPage page;
    private final IncidentsModel list;
    private final FormMessages listMessages = new FormMessages("incidents");
    private final TableView<Incident> table = new TableView<>();
    private final TextField search = new TextField();
    private final ComboBox<Type> typeFilter = new ComboBox<>();
    private final ComboBox<StatusChoice> statusFilter = new ComboBox<>();
    private final ComboBox<String> assigneeFilter = new ComboBox<>();
    private final ComboBox<Age> ageFilter = new ComboBox<>();
    private final Label count = new Label();
    private final Button more = new Button("Show _more");
    private TableColumn<Incident, Incident> flagsColumn;
    private final PauseTransition typing = new PauseTransition(Duration.millis(250));

    public IncidentsView(AppContext context) {
        IncidentService incidents = context.service(IncidentService.class);
        Session session = context.session();
        this.window = context::window;
        this.list = new IncidentsModel(incidents, session, Tasks.background());
        this.form = new IncidentReportForm(incidents, context.service(org.devicedesk.people.PeopleService.class), session, this::closeForm, this::openReported);
        this.page = new IncidentPage(incidents, session, this::showList, context.live());
        buildList();
        bind();
        root.getChildren().setAll(listPage);
        // live: another client's report or change shows in the list with nothing to click (ADR 0010)
        context.live().follow(listPage, c -> c.concerns("incident"), changes -> list.reload());
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public String unsavedChanges() {
        return root.getChildren().contains(form.node()) && form.hasUnsavedChanges() ? "your report" : null;
    }

    @Override
    public void discardChanges() {
        form.abandon();
    }

    /** An incident id (Long or text) opens that incident; "new" opens the report form; anything else the list. */
    @Override
    public void show(Object argument) {
        switch (IncidentsModel.target(argument)) {
            case INCIDENT -> showIncident(IncidentsModel.incidentId(argument));
            case FORM -> showForm();
            case LIST -> {
                if (argument instanceof Query q) list.narrowTo(q); // from the dashboard: the list narrowed to a type and status
                showList();
            }
        }
    }

    /** Cancel (or Done after the guidance): asks first when something typed would be lost. */
    private void closeForm() {
        if (form.hasUnsavedChanges() && !org.devicedesk.ui.Confirm.leaveUnsaved(window.get(), "your report", "cancel it")) return;
        form.abandon();
        showList();
    }

    private void openReported(long id) {
        form.abandon();
        showIncident(id);
    }

    private void showList() {
        root.getChildren().setAll(listPage);
        list.reload();
        // back from the form or an incident: the focus they held has gone with them; put it in the list's search
        org.devicedesk.ui.Nodes.focusWhenShown(search);
    }

    private void showForm() {
        form.start();
        root.getChildren().setAll(form.node());
    }

    private void showIncident(long id) {
        page.open(id);
        root.getChildren().setAll(page.node());
    }

    private void buildList() {
        boolean all = list.seesAll();
        Label title = new Label(all ? "Incidents" : "My reports");
        title.getStyleClass().add(Styles.TITLE_2);
        Button report = new Button("_Report a problem", new FontIcon(MaterialDesignA.ALERT_OUTLINE));
        report.setId("incidents-new");
        report.getStyleClass().addAll(Styles.ACCENT, Styles.LARGE);
        report.setOnAction(e -> showForm());
        HBox top = new HBox(12, title, new Spacer(), report);
        top.setAlignment(Pos.CENTER_LEFT);

        search.setId("incidents-search");
        search.setAccessibleText("Search incidents by reference, person, device, place or what happened"); // the magnifier beside it is only a picture
        search.setPromptText("Reference, person, device, place…");
        search.setTooltip(new javafx.scene.control.Tooltip("Search by reference, person, device, place or what happened"));
        search.setPrefWidth(270);
        search.setMinWidth(140);
        typeFilter.setId("incidents-type");
        typeFilter.getItems().add(null);
        typeFilter.getItems().addAll(Type.values());
        typeFilter.setConverter(IncidentReportForm.converter(Type::label));
        typeFilter.setButtonCell(org.devicedesk.ui.Nodes.promptCell("Any type"));
        typeFilter.setPromptText("Any type");
        statusFilter.setId("incidents-status");
        statusFilter.getItems().setAll(StatusChoice.values());
        assigneeFilter.setId("incidents-assignee");
        ageFilter.setId("incidents-age");
        ageFilter.getItems().setAll(Age.values());
        count.getStyleClass().add(Styles.TEXT_MUTED);
        typeFilter.setPrefWidth(190);
        statusFilter.setPrefWidth(140);
        assigneeFilter.setPrefWidth(130);
        ageFilter.setPrefWidth(130);
        for (Region r : new Region[] {typeFilter, statusFilter, assigneeFilter, ageFilter, count}) r.setMinWidth(Region.USE_PREF_SIZE);
        HBox filters = new HBox(10, new FontIcon(MaterialDesignM.MAGNIFY), search, typeFilter, statusFilter);
        if (all) filters.getChildren().add(assigneeFilter);
        Button export = new Button("_Export CSV", new FontIcon(MaterialDesignM.MICROSOFT_EXCEL));
        export.setId("incidents-export");
        export.setOnAction(e -> export());
        export.setMinWidth(Region.USE_PREF_SIZE);
        filters.getChildren().addAll(ageFilter, count, new Spacer(), export);
        filters.setAlignment(Pos.CENTER_LEFT);

        buildTable(all);
        Label empty = new Label(all ? "No incidents match." : "You have not reported anything. If something has happened, press Report a problem.");
        empty.setWrapText(true);
        table.setPlaceholder(empty);
        VBox.setVgrow(table, Priority.ALWAYS);
        // the list loads a page at a time (issue 16): the next page below the last row loaded
        more.setId("incidents-more");
        more.setOnAction(e -> list.loadMore());
        more.setMinWidth(Region.USE_PREF_SIZE);
        HBox foot = new HBox(more);
        foot.setAlignment(Pos.CENTER);
        listPage.getChildren().setAll(top, filters, listMessages.node(), table, foot);
    }

    /** Binds the search, the filters, the rows, the count and the messages to the list's view model. */
    private void bind() {
        search.textProperty().bindBidirectional(list.search);
        search.textProperty().addListener((o, a, b) -> typing.playFromStart());
        typing.setOnFinished(e -> list.reload());
        typeFilter.valueProperty().bindBidirectional(list.type);
        statusFilter.valueProperty().bindBidirectional(list.status);
        Bindings.bindContent(assigneeFilter.getItems(), list.assignees);
        assigneeFilter.valueProperty().bindBidirectional(list.assignee);
        ageFilter.valueProperty().bindBidirectional(list.age);
        for (ComboBox<?> c : new ComboBox<?>[] {typeFilter, statusFilter, assigneeFilter, ageFilter}) {
            c.valueProperty().addListener((o, a, b) -> list.reload());
        }
        count.textProperty().bind(list.count);
        more.visibleProperty().bind(list.hasMore);
        more.managedProperty().bind(list.hasMore);
        list.outcome.addListener((o, was, now) -> now.showIn(listMessages));
        list.shownProperty().addListener((o, was, now) -> {
            // Flags takes room only while a loaded row has a flag (issue 17: on most lists it would stand empty)
            flagsColumn.setVisible(now.rows().stream().anyMatch(i -> IncidentsModel.showsUrgent(i) || i.policyBreach()));
            org.devicedesk.ui.LiveChanges.replaceKeepingPlace(table, now.rows(), Incident::id);
        });
    }


    private void buildTable(boolean all) {
        table.setId("incidents-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        TableColumn<Incident, String> ref = Columns.width(Columns.shown("Reference", Incident::reference, r -> r, Comparator.naturalOrder()), 130, 125);
        TableColumn<Incident, Incident> flags = Columns.width(Columns.rowBadge("Flags", IncidentsView::flags,
                Comparator.comparing((Incident i) -> i.urgent()).thenComparing(Incident::policyBreach)), 140, 135);
        TableColumn<Incident, Type> type = Columns.width(Columns.value("Type", Incident::type, Comparator.comparing(Type::label)), 185);
        TableColumn<Incident, Status> status = Columns.width(Columns.badge("Status", Incident::status, IncidentsView::statusBadge,
                Comparator.naturalOrder()), 125, 120);
        TableColumn<Incident, String> reporter = Columns.width(Columns.text("Reported by", Incident::reporterName), 140);
        TableColumn<Incident, String> device = Columns.width(Columns.text("Device", Incident::deviceText), 85);
        TableColumn<Incident, Instant> reported = Columns.width(Columns.dateTime("Reported", Incident::reportedAt, TABLE_WHEN), 150);
        // ageing at a glance: amber after a day open, red after three
        TableColumn<Incident, Incident> waiting = Columns.width(Columns.of("Open for", i -> i, i -> {
            Columns.Shown s = Columns.Shown.text(list.openFor(i));
            String style = list.ageStyle(i);
            return style == null ? s : s.withStyles(style);
        }, Comparator.comparing(Incident::reportedAt).reversed()), 100);

        table.getColumns().setAll(java.util.List.of(ref, flags, type, status, reporter, device, reported, waiting));
        // wide enough for its header at 1366x768 (issue 17: it read "Assigned t")
        TableColumn<Incident, String> assigned = Columns.width(Columns.text("Assigned to", list::assigneeName), 120, 115);
        if (all) table.getColumns().add(assigned);
        flagsColumn = flags;
        flags.setVisible(false); // until a loaded row has a flag
        ref.setUserData(IncidentService.Sort.REFERENCE);
        flags.setUserData(IncidentService.Sort.FLAGS);
        type.setUserData(IncidentService.Sort.TYPE);
        status.setUserData(IncidentService.Sort.STATUS);
        reporter.setUserData(IncidentService.Sort.REPORTER);
        device.setUserData(IncidentService.Sort.DEVICE);
        reported.setUserData(IncidentService.Sort.REPORTED);
        waiting.setUserData(IncidentService.Sort.OPEN_FOR);
        assigned.setUserData(IncidentService.Sort.ASSIGNEE);
        org.devicedesk.ui.Tables.fit(table);
        // sorting happens in the database so it covers every incident, not only the rows loaded (issue 16);
        // no column chosen: the queue's own order
        table.setSortPolicy(t -> {
            IncidentService.Sort by = null;
            boolean desc = false;
            if (!t.getSortOrder().isEmpty()) {
                TableColumn<Incident, ?> c = t.getSortOrder().get(0);
                by = (IncidentService.Sort) c.getUserData();
                desc = c.getSortType() == TableColumn.SortType.DESCENDING;
            }
            list.sortBy(by, desc);
            return true;
        });
        table.setRowFactory(t -> {
            TableRow<Incident> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) showIncident(row.getItem().id());
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            Incident i = table.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && i != null) showIncident(i.id());
        });
    }

    /** The row's flags: URGENT while it is open, Policy for a breach of policy. */
    private static HBox flags(Incident i) {
        HBox box = new HBox(4);
        box.setAlignment(Pos.CENTER_LEFT);
        if (IncidentsModel.showsUrgent(i)) box.getChildren().add(badge("URGENT", "badge-danger"));
        if (i.policyBreach()) box.getChildren().add(badge("Policy", "badge-warning"));
        return box;
    }

    private void export() {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle("Export incidents");
        chooser.setInitialFileName("incidents.csv");
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("CSV files", "*.csv"));
        java.io.File file = chooser.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (file == null) return;
        list.exportCsv(file.toPath());
    }

    // ---- small shared pieces ----

    static Label badge(String text, String style) {
        return org.devicedesk.ui.Nodes.badge(text, style);
    }

    static Label statusBadge(Status s) {
        String style = switch (s) {
            case REPORTED -> "badge-danger";
            case ACKNOWLEDGED -> "badge-warning";
            case CONTAINED -> "badge-accent";
            case RESOLVED -> "badge-success";
            case CLOSED -> "badge-neutral";
        };
        return badge(s.label(), style);
    }
}
