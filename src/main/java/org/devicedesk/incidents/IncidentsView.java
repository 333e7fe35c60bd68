package org.devicedesk.incidents;

import atlantafx.base.theme.Styles;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
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
import org.devicedesk.ui.AppContext;
import org.devicedesk.ui.Background;
import org.devicedesk.ui.FormMessages;
import org.devicedesk.ui.Screen;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;

/**
 * The incidents screen: "Report a problem" for everyone ({@code incidents-new}); the helpdesk's queue
 * (open first, urgent on top) with filters; the incident page. STAFF see only their own reports.
 */
public final class IncidentsView implements Screen {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm").withZone(AppClock.OFFICE_ZONE);
    private static final DateTimeFormatter TABLE_WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm").withZone(AppClock.OFFICE_ZONE);

    /** The status filter's choices: open ones, any, or one status. */
    enum StatusChoice {
        OPEN("Open", Query.open()), ANY("Any status", EnumSet.allOf(Status.class)),
        REPORTED("Reported", EnumSet.of(Status.REPORTED)), ACKNOWLEDGED("Acknowledged", EnumSet.of(Status.ACKNOWLEDGED)),
        CONTAINED("Contained", EnumSet.of(Status.CONTAINED)), RESOLVED("Resolved", EnumSet.of(Status.RESOLVED)),
        CLOSED("Closed", EnumSet.of(Status.CLOSED));

        final String label;
        final Set<Status> statuses;

        StatusChoice(String label, Set<Status> statuses) {
            this.label = label;
            this.statuses = statuses;
        }

        @Override public String toString() { return label; }

        /** The choice showing exactly these statuses; "any status" when none does. */
        static StatusChoice of(Set<Status> statuses) {
            if (statuses == null) return ANY;
            for (StatusChoice c : values()) if (c.statuses.equals(statuses)) return c;
            return ANY;
        }
    }

    private static final String ANYONE = "Anyone";
    private static final String NOBODY = "Unassigned";

    private final IncidentService incidents;
    private final Session session;
    private final StackPane root = new StackPane();
    private final VBox listPage = new VBox(12);
    private final IncidentReportForm form;
    private final java.util.function.Supplier<javafx.stage.Window> window;
    private final IncidentPage page;
    private final FormMessages listMessages = new FormMessages("incidents");
    private final ObservableList<Incident> rows = FXCollections.observableArrayList();
    private final TableView<Incident> table = new TableView<>();
    private final TextField search = new TextField();
    /** Latest search wins: a slower, older search that finishes late never replaces a newer one's rows (issue 15). */
    private final org.devicedesk.ui.Tasks.Latest latest = new org.devicedesk.ui.Tasks.Latest(org.devicedesk.ui.Tasks.background());
    /** Username to the name people know them by, for "Assigned to" (issue 17). */
    private final java.util.Map<String, String> names = new java.util.concurrent.ConcurrentHashMap<>();
    private final ComboBox<Type> typeFilter = new ComboBox<>();
    private final ComboBox<StatusChoice> statusFilter = new ComboBox<>();
    private final ComboBox<String> assigneeFilter = new ComboBox<>();
    private final ComboBox<Age> ageFilter = new ComboBox<>();
    private final Label count = new Label();
    private final PauseTransition typing = new PauseTransition(Duration.millis(250));
    private Instant loadedAt = Instant.EPOCH;

