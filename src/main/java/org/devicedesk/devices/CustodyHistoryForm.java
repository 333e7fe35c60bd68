package org.devicedesk.devices;

import atlantafx.base.theme.Styles;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.devicedesk.ui.Columns;
import org.devicedesk.ui.DatePickers;
import org.devicedesk.ui.Tables;

/** The view of the custody history ({@code custody-table}) and "who held it at…" ({@code custody-at-*}). */
final class CustodyHistoryForm {
    private final VBox root = new VBox(8);

    CustodyHistoryForm(DevicePageModel panel, WhoHeldAtModel whoHeld) {
        Label title = new Label("Custody history");
        title.getStyleClass().add(Styles.TITLE_4);
        TableView<Custody> history = new TableView<>(panel.history);
        history.setId("custody-table");
        history.setPrefHeight(160);
        VBox.setVgrow(history, Priority.ALWAYS);
        history.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        history.setPlaceholder(new Label("Nobody has held this device yet."));
        TableColumn<Custody, String> person = Columns.plain("Person", Custody::personName, String.CASE_INSENSITIVE_ORDER);
        TableColumn<Custody, String> how = Columns.plain("How", (Custody c) -> c.kind().label(), Comparator.<String>naturalOrder());
        TableColumn<Custody, Instant> from = Columns.dateTime("From", Custody::from, DeviceBadgesUi::dayThenTime, DeviceBadgesUi::when, "—",
                Comparator.nullsLast(Comparator.naturalOrder()));
        TableColumn<Custody, Instant> to = Columns.dateTime("To", Custody::to, DeviceBadgesUi::dayThenTime, DeviceBadgesUi::when, "still held",
                Comparator.nullsFirst(Comparator.naturalOrder()));
        TableColumn<Custody, String> by = Columns.plain("Recorded by", panel::recordedBy, String.CASE_INSENSITIVE_ORDER);
        person.setPrefWidth(130);
        how.setPrefWidth(110);
        from.setPrefWidth(105);
        to.setPrefWidth(105);
        by.setPrefWidth(115);
        for (TableColumn<Custody, ?> c : List.of(person, how, from, to, by)) c.setMinWidth(60);
        history.getColumns().setAll(List.of(person, how, from, to, by));
        Tables.fit(history);

        Label ask = new Label("Who held it at…");
        DatePicker day = DatePickers.bound("custody-at-date", whoHeld.day, 150);
        TextField time = new TextField();
        time.setId("custody-at-time");
        time.setPromptText("HH:mm");
        time.setPrefColumnCount(5);
        time.textProperty().bindBidirectional(whoHeld.time);
        Button askButton = new Button("_Ask");
        askButton.setId("custody-at-ask");
        askButton.setOnAction(e -> whoHeld.ask());
        Label answer = new Label();
        answer.setId("custody-at-result");
        answer.setWrapText(true);
        answer.textProperty().bind(whoHeld.answer);
        HBox askRow = new HBox(8, ask, day, time, askButton);
        askRow.setAlignment(Pos.CENTER_LEFT);
        root.getChildren().addAll(new Separator(), title, history, askRow, answer);
    }

    Node node() {
        return root;
    }
}
