package org.devicedesk.incidents;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.devicedesk.core.Times;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** The only SQL for incidents and their timelines. */
final class IncidentRepository {
    private static final String SELECT = """
            SELECT i.*, p.full_name AS reporter_name, d.asset_tag AS device_asset_tag
            FROM incident i JOIN person p ON p.id = i.reporter_id LEFT JOIN device d ON d.id = i.device_id""";

    private static final RowMapper<Incident> INCIDENT = (rs, ctx) -> {
        long did = rs.getLong("device_id");
        Long deviceId = rs.wasNull() ? null : did;
        return new Incident(rs.getLong("id"), rs.getString("reference"), Incident.Type.valueOf(rs.getString("type")),
                rs.getLong("reporter_id"), rs.getString("reporter_name"), deviceId, rs.getString("device_asset_tag"),
                rs.getString("device_description"), Times.instant(rs.getString("occurred_at")), Times.instant(rs.getString("reported_at")),
                rs.getString("location"), rs.getString("what_happened"), Incident.Status.valueOf(rs.getString("status")),
                rs.getString("assignee"), rs.getInt("urgent") == 1, rs.getInt("out_of_hours") == 1,
                bool(rs.getObject("device_locked")), rs.getString("crime_reference"), bool(rs.getObject("always_in_possession")),
                bool(rs.getObject("password_written_down")), bool(rs.getObject("password_reused")), bool(rs.getObject("password_changed")),
                rs.getInt("policy_breach") == 1, rs.getString("closing_summary"), rs.getString("recorded_by"),
                Times.instant(rs.getString("created_at")), Times.instant(rs.getString("updated_at")), rs.getLong("version"));
    };

    private static final RowMapper<Incident.Action> ACTION = (rs, ctx) -> new Incident.Action(rs.getLong("id"), rs.getLong("incident_id"),
            Incident.ActionType.valueOf(rs.getString("action")), Times.instant(rs.getString("at")), rs.getString("actor"), rs.getString("note"));

    private static Boolean bool(Object o) {
        return o == null ? null : ((Number) o).intValue() == 1;
    }

    private static Integer bit(Boolean b) {
        return b == null ? null : b ? 1 : 0;
    }

    /**
     * What the list is narrowed to; null means "any". {@code assignee} "" means unassigned. {@code sort} null is the
     * queue's own order (open first, then urgent on top when {@code urgentFirst}, then the newest); the page is
     * {@code limit} rows from {@code offset}.
     */
    record Filter(String text, Incident.Type type, Set<Incident.Status> statuses, String assignee, Instant reportedSince,
                  Long reporterId, boolean urgentFirst, IncidentService.Sort sort, boolean descending, int offset, int limit) {}

    Optional<Incident> byId(Handle h, long id) {
        return h.createQuery(SELECT + " WHERE i.id = :id").bind("id", id).map(INCIDENT).findOne();
    }

    private static final String OPEN_FIRST = "CASE WHEN i.status IN ('REPORTED','ACKNOWLEDGED','CONTAINED') THEN 0 ELSE 1 END";

    /** The page of the list, sorted in the database so the order covers every row, not only those loaded. */
    List<Incident> search(Handle h, Filter f) {
        StringBuilder sql = new StringBuilder(SELECT);
        where(sql, f);
        sql.append(" ORDER BY ").append(orderBy(f));
        // written in, not bound: whole numbers the service made
        sql.append(" LIMIT ").append(Math.max(1, f.limit()));
        if (f.offset() > 0) sql.append(" OFFSET ").append(f.offset());
        return bind(h.createQuery(sql.toString()), f).map(INCIDENT).list();
    }

    /**
     * Every incident the filter matches, in the page order (its offset and limit are not used), read as the caller
     * goes through the stream: on PostgreSQL, inside the caller's transaction, a cursor fetches {@code fetch} rows at
     * a time; SQLite steps through the rows one by one. Close the stream when done.
     */
    java.util.stream.Stream<Incident> every(Handle h, Filter f, int fetch) {
        StringBuilder sql = new StringBuilder(SELECT);
        where(sql, f);
        sql.append(" ORDER BY ").append(orderBy(f));
        return bind(h.createQuery(sql.toString()), f).setFetchSize(fetch).map(INCIDENT).stream();
    }

