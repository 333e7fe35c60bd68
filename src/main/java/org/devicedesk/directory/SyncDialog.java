package org.devicedesk.directory;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import java.util.Comparator;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import org.devicedesk.ui.AppContext;
import org.devicedesk.ui.DatePickers;
import org.devicedesk.ui.FormMessages;
import org.devicedesk.ui.Tasks;
import org.devicedesk.ui.Theme;

/**
 * People > "Sync with directory" (HELPDESK, ADMIN): the preview of what would change
 * ({@code sync-preview-table}), the leavers who still hold devices ({@code sync-devices}), the leaving
 * date ({@code sync-left-on}) and {@code sync-apply}, which makes all the changes or none ({@code sync-message}). The state and rules are in
 * {@link SyncModel}; this dialog builds the controls and binds them.
 */
public final class SyncDialog {
    private SyncDialog() {}

    public static Stage show(AppContext context, Runnable applied) {
        SyncModel model = new SyncModel(context.service(DirectorySync.class), context.session(),
                context.service(org.devicedesk.people.PeopleService.class).today(), Tasks.background(), applied);
        Stage stage = new Stage();
        stage.setTitle("Sync people with the directory");
        if (context.window() != null) {
            stage.initOwner(context.window());
            stage.initModality(Modality.WINDOW_MODAL);
        }
        Label heading = new Label("People in step with the office directory");
        heading.getStyleClass().add(Styles.TITLE_3);
        Label summary = new Label();
        summary.setId("sync-summary");
        summary.textProperty().bind(model.summary);
        summary.setWrapText(true);

        TableView<DirectorySync.Item> table = new TableView<>(model.items);
        table.setId("sync-preview-table");
        table.setPlaceholder(new Label("Nothing to change: Device Desk is in step with the directory."));
        table.getColumns().add(column("What", i -> i.kind().label(), 90));
        table.getColumns().add(column("Person", DirectorySync.Item::name, 180));
        table.getColumns().add(column("Directory account", DirectorySync.Item::username, 140));
        TableColumn<DirectorySync.Item, String> change = column("Change", DirectorySync.Item::summary, 460);
        table.getColumns().add(change);
        VBox.setVgrow(table, Priority.ALWAYS);

        Label devicesLabel = new Label("Leavers who still hold devices (for the help desk to recover):");
        ListView<String> devices = new ListView<>(model.devices);
        devices.setId("sync-devices");
        devices.setPrefHeight(110);
        devices.setPlaceholder(new Label("No leaver holds a device."));

        DatePicker leftOn = DatePickers.british("sync-left-on");
        leftOn.valueProperty().bindBidirectional(model.leftOn);
        HBox dateRow = new HBox(8, FormMessages.labelFor("Leavers _left on", leftOn), leftOn);
        dateRow.setAlignment(Pos.CENTER_LEFT);

        FormMessages messages = new FormMessages("sync");
        messages.field("left-on", leftOn);
        Button apply = new Button("_Apply all changes");
        apply.setId("sync-apply");
        apply.getStyleClass().add(Styles.ACCENT);
        apply.disableProperty().bind(model.applyDisabled);
        apply.setOnAction(e -> model.apply());
        model.outcome.addListener((o, was, now) -> now.showIn(messages));
        Button cancel = new Button("Close");
        cancel.setId("sync-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());
        Spacer spacer = new Spacer();
        HBox buttons = new HBox(8, dateRow, spacer, cancel, apply);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        VBox root = new VBox(12, heading, summary, table, devicesLabel, devices, messages.node(), buttons);
        root.setPadding(new Insets(20));
        Scene scene = new Scene(root, 1000, 640);
        scene.getStylesheets().add(Theme.appStylesheet());
        stage.setScene(scene);

        model.open();
        stage.show();
        return stage;
    }

    private static TableColumn<DirectorySync.Item, String> column(String title, java.util.function.Function<DirectorySync.Item, String> value, double width) {
        return org.devicedesk.ui.Columns.width(org.devicedesk.ui.Columns.text(title, value), width);
    }
}
