package org.devicedesk.breaches;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.devicedesk.breaches.BreachCase.Risk;
import org.devicedesk.breaches.BreachCase.Status;
import org.devicedesk.breaches.BreachCase.SubjectsTold;
import org.devicedesk.core.Times;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** The only SQL for breach cases. */
final class BreachRepository {
    // the incident's reference is read for display only; incidents own that table
    private static final String SELECT = """
            SELECT b.*, i.reference AS incident_reference
            FROM breach_case b LEFT JOIN incident i ON i.id = b.incident_id""";

    /** Maps a row; the ICO deadline is aware-at plus {@code deadline}, on instants. */
    private static RowMapper<BreachCase> mapper(Duration deadline) {
        return (rs, ctx) -> {
            long iid = rs.getLong("incident_id");
            Long incidentId = rs.wasNull() ? null : iid;
            int pd = rs.getInt("personal_data_involved");
            Boolean personalData = rs.wasNull() ? null : pd == 1;
            int subj = rs.getInt("data_subjects_approx");
            Integer subjects = rs.wasNull() ? null : subj;
            int rec = rs.getInt("records_approx");
            Integer records = rs.wasNull() ? null : rec;
            Instant awareAt = Times.instant(rs.getString("aware_at"));
            String risk = rs.getString("risk");
            String outcome = rs.getString("outcome");
            String told = rs.getString("subjects_told_decision");
            return new BreachCase(rs.getLong("id"), rs.getString("reference"), incidentId, rs.getString("incident_reference"),
                    rs.getString("title"), rs.getString("description"), awareAt, awareAt.plus(deadline),
                    Status.valueOf(rs.getString("status")), outcome == null ? null : Status.valueOf(outcome),
                    personalData, rs.getInt("category_ordinary") == 1, rs.getInt("category_special") == 1,
                    rs.getInt("category_criminal_offence") == 1, subjects, records,
                    rs.getString("likely_consequences"), rs.getString("measures"), risk == null ? null : Risk.valueOf(risk),
                    rs.getString("rationale"), Times.instant(rs.getString("ico_notified_at")), rs.getString("ico_reference"),
                    rs.getString("delay_reasons"), told == null ? null : SubjectsTold.valueOf(told),
                    Times.instant(rs.getString("subjects_told_at")), Times.instant(rs.getString("decided_at")),
                    rs.getString("decided_by"), Times.instant(rs.getString("closed_at")), rs.getString("created_by"),
                    Times.instant(rs.getString("created_at")), Times.instant(rs.getString("updated_at")), rs.getLong("version"));
        };
    }

    Optional<BreachCase> byId(Handle h, long id, Duration deadline) {
        return h.createQuery(SELECT + " WHERE b.id = :id").bind("id", id).map(mapper(deadline)).findOne();
    }

    Optional<BreachCase> byIncident(Handle h, long incidentId, Duration deadline) {
        return h.createQuery(SELECT + " WHERE b.incident_id = :i").bind("i", incidentId).map(mapper(deadline)).findOne();
    }

