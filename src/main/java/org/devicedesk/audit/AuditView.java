package org.devicedesk.audit;

import atlantafx.base.theme.Styles;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.concurrent.Task;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.devicedesk.core.Audit;
import org.devicedesk.core.Session;
import org.devicedesk.ui.AppContext;
import org.devicedesk.ui.Background;
import org.devicedesk.ui.FormMessages;
import org.devicedesk.ui.Screen;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The audit trail ({@code nav-audit}, ADMIN and DPO): newest first, a page at a time from the
 * database ({@code audit-more}), filtered by actor, record type and id, and dates; "Verify chain"
 * ({@code audit-verify}) recomputes the hash chain in the background and names the first broken
 * event in {@code audit-message}. {@code show(AuditService.Query)} opens it filtered.
 */
public final class AuditView implements Screen {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss", Locale.UK);

    private final AuditService audit;
    private final Session session;
    private final ZoneId zone;
    private final ObservableList<AuditEvent> rows = FXCollections.observableArrayList();
    private final TableView<AuditEvent> table = new TableView<>();
    private final ComboBox<String> actor = new ComboBox<>();
    private final ComboBox<String> recordType = new ComboBox<>();
    private final TextField recordId = new TextField();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Button more = new Button("_Load more");
    private final Button verify = new Button("_Verify chain", new FontIcon(MaterialDesignS.SHIELD_CHECK_OUTLINE));
    private final ProgressBar progress = new ProgressBar(0);
    private final Label count = new Label();
    private final FormMessages messages = new FormMessages("audit");
    private final VBox root;
    private final AppContext context;
    private boolean filling; // true while the filters are set from code, so they do not reload one by one
    private int generation;
    private boolean hasMore;

    public AuditView(AppContext context) {
        this.context = context;
        this.audit = context.services().audit;
        this.session = context.session();
        this.zone = context.services().clock.getZone();

        Label title = new Label("Audit trail");
        title.getStyleClass().add(Styles.TITLE_2);
        verify.setId("audit-verify");
        verify.setTooltip(new Tooltip("Recompute every event's hash and check that none was changed or removed"));
        verify.setOnAction(e -> verify());
        progress.setId("audit-progress");
        progress.setPrefWidth(180);
        progress.setVisible(false);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button export = new Button("E_xport CSV", new FontIcon(MaterialDesignF.FILE_DELIMITED_OUTLINE));
        export.setId("audit-export");
        export.setOnAction(e -> export());
        HBox titleRow = new HBox(10, title, spacer, progress, export, verify);
        titleRow.setAlignment(Pos.CENTER_LEFT);

        actor.setId("audit-actor");
        labelled(actor, a -> a == null ? "Anyone" : a);
        actor.setPromptText("Anyone");
        actor.setPrefWidth(170);
        recordType.setId("audit-record-type");
        labelled(recordType, t -> t == null ? "Any record" : t);
        recordType.setPromptText("Any record");
        recordType.setPrefWidth(170);
        recordId.setId("audit-record-id");
        recordId.setPromptText("Record id");
        recordId.setPrefWidth(110);
        recordId.setOnAction(e -> reload());
        from.setId("audit-from");
        from.setPromptText("From date");
        from.setPrefWidth(150);
        to.setId("audit-to");
        to.setPromptText("To date");
        to.setPrefWidth(150);
        for (var c : List.of(actor.valueProperty(), recordType.valueProperty())) c.addListener((o, a, b) -> filterChanged());
        from.valueProperty().addListener((o, a, b) -> filterChanged());
        to.valueProperty().addListener((o, a, b) -> filterChanged());
        Button clear = new Button("_Clear filters", new FontIcon(MaterialDesignF.FILTER_REMOVE_OUTLINE));
        clear.setId("audit-clear");
        clear.setOnAction(e -> setFilters(AuditService.Query.all()));
        Label fromTo = new Label("to");
        HBox filters = new HBox(8, actor, recordType, recordId, from, fromTo, to, clear);
        filters.setAlignment(Pos.CENTER_LEFT);

        buildTable();
        more.setId("audit-more");
        more.setOnAction(e -> loadMore());
        count.setId("audit-count");
        count.getStyleClass().add(Styles.TEXT_MUTED);
        HBox footer = new HBox(12, count, more);
        footer.setAlignment(Pos.CENTER_LEFT);
        root = new VBox(10, titleRow, filters, messages.node(), table, footer);
        VBox.setVgrow(table, Priority.ALWAYS);
    }

