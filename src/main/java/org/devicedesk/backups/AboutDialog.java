package org.devicedesk.backups;

import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Locale;
import javafx.beans.property.SimpleStringProperty;
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
import org.devicedesk.core.AppClock;
import org.devicedesk.core.Database;
import org.devicedesk.core.Role;
import org.devicedesk.ui.AppContext;
import org.devicedesk.ui.Background;
import org.devicedesk.ui.FormMessages;
import org.devicedesk.ui.Theme;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;

/**
 * "About Device Desk" (version, database, size, schema version, last backup), and for an administrator
 * on SQLite the backups: back up now, and restore a chosen backup after a confirmation.
 * After a restore the window starts over at sign-in over the reopened database, because an older
 * backup may need migrations and every open screen holds data from before the restore.
 */
public final class AboutDialog {
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.UK).withZone(AppClock.OFFICE_ZONE);

    private final AppContext context;
    private final BackupService backups;
    private final Dialog<Void> dialog = new Dialog<>();
    private final GridPane facts = new GridPane();
    private final TableView<Backup> table = new TableView<>();
    private final ProgressBar progress = new ProgressBar();
    /** What the backup or restore is doing now, how far it has come and about how long is left (issue 17). */
    private final Label progressText = new Label();
    private final FormMessages messages = new FormMessages("backups");
    private final Button backupNow = new Button("_Back up now", new FontIcon(MaterialDesignD.DATABASE_EXPORT));
    private final Button restore = new Button("_Restore…", new FontIcon(MaterialDesignB.BACKUP_RESTORE));
    private final Label version;
    private final Label database;
    private final Label size;
    private final Label schema;
    private final Label lastBackup;

    private AboutDialog(AppContext context, BackupService backups) {
        this.context = context;
        this.backups = backups;
        dialog.setTitle("About Device Desk");
        dialog.setHeaderText("Device Desk");
        Window owner = context.window();
        if (owner != null) dialog.initOwner(owner);
        dialog.getDialogPane().getStylesheets().add(Theme.appStylesheet());
        dialog.getDialogPane().getButtonTypes().add(new ButtonType("Close", ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().lookupButton(dialog.getDialogPane().getButtonTypes().get(0)).setId("about-close");

        facts.setHgap(16);
        facts.setVgap(6);
        facts.setId("about-facts");
        version = row(0, "Version", "about-version");
        database = row(1, "Database", "about-database");
        size = row(2, "Size", "about-size");
        schema = row(3, "Schema version", "about-schema");
        lastBackup = row(4, "Last backup", "about-last-backup");
        VBox content = new VBox(12, facts);
        content.setPadding(new Insets(4, 0, 0, 0));
        content.setPrefWidth(620);

        if (context.session().has(Role.ADMIN) && backups.supported()) {
            Label heading = new Label("Backups");
            heading.getStyleClass().add("title-4");
            Label where = new Label("Kept in " + backups.folder() + " for "
                    + context.service(org.devicedesk.core.Settings.class).displayed().backupKeepDays() + " days; one is made each day at the first start after midnight.");
            where.setWrapText(true);
            table.setId("backups-table");
            table.setPrefHeight(200);
            table.setPlaceholder(new Label("No backups yet."));
            TableColumn<Backup, java.time.Instant> made = org.devicedesk.ui.Columns.width(
                    org.devicedesk.ui.Columns.dateTime("Made", Backup::madeAt, WHEN), 170);
            made.setSortable(false); // the list itself arrives newest first
            TableColumn<Backup, String> kind = org.devicedesk.ui.Columns.width(org.devicedesk.ui.Columns.text("Kind", b -> b.kind().label()), 120);
            TableColumn<Backup, Long> size = org.devicedesk.ui.Columns.width(
                    org.devicedesk.ui.Columns.shown("Size", Backup::sizeBytes, AboutDialog::bytes, Comparator.naturalOrder()), 80);
            size.setSortable(false);
            TableColumn<Backup, String> file = org.devicedesk.ui.Columns.width(org.devicedesk.ui.Columns.text("File", Backup::name), 230);
            table.getColumns().setAll(java.util.List.of(made, kind, size, file));

            backupNow.setId("backups-backup-now");
            backupNow.setOnAction(e -> backUp());
            restore.setId("backups-restore");
            restore.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
            restore.setOnAction(e -> confirmRestore(table.getSelectionModel().getSelectedItem()));
            progress.setId("backups-progress");
            progress.setPrefWidth(200);
            progress.setVisible(false);
            progressText.setId("backups-progress-text");
            progressText.setWrapText(true);
            progressText.getStyleClass().add("text-muted");
            org.devicedesk.ui.Nodes.show(progressText, false);
            HBox actions = new HBox(8, backupNow, restore, progress);
            content.getChildren().addAll(new Separator(), heading, where, table, actions, progressText, messages.node());
        } else if (!backups.supported()) {
            Label pg = new Label(BackupService.POSTGRES_MESSAGE);
            pg.setWrapText(true);
            pg.setId("about-backups-postgresql");
            content.getChildren().addAll(new Separator(), pg);
        }
        dialog.getDialogPane().setContent(content);
        refresh();
    }

    /** Opens the About box for the signed-in user. */
    public static void show(AppContext context, BackupService backups) {
        new AboutDialog(context, backups).dialog.show();
    }

    private void refresh() {
        boolean admin = context.session().has(Role.ADMIN) && backups.supported();
        Background.run(() -> new Object[] {backups.about(), admin ? backups.list(context.session()) : null}, r -> {
            BackupService.About a = (BackupService.About) r[0];
            version.setText(a.version());
            database.setText(a.location());
            size.setText(a.sizeBytes() == null ? "kept by the database server" : bytes(a.sizeBytes()));
            schema.setText(Integer.toString(a.schemaVersion()));
            lastBackup.setText(!a.backupsSupported() ? "made by the database server"
                    : a.lastBackup().map(b -> WHEN.format(b.madeAt()) + " (" + b.kind().label().toLowerCase(Locale.UK) + ")").orElse("none yet"));
            if (r[1] != null) {
                @SuppressWarnings("unchecked") java.util.List<Backup> list = (java.util.List<Backup>) r[1];
                table.getItems().setAll(list);
            }
            fit();
        }, messages::show);
    }

    /** The window was sized before the facts arrived: let it grow to show them and its buttons. */
    private void fit() {
        var scene = dialog.getDialogPane().getScene();
        if (scene != null && scene.getWindow() != null) scene.getWindow().sizeToScene();
    }

    private Label row(int row, String name, String id) {
        Label n = new Label(name);
        n.getStyleClass().add("text-muted");
        Label v = new Label("…");
        v.setId(id);
        v.setWrapText(true);
        v.setMaxWidth(480);
        facts.addRow(row, n, v);
        return v;
    }

    private void busy(boolean on) {
        progress.setVisible(on);
        org.devicedesk.ui.Nodes.show(progressText, on);
        if (!on) {
            progressText.textProperty().unbind();
            progressText.setText("");
        }
        backupNow.setDisable(on);
        table.setDisable(on);
    }

    private void backUp() {
        messages.clear();
        busy(true);
        progress.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
        javafx.concurrent.Task<Backup> task = new javafx.concurrent.Task<>() {
            @Override protected Backup call() {
                org.devicedesk.core.Progress.Estimate estimate = new org.devicedesk.core.Progress.Estimate(java.time.Clock.systemUTC());
                return backups.backupNow(context.session(), (doing, f) -> updateMessage(estimate.describe(doing, f)));
            }
        };
        progressText.textProperty().bind(task.messageProperty());
        Background.submit(task, b -> {
            busy(false);
            messages.success("Backup made and checked: " + b.name());
            fit();
            refresh();
        }, t -> {
            busy(false);
            messages.show(t);
            refresh();
        });
    }

    private void confirmRestore(Backup chosen) {
        if (chosen == null) return;
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION);
        confirm.initOwner(dialog.getDialogPane().getScene().getWindow());
        confirm.setTitle("Restore a backup");
        confirm.setHeaderText("Restore the backup made " + WHEN.format(chosen.madeAt()) + "?");
        confirm.setContentText("Everything recorded since then will be replaced by the backup's content. "
                + "The database as it is now is kept first as a \"pre-restore\" backup, so nothing is lost for good. "
                + "Everyone will need to sign in again.");
        ButtonType go = new ButtonType("Restore", ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        confirm.getButtonTypes().setAll(go, cancel);
        confirm.getDialogPane().lookupButton(go).setId("restore-confirm");
        confirm.getDialogPane().lookupButton(cancel).setId("restore-cancel");
        confirm.showAndWait().filter(go::equals).ifPresent(x -> restore(chosen, false));
    }

    /** The backup's audit trail is broken: restoring it anyway is an explicit choice, recorded with the break. */
    private void confirmBrokenTrail(Backup chosen, BackupService.BrokenTrail broken) {
        Alert confirm = new Alert(Alert.AlertType.WARNING);
        confirm.initOwner(dialog.getDialogPane().getScene().getWindow());
        confirm.setTitle("The backup's audit trail is broken");
        confirm.setHeaderText("The audit trail in this backup has been tampered with or damaged. It has not been restored.");
        javafx.scene.control.TextArea text = new javafx.scene.control.TextArea(broken.explanation()
                + "\n\nChoose another backup if you can. Restoring this one anyway records the break in the audit trail, under your name.");
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
        confirm.showAndWait().filter(anyway::equals).ifPresent(x -> restore(chosen, true));
    }

    private void restore(Backup chosen, boolean brokenTrail) {
        messages.clear();
        busy(true);
        restore.disableProperty().unbind();
        restore.setDisable(true);
        progress.setProgress(0);
        AppContext.Restart restart = context.restart();
        Window window = context.window();
        record Restored(String kept, Runnable showNewWindow) {}
        javafx.concurrent.Task<Restored> task = new javafx.concurrent.Task<>() {
            @Override protected Restored call() {
                org.devicedesk.core.Progress.Estimate estimate = new org.devicedesk.core.Progress.Estimate(java.time.Clock.systemUTC());
                Backup before = backups.restore(context.session(), chosen, (doing, f) -> {
                    updateProgress(f, 1.0);
                    updateMessage(estimate.describe(doing, f));
                }, brokenTrail);
                updateMessage("Opening the restored database");
                // the application root closes the old database and wires the restored one
                return new Restored(before.name(), restart.reopen(window));
            }
        };
        progress.progressProperty().bind(task.progressProperty());
        progressText.textProperty().bind(task.messageProperty());
        Background.submit(task, restored -> {
            progress.progressProperty().unbind();
            dialog.close();
            Stage stage = (Stage) window;
            restored.showNewWindow().run();
            Alert done = new Alert(Alert.AlertType.INFORMATION);
            done.initOwner(stage);
            done.setTitle("Backup restored");
            done.setHeaderText("The backup made " + WHEN.format(chosen.madeAt()) + " has been restored.");
            done.setContentText("The database as it was is kept as " + restored.kept() + " in the backups folder. Please sign in again.");
            done.getDialogPane().setId("restore-done");
            done.show();
        }, t -> {
            progress.progressProperty().unbind();
            busy(false);
            restore.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
            if (t instanceof BackupService.BrokenTrail broken) {
                messages.error(broken.getMessage());
                fit();
                confirmBrokenTrail(chosen, broken);
                return;
            }
            messages.show(t);
            fit();
        });
    }

    static String bytes(long n) {
        if (n < 1024) return n + " bytes";
        if (n < 1024 * 1024) return String.format(Locale.UK, "%.1f KB", n / 1024.0);
        if (n < 1024L * 1024 * 1024) return String.format(Locale.UK, "%.1f MB", n / (1024.0 * 1024));
        return String.format(Locale.UK, "%.2f GB", n / (1024.0 * 1024 * 1024));
    }
}