    public IncidentsView(AppContext context) {
        this.incidents = context.services().incidents;
        this.session = context.session();
        this.window = context::window;
        this.form = new IncidentReportForm(incidents, context.services().people, session, this::closeForm, this::openReported);
        this.page = new IncidentPage(incidents, session, this::showList, context.live());
        buildList();
        root.getChildren().setAll(listPage);
        // live: another client's report or change shows in the list with nothing to click (ADR 0010)
        context.live().follow(listPage, c -> c.concerns("incident"), changes -> reload());
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
        if (argument instanceof Number n) {
            showIncident(n.longValue());
        } else if (argument instanceof String s && s.matches("\\d+")) {
            showIncident(Long.parseLong(s));
        } else if ("new".equals(argument)) {
            showForm();
        } else if (argument instanceof Query q) { // from the dashboard: the list narrowed to a type and status
            typeFilter.setValue(q.type());
            statusFilter.setValue(StatusChoice.of(q.statuses()));
            showList();
        } else {
            showList();
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
        reload();
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
        boolean all = incidents.canSeeAll(session);
        Label title = new Label(all ? "Incidents" : "My reports");
        title.getStyleClass().add(Styles.TITLE_2);
        Button report = new Button("_Report a problem", new FontIcon(MaterialDesignA.ALERT_OUTLINE));
        report.setId("incidents-new");
        report.getStyleClass().addAll(Styles.ACCENT, Styles.LARGE);
        report.setOnAction(e -> showForm());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(12, title, spacer, report);
        top.setAlignment(Pos.CENTER_LEFT);

        search.setId("incidents-search");
        search.setAccessibleText("Search incidents by reference, person, device, place or what happened"); // the magnifier beside it is only a picture
        search.setPromptText("Reference, person, device, place…");
        search.setTooltip(new javafx.scene.control.Tooltip("Search by reference, person, device, place or what happened"));
        search.setPrefWidth(270);
        search.setMinWidth(140);
        search.textProperty().addListener((o, a, b) -> typing.playFromStart());
        typing.setOnFinished(e -> reload());
        typeFilter.setId("incidents-type");
        typeFilter.getItems().add(null);
        typeFilter.getItems().addAll(Type.values());
        typeFilter.setConverter(IncidentReportForm.converter(Type::label));
        typeFilter.setButtonCell(promptCell("Any type"));
        typeFilter.setPromptText("Any type");
        statusFilter.setId("incidents-status");
        statusFilter.getItems().setAll(StatusChoice.values());
        statusFilter.setValue(all ? StatusChoice.OPEN : StatusChoice.ANY); // the helpdesk's queue: closed ones only when asked for
        assigneeFilter.setId("incidents-assignee");
        assigneeFilter.getItems().setAll(ANYONE, NOBODY);
        assigneeFilter.setValue(ANYONE);
        ageFilter.setId("incidents-age");
        ageFilter.getItems().setAll(Age.values());
        ageFilter.setValue(Age.ANY);
        for (ComboBox<?> c : new ComboBox<?>[] {typeFilter, statusFilter, assigneeFilter, ageFilter}) {
            c.valueProperty().addListener((o, a, b) -> reload());
        }
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
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        filters.getChildren().addAll(ageFilter, count, gap, export);
        filters.setAlignment(Pos.CENTER_LEFT);

        buildTable(all);
        Label empty = new Label(all ? "No incidents match." : "You have not reported anything. If something has happened, press Report a problem.");
        empty.setWrapText(true);
        table.setPlaceholder(empty);
        VBox.setVgrow(table, Priority.ALWAYS);
        listPage.getChildren().setAll(top, filters, listMessages.node(), table);
    }

    private static <T> javafx.scene.control.ListCell<T> promptCell(String prompt) {
        return new javafx.scene.control.ListCell<>() {
            @Override protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? prompt : item.toString());
            }
        };
    }

    private void buildTable(boolean all) {
        table.setId("incidents-table");
        table.setItems(rows);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        TableColumn<Incident, String> ref = new TableColumn<>("Reference");
        ref.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().reference()));
        ref.setComparator(Comparator.naturalOrder());
        ref.setPrefWidth(130);
        ref.setMinWidth(125);

        TableColumn<Incident, Incident> flags = new TableColumn<>("Flags");
        flags.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        flags.setComparator(Comparator.comparing((Incident i) -> i.urgent()).thenComparing(Incident::policyBreach));
        flags.setCellFactory(c -> new TableCell<>() {
            @Override protected void updateItem(Incident i, boolean empty) {
                super.updateItem(i, empty);
                if (empty || i == null) {
                    setGraphic(null);
                    return;
                }
                HBox box = new HBox(4);
                box.setAlignment(Pos.CENTER_LEFT);
                if (i.urgent() && i.status().isOpen()) box.getChildren().add(badge("URGENT", "badge-danger")); // a closed one is urgent no more
                if (i.policyBreach()) box.getChildren().add(badge("Policy", "badge-warning"));
                setGraphic(box);
            }
        });
        flags.setPrefWidth(140);
        flags.setMinWidth(135);

        TableColumn<Incident, Type> type = new TableColumn<>("Type");
        type.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().type()));
        type.setComparator(Comparator.comparing(Type::label));
        type.setPrefWidth(185);

        TableColumn<Incident, Status> status = new TableColumn<>("Status");
        status.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().status()));
        status.setComparator(Comparator.naturalOrder());
        status.setCellFactory(c -> new TableCell<>() {
            @Override protected void updateItem(Status s, boolean empty) {
                super.updateItem(s, empty);
                setGraphic(empty || s == null ? null : statusBadge(s));
            }
        });
        status.setPrefWidth(125);
        status.setMinWidth(120);

        TableColumn<Incident, String> reporter = new TableColumn<>("Reported by");
        reporter.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().reporterName()));
        reporter.setComparator(String.CASE_INSENSITIVE_ORDER);
        reporter.setPrefWidth(140);

        TableColumn<Incident, String> device = new TableColumn<>("Device");
        device.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().deviceText()));
        device.setComparator(String.CASE_INSENSITIVE_ORDER);
        device.setPrefWidth(85);

        TableColumn<Incident, Instant> reported = new TableColumn<>("Reported");
        reported.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().reportedAt()));
        reported.setComparator(Comparator.naturalOrder());
        reported.setCellFactory(c -> new TableCell<>() {
            @Override protected void updateItem(Instant at, boolean empty) {
                super.updateItem(at, empty);
                setText(empty || at == null ? null : TABLE_WHEN.format(at));
            }
        });
        reported.setPrefWidth(150);

        TableColumn<Incident, Incident> waiting = new TableColumn<>("Open for");
        waiting.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        waiting.setComparator(Comparator.comparing(Incident::reportedAt).reversed());
        waiting.setCellFactory(c -> new TableCell<>() {
            @Override protected void updateItem(Incident i, boolean empty) {
                super.updateItem(i, empty);
                setText(empty || i == null ? null : i.status().isOpen() ? since(i.sinceReported(loadedAt)) : "–");
                // ageing at a glance: amber after a day open, red after three
                getStyleClass().removeAll("age-day", "age-days");
                if (!empty && i != null && i.status().isOpen()) {
                    long hours = i.sinceReported(loadedAt).toHours();
                    if (hours >= 72) getStyleClass().add("age-days");
                    else if (hours >= 24) getStyleClass().add("age-day");
                }
            }
        });
        waiting.setPrefWidth(100);

        table.getColumns().setAll(java.util.List.of(ref, flags, type, status, reporter, device, reported, waiting));
        if (all) {
            TableColumn<Incident, String> assignee = new TableColumn<>("Assigned to");
            assignee.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().assignee() == null ? "" : names.getOrDefault(c.getValue().assignee(), c.getValue().assignee())));
            assignee.setComparator(String.CASE_INSENSITIVE_ORDER);
            assignee.setPrefWidth(110);
            table.getColumns().add(assignee);
        }
        org.devicedesk.ui.Tables.fit(table);
        {
        }
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

    private Query query() {
        String a = assigneeFilter.getValue();
        String assignee = a == null || ANYONE.equals(a) ? null : NOBODY.equals(a) ? Query.UNASSIGNED : a;
        StatusChoice st = statusFilter.getValue() == null ? StatusChoice.ANY : statusFilter.getValue();
        return new Query(search.getText(), typeFilter.getValue(), st.statuses, assignee, ageFilter.getValue());
    }

    private void reload() {
        Query q = query();
        latest.run(() -> {
            var list = incidents.list(session, q);
            names.putAll(incidents.actorNames(list.stream().map(Incident::assignee).toList()));
            return list;
        }, list -> {
            loadedAt = incidents.now();
            listMessages.clear();
            org.devicedesk.ui.LiveChanges.replaceKeepingPlace(table, list, Incident::id);
            count.setText(list.size() == 1 ? "1 incident" : list.size() + " incidents");
        }, listMessages::show);
        if (incidents.canSeeAll(session) && assigneeFilter.getItems().size() <= 2) {
            Background.run(() -> incidents.assignees(session), names -> {
                if (assigneeFilter.getItems().size() <= 2) assigneeFilter.getItems().addAll(names);
            }, listMessages::show);
        }
    }

    private void export() {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle("Export incidents");
        chooser.setInitialFileName("incidents.csv");
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("CSV files", "*.csv"));
        java.io.File file = chooser.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (file == null) return;
        Query q = query();
        Background.run(() -> {
            try (var out = java.nio.file.Files.newBufferedWriter(file.toPath(), java.nio.charset.StandardCharsets.UTF_8)) {
                return incidents.exportCsv(session, q, out);
            }
        }, n -> listMessages.success(n + (n == 1 ? " incident" : " incidents") + " exported to " + file.getName() + "."), listMessages::show);
    }

    // ---- small shared pieces ----

    static Label badge(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().addAll("badge", style);
        l.setMinWidth(Region.USE_PREF_SIZE); // a badge is read whole or not at all
        return l;
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

    static String when(Instant at) {
        return at == null ? "" : WHEN.format(at);
    }

    /** How long it has been open, in the one duration format ({@link org.devicedesk.core.Durations}). */
    static String since(java.time.Duration d) {
        return org.devicedesk.core.Durations.of(d.isNegative() ? java.time.Duration.ZERO : d);
    }
}
