package org.devicedesk.mail;

import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.devicedesk.core.Session;
import org.devicedesk.ui.Outcome;
import org.devicedesk.ui.Tasks;

/**
 * The outbox tab's state and rules ({@link OutboxView} shows it): the messages for the chosen status (the newest
 * {@link #SHOWN}; a newer choice's result wins), the counts line, the text of the message selected, and sending
 * chosen messages again.
 */
public final class OutboxModel {
    public static final int SHOWN = 500;
    /** The status filter's choices, in words. */
    public static final List<String> CHOICES = List.of("All", "Waiting to be sent", "Failed", "Sent");

    private final MailService mail;
    private final Session session;
    private final Tasks tasks;
    private final Tasks.Latest latest;
    public final ObservableList<OutboxMessage> rows = FXCollections.observableArrayList();
    public final ObjectProperty<String> status = new SimpleObjectProperty<>("All");
    public final ObjectProperty<OutboxMessage> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper counts = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper body = new ReadOnlyStringWrapper("");
    private final ObjectProperty<Outcome> outcome = new SimpleObjectProperty<>();

    public OutboxModel(MailService mail, Session session, Tasks tasks) {
        this.mail = mail;
        this.session = session;
        this.tasks = tasks;
        this.latest = new Tasks.Latest(tasks);
        status.addListener((o, a, b) -> load());
        selected.addListener((o, was, now) -> body.set(bodyOf(now)));
    }

    /** The status chosen as a filter (null: all). */
    static OutboxMessage.Status filter(String choice) {
        return switch (choice == null ? "All" : choice) {
            case "Waiting to be sent" -> OutboxMessage.Status.PENDING;
            case "Failed" -> OutboxMessage.Status.FAILED;
            case "Sent" -> OutboxMessage.Status.SENT;
            default -> null;
        };
    }

    private record Loaded(List<OutboxMessage> messages, Map<OutboxMessage.Status, Integer> counts) {}

    public void load() {
        OutboxMessage.Status filter = filter(status.get());
        latest.run(() -> new Loaded(mail.outbox(session, filter, SHOWN), mail.counts(session)), l -> {
            rows.setAll(l.messages());
            var c = l.counts();
            counts.set(c.get(OutboxMessage.Status.PENDING) + " waiting, " + c.get(OutboxMessage.Status.FAILED) + " failed, "
                    + c.get(OutboxMessage.Status.SENT) + " sent");
        }, t -> outcome.set(Outcome.failed(t)));
    }

    /** Queues the chosen messages again (audited by the service), says how many, and reloads. */
    public void resend(List<OutboxMessage> chosen) {
        List<Long> ids = chosen.stream().map(OutboxMessage::id).toList();
        tasks.run(() -> mail.resend(session, ids), n -> {
            outcome.set(Outcome.success(n == 1 ? "1 message queued again; it goes with the next round of the sender."
                    : n + " messages queued again; they go with the next round of the sender."));
            load();
        }, t -> outcome.set(Outcome.failed(t)));
    }

    /** What the message pane shows for a message: its address, subject, last error and text. */
    static String bodyOf(OutboxMessage m) {
        return m == null ? "" : "To: " + m.recipient() + "\nSubject: " + m.subject() + (m.lastError() == null ? "" : "\nLast error: " + m.lastError())
                + "\n\n" + m.bodyText();
    }

    public ReadOnlyStringProperty counts() { return counts.getReadOnlyProperty(); }

    public ReadOnlyStringProperty body() { return body.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<Outcome> outcome() { return outcome; }
}
