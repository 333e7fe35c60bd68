package org.devicedesk.mail;

import atlantafx.base.theme.Styles;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.devicedesk.ui.AppContext;
import org.devicedesk.ui.Background;
import org.devicedesk.ui.FormMessages;
import org.devicedesk.ui.Screen;

/**
 * Settings → Outbox ({@code settings-tab-outbox}, ADMIN): every message, its status, attempts and last error,
 * newest first; failed ones can be sent again ({@code outbox-resend}, audited). Ids: {@code outbox-table},
 * {@code outbox-status}, {@code outbox-refresh}, {@code outbox-resend}, {@code outbox-counts}, {@code outbox-message}.
 */
public final class OutboxView implements Screen {
    static final int SHOWN = OutboxModel.SHOWN;

    private final AppContext context;
    private final MailService service;
    private final FormMessages messages = new FormMessages("outbox");
    private final OutboxModel model;
    private final TableView<OutboxMessage> table = new TableView<>();
    private final ComboBox<String> status = new ComboBox<>();
    private final Label counts = new Label();
    private final TextArea body = new TextArea();
    private final Button resend = new Button("_Resend");
    private final VBox root;

    public OutboxView(AppContext context) {
        this.context = context;
        this.service = context.service(MailService.class);
        this.model = new OutboxModel(service, context.session(), org.devicedesk.ui.Tasks.background());

        table.setId("outbox-table");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getColumns().add(column("Created", m -> MailFormat.when(m.createdAt()), Comparator.comparing(OutboxMessage::createdAt), 150));
        table.getColumns().add(column("Kind", m -> m.kind().label(), Comparator.comparing(m -> m.kind().label()), 150));
        table.getColumns().add(column("To", OutboxMessage::recipient, Comparator.comparing(OutboxMessage::recipient), 150));
        table.getColumns().add(column("Subject", OutboxMessage::subject, Comparator.comparing(OutboxMessage::subject), 190));
        table.getColumns().add(column("Status", m -> m.status().label(), Comparator.comparing(OutboxMessage::status), 110));
        table.getColumns().add(column("Tries", m -> Integer.toString(m.attempts()), Comparator.comparingInt(OutboxMessage::attempts), 50));
        table.getColumns().add(column("Sent", m -> MailFormat.when(m.sentAt()),
                Comparator.comparing(m -> m.sentAt() == null ? java.time.Instant.MIN : m.sentAt()), 130));
        // the last error is what an administrator reads first: it takes the room that is left
        table.getColumns().add(column("Last error", m -> m.lastError() == null ? "" : m.lastError(),
                Comparator.comparing(m -> m.lastError() == null ? "" : m.lastError()), 260));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        SortedList<OutboxMessage> sorted = new SortedList<>(model.rows);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setPlaceholder(new Label("No messages yet. Turn mail on in the Mail tab."));
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> model.selected.set(now));
        body.textProperty().bind(model.body());

        status.setId("outbox-status");
        status.getItems().setAll(OutboxModel.CHOICES);
        status.valueProperty().bindBidirectional(model.status);
        Button refresh = new Button("Re_fresh");
        refresh.setId("outbox-refresh");
        refresh.setOnAction(e -> model.load());
        resend.setId("outbox-resend");
        resend.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        resend.setOnAction(e -> model.resend(List.copyOf(table.getSelectionModel().getSelectedItems())));
        counts.setId("outbox-counts");
        counts.textProperty().bind(model.counts());
        model.outcome().addListener((o, was, now) -> messages.show(now));
        counts.getStyleClass().add(Styles.TEXT_MUTED);
        HBox bar = new HBox(10, FormMessages.labelFor("_Show", status), status, refresh, resend, counts);
        bar.setAlignment(Pos.CENTER_LEFT);

        body.setId("outbox-body");
        body.setEditable(false);
        body.setWrapText(true);
        body.setPrefRowCount(6);
        root = new VBox(10, bar, messages.node(), table, body);
        root.setPadding(new Insets(16));
        VBox.setVgrow(table, Priority.ALWAYS);
    }

    /** A column whose cells show {@code text} and which sorts by {@code order} on the message itself, not by the text. */
    /** A column whose cells show {@code text} and which sorts by {@code order} on the message itself, not by the text. */
    private static TableColumn<OutboxMessage, OutboxMessage> column(String title, Function<OutboxMessage, String> text,
                                                                    Comparator<OutboxMessage> order, double width) {
        return org.devicedesk.ui.Columns.width(org.devicedesk.ui.Columns.of(title, Function.identity(),
                m -> org.devicedesk.ui.Columns.Shown.text(text.apply(m)), order), width);
    }

    @Override public Node node() {
        return root;
    }

    @Override public void show(Object argument) {
        model.load();
    }


}
