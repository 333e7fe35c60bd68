package org.devicedesk.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.LongConsumer;
import org.jdbi.v3.core.Handle;

/**
 * The append-only, hash-chained audit trail (SPEC section 6). Services call {@link #record} with the
 * handle of the transaction that makes the change, so the event and the change stand or fall together.
 * Each event's hash covers its content and the previous event's hash; {@link #verify} recomputes the
 * chain and names the first event that does not match.
 */
public final class Audit {
    public static final String GENESIS = "0".repeat(64);

    private Audit() {}

    /** Appends one event in the caller's transaction; returns its sequence number. */
    public static long record(Handle h, Session actor, Instant at, String action, String recordType, Object recordId, String summary) {
        if (!OWN_SIGN_IN_EVENTS.contains(action)) recheck(h, actor);
        // the head row serialises appenders on SQLite and PostgreSQL alike; RETURNING reads it in the same statement
        Head head = h.createQuery("UPDATE audit_head SET last_seq = last_seq + 1 WHERE id = 1 RETURNING last_seq, last_hash")
                .map(Head.MAPPER).one();
        long seq = head.seq();
        String prev = head.hash();
        String at1 = Times.store(at);
        String rid = recordId == null ? "" : recordId.toString();
        String actorName = actor.username();
        String hash = hash(prev, seq, at1, actorName, action, recordType, rid, summary);
        if (isPostgres(h)) {
            // the event and the change feed's notice in one statement, one round trip (issue 20); the head's
            // hash is moved in a second one, after the event is there (its trigger checks the newest event)
            h.createQuery("""
                    INSERT INTO audit_event (seq, at, actor, action, record_type, record_id, summary, prev_hash, hash)
                    VALUES (:seq, :at, :actor, :action, :type, :rid, :summary, :prev, :hash) RETURNING pg_notify('""" + ChangeFeed.CHANNEL + "', :p)")
                    .bind("seq", seq).bind("at", at1).bind("actor", actorName).bind("action", action)
                    .bind("type", recordType).bind("rid", rid).bind("summary", summary)
                    .bind("prev", prev).bind("hash", hash).bind("p", payload(recordType, rid, actorName, at1))
                    .map((rs, ctx) -> 1).one();
            h.createUpdate("UPDATE audit_head SET last_hash = :hash WHERE id = 1").bind("hash", hash).execute();
            return seq;
        }
        h.createUpdate("""
                INSERT INTO audit_event (seq, at, actor, action, record_type, record_id, summary, prev_hash, hash)
                VALUES (:seq, :at, :actor, :action, :type, :rid, :summary, :prev, :hash)""")
                .bind("seq", seq).bind("at", at1).bind("actor", actorName).bind("action", action)
                .bind("type", recordType).bind("rid", rid).bind("summary", summary)
                .bind("prev", prev).bind("hash", hash).execute();
        h.createUpdate("UPDATE audit_head SET last_hash = :hash WHERE id = 1").bind("hash", hash).execute();
        return seq;
    }

    /** The head row: the last event's sequence number and hash. */
    private record Head(long seq, String hash) {
        static final org.jdbi.v3.core.mapper.RowMapper<Head> MAPPER = (rs, ctx) -> new Head(rs.getLong(1), rs.getString(2));
    }

    /** An account's state and one of its roles (null when it has none), as the re-check reads them. */
    private record AccountRole(boolean active, String role) {}

    /** Events an account writes about itself whatever its state: a deactivated account may still fail to sign in, or sign out. */
    private static final java.util.Set<String> OWN_SIGN_IN_EVENTS = java.util.Set.of("SIGN_IN_FAILED", "ACCOUNT_LOCKED", "SIGNED_OUT");

