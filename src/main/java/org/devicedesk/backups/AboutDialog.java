package org.devicedesk.backups;

import java.util.Comparator;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.devicedesk.ui.AppContext;
import org.devicedesk.ui.Columns;
import org.devicedesk.ui.FormMessages;
import org.devicedesk.ui.Tasks;
import org.devicedesk.ui.Theme;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;

/**
 * "About Device Desk" (version, database, size, schema version, last backup), and for an administrator
 * on SQLite the backups: back up now, and restore a chosen backup after a confirmation.
 * After a restore the window starts over at sign-in over the reopened database, because an older
 * backup may need migrations and every open screen holds data from before the restore.
 * The state and rules are {@link AboutModel}'s; this builds the controls, binds them and asks the questions.
 */
public final class AboutDialog {
    private final AboutModel model;
    private final Dialog<Void> dialog = new Dialog<>();
    private final GridPane facts = new GridPane();
    private final TableView<Backup> table = new TableView<>();
    private final ProgressBar progress = new ProgressBar();
    /** What the backup or restore is doing now, how far it has come and about how long is left (issue 17). */
    private final Label progressText = new Label();
    private final FormMessages messages = new FormMessages("backups");
    private final Button backupNow = new Button("_Back up now", new FontIcon(MaterialDesignD.DATABASE_EXPORT));
    private final Button restore = new Button("_Restore…", new FontIcon(MaterialDesignB.BACKUP_RESTORE));

