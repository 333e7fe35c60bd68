package org.devicedesk.backups;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.devicedesk.core.AppClock;
import org.devicedesk.core.Progress;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.ui.Outcome;
import org.devicedesk.ui.Tasks;

/**
 * The view model of "About Device Desk" ({@link AboutDialog}): the facts (version, database, size, schema version,
 * last backup), and for an administrator on SQLite the backups — the list, "Back up now", the restore of the chosen
 * backup (its audit trail verified by the service first; a broken one restored only on an explicit second choice),
 * what is enabled while either runs, the progress in words, and the sentences in {@code backups-message}.
 * The restart after a restore is the application root's: it comes in as {@code reopen} (through
 * {@code AppContext.Restart}), runs on the worker after the restore, and what it returns shows the new window.
 */
public final class AboutModel {
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.UK).withZone(AppClock.OFFICE_ZONE);
    /** What the confirmation before a restore says, under its header ({@link #confirmHeader}). */
    static final String CONFIRM_TEXT = "Everything recorded since then will be replaced by the backup's content. "
            + "The database as it is now is kept first as a \"pre-restore\" backup, so nothing is lost for good. "
            + "Everyone will need to sign in again.";
    static final String BROKEN_HEADER = "The audit trail in this backup has been tampered with or damaged. It has not been restored.";

    /** A restore that has finished: the dialog closes, {@code showNewWindow} puts the window at sign-in, then "Backup restored" says this. */
    public record Restored(String header, String text, Runnable showNewWindow) {}

    /** A restore refused because the backup's trail is broken: the dialog asks whether to restore it anyway. */
    public record BrokenTrailChoice(Backup chosen, String explanation) {}

    private final BackupService backups;
    private final Session session;
    private final Supplier<Runnable> reopen;
    private final Tasks tasks;
    private final boolean managesBackups;

    public final StringProperty version = new SimpleStringProperty("…");
    public final StringProperty database = new SimpleStringProperty("…");
    public final StringProperty size = new SimpleStringProperty("…");
    public final StringProperty schema = new SimpleStringProperty("…");
    public final StringProperty lastBackup = new SimpleStringProperty("…");
    /** The backups, newest first (administrators on SQLite). */
    public final ObservableList<Backup> rows = FXCollections.observableArrayList();
    /** The backup chosen in the list (the view binds the table's selection to it). */
    public final ObjectProperty<Backup> selected = new SimpleObjectProperty<>();
    /** A backup or a restore is running: the progress shows, "Back up now" and the list are disabled. */
    public final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty restoring = new SimpleBooleanProperty();
    /** 0–1, or -1 (indeterminate) while a backup runs. */
    public final DoubleProperty progress = new SimpleDoubleProperty(0);
    /** What the backup or restore is doing now, how far it has come and about how long is left (issue 17). */
    public final StringProperty progressText = new SimpleStringProperty("");
    /** What the last action came to, for {@code backups-message}; null shows nothing. */
    public final ObjectProperty<Outcome> outcome = new SimpleObjectProperty<>();
    /** Set when a restore has finished. */
    public final ObjectProperty<Restored> restored = new SimpleObjectProperty<>();
    /** Set when a restore was refused for a broken trail; the view asks, then calls {@link #restore(Backup, boolean)} with true. */
    public final ObjectProperty<BrokenTrailChoice> brokenTrail = new SimpleObjectProperty<>();
    /** Restore needs a chosen backup and nothing running: no restore, and no backup being written meanwhile. */
    public final BooleanBinding restoreDisabled;
    /** Called after each load of the facts or end of an action (the window grows to show them). */
    private Runnable onChange = () -> { };

    public AboutModel(BackupService backups, Session session, Supplier<Runnable> reopen, Tasks tasks) {
        this.backups = backups;
        this.session = session;
        this.reopen = reopen;
        this.tasks = tasks;
        this.managesBackups = session.has(Role.ADMIN) && backups.supported();
        restoreDisabled = selected.isNull().or(restoring).or(busy);
    }

    /** Whether the backups part shows: administrators, on SQLite. */
    public boolean managesBackups() {
        return managesBackups;
    }

    /** Whether the database is PostgreSQL's, whose backups are the server's ({@link BackupService#POSTGRES_MESSAGE}). */
    public boolean backupsByTheServer() {
        return !backups.supported();
    }

    /** "Kept in FOLDER for N days; …" under the Backups heading. */
    public String where(int keepDays) {
        return "Kept in " + backups.folder() + " for " + keepDays + " days; one is made each day at the first start after midnight.";
    }

    /** The view's hook to resize the window once new text is in. */
    public void onChange(Runnable r) {
        onChange = r;
    }

    private record Facts(BackupService.About about, java.util.List<Backup> list) {}

    /** Loads the facts and, for an administrator, the list of backups. */
    public void refresh() {
        boolean admin = managesBackups;
        tasks.run(() -> new Facts(backups.about(), admin ? backups.list(session) : null), r -> {
            BackupService.About a = r.about();
            version.set(a.version());
            database.set(a.location());
            size.set(a.sizeBytes() == null ? "kept by the database server" : bytes(a.sizeBytes()));
            schema.set(Integer.toString(a.schemaVersion()));
            lastBackup.set(!a.backupsSupported() ? "made by the database server"
                    : a.lastBackup().map(b -> WHEN.format(b.madeAt()) + " (" + b.kind().label().toLowerCase(Locale.UK) + ")").orElse("none yet"));
            if (r.list() != null) rows.setAll(r.list());
            onChange.run();
        }, t -> outcome.set(Outcome.failed(t)));
    }

    private void busy(boolean on) {
        busy.set(on);
        if (!on) progressText.set("");
    }

    /**
     * Progress reported by the worker, handed to the JavaFX thread coalesced (as a {@code Task}'s message is):
     * the restore reports every page it copies, and only the latest step need be shown.
     */
    private final class Reporter {
        private final AtomicReference<Progress> pending = new AtomicReference<>();
        private final Progress.Estimate estimate = new Progress.Estimate(Clock.systemUTC());
        private final boolean showsFraction;

        Reporter(boolean showsFraction) {
            this.showsFraction = showsFraction;
        }

        void at(String doing, double fraction) {
            report(new Progress(estimate.describe(doing, fraction), fraction));
        }

        void say(String text) {
            report(new Progress(text, Double.NaN));
        }

        private void report(Progress p) {
            if (pending.getAndSet(p) != null) return; // a step is already on its way: it will carry this one
            tasks.later(() -> {
                Progress now = pending.getAndSet(null);
                if (now == null || !busy.get()) return;
                progressText.set(now.doing());
                if (showsFraction && !Double.isNaN(now.fraction())) progress.set(now.fraction());
            });
        }
    }

    /** "Back up now": makes and checks a backup, then says so and lists it. */
    public void backUp() {
        outcome.set(null);
        busy(true);
        progress.set(-1);
        Reporter reporter = new Reporter(false);
        tasks.run(() -> backups.backupNow(session, reporter::at), b -> {
            busy(false);
            outcome.set(Outcome.success("Backup made and checked: " + b.name()));
            onChange.run();
            refresh();
        }, t -> {
            busy(false);
            outcome.set(Outcome.failed(t));
            refresh();
        });
    }

    /** The header of the confirmation before restoring {@code chosen}. */
    public static String confirmHeader(Backup chosen) {
        return "Restore the backup made " + WHEN.format(chosen.madeAt()) + "?";
    }

    /** The text of the question when the backup's trail is broken. */
    public static String brokenTrailText(BrokenTrailChoice broken) {
        return broken.explanation()
                + "\n\nChoose another backup if you can. Restoring this one anyway records the break in the audit trail, under your name.";
    }

    /**
     * Restores {@code chosen} (after the person confirmed), then reopens the database through the application root.
     * {@code brokenTrail}: the person chose to restore a backup whose trail is broken (recorded with the break).
     */
    public void restore(Backup chosen, boolean brokenTrail) {
        if (chosen == null) return;
        outcome.set(null);
        this.brokenTrail.set(null);
        busy(true);
        restoring.set(true);
        progress.set(0);
        Reporter reporter = new Reporter(true);
        record Done(String kept, Runnable showNewWindow) {}
        tasks.run(() -> {
            Backup before = backups.restore(session, chosen, reporter::at, brokenTrail);
            reporter.say("Opening the restored database");
            // the application root closes the old database and wires the restored one
            return new Done(before.name(), reopen.get());
        }, done -> restored.set(new Restored("The backup made " + WHEN.format(chosen.madeAt()) + " has been restored.",
                "The database as it was is kept as " + done.kept() + " in the backups folder. Please sign in again.",
                done.showNewWindow())), t -> {
            busy(false);
            restoring.set(false);
            if (t instanceof BackupService.BrokenTrail broken) {
                outcome.set(Outcome.error(broken.getMessage()));
                onChange.run();
                this.brokenTrail.set(new BrokenTrailChoice(chosen, broken.explanation()));
                return;
            }
            outcome.set(Outcome.failed(t));
            onChange.run();
        });
    }

    static String bytes(long n) {
        if (n < 1024) return n + " bytes";
        if (n < 1024 * 1024) return String.format(Locale.UK, "%.1f KB", n / 1024.0);
        if (n < 1024L * 1024 * 1024) return String.format(Locale.UK, "%.1f MB", n / (1024.0 * 1024));
        return String.format(Locale.UK, "%.2f GB", n / (1024.0 * 1024 * 1024));
    }
}