    /**
     * The session is re-checked against its account in the transaction of every change (every change
     * writes its event here): an account deactivated, or a role removed, since it signed in changes
     * nothing more, and the whole transaction is rolled back. One indexed look-up per change. The
     * application's own actor (account 0: start-up work, demo data) is not an account.
     */
    static void recheck(Handle h, Session actor) {
        if (actor.accountId() <= 0) return;
        java.util.List<AccountRole> rows = h.createQuery(
                        "SELECT a.active, r.role FROM account a LEFT JOIN account_role r ON r.account_id = a.id WHERE a.id = :id")
                .bind("id", actor.accountId()).map((rs, ctx) -> new AccountRole(rs.getInt(1) == 1, rs.getString(2))).list();
        if (rows.isEmpty()) {
            throw new AccessDenied("Your account (" + actor.username() + ") no longer exists, so nothing was saved. Sign out.");
        }
        if (!rows.get(0).active()) {
            throw new AccessDenied("Your account (" + actor.username() + ") has been deactivated by an administrator since you signed in,"
                    + " so nothing was saved. Sign out; ask an administrator if you need the account back.");
        }
        java.util.Set<String> now = new java.util.HashSet<>();
        for (AccountRole r : rows) if (r.role() != null) now.add(r.role());
        for (Role role : actor.roles()) {
            if (!now.contains(role.name())) {
                throw new AccessDenied("Your account (" + actor.username() + ") no longer has the role " + role.label()
                        + " since an administrator changed it, so nothing was saved. Sign out and sign in again.");
            }
        }
    }

    /** The Jdbi attribute {@link Database} sets to its dialect's name. */
    static final String DIALECT = "devicedesk.dialect";

    /**
     * On PostgreSQL, tells every listening client (the {@link ChangeFeed}) about the change, in the changing
     * transaction: the server delivers it at commit and drops it on rollback. SQLite's feed reads the trail.
     */
    private static void notifyChange(Handle h, String recordType, String recordId, String actor, String at) {
        if (!isPostgres(h)) return;
        h.createQuery("SELECT pg_notify('" + ChangeFeed.CHANNEL + "', :p)").bind("p", payload(recordType, recordId, actor, at)).map((rs, ctx) -> 1).one();
    }

    private static boolean isPostgres(Handle h) {
        return "POSTGRESQL".equals(h.getConfig(org.jdbi.v3.core.statement.SqlStatements.class).getAttribute(DIALECT));
    }

    private static String payload(String recordType, String recordId, String actor, String at) {
        return recordType + ChangeFeed.SEP + recordId + ChangeFeed.SEP + actor + ChangeFeed.SEP + at;
    }

    /** One event for {@link #recordAll}. */
    public record Entry(String action, String recordType, Object recordId, String summary) {}

