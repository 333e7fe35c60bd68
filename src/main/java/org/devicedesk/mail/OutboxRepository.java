package org.devicedesk.mail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.devicedesk.core.Database;
import org.devicedesk.core.Times;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** The SQL of the outbox and the mail settings (ADR 0011). */
final class OutboxRepository {
    private static final String COLUMNS = "id, kind, recipient, subject, body_text, body_html, record_type, record_id, status, attempts, "
            + "next_attempt_at, last_error, created_at, sent_at";

    static final RowMapper<OutboxMessage> MAPPER = (rs, ctx) -> new OutboxMessage(rs.getLong("id"), MailKind.valueOf(rs.getString("kind")),
            rs.getString("recipient"), rs.getString("subject"), rs.getString("body_text"), rs.getString("body_html"),
            rs.getString("record_type"), rs.getString("record_id"), OutboxMessage.Status.valueOf(rs.getString("status")),
            rs.getInt("attempts"), Times.instant(rs.getString("next_attempt_at")), rs.getString("last_error"),
            Times.instant(rs.getString("created_at")), Times.instant(rs.getString("sent_at")));

    private OutboxRepository() {}

    static long insert(Handle h, MailKind kind, String recipient, Templates.Rendered m, String recordType, String recordId,
                       OutboxMessage.Status status, String lastError, Instant now) {
        return h.createUpdate("""
                INSERT INTO mail_outbox (kind, recipient, subject, body_text, body_html, record_type, record_id, status, attempts,
                                         next_attempt_at, last_error, created_at)
                VALUES (:kind, :to, :subject, :text, :html, :rtype, :rid, :status, 0, :now, :error, :now)""")
                .bind("kind", kind.name()).bind("to", recipient).bind("subject", m.subject()).bind("text", m.text()).bind("html", m.html())
                .bind("rtype", recordType).bind("rid", recordId).bind("status", status.name()).bind("error", lastError)
                .bind("now", Times.store(now)).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /**
     * Claims up to {@code limit} due messages for {@code sender}, atomically: on PostgreSQL one
     * {@code UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED)}, so parallel senders take different rows
     * without waiting; on SQLite a conditional {@code UPDATE … WHERE status = 'PENDING'} per row, inside the
     * write transaction SQLite already serialises. A row still SENDING after {@code staleBefore} (its sender died)
     * is put back first.
     */
    static List<OutboxMessage> claim(Handle h, Database.Dialect dialect, String sender, Instant now, Instant staleBefore, int limit) {
        h.createUpdate("UPDATE mail_outbox SET status = 'PENDING', claimed_by = NULL WHERE status = 'SENDING' AND claimed_at < :stale")
                .bind("stale", Times.store(staleBefore)).execute();
        if (dialect == Database.Dialect.POSTGRESQL) {
            return h.createQuery("UPDATE mail_outbox SET status = 'SENDING', claimed_by = :me, claimed_at = :now "
                            + "WHERE id IN (SELECT id FROM mail_outbox WHERE status = 'PENDING' AND next_attempt_at <= :now "
                            + "ORDER BY id LIMIT " + limit + " FOR UPDATE SKIP LOCKED) RETURNING " + COLUMNS)
                    .bind("me", sender).bind("now", Times.store(now)).map(MAPPER).list()
                    .stream().sorted(java.util.Comparator.comparingLong(OutboxMessage::id)).toList();
        }
        List<Long> due = h.createQuery("SELECT id FROM mail_outbox WHERE status = 'PENDING' AND next_attempt_at <= :now ORDER BY id LIMIT " + limit)
                .bind("now", Times.store(now)).mapTo(Long.class).list();
        List<OutboxMessage> claimed = new ArrayList<>();
        for (long id : due) {
            int n = h.createUpdate("UPDATE mail_outbox SET status = 'SENDING', claimed_by = :me, claimed_at = :now WHERE id = :id AND status = 'PENDING'")
                    .bind("me", sender).bind("now", Times.store(now)).bind("id", id).execute();
            if (n == 1) byId(h, id).ifPresent(claimed::add);
        }
        return claimed;
    }

    static boolean markSent(Handle h, long id, String sender, Instant now) {
        return h.createUpdate("UPDATE mail_outbox SET status = 'SENT', sent_at = :now, attempts = attempts + 1, last_error = NULL, "
                        + "claimed_by = NULL WHERE id = :id AND status = 'SENDING' AND claimed_by = :me")
                .bind("now", Times.store(now)).bind("id", id).bind("me", sender).execute() == 1;
    }

    static void markFailed(Handle h, long id, String sender, boolean last, Instant nextAttempt, String error) {
        h.createUpdate("UPDATE mail_outbox SET status = :status, attempts = attempts + 1, next_attempt_at = :next, last_error = :error, "
                        + "claimed_by = NULL WHERE id = :id AND status = 'SENDING' AND claimed_by = :me")
                .bind("status", last ? "FAILED" : "PENDING").bind("next", Times.store(nextAttempt)).bind("error", error)
                .bind("id", id).bind("me", sender).execute();
    }

    /** An administrator's resend: the message waits again, its attempts counted afresh. */
    static boolean resend(Handle h, long id, Instant now) {
        return h.createUpdate("UPDATE mail_outbox SET status = 'PENDING', attempts = 0, next_attempt_at = :now, claimed_by = NULL "
                        + "WHERE id = :id AND status <> 'SENDING' AND recipient <> ''")
                .bind("now", Times.store(now)).bind("id", id).execute() == 1;
    }

    static Optional<OutboxMessage> byId(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM mail_outbox WHERE id = :id").bind("id", id).map(MAPPER).findOne();
    }

    /** The newest messages first; {@code status} null for all. */
    static List<OutboxMessage> list(Handle h, OutboxMessage.Status status, int limit) {
        var q = h.createQuery("SELECT " + COLUMNS + " FROM mail_outbox" + (status == null ? "" : " WHERE status = :status")
                + " ORDER BY id DESC LIMIT " + limit);
        if (status != null) q.bind("status", status.name());
        return q.map(MAPPER).list();
    }

    static Map<OutboxMessage.Status, Integer> counts(Handle h) {
        Map<OutboxMessage.Status, Integer> m = new java.util.EnumMap<>(OutboxMessage.Status.class);
        for (OutboxMessage.Status s : OutboxMessage.Status.values()) m.put(s, 0);
        h.createQuery("SELECT status, count(*) FROM mail_outbox GROUP BY status")
                .map((rs, ctx) -> Map.entry(OutboxMessage.Status.valueOf(rs.getString(1)), rs.getInt(2))).forEach(e -> m.put(e.getKey(), e.getValue()));
        return m;
    }

    /** Records a reminder's threshold; false when it was already recorded (by this or another sender). */
    static boolean recordReminder(Handle h, String key, Instant now) {
        return h.createUpdate("INSERT INTO mail_reminder (reminder_key, fired_at) VALUES (:k, :at) ON CONFLICT (reminder_key) DO NOTHING")
                .bind("k", key).bind("at", Times.store(now)).execute() == 1;
    }

    static void storeSettings(Handle h, Map<String, String> values) {
        for (var e : values.entrySet()) {
            int n = h.createUpdate("UPDATE setting SET value = :v WHERE key = :k").bind("k", e.getKey()).bind("v", e.getValue()).execute();
            if (n == 0) h.createUpdate("INSERT INTO setting (key, value) VALUES (:k, :v)").bind("k", e.getKey()).bind("v", e.getValue()).execute();
        }
    }
}
