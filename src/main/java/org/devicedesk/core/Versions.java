package org.devicedesk.core;

import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Optimistic concurrency for every record a person edits (ADR 0008). Each versioned table has an
 * integer {@code version} column that every change raises by one (the repositories' UPDATEs say
 * {@code version = version + 1}). A form keeps the version it was loaded at and the service calls
 * {@link #expect} first in the saving transaction: the conditional {@code UPDATE ... WHERE id = ? AND
 * version = ?} both checks and (on PostgreSQL) locks the row until the save commits, so of two saves
 * from forms loaded at the same version exactly one goes through; the other gets a {@link Conflict}
 * naming who changed the record, when and what, and nothing of it is stored.
 *
 * <p>To version another record (e.g. a new editor): add {@code version INTEGER NOT NULL DEFAULT 1} in a
 * migration, list the table in {@link #TABLES}, raise the version in every UPDATE of it, carry the
 * version in the record the form loads, and call {@code expect} with it before saving.
 */
public final class Versions {
    /** Tables with a version column; the names go into SQL, so only these are accepted. */
    public static final Set<String> TABLES = Set.of("device", "person", "account", "incident", "breach_case", "travel_notice", "crypto_list");

    private Versions() {}

    /**
     * Refuses with a {@link Conflict} unless the record is still at {@code expected}. {@code recordType}
     * is the audit trail's name for it, {@code what} the record in words ("Device LT-0042").
     * A {@code null} expected version means "not from a form" and checks nothing.
     */
    public static void expect(Handle h, String table, long id, Long expected, String recordType, String what) {
        if (expected == null) return;
        if (!TABLES.contains(table)) throw new IllegalArgumentException("not a versioned table: " + table);
        int matched = h.createUpdate("UPDATE " + table + " SET version = version WHERE id = :id AND version = :v")
                .bind("id", id).bind("v", expected).execute();
        if (matched == 1) return;
        boolean exists = h.createQuery("SELECT count(*) FROM " + table + " WHERE id = :id").bind("id", id).mapTo(Integer.class).one() > 0;
        if (!exists) throw Refused.because(what + " is no longer in Device Desk: someone removed it after you opened it. Nothing was saved.");
        throw conflict(h, recordType, id, what);
    }

    /**
     * For a service that has just loaded the record with its row lock (a for-update read): refuses with
     * a {@link Conflict} when the form's {@code expected} version is not the {@code current} one.
     */
    public static void check(Handle h, String recordType, Object id, Long expected, long current, String what) {
        if (expected != null && expected != current) throw conflict(h, recordType, id, what);
    }

    /** The conflict for a record, with its latest change from the audit trail. */
    public static Conflict conflict(Handle h, String recordType, Object id, String what) {
        return new Conflict(recordType, id, what, lastChange(h, recordType, id));
    }

    /** The latest audit event about the record, or null. */
    public static Conflict.Change lastChange(Handle h, String recordType, Object id) {
        return h.createQuery("SELECT actor, at, summary FROM audit_event WHERE record_type = :t AND record_id = :id ORDER BY seq DESC LIMIT 1")
                .bind("t", recordType).bind("id", String.valueOf(id))
                .map((rs, ctx) -> new Conflict.Change(rs.getString(1), Times.instant(rs.getString(2)), rs.getString(3)))
                .findOne().orElse(null);
    }

    /** The settings' one version (they are saved as one form). */
    public static long settingsVersion(Handle h) {
        return h.createQuery("SELECT version FROM settings_version WHERE id = 1").mapTo(Long.class).one();
    }
}