    /**
     * Appends many events at one time in the caller's transaction (an import): the head is moved
     * once, the chain computed in memory and the rows written as one batch. Returns the last seq.
     */
    public static long recordAll(Handle h, Session actor, Instant at, java.util.List<Entry> entries) {
        recheck(h, actor);
        if (entries.isEmpty()) return h.createQuery("SELECT last_seq FROM audit_head WHERE id = 1").mapTo(Long.class).one();
        h.createUpdate("UPDATE audit_head SET last_seq = last_seq + :n WHERE id = 1").bind("n", entries.size()).execute();
        Head head = h.createQuery("SELECT last_seq, last_hash FROM audit_head WHERE id = 1").map(Head.MAPPER).one();
        long seq = head.seq() - entries.size();
        String prev = head.hash();
        String at1 = Times.store(at);
        String actorName = actor.username();
        MessageDigest md = sha256();
        // plain JDBC batch: for an import of 10k rows Jdbi's per-argument binding costs more than SQLite's work
        try (java.sql.PreparedStatement ps = h.getConnection().prepareStatement("""
                INSERT INTO audit_event (seq, at, actor, action, record_type, record_id, summary, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (Entry e : entries) {
                seq++;
                String rid = e.recordId() == null ? "" : e.recordId().toString();
                String hash = hash(md, prev, seq, at1, actorName, e.action(), e.recordType(), rid, e.summary());
                ps.setLong(1, seq);
                ps.setString(2, at1);
                ps.setString(3, actorName);
                ps.setString(4, e.action());
                ps.setString(5, e.recordType());
                ps.setString(6, rid);
                ps.setString(7, e.summary());
                ps.setString(8, prev);
                ps.setString(9, hash);
                ps.addBatch();
                prev = hash;
            }
            ps.executeBatch();
        } catch (java.sql.SQLException ex) {
            throw new org.jdbi.v3.core.statement.UnableToExecuteStatementException(ex, null);
        }
        h.createUpdate("UPDATE audit_head SET last_hash = :hash WHERE id = 1").bind("hash", prev).execute();
        Entry last = entries.get(entries.size() - 1);
        notifyChange(h, entries.stream().map(Entry::recordType).distinct().count() == 1 ? last.recordType() : "*", "", actorName, at1);
        return seq;
    }

    public static String hash(String prev, long seq, String at, String actor, String action, String type, String recordId, String summary) {
        return hash(sha256(), prev, seq, at, actor, action, type, recordId, summary);
    }

    /** The same, with a digest the caller reuses (verifying a million events need not build a million digests). */
    static String hash(MessageDigest md, String prev, long seq, String at, String actor, String action, String type, String recordId, String summary) {
        md.reset();
        for (String part : new String[] {prev, Long.toString(seq), at, actor, action, type, recordId, summary == null ? "" : summary}) {
            md.update(part.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0x1f); // unit separator: "ab"+"c" never hashes like "a"+"bc"
        }
        return HexFormat.of().formatHex(md.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** The result of checking the chain: intact, or the first event that breaks it and how. */
    public record Verification(boolean intact, long eventsChecked, Long brokenAt, String explanation) {}

    /**
     * Recomputes the chain in sequence order, streaming, reporting progress every 10,000 events.
     * Catches an edited event (its hash no longer matches), a deleted one (a gap in the sequence or
     * a previous-hash mismatch) and a rewritten tail (the head no longer matches the last event).
     */
    public static Verification verify(Handle h, LongConsumer progress) {
        String[] prev = {GENESIS};
        long[] expectedSeq = {1};
        long[] checked = {0};
        Verification[] broken = {null};
        MessageDigest md = sha256();
        h.createQuery("SELECT seq, at, actor, action, record_type, record_id, summary, prev_hash, hash FROM audit_event ORDER BY seq")
                .setFetchSize(2000)
                .scanResultSet((supplier, ctx) -> {
                    var rs = supplier.get();
                    while (rs.next()) {
                        long seq = rs.getLong(1);
                        String storedPrev = rs.getString(8);
                        String storedHash = rs.getString(9);
                        if (seq != expectedSeq[0]) {
                            broken[0] = new Verification(false, checked[0], seq, "Event " + expectedSeq[0]
                                    + (seq - expectedSeq[0] == 1 ? " is" : " to " + (seq - 1) + " are")
                                    + " missing: the trail jumps from event " + (expectedSeq[0] - 1) + " to event " + seq + ".");
                            return null;
                        }
                        if (!prev[0].equals(storedPrev)) {
                            broken[0] = new Verification(false, checked[0], seq, "Event " + seq
                                    + " does not follow on from the event before it: an event before it was changed or removed.");
                            return null;
                        }
                        String recomputed = hash(md, storedPrev, seq, rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7));
                        if (!recomputed.equals(storedHash)) {
                            broken[0] = new Verification(false, checked[0], seq, "Event " + seq + " (" + rs.getString(2)
                                    + ", " + rs.getString(3) + ", " + rs.getString(4)
                                    + ") was changed after it was written: its content no longer matches its hash.");
                            return null;
                        }
                        prev[0] = storedHash;
                        expectedSeq[0]++;
                        checked[0]++;
                        if (progress != null && checked[0] % 10_000 == 0) progress.accept(checked[0]);
                    }
                    return null;
                });
        if (broken[0] != null) return broken[0];
        Head head = h.createQuery("SELECT last_seq, last_hash FROM audit_head WHERE id = 1").map(Head.MAPPER).one();
        if (head.seq() != expectedSeq[0] - 1 || !head.hash().equals(prev[0])) {
            return new Verification(false, checked[0], expectedSeq[0],
                    "The trail ends at event " + (expectedSeq[0] - 1) + " but " + head.seq()
                            + " events were written: the latest events were removed or replaced.");
        }
        if (progress != null) progress.accept(checked[0]);
        return new Verification(true, checked[0], null, "The audit trail is intact: " + checked[0] + " events checked.");
    }
}
