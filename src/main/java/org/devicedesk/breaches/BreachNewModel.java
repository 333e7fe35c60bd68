package org.devicedesk.breaches;

import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.devicedesk.core.Refused;
import org.devicedesk.core.Session;
import org.devicedesk.ui.Tasks;

/**
 * Opening a case that did not come from a device incident, without a window (issue 15): the title, what
 * happened, and when the office became aware as typed (a day and a time, read the one British way; the 72 hours
 * run from then). The service decides what may be saved; this model reads the moment and passes refusals on.
 */
final class BreachNewModel {
    private final BreachService breaches;
    private final Session session;
    private final Tasks tasks;
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty description = new SimpleStringProperty("");
    private final StringProperty awareDateText = new SimpleStringProperty("");
    private final StringProperty awareTimeText = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(false);

    BreachNewModel(BreachService breaches, Session session, Tasks tasks) {
        this.breaches = breaches;
        this.session = session;
        this.tasks = tasks;
    }

    StringProperty title() {
        return title;
    }

    StringProperty description() {
        return description;
    }

    /** The day the office became aware, as typed ("04/03/2026"). */
    StringProperty awareDateText() {
        return awareDateText;
    }

    /** The time of day, as typed ("14:30", "1430"). */
    StringProperty awareTimeText() {
        return awareTimeText;
    }

    /** A save is running: the button waits. */
    ReadOnlyBooleanProperty saving() {
        return saving.getReadOnlyProperty();
    }

    /** What a clean form starts from: aware now. */
    Instant now() {
        return breaches.now();
    }

    /**
     * Opens the case; {@code opened} gets its id. A moment that cannot be read, or a date without a time, is
     * refused here with what was typed and nothing is sent; the service's refusals go to {@code failed} too.
     */
    void save(LongConsumer opened, Consumer<Throwable> failed) {
        Instant at;
        try {
            at = BreachPageModel.instant(awareDateText.get(), awareTimeText.get(), "aware-at", "when the office became aware");
        } catch (Refused r) {
            failed.accept(r);
            return;
        }
        String t = title.get();
        String d = description.get();
        saving.set(true);
        tasks.run(() -> breaches.openDirect(session, t, d, at), id -> {
            saving.set(false);
            opened.accept(id);
        }, e -> {
            saving.set(false);
            failed.accept(e);
        });
    }
}
