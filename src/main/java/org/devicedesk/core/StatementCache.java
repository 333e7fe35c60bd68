package org.devicedesk.core;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilderFactory;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Keeps SQLite's prepared statements per pooled connection (issue 20): Jdbi otherwise prepares every
 * statement anew, and SQLite parses and plans it each time. A statement handed back by Jdbi has its
 * result set closed (which resets it, so it holds no read snapshot) and its parameters cleared, and
 * is given out again for the same SQL on the same connection (not those asked for generated keys). A statement still in use (the same SQL
 * nested) gets a fresh one that is closed as usual. Each connection keeps at most {@link #PER_CONNECTION}
 * (least recently used first out); closing the connection closes its statements.
 * Not used on PostgreSQL: the driver keeps its server-side prepared statements itself, and the pool
 * closes a borrowed connection's statements when it is handed back.
 */
final class StatementCache implements StatementBuilderFactory {
    static final int PER_CONNECTION = 64;

    private final Map<Connection, PerConnection> caches = Collections.synchronizedMap(new WeakHashMap<>());

    @Override
    public StatementBuilder createStatementBuilder(Connection conn) {
        return new Builder(caches.computeIfAbsent(conn, c -> new PerConnection()));
    }

    /** Drops a connection's statements (it is being closed). */
    void forget(Connection conn) {
        PerConnection pc = caches.remove(conn);
        if (pc != null) pc.closeAll();
    }

    private record Key(String sql) {}

    private static final class PerConnection {
        private final LinkedHashMap<Key, PreparedStatement> cached = new LinkedHashMap<>(32, 0.75f, true);
        private final Set<Statement> inUse = Collections.newSetFromMap(new IdentityHashMap<>());
        private final Map<Statement, Key> keyOf = new IdentityHashMap<>();

        synchronized PreparedStatement take(Key key) {
            PreparedStatement ps = cached.get(key);
            if (ps == null || inUse.contains(ps)) return null;
            inUse.add(ps);
            return ps;
        }

        synchronized void keep(Key key, PreparedStatement ps) {
            if (cached.containsKey(key)) return; // a nested twin is in use: this one is closed after use
            if (cached.size() >= PER_CONNECTION) {
                var oldest = cached.entrySet().iterator();
                while (oldest.hasNext()) {
                    var e = oldest.next();
                    if (inUse.contains(e.getValue())) continue;
                    oldest.remove();
                    keyOf.remove(e.getValue());
                    closeQuietly(e.getValue());
                    break;
                }
            }
            cached.put(key, ps);
            keyOf.put(ps, key);
            inUse.add(ps);
        }

        /** True when the statement is one of the kept ones (now free again); false: the caller closes it. */
        synchronized boolean giveBack(Statement st) {
            Key key = keyOf.get(st);
            if (key == null) return false;
            inUse.remove(st);
            try {
                ResultSet rs = st.getResultSet();
                if (rs != null) rs.close();
                // reset it: a statement stepped but not reset counts as running (it would hold a read
                // snapshot, and stop VACUUM INTO and checkpoints)
                if (st instanceof org.sqlite.core.CoreStatement cs && !cs.pointer.isClosed()) {
                    cs.pointer.safeRunInt((sqlite, ptr) -> sqlite.reset(ptr));
                }
                ((PreparedStatement) st).clearParameters();
                return true;
            } catch (SQLException | RuntimeException e) {
                cached.remove(key);
                keyOf.remove(st);
                return false;
            }
        }

        synchronized void closeIdle() {
            var it = cached.entrySet().iterator();
            while (it.hasNext()) {
                var e = it.next();
                if (inUse.contains(e.getValue())) continue;
                it.remove();
                keyOf.remove(e.getValue());
                closeQuietly(e.getValue());
            }
        }

        synchronized void closeAll() {
            cached.values().forEach(PerConnection::closeQuietly);
            cached.clear();
            keyOf.clear();
            inUse.clear();
        }

        private static void closeQuietly(Statement st) {
            try {
                st.close();
            } catch (SQLException ignored) {
                // the connection is going anyway
            }
        }
    }

    /**
     * Closes the kept statements of the handle's connection that are not in use: SQLite's VACUUM INTO
     * refuses to run while the connection has statements it counts as in progress.
     */
    static void closeIdle(org.jdbi.v3.core.Handle h) {
        if (h.getStatementBuilder() instanceof Builder b) b.cache.closeIdle();
    }

    private static final class Builder extends DefaultStatementBuilder {
        private final PerConnection cache;

        Builder(PerConnection cache) {
            this.cache = cache;
        }

        @Override
        public PreparedStatement create(Connection conn, String sql, StatementContext ctx) throws SQLException {
            // not kept: statements asked for generated keys (the driver reads them with a statement of its own,
            // which stays open, and running, until the outer one is closed), and updatable ones
            if (ctx.isConcurrentUpdatable() || ctx.isReturningGeneratedKeys()) return super.create(conn, sql, ctx);
            Key key = new Key(sql);
            PreparedStatement ps = cache.take(key);
            if (ps != null) return ps;
            ps = super.create(conn, sql, ctx);
            cache.keep(key, ps);
            return ps;
        }

        @Override
        public void close(Connection conn, String sql, Statement st) throws SQLException {
            if (st == null) return;
            if (!cache.giveBack(st)) st.close();
        }
    }
}