    /** How many incidents match, counting no further than {@code cap} + 1 (more than the cap is all the list says). */
    int count(Handle h, Filter f, int cap) {
        StringBuilder sql = new StringBuilder("SELECT count(*) FROM (SELECT 1 FROM incident i JOIN person p ON p.id = i.reporter_id"
                + " LEFT JOIN device d ON d.id = i.device_id");
        where(sql, f);
        sql.append(" LIMIT ").append(cap + 1).append(") matched");
        return bind(h.createQuery(sql.toString()), f).mapTo(Integer.class).one();
    }

    private static void where(StringBuilder sql, Filter f) {
        sql.append(" WHERE 1 = 1");
        if (hasText(f)) {
            sql.append(" AND (lower(i.reference) LIKE :t ESCAPE '!' OR lower(p.full_name) LIKE :t ESCAPE '!' OR lower(coalesce(d.asset_tag, '')) LIKE :t ESCAPE '!'"
                    + " OR lower(coalesce(i.device_description, '')) LIKE :t ESCAPE '!' OR lower(coalesce(i.location, '')) LIKE :t ESCAPE '!'"
                    + " OR lower(i.what_happened) LIKE :t ESCAPE '!' OR lower(coalesce(i.crime_reference, '')) LIKE :t ESCAPE '!')");
        }
        if (f.type() != null) sql.append(" AND i.type = :type");
        if (f.statuses() != null && !f.statuses().isEmpty()) {
            // enum names only, never user text
            sql.append(" AND i.status IN (").append(f.statuses().stream().map(st -> "'" + st.name() + "'").collect(Collectors.joining(","))).append(")");
        }
        if (f.assignee() != null) sql.append(f.assignee().isEmpty() ? " AND i.assignee IS NULL" : " AND i.assignee = :assignee");
        if (f.reportedSince() != null) sql.append(" AND i.reported_at >= :since");
        if (f.reporterId() != null) sql.append(" AND i.reporter_id = :reporter");
    }

    private static boolean hasText(Filter f) {
        return f.text() != null && !f.text().isBlank();
    }

    private static org.jdbi.v3.core.statement.Query bind(org.jdbi.v3.core.statement.Query q, Filter f) {
        if (hasText(f)) q.bind("t", org.devicedesk.core.Like.contains(f.text()));
        if (f.type() != null) q.bind("type", f.type().name());
        if (f.assignee() != null && !f.assignee().isEmpty()) q.bind("assignee", f.assignee());
        if (f.reportedSince() != null) q.bind("since", f.reportedSince());
        if (f.reporterId() != null) q.bind("reporter", f.reporterId());
        return q;
    }

    /** The ORDER BY of a page: the column asked for (ties by the newest), else the queue's order; the id settles the rest. */
    private static String orderBy(Filter f) {
        String queue = OPEN_FIRST + (f.urgentFirst() ? ", i.urgent DESC" : "") + ", i.reported_at DESC, i.id DESC";
        if (f.sort() == null) return queue;
        String dir = f.descending() ? " DESC" : " ASC";
        // every key the same on both databases: lower() for names, the enum order written out for status
        String key = switch (f.sort()) {
            case REFERENCE -> "i.reference" + dir;
            case FLAGS -> "CASE WHEN i.urgent = 1 AND " + OPEN_FIRST + " = 0 THEN 1 ELSE 0 END" + dir + ", i.policy_breach" + dir;
            case TYPE -> "CASE i.type " + typeLabelOrder() + " END" + dir;
            case STATUS -> "CASE i.status WHEN 'REPORTED' THEN 0 WHEN 'ACKNOWLEDGED' THEN 1 WHEN 'CONTAINED' THEN 2 WHEN 'RESOLVED' THEN 3 ELSE 4 END" + dir;
            case REPORTER -> "lower(p.full_name)" + dir;
            case DEVICE -> "lower(coalesce(d.asset_tag, i.device_description, ''))" + dir;
            case REPORTED -> "i.reported_at" + dir;
            case OPEN_FOR -> "i.reported_at" + (f.descending() ? " ASC" : " DESC"); // open longest = reported earliest
            case ASSIGNEE -> "coalesce(i.assignee, '')" + dir;
        };
        return key + ", i.reported_at DESC, i.id DESC";
    }

