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

    /** What the list is narrowed to; null means "any". {@code assignee} "" means unassigned. */
    record Filter(String text, Incident.Type type, Set<Incident.Status> statuses, String assignee, Instant reportedSince,
                  Long reporterId, int limit) {}

    Optional<Incident> byId(Handle h, long id) {
        return h.createQuery(SELECT + " WHERE i.id = :id").bind("id", id).map(INCIDENT).findOne();
    }

    /** Open first, urgent on top, then the newest. */
    List<Incident> search(Handle h, Filter f) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE 1 = 1");
        boolean text = f.text() != null && !f.text().isBlank();
        if (text) {
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
        sql.append(" ORDER BY CASE WHEN i.status IN ('REPORTED','ACKNOWLEDGED','CONTAINED') THEN 0 ELSE 1 END, i.urgent DESC, i.reported_at DESC, i.id DESC");
        sql.append(" LIMIT ").append(Math.max(1, f.limit()));
        var q = h.createQuery(sql.toString());
        if (text) q.bind("t", org.devicedesk.core.Like.contains(f.text()));
        if (f.type() != null) q.bind("type", f.type().name());
        if (f.assignee() != null && !f.assignee().isEmpty()) q.bind("assignee", f.assignee());
        if (f.reportedSince() != null) q.bind("since", f.reportedSince());
        if (f.reporterId() != null) q.bind("reporter", f.reporterId());
        return q.map(INCIDENT).list();
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