    private static <T> void labelled(ComboBox<T> box, Function<T, String> text) {
        box.setCellFactory(l -> new ListCell<>() {
            @Override protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : text.apply(item));
            }
        });
        box.setButtonCell(new ListCell<>() { // the button shows "Anyone" for no choice, not an empty box
            @Override protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(text.apply(item));
            }
        });
    }

    @Override public Node node() {
        return root;
    }

    @Override public void show(Object argument) {
        Background.run(() -> new Object[] {audit.actors(session), audit.recordTypes(session)}, lists -> {
            @SuppressWarnings("unchecked") List<String> actors = (List<String>) lists[0];
            @SuppressWarnings("unchecked") List<String> types = (List<String>) lists[1];
            filling = true;
            String a = actor.getValue(), t = recordType.getValue();
            actor.getItems().setAll(actors);
            actor.getItems().add(0, null);
            actor.setValue(a);
            recordType.getItems().setAll(types);
            recordType.getItems().add(0, null);
            recordType.setValue(t);
            filling = false;
        }, messages::show);
        if (argument instanceof AuditService.Query q) setFilters(q);
        else reload();
    }

    private void setFilters(AuditService.Query q) {
        filling = true;
        actor.setValue(q.actor());
        recordType.setValue(q.recordType());
        recordId.setText(q.recordId() == null ? "" : q.recordId());
        from.setValue(q.from() == null ? null : q.from().atZone(zone).toLocalDate());
        to.setValue(q.to() == null ? null : q.to().atZone(zone).toLocalDate().minusDays(1));
        filling = false;
        reload();
    }

    private void filterChanged() {
        if (!filling) reload();
    }

    /** The filters as a query; the "to" date is included (up to its midnight in the office's zone). */
    private AuditService.Query query() {
        LocalDate f = from.getValue(), t = to.getValue();
        String rid = recordId.getText() == null || recordId.getText().isBlank() ? null : recordId.getText().strip();
        return new AuditService.Query(actor.getValue(), recordType.getValue(), rid,
                f == null ? null : f.atStartOfDay(zone).toInstant(), t == null ? null : t.plusDays(1).atStartOfDay(zone).toInstant());
    }

    private void buildTable() {
        table.setId("audit-table");
        table.setPlaceholder(new Label("No events match the filters."));
        table.setFixedCellSize(34);
        TableColumn<AuditEvent, Long> seq = column("#", AuditEvent::seq, Comparator.naturalOrder());
        seq.setPrefWidth(70);
        TableColumn<AuditEvent, Instant> at = column("When", AuditEvent::at, Comparator.nullsFirst(Comparator.naturalOrder()));
        at.setCellFactory(c -> new TableCell<>() {
            @Override protected void updateItem(Instant i, boolean empty) {
                super.updateItem(i, empty);
                setText(empty || i == null ? null : WHEN.format(i.atZone(zone)));
            }
        });
        at.setPrefWidth(170);
        TableColumn<AuditEvent, String> who = column("Who", AuditEvent::actor, String.CASE_INSENSITIVE_ORDER);
        who.setPrefWidth(110);
        TableColumn<AuditEvent, String> action = column("Action", AuditEvent::action, Comparator.naturalOrder());
        action.setPrefWidth(190);
        TableColumn<AuditEvent, String> record = column("Record", e -> e.recordType() + (e.recordId().isEmpty() ? "" : " " + e.recordId()),
                String.CASE_INSENSITIVE_ORDER);
        record.setPrefWidth(130);
        TableColumn<AuditEvent, String> summary = column("Summary", AuditEvent::summary, String.CASE_INSENSITIVE_ORDER);
        summary.setCellFactory(c -> new TableCell<>() {
            @Override protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
                setTooltip(empty || s == null || s.length() < 60 ? null : new Tooltip(s));
            }
        });
        summary.setPrefWidth(420);
        table.getColumns().addAll(List.of(seq, at, who, action, record, org.devicedesk.ui.Tables.mayShorten(summary)));
        org.devicedesk.ui.Tables.fit(table);
        SortedList<AuditEvent> sorted = new SortedList<>(rows);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    private static <T> TableColumn<AuditEvent, T> column(String title, Function<AuditEvent, T> value, Comparator<T> order) {
        TableColumn<AuditEvent, T> c = new TableColumn<>(title);
        c.setCellValueFactory(x -> new ReadOnlyObjectWrapper<>(value.apply(x.getValue())));
        c.setComparator(order);
        return c;
    }

    private void reload() {
        int mine = ++generation;
        AuditService.Query q = query();
        Background.run(() -> audit.page(session, q), page -> {
            if (mine != generation) return; // a newer filter has been chosen meanwhile
            rows.setAll(page);
            hasMore = page.size() == AuditService.PAGE;
            updateFooter();
        }, messages::show);
    }

    private void loadMore() {
        if (rows.isEmpty()) return;
        int mine = generation;
        long before = rows.get(rows.size() - 1).seq(); // the last event of the pages so far: the next page starts after it
        AuditService.Query q = query();
        more.setDisable(true);
        Background.run(() -> audit.page(session, q, before), page -> {
            if (mine != generation) return;
            rows.addAll(page);
            hasMore = page.size() == AuditService.PAGE;
            updateFooter();
        }, messages::show);
    }

    private void updateFooter() {
        more.setDisable(!hasMore);
        more.setVisible(hasMore);
        count.setText(rows.size() + (hasMore ? "+ events (newest first; load more for older ones)" : rows.size() == 1 ? " event" : " events"));
    }

    private void export() {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle("Export the audit trail");
        chooser.setInitialFileName("audit-" + LocalDate.now(context.services().clock) + ".csv");
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("CSV files", "*.csv"));
        java.io.File file = chooser.showSaveDialog(context.window());
        if (file == null) return;
        AuditService.Query q = query();
        Background.run(() -> {
            try (var w = new java.io.OutputStreamWriter(java.nio.file.Files.newOutputStream(file.toPath()), java.nio.charset.StandardCharsets.UTF_8)) {
                return audit.export(session, q, w);
            }
        }, n -> {
            messages.success("Exported " + n + (n == 1 ? " event" : " events") + " to " + file.getName() + ".");
            reload();
        }, messages::show);
    }

    private void verify() {
        verify.setDisable(true);
        messages.clear();
        progress.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
        progress.setVisible(true);
        Task<Audit.Verification> task = new Task<>() {
            @Override protected Audit.Verification call() {
                long total = Math.max(1, audit.eventsWritten(session));
                updateProgress(0, total);
                return audit.verify(session, checked -> updateProgress(Math.min(checked, total), total));
            }
        };
        progress.progressProperty().bind(task.progressProperty());
        Background.submit(task, v -> {
            done();
            if (v.intact()) messages.success(v.explanation());
            else messages.error("The audit trail is broken at event " + v.brokenAt() + ". " + v.explanation()
                    + " Keep a copy of the database file as it is and tell the Data Protection Officer.");
            reload();
        }, t -> {
            done();
            messages.show(t);
        });
    }

    private void done() {
        progress.progressProperty().unbind();
        progress.setVisible(false);
        verify.setDisable(false);
    }
}
