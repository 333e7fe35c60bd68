package org.devicedesk.audit;

import java.util.List;
import org.devicedesk.core.Times;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** The only SQL that reads the audit trail (appending is {@code core.Audit}). Pages in SQL. */
final class AuditRepository {
    private static final RowMapper<AuditEvent> EVENT = (rs, ctx) -> new AuditEvent(rs.getLong("seq"), Times.instant(rs.getString("at")),
            rs.getString("actor"), rs.getString("action"), rs.getString("record_type"), rs.getString("record_id"),
            rs.getString("summary"), rs.getString("hash"));

    private static final String COLUMNS = "SELECT seq, at, actor, action, record_type, record_id, summary, hash FROM audit_event";

    /**
     * One page, newest first, after the event {@code beforeSeq} of the previous page. Without dates
     * the trail is walked backwards by seq. With a date range it is walked backwards through the
     * date index (V1, and actor and date in V71) in time order, which finds a page at once even for
     * a year long ago; ordering those by seq instead would sort the whole range (a year of a million
     * events: over a second). Time order and seq order are the same unless a clock was changed.
     */
    List<AuditEvent> page(Handle h, AuditService.Query q, int limit, long beforeSeq) {
        boolean dated = q.from() != null || q.to() != null;
        String beforeAt = dated && beforeSeq != Long.MAX_VALUE
                ? h.createQuery("SELECT at FROM audit_event WHERE seq = :s").bind("s", beforeSeq).mapTo(String.class).findOne().orElse(null)
                : null;
        StringBuilder sql = new StringBuilder(COLUMNS).append(" WHERE 1 = 1");
        if (!dated) sql.append(" AND seq < :before");
        else if (beforeAt != null) sql.append(" AND at <= :beforeAt AND (at < :beforeAt OR seq < :before)");
        if (q.actor() != null && !q.actor().isBlank()) sql.append(" AND actor = :actor");
        if (q.recordType() != null && !q.recordType().isBlank()) sql.append(" AND record_type = :type");
        if (q.recordId() != null && !q.recordId().isBlank()) sql.append(" AND record_id = :rid");
        if (q.from() != null) sql.append(" AND at >= :from");
        if (q.to() != null) sql.append(" AND at < :to");
        // the page size is written in: the planner sizes the page from it
        sql.append(dated ? " ORDER BY at DESC, seq DESC LIMIT " : " ORDER BY seq DESC LIMIT ").append(limit);
        var query = h.createQuery(sql.toString());
        if (!dated) query.bind("before", beforeSeq);
        else if (beforeAt != null) query.bind("beforeAt", beforeAt).bind("before", beforeSeq);
        if (q.actor() != null && !q.actor().isBlank()) query.bind("actor", q.actor());
        if (q.recordType() != null && !q.recordType().isBlank()) query.bind("type", q.recordType());
        if (q.recordId() != null && !q.recordId().isBlank()) query.bind("rid", q.recordId());
        if (q.from() != null) query.bind("from", q.from());
        if (q.to() != null) query.bind("to", q.to());
        return query.map(EVENT).list();
    }

    long lastSeq(Handle h) {
        return h.createQuery("SELECT last_seq FROM audit_head WHERE id = 1").mapTo(Long.class).one();
    }

    List<String> actors(Handle h) {
        return h.createQuery(distinct("actor")).mapTo(String.class).list();
    }

    List<String> recordTypes(Handle h) {
        return h.createQuery(distinct("record_type")).mapTo(String.class).list();
    }

    /**
     * The distinct values of an indexed column in order, by hopping from one value to the next in
     * its index (a dozen seeks) instead of reading a million rows as DISTINCT does. SQLite and
     * PostgreSQL alike; {@code column} is one of ours, never input.
     */
    private static String distinct(String column) {
        return """
                WITH RECURSIVE v(value) AS (
                    SELECT min(%1$s) FROM audit_event
                    UNION ALL
                    SELECT (SELECT min(%1$s) FROM audit_event WHERE %1$s > v.value) FROM v WHERE v.value IS NOT NULL
                )
                SELECT value FROM v WHERE value IS NOT NULL""".formatted(column);
    }

    /** The person's name behind each of these usernames that has one. */
    java.util.Map<String, String> names(Handle h, java.util.Collection<String> usernames) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        if (usernames.isEmpty()) return out;
        h.createQuery("SELECT a.username, p.full_name FROM account a JOIN person p ON p.id = a.person_id WHERE a.username IN (<u>)")
                .bindList("u", List.copyOf(usernames))
                .map((rs, ctx) -> java.util.Map.entry(rs.getString(1), rs.getString(2))).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /**
     * How people know each record of one type: an incident, breach case or travel notice by its reference, a
     * device by its asset tag, a person by their name, an account by its username. {@code table} and
     * {@code column} are ours, never input; ids that are not numbers are left out.
     */
    java.util.Map<String, String> known(Handle h, String table, String column, java.util.Collection<String> ids) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        List<Long> numbers = ids.stream().filter(x -> x.matches("\\d{1,18}")).map(Long::valueOf).toList();
        if (numbers.isEmpty()) return out;
        h.createQuery("SELECT id, " + column + " FROM " + table + " WHERE id IN (<ids>)").bindList("ids", numbers)
                .map((rs, ctx) -> java.util.Map.entry(Long.toString(rs.getLong(1)), rs.getString(2))).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
