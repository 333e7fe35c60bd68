package org.devicedesk.mail;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.devicedesk.core.Times;
import org.jdbi.v3.core.Handle;

/**
 * Read-only SQL over other features' tables for what a message says and who gets it (ADR 0011: the mail
 * feature reads, never writes, the records it tells of, so that a service needs one call to send mail).
 */
final class MailLookupRepository {
    private MailLookupRepository() {}

    record IncidentFacts(String reference, String type, Instant reportedAt, boolean urgent, boolean outOfHours, boolean policyBreach,
                         String reporter, String reporterEmail, String device) {}

    static Optional<IncidentFacts> incident(Handle h, long id) {
        return h.createQuery("""
                SELECT i.reference, i.type, i.reported_at, i.urgent, i.out_of_hours, i.policy_breach, p.full_name, p.email,
                       COALESCE(d.asset_tag, i.device_description) AS device
                FROM incident i JOIN person p ON p.id = i.reporter_id LEFT JOIN device d ON d.id = i.device_id
                WHERE i.id = :id""").bind("id", id)
                .map((rs, ctx) -> new IncidentFacts(rs.getString(1), rs.getString(2), Times.instant(rs.getString(3)), rs.getInt(4) == 1,
                        rs.getInt(5) == 1, rs.getInt(6) == 1, rs.getString(7), rs.getString(8), rs.getString(9))).findOne();
    }

    record CaseFacts(long id, String reference, Instant awareAt, String status, String incidentReference) {}

    static Optional<CaseFacts> caseForIncident(Handle h, long incidentId) {
        return h.createQuery(CASES + " WHERE b.incident_id = :id").bind("id", incidentId).map(MailLookupRepository::caseFacts).findOne();
    }

    /** Cases still awaiting the DPO's decision: the ICO deadline runs for these. */
    static List<CaseFacts> undecidedCases(Handle h) {
        return h.createQuery(CASES + " WHERE b.status IN ('AWAITING_REVIEW', 'ASSESSING') ORDER BY b.id").map(MailLookupRepository::caseFacts).list();
    }

    private static final String CASES = "SELECT b.id, b.reference, b.aware_at, b.status, i.reference FROM breach_case b LEFT JOIN incident i ON i.id = b.incident_id";

    private static CaseFacts caseFacts(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws java.sql.SQLException {
        return new CaseFacts(rs.getLong(1), rs.getString(2), Times.instant(rs.getString(3)), rs.getString(4), rs.getString(5));
    }

    record NoticeFacts(long id, String reference, String traveller, String travellerEmail, LocalDate departure, LocalDate returns,
                       int noticeDays, boolean late, boolean crypto, String advice, List<String> countries, List<String> devices) {}

    static Optional<NoticeFacts> notice(Handle h, long id) {
        return h.createQuery(NOTICES + " WHERE n.id = :id").bind("id", id).map((rs, ctx) -> rs.getLong(1)).findOne()
                .map(x -> noticeFacts(h, id));
    }

    /** Notices whose traveller is back (returned before {@code today}) and whose devices are not checked yet. */
    static List<NoticeFacts> awaitingPostCheck(Handle h, LocalDate today, LocalDate returnedSince) {
        return h.createQuery("SELECT n.id FROM travel_notice n WHERE n.return_date < :today AND n.return_date >= :since "
                        + "AND n.post_check_at IS NULL AND (n.decision IS NULL OR n.decision <> 'NOT_APPROVED') ORDER BY n.id")
                .bind("today", Times.store(today)).bind("since", Times.store(returnedSince)).mapTo(Long.class).list()
                .stream().map(id -> noticeFacts(h, id)).toList();
    }

    private static final String NOTICES = "SELECT n.id, n.reference, p.full_name, p.email, n.departure_date, n.return_date, n.notice_days, "
            + "n.late, n.crypto_warning, n.advice FROM travel_notice n JOIN person p ON p.id = n.traveller_id";

    private static NoticeFacts noticeFacts(Handle h, long id) {
        List<String> countries = h.createQuery("SELECT country_code FROM travel_destination WHERE notice_id = :id ORDER BY country_code")
                .bind("id", id).mapTo(String.class).list();
        List<String> devices = h.createQuery("SELECT d.asset_tag FROM travel_device t JOIN device d ON d.id = t.device_id WHERE t.notice_id = :id ORDER BY d.asset_tag")
                .bind("id", id).mapTo(String.class).list();
        return h.createQuery(NOTICES + " WHERE n.id = :id").bind("id", id)
                .map((rs, ctx) -> new NoticeFacts(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), Times.date(rs.getString(5)),
                        Times.date(rs.getString(6)), rs.getInt(7), rs.getInt(8) == 1, rs.getInt(9) == 1, rs.getString(10), countries, devices)).one();
    }

    record DeclarationFacts(long personId, String person, String email, LocalDate lastSigned, String managerName, String managerEmail, List<String> devicesHeld) {}

    /** Active people with at least one declaration, their latest signing date, their manager and the devices they hold now. */
    static List<DeclarationFacts> declarations(Handle h) {
        return h.createQuery("""
                SELECT p.id, p.full_name, p.email, max(d.signed_on), m.full_name, m.email
                FROM person p JOIN declaration d ON d.person_id = p.id LEFT JOIN person m ON m.id = p.line_manager_id
                WHERE p.active = 1 GROUP BY p.id, p.full_name, p.email, m.full_name, m.email ORDER BY p.id""")
                .map((rs, ctx) -> new DeclarationFacts(rs.getLong(1), rs.getString(2), rs.getString(3), Times.date(rs.getString(4)),
                        rs.getString(5), rs.getString(6), List.<String>of()))
                .list();
    }

    static List<String> devicesHeld(Handle h, long personId) {
        return h.createQuery("SELECT d.asset_tag FROM custody c JOIN device d ON d.id = c.device_id WHERE c.person_id = :p AND c.to_at IS NULL ORDER BY d.asset_tag")
                .bind("p", personId).mapTo(String.class).list();
    }

    /** The addresses of the active administrators' linked people. */
    static List<String> administratorAddresses(Handle h) {
        return h.createQuery("""
                SELECT DISTINCT p.email FROM account a JOIN account_role r ON r.account_id = a.id AND r.role = 'ADMIN'
                JOIN person p ON p.id = a.person_id WHERE a.active = 1 AND p.email IS NOT NULL ORDER BY p.email""")
                .mapTo(String.class).list();
    }

    static Optional<String> username(Handle h, long accountId) {
        return h.createQuery("SELECT username FROM account WHERE id = :id").bind("id", accountId).mapTo(String.class).findOne();
    }
}
