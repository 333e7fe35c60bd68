package org.devicedesk.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.devicedesk.core.Times;
import org.jdbi.v3.core.Handle;

/**
 * Read-only aggregate queries over the feature tables for the dashboard and its notifications.
 * It never writes: each feature's own service stays the only place that changes its table.
 */
final class DashboardRepository {
    private static final String OPEN_INCIDENT = "('REPORTED','ACKNOWLEDGED','CONTAINED')";
    private static final String UNDECIDED_BREACH = "('AWAITING_REVIEW','ASSESSING')";

    record TypeStatusCount(String type, String status, int count) {}

    List<TypeStatusCount> openIncidentsByTypeAndStatus(Handle h) {
        return h.createQuery("SELECT type, status, count(*) AS n FROM incident WHERE status IN " + OPEN_INCIDENT + " GROUP BY type, status")
                .map((rs, ctx) -> new TypeStatusCount(rs.getString("type"), rs.getString("status"), rs.getInt("n"))).list();
    }

    List<Dashboard.UrgentIncident> urgentOpenIncidents(Handle h, int limit) {
        return h.createQuery("""
                SELECT i.id, i.reference, i.type, i.status, i.reported_at, p.full_name
                FROM incident i JOIN person p ON p.id = i.reporter_id
                WHERE i.urgent = 1 AND i.status IN """ + OPEN_INCIDENT + """
                 ORDER BY i.reported_at DESC, i.id DESC LIMIT :limit""")
                .bind("limit", limit)
                .map((rs, ctx) -> new Dashboard.UrgentIncident(rs.getLong("id"), rs.getString("reference"), rs.getString("type"),
                        rs.getString("status"), Times.instant(rs.getString("reported_at")), rs.getString("full_name"))).list();
    }

    /** Report times since {@code from}: grouped into office-time months by the service. */
    List<Instant> incidentsReportedSince(Handle h, Instant from) {
        return h.createQuery("SELECT reported_at FROM incident WHERE reported_at >= :from")
                .bind("from", from).map((rs, ctx) -> Times.instant(rs.getString(1))).list();
    }

    List<Dashboard.OpenBreach> undecidedBreaches(Handle h, long deadlineHours) {
        return h.createQuery("SELECT id, reference, title, status, aware_at FROM breach_case WHERE status IN " + UNDECIDED_BREACH
                        + " ORDER BY aware_at, id")
                .map((rs, ctx) -> {
                    Instant aware = Times.instant(rs.getString("aware_at"));
                    return new Dashboard.OpenBreach(rs.getLong("id"), rs.getString("reference"), rs.getString("title"),
                            rs.getString("status"), aware, aware.plusSeconds(deadlineHours * 3600));
                }).list();
    }

    /** Notices departing from {@code from} to {@code to} inclusive, soonest first. */
    List<Dashboard.UpcomingTravel> departing(Handle h, LocalDate from, LocalDate to) {
        return h.createQuery("""
                SELECT t.id, t.reference, p.full_name, t.departure_date, t.late, t.decision
                FROM travel_notice t JOIN person p ON p.id = t.traveller_id
                WHERE t.departure_date >= :from AND t.departure_date <= :to
                ORDER BY t.departure_date, t.id""")
                .bind("from", from).bind("to", to)
                .map((rs, ctx) -> new Dashboard.UpcomingTravel(rs.getLong("id"), rs.getString("reference"), rs.getString("full_name"),
                        Times.date(rs.getString("departure_date")), rs.getInt("late") == 1, rs.getString("decision"))).list();
    }

    int lateNoticesDepartingFrom(Handle h, LocalDate from) {
        return h.createQuery("SELECT count(*) FROM travel_notice WHERE late = 1 AND departure_date >= :from")
                .bind("from", from).mapTo(Integer.class).one();
    }

    int noticesAwaitingDecisionFrom(Handle h, LocalDate from) {
        return h.createQuery("SELECT count(*) FROM travel_notice WHERE decision IS NULL AND departure_date >= :from")
                .bind("from", from).mapTo(Integer.class).one();
    }

    /** Late notices still awaiting Information Security and not yet departed: the late-travel trigger. */
    List<Dashboard.UpcomingTravel> lateUndecided(Handle h, LocalDate from) {
        return h.createQuery("""
                SELECT t.id, t.reference, p.full_name, t.departure_date, t.late, t.decision
                FROM travel_notice t JOIN person p ON p.id = t.traveller_id
                WHERE t.late = 1 AND t.decision IS NULL AND t.departure_date >= :from
                ORDER BY t.departure_date, t.id""")
                .bind("from", from)
                .map((rs, ctx) -> new Dashboard.UpcomingTravel(rs.getLong("id"), rs.getString("reference"), rs.getString("full_name"),
                        Times.date(rs.getString("departure_date")), true, null)).list();
    }

    /** The last declaration day of every active person (null: never signed). */
    List<LocalDate> lastDeclarationOfActivePeople(Handle h) {
        return h.createQuery("""
                SELECT (SELECT max(d.signed_on) FROM declaration d WHERE d.person_id = p.id) AS last_on
                FROM person p WHERE p.active = 1""")
                .map((rs, ctx) -> Times.date(rs.getString(1))).list();
    }

    LocalDate lastDeclarationOf(Handle h, long personId) {
        return h.createQuery("SELECT max(signed_on) FROM declaration WHERE person_id = :p").bind("p", personId)
                .map((rs, ctx) -> Times.date(rs.getString(1))).findOne().orElse(null);
    }

    Map<String, Integer> devicesByStatus(Handle h) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String s : Dashboard.DEVICE_STATUSES) counts.put(s, 0);
        h.createQuery("SELECT status, count(*) AS n FROM device GROUP BY status")
                .map((rs, ctx) -> Map.entry(rs.getString("status"), rs.getInt("n")))
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    int openIncidentsReportedBy(Handle h, long personId) {
        return h.createQuery("SELECT count(*) FROM incident WHERE reporter_id = :p AND status IN " + OPEN_INCIDENT)
                .bind("p", personId).mapTo(Integer.class).one();
    }

    int travelOf(Handle h, long personId, LocalDate from) {
        return h.createQuery("SELECT count(*) FROM travel_notice WHERE traveller_id = :p AND departure_date >= :from")
                .bind("p", personId).bind("from", from).mapTo(Integer.class).one();
    }
}
