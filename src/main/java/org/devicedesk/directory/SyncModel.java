package org.devicedesk.directory;

import java.time.LocalDate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.devicedesk.core.Session;
import org.devicedesk.ui.FormOutcome;
import org.devicedesk.ui.Tasks;

/**
 * The view model of "Sync with directory" ({@link SyncDialog}): the preview of what would change and its
 * summary, the leavers who still hold devices, the leaving date (today unless changed), and Apply — offered only
 * when there is something to change, all the changes or none, once.
 */
public final class SyncModel {
    private final DirectorySync sync;
    private final Session session;
    private final Tasks tasks;
    private final Runnable applied;
    private DirectorySync.Preview current;

    public final ObservableList<DirectorySync.Item> items = FXCollections.observableArrayList();
    /** The leavers who still hold devices, a line each ({@code sync-devices}). */
    public final ObservableList<String> devices = FXCollections.observableArrayList();
    public final StringProperty summary = new SimpleStringProperty("Reading the directory…");
    public final ObjectProperty<LocalDate> leftOn = new SimpleObjectProperty<>();
    /** Apply waits for a preview with something in it, and while it runs; it stays off once applied. */
    public final BooleanProperty applyDisabled = new SimpleBooleanProperty(true);
    /** What the preview or the apply came to, shown in {@code sync-message}. */
    public final ObjectProperty<FormOutcome> outcome = new SimpleObjectProperty<>(FormOutcome.NONE);

    public SyncModel(DirectorySync sync, Session session, LocalDate today, Tasks tasks, Runnable applied) {
        this.sync = sync;
        this.session = session;
        this.tasks = tasks;
        this.applied = applied;
        leftOn.set(today);
    }

    /** Reads the directory and shows what a sync would change. */
    public void open() {
        tasks.run(() -> sync.preview(session), p -> {
            current = p;
            items.setAll(p.items());
            devices.setAll(DirectorySync.recoveryLines(p.leaversWithDevices()));
            summary.set(p.isEmpty() ? "Nothing to change: everyone is in step with the directory."
                    : p.of(DirectorySync.Kind.JOIN).size() + " joining, " + p.of(DirectorySync.Kind.CHANGE).size() + " changed, "
                    + p.of(DirectorySync.Kind.LINK).size() + " to link, " + p.of(DirectorySync.Kind.LEAVE).size() + " leaving."
                    + " Apply makes all of these changes at once, or none.");
            applyDisabled.set(p.isEmpty());
        }, t -> {
            summary.set("The preview could not be made.");
            outcome.set(FormOutcome.failed(t));
        });
    }

    /** Makes all the previewed changes, the leavers leaving on {@link #leftOn}, or none. */
    public void apply() {
        LocalDate day = leftOn.get();
        DirectorySync.Preview preview = current;
        applyDisabled.set(true);
        tasks.run(() -> sync.apply(session, preview, day), a -> {
            outcome.set(FormOutcome.done("Applied: " + a.summary() + " Written to the audit trail."));
            devices.setAll(DirectorySync.recoveryLines(a.leaversWithDevices()));
            summary.set("Done. The list below is what was changed.");
            applied.run();
        }, t -> {
            outcome.set(FormOutcome.failed(t));
            applyDisabled.set(false);
        });
    }
}
