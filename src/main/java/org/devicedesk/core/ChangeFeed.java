package org.devicedesk.core;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What other clients (and this one) have just changed, so that open screens can follow without a click.
 * Every change already writes an audit event in its own transaction, so the audit trail is the source:
 * on PostgreSQL {@link Audit#record} also sends {@code pg_notify} in that transaction (delivered at commit,
 * never for a rolled-back change) and this feed LISTENs on a connection of its own; on SQLite it checks the
 * audit head on a timer (one indexed read) and reads the new events when it moved.
 * <p>
 * Subscribers are called on the feed's own thread with a batch of changes; a screen hands them to its UI
 * thread. A {@link Change#everything()} change means "anything may have changed" (after a reconnect, or
 * too many changes at once): reload all that is shown. Started by the first subscriber; no thread before.
 */
public final class ChangeFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeFeed.class);
    /** The PostgreSQL channel {@link Audit#record} notifies. */
    public static final String CHANNEL = "devicedesk_changes";
    static final char SEP = '\u001f';
    private static final int MAX_EVENTS_READ = 200;

    /** One changed record: its type and id as in the audit trail, who changed it and when. */
    public record Change(String recordType, String recordId, String actor, Instant at) {
        public static final Change EVERYTHING = new Change("*", "", "", null);

        public boolean everything() { return "*".equals(recordType); }

        /** Whether this change may concern a record of one of these types. */
        public boolean concerns(String... types) {
            if (everything()) return true;
            for (String t : types) if (t.equals(recordType)) return true;
            return false;
        }

        /** Whether this change may concern that one record. */
        public boolean concerns(String type, Object id) {
            return everything() || type.equals(recordType) && (id == null || String.valueOf(id).equals(recordId) || recordId.isEmpty()
                    || "import".equals(recordId));
        }

        static Change parse(String payload) {
            String[] p = payload.split(String.valueOf(SEP), -1);
            if (p.length < 4) return EVERYTHING;
            return new Change(p[0], p[1], p[2], Times.instant(p[3]));
        }
    }

    /** Whether the database can be reached. */
    public enum State { LIVE, RECONNECTING }

    /** Opens the PostgreSQL connection that LISTENs. */
    interface Opener { Connection open() throws SQLException; }

    private final Database db;
    private final Opener listenOpener;
    private final long pollMillis;
    private final List<Consumer<List<Change>>> subscribers = new CopyOnWriteArrayList<>();
    private final List<Consumer<State>> stateListeners = new CopyOnWriteArrayList<>();
    private volatile State state = State.LIVE;
    private volatile boolean closed;
    private Thread thread;

    ChangeFeed(Database db, Opener listenOpener) {
        this.db = db;
        this.listenOpener = listenOpener;
        this.pollMillis = Long.getLong("devicedesk.changePollMillis", 500);
    }

    /** Calls {@code subscriber} with every batch of changes from now on; close the result to stop. */
    public AutoCloseable subscribe(Consumer<List<Change>> subscriber) {
        subscribers.add(subscriber);
        start();
        return () -> subscribers.remove(subscriber);
    }

    /** Calls {@code listener} whenever the database becomes unreachable or reachable again. */
    public AutoCloseable onState(Consumer<State> listener) {
        stateListeners.add(listener);
        start();
        return () -> stateListeners.remove(listener);
    }

    public State state() { return state; }

    private synchronized void start() {
        if (thread != null || closed) return;
        thread = new Thread(listenOpener != null ? this::listenLoop : this::pollLoop, "devicedesk-changes");
        thread.setDaemon(true);
        thread.start();
    }

    private void publish(List<Change> changes) {
        if (changes.isEmpty()) return;
        for (Consumer<List<Change>> s : subscribers) {
            try {
                s.accept(changes);
            } catch (RuntimeException e) {
                LOG.error("A screen failed to take a change", e);
            }
        }
    }

    private void setState(State s) {
        if (state == s) return;
        state = s;
        LOG.info(s == State.LIVE ? "Database reachable again" : "Database unreachable: reconnecting");
        for (Consumer<State> l : stateListeners) {
            try {
                l.accept(s);
            } catch (RuntimeException e) {
                LOG.error("A state listener failed", e);
            }
        }
    }

    // ---- SQLite: the audit head on a timer ----

    private void pollLoop() {
        long seen = -1;
        while (!closed) {
            try {
                long head = db.read(h -> h.createQuery("SELECT last_seq FROM audit_head WHERE id = 1").mapTo(Long.class).findOne().orElse(0L));
                if (seen >= 0 && head != seen) {
                    long from = seen;
                    List<Change> changes = head < seen ? List.of(Change.EVERYTHING) // replaced by a restore
                            : db.read(h -> h.createQuery("SELECT record_type, record_id, actor, at FROM audit_event WHERE seq > :from ORDER BY seq LIMIT "
                                    + (MAX_EVENTS_READ + 1))
                                    .bind("from", from)
                                    .map((rs, ctx) -> new Change(rs.getString(1), rs.getString(2), rs.getString(3), Times.instant(rs.getString(4))))
                                    .list());
                    publish(changes.size() > MAX_EVENTS_READ ? List.of(Change.EVERYTHING) : changes);
                }
                seen = head;
                setState(State.LIVE);
            } catch (RuntimeException e) {
                if (closed) return;
                LOG.debug("Change check failed", e);
            }
            if (!pause(pollMillis)) return;
        }
    }

    // ---- PostgreSQL: LISTEN on a connection of its own ----

    private void listenLoop() {
        boolean first = true;
        long lastBeat = 0;
        while (!closed) {
            Connection c = null;
            try {
                c = listenOpener.open();
                try (Statement st = c.createStatement()) {
                    st.execute("LISTEN " + CHANNEL);
                }
                if (!first) publish(List.of(Change.EVERYTHING)); // whatever happened while it was away
                first = false;
                setState(State.LIVE);
                PGConnection pg = c.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] got = pg.getNotifications((int) Math.max(100, pollMillis));
                    if (got != null && got.length > 0) {
                        List<Change> changes = new ArrayList<>(got.length);
                        for (PGNotification n : got) changes.add(Change.parse(n.getParameter()));
                        publish(changes);
                    }
                    long now = System.nanoTime();
                    if (now - lastBeat > 3_000_000_000L) { // a server that stops answering sends nothing: ask it
                        lastBeat = now;
                        try (Statement st = c.createStatement()) {
                            st.execute("SELECT 1");
                        }
                        setState(State.LIVE); // also after an operation reported the server away and it was not
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (closed) return;
                LOG.debug("Change feed lost the database", e);
                setState(State.RECONNECTING);
                if (!pause(1000)) return;
            } finally {
                if (c != null) {
                    try { c.close(); } catch (SQLException ignored) { /* gone anyway */ }
                }
            }
        }
    }

    private boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return !closed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Tells the feed an operation failed because the server is away: the window shows it at once. */
    void reportUnreachable() {
        if (listenOpener != null && thread != null) setState(State.RECONNECTING);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (thread != null) thread.interrupt();
    }
}
