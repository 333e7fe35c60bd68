package org.devicedesk.breaches;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.devicedesk.breaches.BreachCase.DeadlineState;
import org.devicedesk.core.Session;
import org.devicedesk.ui.Tasks;

/**
 * The DPO's breach queue without a window (issue 15): the search typed, the cases shown (the first
 * {@link #QUEUE_PAGE} of the queue, in the database's order: open ones first, least time left on top), the
 * clock the countdowns read, and the count line. After a decision the next load says what was recorded.
 * Loading goes through {@link Tasks.Latest}: an older search's late result never replaces a newer one's.
 */
final class BreachesModel {
    /** The queue screen shows this many cases at most; the count covers them all. */
    static final int QUEUE_PAGE = 500;

    private final BreachService breaches;
    private final Session session;
    private final Tasks.Latest latest;
    private final int pageSize;

    /** The cases shown. */
    final ObservableList<BreachCase> rows = FXCollections.observableArrayList();
    private final StringProperty search = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper count = new ReadOnlyStringWrapper("");
    /** How a load puts its cases into {@link #rows}; the view keeps the selection and the scroll place. */
    private Consumer<List<BreachCase>> replace = rows::setAll;
    private Instant now;
    private String afterLoadMessage;
    private BreachService.QueuePage loadedQueue;

    BreachesModel(BreachService breaches, Session session, Tasks tasks) {
        this(breaches, session, tasks, QUEUE_PAGE);
    }

    /** Showing at most {@code pageSize} cases (tests use small pages). */
    BreachesModel(BreachService breaches, Session session, Tasks tasks, int pageSize) {
        this.pageSize = pageSize;
        this.breaches = breaches;
        this.session = session;
        this.latest = new Tasks.Latest(tasks);
        this.now = breaches.now();
    }

    /** What the DPO searches for: reference, title, incident or ICO reference. */
    StringProperty search() {
        return search;
    }

    /** "3 open (2 overdue, 1 due within 24 h)  ·  0 decided or closed", and what is not shown of a large queue. */
    ReadOnlyStringProperty count() {
        return count.getReadOnlyProperty();
    }

    /** The moment the countdowns are drawn for. */
    Instant now() {
        return now;
    }

    /** How a load replaces the rows shown (the view: keeping the selection and the scroll place). */
    void replaceRowsWith(Consumer<List<BreachCase>> replace) {
        this.replace = replace;
    }

    /**
     * Loads the queue for the search. {@code loaded} gets what to tell the person after the load (the decision
     * just recorded), or null when there is nothing to say.
     */
    void reload(Consumer<String> loaded, Consumer<Throwable> failed) {
        String text = search.get();
        latest.run(() -> breaches.queuePage(session, text, pageSize), page -> {
            now = breaches.now();
            loadedQueue = page;
            replace.accept(page.cases());
            String message = afterLoadMessage;
            afterLoadMessage = null;
            updateCount();
            loaded.accept(message);
        }, failed);
    }

    /** A decision took the case out of the open queue: the next load says what was recorded. */
    void decided(BreachCase c) {
        afterLoadMessage = c.status() == BreachCase.Status.CLOSED
                ? c.reference() + " closed. The breach register keeps its decision ('" + c.decision().label() + "')."
                : c.reference() + " recorded as '" + c.status().label() + "'. It has left the open queue and is kept in the breach register.";
    }

    /** The clock moves on (the cases already loaded, no database work): the countdowns and the count follow. */
    void tick() {
        now = breaches.now();
        updateCount();
    }

    private void updateCount() {
        BreachService.QueuePage page = loadedQueue;
        boolean truncated = page != null && page.truncated();
        // a whole queue is counted as it ticks; a page of a large one uses the database's counts from its load
        long open = truncated ? page.open() : rows.stream().filter(c -> c.status().isOpen()).count();
        long overdue = truncated ? page.overdue() : rows.stream().filter(c -> c.deadlineState(now) == DeadlineState.OVERDUE).count();
        long soon = truncated ? page.dueSoon() : rows.stream().filter(c -> c.deadlineState(now) == DeadlineState.DUE_SOON).count();
        long all = truncated ? page.total() : rows.size();
        StringBuilder sb = new StringBuilder(open + " open");
        if (overdue > 0 || soon > 0) sb.append(" (").append(overdue).append(" overdue, ").append(soon).append(" due within 24 h)");
        sb.append("  ·  ").append(all - open).append(" decided or closed");
        if (truncated) sb.append("  ·  showing the first ").append(rows.size()).append(": search to find others");
        count.set(sb.toString());
    }
}