    /** The types in the order of their labels, as the Type column reads. */
    private static String typeLabelOrder() {
        var types = java.util.Arrays.stream(Incident.Type.values()).sorted(java.util.Comparator.comparing(Incident.Type::label)).toList();
        StringBuilder b = new StringBuilder();
        for (int n = 0; n < types.size(); n++) b.append(" WHEN '").append(types.get(n).name()).append("' THEN ").append(n);
        return b.append(" ELSE ").append(types.size()).toString();
    }

    long insert(Handle h, String reference, Incident.Draft d, long reporterId, boolean urgent, boolean outOfHours,
                boolean policyBreach, String recordedBy, Instant now) {
        return h.createUpdate("""
                INSERT INTO incident (reference, type, reporter_id, device_id, device_description, occurred_at, reported_at, location,
                    what_happened, status, assignee, urgent, out_of_hours, device_locked, crime_reference, always_in_possession,
                    password_written_down, password_reused, password_changed, policy_breach, recorded_by, created_at, updated_at)
                VALUES (:ref, :type, :reporter, :device, :description, :occurred, :reported, :location,
                    :what, 'REPORTED', NULL, :urgent, :ooh, :locked, :crime, :always,
                    :written, :reused, :changed, :breach, :by, :now, :now)""")
                .bind("ref", reference).bind("type", d.type().name()).bind("reporter", reporterId).bind("device", d.deviceId())
                .bind("description", d.deviceDescription()).bind("occurred", d.occurredAt()).bind("reported", d.reportedAt())
                .bind("location", d.location()).bind("what", d.whatHappened()).bind("urgent", urgent ? 1 : 0).bind("ooh", outOfHours ? 1 : 0)
                .bind("locked", bit(d.deviceLocked())).bind("crime", d.crimeReference()).bind("always", bit(d.alwaysInPossession()))
                .bind("written", bit(d.passwordWrittenDown())).bind("reused", bit(d.passwordReused())).bind("changed", bit(d.passwordChanged()))
                .bind("breach", policyBreach ? 1 : 0).bind("by", recordedBy).bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** Moves the status only if it is still {@code from} (a conditional transition); false when another client moved it first. */
    boolean setStatus(Handle h, long id, Incident.Status from, Incident.Status status, Instant now) {
        return h.createUpdate("UPDATE incident SET status = :s, updated_at = :now, version = version + 1 WHERE id = :id AND status = :from")
                .bind("id", id).bind("s", status.name()).bind("from", from.name()).bind("now", now).execute() == 1;
    }

    /** Closes only a RESOLVED incident; false when another client moved it first. */
    boolean close(Handle h, long id, String summary, Instant now) {
        return h.createUpdate("UPDATE incident SET status = 'CLOSED', closing_summary = :summary, updated_at = :now, version = version + 1"
                        + " WHERE id = :id AND status = 'RESOLVED'")
                .bind("id", id).bind("summary", summary).bind("now", now).execute() == 1;
    }

    /** Changes the assignee only if it is still {@code was}; false when another client changed it first. */
    boolean setAssignee(Handle h, long id, String was, String assignee, Instant now) {
        return h.createUpdate("UPDATE incident SET assignee = :a, updated_at = :now, version = version + 1 WHERE id = :id"
                        + (was == null ? " AND assignee IS NULL" : " AND assignee = :was"))
                .bind("id", id).bind("a", assignee).bind("was", was).bind("now", now).execute() == 1;
    }

    void touch(Handle h, long id, Instant now) {
        h.createUpdate("UPDATE incident SET updated_at = :now WHERE id = :id").bind("id", id).bind("now", now).execute();
    }

    long insertAction(Handle h, long incidentId, Incident.ActionType type, Instant at, String actor, String note) {
        return h.createUpdate("INSERT INTO incident_action (incident_id, action, at, actor, note) VALUES (:i, :a, :at, :actor, :note)")
                .bind("i", incidentId).bind("a", type.name()).bind("at", at).bind("actor", actor).bind("note", note)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    List<Incident.Action> timeline(Handle h, long incidentId) {
        return h.createQuery("SELECT * FROM incident_action WHERE incident_id = :i ORDER BY at, id").bind("i", incidentId).map(ACTION).list();
    }

    int count(Handle h) {
        return h.createQuery("SELECT count(*) FROM incident").mapTo(Integer.class).one();
    }
}