    private AboutDialog(AppContext context, BackupService backups) {
        Window owner = context.window();
        AppContext.Restart restart = context.restart();
        // the application root closes the old database and wires the restored one (on the worker, after the restore)
        model = new AboutModel(backups, context.session(), () -> restart.reopen(owner), Tasks.background());
        dialog.setTitle("About Device Desk");
        dialog.setHeaderText("Device Desk");
        if (owner != null) dialog.initOwner(owner);
        dialog.getDialogPane().getStylesheets().add(Theme.appStylesheet());
        dialog.getDialogPane().getButtonTypes().add(new ButtonType("Close", ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().lookupButton(dialog.getDialogPane().getButtonTypes().get(0)).setId("about-close");

        facts.setHgap(16);
        facts.setVgap(6);
        facts.setId("about-facts");
        row(0, "Version", "about-version", model.version);
        row(1, "Database", "about-database", model.database);
        row(2, "Size", "about-size", model.size);
        row(3, "Schema version", "about-schema", model.schema);
        row(4, "Last backup", "about-last-backup", model.lastBackup);
        VBox content = new VBox(12, facts);
        content.setPadding(new Insets(4, 0, 0, 0));
        content.setPrefWidth(620);

        if (model.managesBackups()) {
            Label heading = new Label("Backups");
            heading.getStyleClass().add("title-4");
            Label where = new Label(model.where(context.service(org.devicedesk.core.Settings.class).displayed().backupKeepDays()));
            where.setWrapText(true);
            table.setId("backups-table");
            table.setPrefHeight(200);
            table.setPlaceholder(new Label("No backups yet."));
            TableColumn<Backup, java.time.Instant> made = Columns.width(Columns.dateTime("Made", Backup::madeAt, AboutModel.WHEN), 170);
            made.setSortable(false); // the list itself arrives newest first
            TableColumn<Backup, String> kind = Columns.width(Columns.text("Kind", b -> b.kind().label()), 120);
            TableColumn<Backup, Long> size = Columns.width(Columns.shown("Size", Backup::sizeBytes, AboutModel::bytes, Comparator.naturalOrder()), 80);
            size.setSortable(false);
            TableColumn<Backup, String> file = Columns.width(Columns.text("File", Backup::name), 230);
            table.getColumns().setAll(java.util.List.of(made, kind, size, file));
            table.setItems(model.rows);
            model.selected.bind(table.getSelectionModel().selectedItemProperty());
            table.disableProperty().bind(model.busy);

            backupNow.setId("backups-backup-now");
            backupNow.setOnAction(e -> model.backUp());
            backupNow.disableProperty().bind(model.busy);
            restore.setId("backups-restore");
            restore.disableProperty().bind(model.restoreDisabled);
            restore.setOnAction(e -> confirmRestore(model.selected.get()));
            progress.setId("backups-progress");
            progress.setPrefWidth(200);
            progress.visibleProperty().bind(model.busy);
            progress.progressProperty().bind(model.progress);
            progressText.setId("backups-progress-text");
            progressText.setWrapText(true);
            progressText.getStyleClass().add("text-muted");
            progressText.textProperty().bind(model.progressText);
            progressText.visibleProperty().bind(model.busy);
            progressText.managedProperty().bind(model.busy);
            HBox actions = new HBox(8, backupNow, restore, progress);
            content.getChildren().addAll(new Separator(), heading, where, table, actions, progressText, messages.node());
        } else if (model.backupsByTheServer()) {
            Label pg = new Label(BackupService.POSTGRES_MESSAGE);
            pg.setWrapText(true);
            pg.setId("about-backups-postgresql");
            content.getChildren().addAll(new Separator(), pg);
        }
        model.outcome.addListener((o, was, now) -> messages.show(now));
        model.brokenTrail.addListener((o, was, now) -> {
            if (now != null) confirmBrokenTrail(now);
        });
        model.restored.addListener((o, was, now) -> {
            if (now != null) restored(now, owner);
        });
        model.onChange(this::fit);
        dialog.getDialogPane().setContent(content);
        model.refresh();
    }

    /** Opens the About box for the signed-in user. */
    public static void show(AppContext context, BackupService backups) {
        new AboutDialog(context, backups).dialog.show();
    }

    /** The window was sized before the facts arrived: let it grow to show them and its buttons. */
    private void fit() {
        var scene = dialog.getDialogPane().getScene();
        if (scene != null && scene.getWindow() != null) scene.getWindow().sizeToScene();
    }

    private void row(int row, String name, String id, javafx.beans.value.ObservableValue<String> value) {
        Label n = new Label(name);
        n.getStyleClass().add("text-muted");
        Label v = new Label();
        v.textProperty().bind(value);
        v.setId(id);
        v.setWrapText(true);
        v.setMaxWidth(480);
        facts.addRow(row, n, v);
    }

    private void confirmRestore(Backup chosen) {
        if (chosen == null) return;
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION);
        confirm.initOwner(dialog.getDialogPane().getScene().getWindow());
        confirm.setTitle("Restore a backup");
        confirm.setHeaderText(AboutModel.confirmHeader(chosen));
        confirm.setContentText(AboutModel.CONFIRM_TEXT);
        ButtonType go = new ButtonType("Restore", ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        confirm.getButtonTypes().setAll(go, cancel);
        confirm.getDialogPane().lookupButton(go).setId("restore-confirm");
        confirm.getDialogPane().lookupButton(cancel).setId("restore-cancel");
        confirm.showAndWait().filter(go::equals).ifPresent(x -> model.restore(chosen, false));
    }

    /** The backup's audit trail is broken: restoring it anyway is an explicit choice, recorded with the break. */
    private void confirmBrokenTrail(AboutModel.BrokenTrailChoice broken) {
        Alert confirm = new Alert(Alert.AlertType.WARNING);
        confirm.initOwner(dialog.getDialogPane().getScene().getWindow());
        confirm.setTitle("The backup's audit trail is broken");
        confirm.setHeaderText(AboutModel.BROKEN_HEADER);
        javafx.scene.control.TextArea text = new javafx.scene.control.TextArea(AboutModel.brokenTrailText(broken));
        text.setId("restore-broken-trail");
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(5);
        confirm.getDialogPane().setContent(text);
        ButtonType anyway = new ButtonType("Restore anyway (recorded)", ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        confirm.getButtonTypes().setAll(anyway, cancel);
        confirm.getDialogPane().lookupButton(anyway).setId("restore-anyway");
        confirm.getDialogPane().lookupButton(cancel).setId("restore-broken-cancel");
        confirm.showAndWait().filter(anyway::equals).ifPresent(x -> model.restore(broken.chosen(), true));
    }

    /** The restore is done: this dialog closes, the window starts over at sign-in, and says what was kept. */
    private void restored(AboutModel.Restored restored, Window window) {
        dialog.close();
        Stage stage = (Stage) window;
        restored.showNewWindow().run();
        Alert done = new Alert(Alert.AlertType.INFORMATION);
        done.initOwner(stage);
        done.setTitle("Backup restored");
        done.setHeaderText(restored.header());
        done.setContentText(restored.text());
        done.getDialogPane().setId("restore-done");
        done.show();
    }
}