    /**
     * Every case matching the text (reference, title, description, incident reference) whose
     * aware-at falls in [from, to) when given; oldest awareness first.
     */
    List<BreachCase> search(Handle h, String text, Instant from, Instant to, Duration deadline) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE 1 = 1");
        boolean hasText = text != null && !text.isBlank();
        if (hasText) {
            sql.append(" AND (lower(b.reference) LIKE :t ESCAPE '!' OR lower(b.title) LIKE :t ESCAPE '!' OR lower(coalesce(b.description, '')) LIKE :t ESCAPE '!'"
                    + " OR lower(coalesce(i.reference, '')) LIKE :t ESCAPE '!' OR lower(coalesce(b.ico_reference, '')) LIKE :t ESCAPE '!')");
        }
        if (from != null) sql.append(" AND b.aware_at >= :from");
        if (to != null) sql.append(" AND b.aware_at < :to");
        sql.append(" ORDER BY b.aware_at, b.id");
        var q = h.createQuery(sql.toString());
        if (hasText) q.bind("t", org.devicedesk.core.Like.contains(text));
        if (from != null) q.bind("from", from);
        if (to != null) q.bind("to", to);
        return q.map(mapper(deadline)).list();
    }

    /**
     * The register (Article 33(5)): cases aware in [from, to) with this outcome (null: any), in order of awareness,
     * one page of it ({@code limit} below 1: all from {@code offset}); filtered, ordered and cut in SQL.
     * The outcome is the decision: the status when it is one, else the decision kept in {@code outcome}.
     */
    List<BreachCase> registerPage(Handle h, Instant from, Instant to, String outcome, int offset, int limit, Duration deadline) {
        StringBuilder sql = new StringBuilder(SELECT).append(registerWhere(from, to, outcome)).append(" ORDER BY b.aware_at, b.id");
        if (limit > 0) sql.append(" LIMIT ").append(limit);
        if (offset > 0) sql.append(limit > 0 ? "" : " LIMIT 2147483647").append(" OFFSET ").append(offset); // both databases: OFFSET after a LIMIT
        var q = h.createQuery(sql.toString());
        bindRegister(q, from, to, outcome);
        return q.map(mapper(deadline)).list();
    }

    int registerCount(Handle h, Instant from, Instant to, String outcome) {
        var q = h.createQuery("SELECT count(*) FROM breach_case b" + registerWhere(from, to, outcome));
        bindRegister(q, from, to, outcome);
        return q.mapTo(Integer.class).one();
    }

    private static final String DECISION = "CASE WHEN b.status IN ('NOT_A_BREACH', 'NOT_REPORTABLE', 'REPORTED_TO_ICO') THEN b.status ELSE b.outcome END";

    private static String registerWhere(Instant from, Instant to, String outcome) {
        StringBuilder w = new StringBuilder(" WHERE 1 = 1");
        if (from != null) w.append(" AND b.aware_at >= :from");
        if (to != null) w.append(" AND b.aware_at < :to");
        if ("UNDECIDED".equals(outcome)) w.append(" AND ").append(DECISION).append(" IS NULL");
        else if (outcome != null) w.append(" AND ").append(DECISION).append(" = :outcome");
        return w.toString();
    }

    private static void bindRegister(org.jdbi.v3.core.statement.Query q, Instant from, Instant to, String outcome) {
        if (from != null) q.bind("from", from);
        if (to != null) q.bind("to", to);
        if (outcome != null && !"UNDECIDED".equals(outcome)) q.bind("outcome", outcome);
    }

    private static final String OPEN = "b.status IN ('AWAITING_REVIEW', 'ASSESSING')";
    // typed text is searched for literally: % and _ escaped (core/Like)
    private static final String TEXT = " AND (lower(b.reference) LIKE :t ESCAPE '!' OR lower(b.title) LIKE :t ESCAPE '!'"
            + " OR lower(coalesce(b.description, '')) LIKE :t ESCAPE '!'"
            + " OR lower(coalesce(i.reference, '')) LIKE :t ESCAPE '!' OR lower(coalesce(b.ico_reference, '')) LIKE :t ESCAPE '!')";

    /**
     * The DPO's queue in its order ({@link BreachService#QUEUE_ORDER}), sorted and cut in SQL so a queue of 50,000
     * cases maps only the page it shows: open first, the least time left first (the deadline is aware-at plus
     * one window, so aware-at orders it); then the rest, the most recently decided (or updated) first.
     * Two reads, each in the order of its own index (V161), so a page is read from an index and never sorts
     * every case (one ORDER BY CASE ... over all cases took 1.4 s on PostgreSQL at 50,000).
     * {@code limit} below 1: every case.
     */
    List<BreachCase> queue(Handle h, String text, Duration deadline, int limit) {
        boolean hasText = text != null && !text.isBlank();
        List<BreachCase> out = new java.util.ArrayList<>(readQueuePart(h, SELECT + " WHERE " + OPEN + (hasText ? TEXT : "")
                + " ORDER BY b.aware_at, coalesce(b.decided_at, b.updated_at) DESC, b.id", text, deadline, limit));
        if (limit > 0 && out.size() >= limit) return out;
        out.addAll(readQueuePart(h, SELECT + " WHERE " + NOT_OPEN + (hasText ? TEXT : "")
                + " ORDER BY coalesce(b.decided_at, b.updated_at) DESC, b.id", text, deadline, limit > 0 ? limit - out.size() : 0));
        return out;
    }

    private static final String NOT_OPEN = "b.status NOT IN ('AWAITING_REVIEW', 'ASSESSING')";

    private List<BreachCase> readQueuePart(Handle h, String sql, String text, Duration deadline, int limit) {
        // the limit written in, not bound: SQLite walks an index for a page only when it can see the page is small
        var q = h.createQuery(limit > 0 ? sql + " LIMIT " + limit : sql);
        if (text != null && !text.isBlank()) q.bind("t", org.devicedesk.core.Like.contains(text));
        return q.map(mapper(deadline)).list();
    }

    /** The queue's counts over every matching case: all, open, overdue, due within {@link BreachCase#DUE_SOON}. */
    int[] queueCounts(Handle h, String text, Instant now, Duration deadline) {
        boolean hasText = text != null && !text.isBlank();
        // the incident is joined only to search its reference; the open counts read the open cases' index (V161)
        String from = hasText ? " FROM breach_case b LEFT JOIN incident i ON i.id = b.incident_id WHERE " : " FROM breach_case b WHERE ";
        String where = hasText ? TEXT.substring(" AND ".length()) : "1 = 1";
        // overdue: aware-at + deadline <= now; due soon: now < aware-at + deadline <= now + DUE_SOON
        String sql = "SELECT (SELECT count(*)" + from + where + "), count(*),"
                + " coalesce(sum(CASE WHEN b.aware_at <= :overdue THEN 1 ELSE 0 END), 0),"
                + " coalesce(sum(CASE WHEN b.aware_at > :overdue AND b.aware_at <= :soon THEN 1 ELSE 0 END), 0)"
                + from + OPEN + (hasText ? TEXT : "");
        var q = h.createQuery(sql).bind("overdue", now.minus(deadline)).bind("soon", now.minus(deadline).plus(BreachCase.DUE_SOON));
        if (hasText) q.bind("t", org.devicedesk.core.Like.contains(text));
        return q.map((rs, ctx) -> new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)}).one();
    }

    long insert(Handle h, String reference, Long incidentId, String title, String description, Instant awareAt, String by, Instant now) {
        return h.createUpdate("""
                INSERT INTO breach_case (reference, incident_id, title, description, aware_at, status, created_by, created_at, updated_at)
                VALUES (:ref, :incident, :title, :description, :aware, 'AWAITING_REVIEW', :by, :now, :now)""")
                .bind("ref", reference).bind("incident", incidentId).bind("title", title).bind("description", description)
                .bind("aware", awareAt).bind("by", by).bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** Writes the draft; {@code outcome}, {@code decidedAt/By} and {@code closedAt} as the service worked them out. */
    void update(Handle h, long id, BreachDraft d, Status outcome, Instant decidedAt, String decidedBy, Instant closedAt, Instant now) {
        h.createUpdate("""
                UPDATE breach_case SET status = :status, outcome = :outcome, personal_data_involved = :pd,
                       category_ordinary = :ordinary, category_special = :special, category_criminal_offence = :criminal,
                       data_subjects_approx = :subjects, records_approx = :records, likely_consequences = :consequences,
                       measures = :measures, risk = :risk, rationale = :rationale, ico_notified_at = :icoAt,
                       ico_reference = :icoRef, delay_reasons = :delay, subjects_told_decision = :told,
                       subjects_told_at = :toldAt, decided_at = :decidedAt, decided_by = :decidedBy, closed_at = :closedAt,
                       updated_at = :now, version = version + 1
                WHERE id = :id""")
                .bind("id", id).bind("status", d.status().name()).bind("outcome", outcome == null ? null : outcome.name())
                .bind("pd", d.personalDataInvolved() == null ? null : (d.personalDataInvolved() ? 1 : 0))
                .bind("ordinary", d.categoryOrdinary() ? 1 : 0).bind("special", d.categorySpecial() ? 1 : 0)
                .bind("criminal", d.categoryCriminalOffence() ? 1 : 0)
                .bind("subjects", d.dataSubjectsApprox()).bind("records", d.recordsApprox())
                .bind("consequences", d.likelyConsequences()).bind("measures", d.measures())
                .bind("risk", d.risk() == null ? null : d.risk().name()).bind("rationale", d.rationale())
                .bind("icoAt", Times.store(d.icoNotifiedAt())).bind("icoRef", d.icoReference()).bind("delay", d.delayReasons())
                .bind("told", d.subjectsToldDecision() == null ? null : d.subjectsToldDecision().name())
                .bind("toldAt", Times.store(d.subjectsToldAt())).bind("decidedAt", Times.store(decidedAt)).bind("decidedBy", decidedBy)
                .bind("closedAt", Times.store(closedAt)).bind("now", now).execute();
    }
}
