package org.devicedesk.audit;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.devicedesk.ui.AppContext;
import org.devicedesk.ui.Columns;
import org.devicedesk.ui.DatePickers;
import org.devicedesk.ui.FormMessages;
import org.devicedesk.ui.Screen;
import org.devicedesk.ui.Tables;
import org.devicedesk.ui.Tasks;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The audit trail ({@code nav-audit}, ADMIN and DPO): newest first, a page at a time from the
 * database ({@code audit-more}), filtered by actor, record type and id, and dates; "Verify chain"
 * ({@code audit-verify}) recomputes the hash chain in the background and names the first broken
 * event in {@code audit-message}. {@code show(AuditService.Query)} opens it filtered. The state and
 * the rules are {@link AuditModel}'s; this class builds the controls and binds them.
 */
public final class AuditView implements Screen {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss", Locale.UK);

    private final AuditModel model;
    private final TableView<AuditEvent> table = new TableView<>();
    private final FormMessages messages = new FormMessages("audit");
    private final VBox root;
    private final AppContext context;

    public AuditView(AppContext context) {
        this.context = context;
        this.model = new AuditModel(context.service(AuditService.class), context.session(), context.clock().getZone(), Tasks.background());

        Label title = new Label("Audit trail");
        title.getStyleClass().add(Styles.TITLE_2);
        Button verify = new Button("_Verify chain", new FontIcon(MaterialDesignS.SHIELD_CHECK_OUTLINE));
        verify.setId("audit-verify");
        verify.setTooltip(new Tooltip("Recompute every event's hash and check that none was changed or removed"));
        verify.setOnAction(e -> model.verify());
        verify.disableProperty().bind(model.verifying());
        ProgressBar progress = new ProgressBar(0);
        progress.setId("audit-progress");
        progress.setPrefWidth(180);
        progress.progressProperty().bind(model.progress());
        progress.visibleProperty().bind(model.verifying());
        Button export = new Button("E_xport CSV", new FontIcon(MaterialDesignF.FILE_DELIMITED_OUTLINE));
        export.setId("audit-export");
        export.setOnAction(e -> export());
        HBox titleRow = new HBox(10, title, new Spacer(), progress, export, verify);
        titleRow.setAlignment(Pos.CENTER_LEFT);

        ComboBox<String> actor = choice("audit-actor", model.actors, model::actorChoice, "Anyone", model.actor);
        ComboBox<String> recordType = choice("audit-record-type", model.recordTypes, AuditModel::recordTypeChoice, "Any record", model.recordType);
        TextField recordId = new TextField();
        recordId.setId("audit-record-id");
        recordId.setPromptText("Record id");
        recordId.setPrefWidth(110);
        recordId.textProperty().bindBidirectional(model.recordId);
        recordId.setOnAction(e -> model.reload());
        DatePicker from = DatePickers.bound("audit-from", model.from, 150);
        from.setPromptText("From date");
        DatePicker to = DatePickers.bound("audit-to", model.to, 150);
        to.setPromptText("To date");
        Button clear = new Button("_Clear filters", new FontIcon(MaterialDesignF.FILTER_REMOVE_OUTLINE));
        clear.setId("audit-clear");
        clear.setOnAction(e -> model.clearFilters());
        HBox filters = new HBox(8, actor, recordType, recordId, from, new Label("to"), to, clear);
        filters.setAlignment(Pos.CENTER_LEFT);

        buildTable();
        Button more = new Button("_Load more");
        more.setId("audit-more");
        more.setOnAction(e -> model.loadMore());
        more.visibleProperty().bind(model.hasMore());
        more.disableProperty().bind(model.hasMore().not().or(model.loadingMore()));
        Label count = new Label();
        count.setId("audit-count");
        count.getStyleClass().add(Styles.TEXT_MUTED);
        count.textProperty().bind(model.count());
        HBox footer = new HBox(12, count, more);
        footer.setAlignment(Pos.CENTER_LEFT);
        model.outcome().addListener((o, was, now) -> messages.show(now));
        root = new VBox(10, titleRow, filters, messages.node(), table, footer);
        VBox.setVgrow(table, javafx.scene.layout.Priority.ALWAYS);
    }

    /** A filter's choice: its items shown by {@code text} (which also names the empty choice), bound both ways to {@code value}. */
    private static ComboBox<String> choice(String id, javafx.collections.ObservableList<String> items, Function<String, String> text,
            String prompt, javafx.beans.property.Property<String> value) {
        ComboBox<String> box = new ComboBox<>(items);
        box.setId(id);
        labelled(box, text);
        box.setPromptText(prompt);
        box.setPrefWidth(170);
        box.valueProperty().bindBidirectional(value);
        return box;
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
        model.open(argument instanceof AuditService.Query q ? q : null);
    }

    private void buildTable() {
        table.setId("audit-table");
        table.setPlaceholder(new Label("No events match the filters."));
        table.setFixedCellSize(34);
        TableColumn<AuditEvent, Long> seq = Columns.width(Columns.value("#", AuditEvent::seq, Comparator.naturalOrder()), 70);
        TableColumn<AuditEvent, Instant> at = Columns.width(Columns.dateTime("When", AuditEvent::at, WHEN.withZone(context.clock().getZone())), 170);
        // issue 17: people's names, actions and records in words ("Travel notice decided", "Travel notice TRV-2026-0040")
        TableColumn<AuditEvent, String> who = Columns.width(Columns.text("Who", model::who), 150);
        TableColumn<AuditEvent, String> action = Columns.width(Columns.text("Action", model::action), 190);
        TableColumn<AuditEvent, String> record = Columns.width(Columns.text("Record", model::record), 170);
        TableColumn<AuditEvent, String> summary = Columns.width(Columns.of("Summary", AuditEvent::summary,
                s -> Columns.Shown.text(s).withTooltip(s.length() < 60 ? null : s), Comparator.nullsFirst(String.CASE_INSENSITIVE_ORDER)), 420);
        table.getColumns().addAll(List.of(seq, at, who, action, record, Tables.mayShorten(summary)));
        Tables.fit(table);
        Tables.chooseColumns(table); // issue 17: the columns shown are remembered for this list
        SortedList<AuditEvent> sorted = new SortedList<>(model.rows);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    private void export() {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle("Export the audit trail");
        chooser.setInitialFileName("audit-" + LocalDate.now(context.clock()) + ".csv");
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("CSV files", "*.csv"));
        java.io.File file = chooser.showSaveDialog(context.window());
        if (file == null) return;
        model.export(file.getName(), () -> new java.io.OutputStreamWriter(java.nio.file.Files.newOutputStream(file.toPath()),
                java.nio.charset.StandardCharsets.UTF_8));
    }
}
