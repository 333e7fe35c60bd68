package org.devicedesk.travel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.devicedesk.core.Times;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** The only SQL for travel notices and the encryption warning list. */
final class TravelRepository {
    private static final String SELECT = """
            SELECT t.id, t.reference, t.traveller_id, p.full_name AS traveller_name, t.departure_date, t.return_date, t.purpose,
                   t.submitted_at, t.submitted_on, t.notice_days, t.late, t.crypto_warning, t.decision, t.advice,
                   t.late_justification, t.decided_at, t.decided_by, t.post_check_at, t.post_check_by, t.post_check_outcome,
                   t.post_check_notes, t.created_by, t.version, """
            + org.devicedesk.core.Actors.sql("t.created_by") + " AS created_by_name, "
            + org.devicedesk.core.Actors.sql("t.decided_by") + " AS decided_by_name, "
            + org.devicedesk.core.Actors.sql("t.post_check_by") + " AS post_check_by_name"
            + " FROM travel_notice t JOIN person p ON p.id = t.traveller_id";

    /** The notice's own columns; destinations and devices are filled in afterwards. */
    private static final RowMapper<TravelNotice> NOTICE = (rs, ctx) -> {
        String decision = rs.getString("decision");
        String outcome = rs.getString("post_check_outcome");
        return new TravelNotice(rs.getLong("id"), rs.getString("reference"), rs.getLong("traveller_id"), rs.getString("traveller_name"),
                List.of(), Times.date(rs.getString("departure_date")), Times.date(rs.getString("return_date")), List.of(),
                rs.getString("purpose"), Times.instant(rs.getString("submitted_at")), Times.date(rs.getString("submitted_on")),
                rs.getLong("notice_days"), rs.getInt("late") == 1, rs.getInt("crypto_warning") == 1,
                decision == null ? null : TravelDecision.valueOf(decision), rs.getString("advice"), rs.getString("late_justification"),
                Times.instant(rs.getString("decided_at")), rs.getString("decided_by"), Times.instant(rs.getString("post_check_at")),
                rs.getString("post_check_by"), outcome == null ? null : PostTravelOutcome.valueOf(outcome),
                rs.getString("post_check_notes"), rs.getString("created_by"), rs.getLong("version"),
                rs.getString("created_by_name"), rs.getString("decided_by_name"), rs.getString("post_check_by_name"));
    };

    private static final RowMapper<TravelDevice> DEVICE = (rs, ctx) -> {
        long incident = rs.getLong("incident_id");
        Long incidentId = rs.wasNull() ? null : incident;
        return new TravelDevice(rs.getLong("id"), rs.getString("asset_tag"), describe(rs.getString("kind"), rs.getString("make_model")),
                rs.getInt("tampering_suspected") == 1, incidentId);
    };

    static String describe(String kind, String makeModel) {
        String k = kind == null ? "" : switch (kind) {
            case "LAPTOP" -> "Laptop";
            case "MOBILE_PHONE" -> "Mobile phone";
            case "TABLET" -> "Tablet";
            default -> "Other";
        };
        return makeModel == null || makeModel.isBlank() ? k : k + ", " + makeModel;
    }

    Optional<TravelNotice> byId(Handle h, long id) {
        return h.createQuery(SELECT + " WHERE t.id = :id").bind("id", id).map(NOTICE).findOne()
                .map(n -> complete(h, List.of(n)).get(0));
    }

    /** Every notice, or only one traveller's when {@code travellerId} is given. */
    List<TravelNotice> list(Handle h, Long travellerId) {
        String sql = SELECT + (travellerId == null ? "" : " WHERE t.traveller_id = :traveller") + " ORDER BY t.departure_date, t.id";
        var q = h.createQuery(sql);
        if (travellerId != null) q.bind("traveller", travellerId);
        return complete(h, q.map(NOTICE).list());
    }

    /** Adds the destinations and devices of each notice (two queries for the whole list). */
    private List<TravelNotice> complete(Handle h, List<TravelNotice> notices) {
        if (notices.isEmpty()) return notices;
        Map<Long, List<String>> destinations = new HashMap<>();
        h.createQuery("SELECT notice_id, country_code FROM travel_destination ORDER BY notice_id, country_code")
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .forEach(e -> destinations.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<Long, List<TravelDevice>> devices = new HashMap<>();
        h.createQuery("""
                SELECT td.notice_id, d.id, d.asset_tag, d.kind, d.make_model, td.tampering_suspected, td.incident_id
                FROM travel_device td JOIN device d ON d.id = td.device_id ORDER BY td.notice_id, d.asset_tag""")
                .map((rs, ctx) -> Map.entry(rs.getLong("notice_id"), DEVICE.map(rs, ctx)))
                .forEach(e -> devices.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        List<TravelNotice> out = new ArrayList<>(notices.size());
        for (TravelNotice n : notices) {
            out.add(new TravelNotice(n.id(), n.reference(), n.travellerId(), n.travellerName(),
                    List.copyOf(destinations.getOrDefault(n.id(), List.of())), n.departureDate(), n.returnDate(),
                    List.copyOf(devices.getOrDefault(n.id(), List.of())), n.purpose(), n.submittedAt(), n.submittedOn(),
                    n.noticeDays(), n.late(), n.cryptoWarning(), n.decision(), n.advice(), n.lateJustification(), n.decidedAt(),
                    n.decidedBy(), n.postCheckAt(), n.postCheckBy(), n.postCheckOutcome(), n.postCheckNotes(), n.createdBy(), n.version(),
                    n.createdByName(), n.decidedByName(), n.postCheckByName()));
        }
        return out;
    }

    long insert(Handle h, String reference, long travellerId, TravelDraft d, Instant submittedAt, LocalDate submittedOn,
                long noticeDays, boolean late, boolean crypto, String createdBy) {
        long id = h.createUpdate("""
                INSERT INTO travel_notice (reference, traveller_id, departure_date, return_date, purpose, submitted_at, submitted_on,
                                           notice_days, late, crypto_warning, created_by)
                VALUES (:ref, :traveller, :departure, :ret, :purpose, :at, :on, :days, :late, :crypto, :by)""")
                .bind("ref", reference).bind("traveller", travellerId).bind("departure", d.departureDate()).bind("ret", d.returnDate())
                .bind("purpose", d.purpose()).bind("at", submittedAt).bind("on", submittedOn).bind("days", noticeDays)
                .bind("late", late ? 1 : 0).bind("crypto", crypto ? 1 : 0).bind("by", createdBy)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        replaceDestinationsAndDevices(h, id, d);
        return id;
    }

    void update(Handle h, long id, TravelDraft d, long noticeDays, boolean late, boolean crypto) {
        h.createUpdate("""
                UPDATE travel_notice SET version = version + 1, departure_date = :departure, return_date = :ret, purpose = :purpose,
                       notice_days = :days, late = :late, crypto_warning = :crypto WHERE id = :id""")
                .bind("id", id).bind("departure", d.departureDate()).bind("ret", d.returnDate()).bind("purpose", d.purpose())
                .bind("days", noticeDays).bind("late", late ? 1 : 0).bind("crypto", crypto ? 1 : 0).execute();
        replaceDestinationsAndDevices(h, id, d);
    }

    private void replaceDestinationsAndDevices(Handle h, long id, TravelDraft d) {
        h.createUpdate("DELETE FROM travel_destination WHERE notice_id = :id").bind("id", id).execute();
        h.createUpdate("DELETE FROM travel_device WHERE notice_id = :id").bind("id", id).execute();
        for (String c : d.destinations()) {
            h.createUpdate("INSERT INTO travel_destination (notice_id, country_code) VALUES (:id, :c)").bind("id", id).bind("c", c).execute();
        }
        for (Long dev : d.deviceIds()) {
            h.createUpdate("INSERT INTO travel_device (notice_id, device_id) VALUES (:id, :d)").bind("id", id).bind("d", dev).execute();
        }
    }

    void decide(Handle h, long id, TravelDecision decision, String advice, String justification, Instant at, String by) {
        h.createUpdate("""
                UPDATE travel_notice SET version = version + 1, decision = :decision, advice = :advice, late_justification = :just,
                       decided_at = :at, decided_by = :by WHERE id = :id""")
                .bind("id", id).bind("decision", decision.name()).bind("advice", advice).bind("just", justification)
                .bind("at", at).bind("by", by).execute();
    }

    void recordPostCheck(Handle h, long id, PostTravelOutcome outcome, String notes, Instant at, String by) {
        h.createUpdate("""
                UPDATE travel_notice SET version = version + 1, post_check_outcome = :outcome, post_check_notes = :notes, post_check_at = :at,
                       post_check_by = :by WHERE id = :id""")
                .bind("id", id).bind("outcome", outcome.name()).bind("notes", notes).bind("at", at).bind("by", by).execute();
    }

    void markTampering(Handle h, long noticeId, long deviceId, Long incidentId) {
        h.createUpdate("UPDATE travel_device SET tampering_suspected = 1, incident_id = :inc WHERE notice_id = :n AND device_id = :d")
                .bind("n", noticeId).bind("d", deviceId).bind("inc", incidentId).execute();
    }

    // ---- the encryption warning list ----

    boolean cryptoListLoaded(Handle h) {
        return h.createQuery("SELECT count(*) FROM crypto_list").mapTo(Integer.class).one() > 0;
    }

    /** Claims the one list row; false when another client loaded the list first. */
    boolean insertCryptoListHeader(Handle h, String source, LocalDate reviewedOn, Instant at, String by) {
        return h.createUpdate("""
                INSERT INTO crypto_list (id, source, reviewed_on, loaded_at, updated_at, updated_by)
                VALUES (1, :source, :reviewed, :at, :at, :by) ON CONFLICT (id) DO NOTHING""")
                .bind("source", source).bind("reviewed", reviewedOn).bind("at", at).bind("by", by).execute() == 1;
    }

    void updateCryptoListHeader(Handle h, String source, LocalDate reviewedOn, Instant at, String by) {
        h.createUpdate("UPDATE crypto_list SET version = version + 1, source = :source, reviewed_on = :reviewed, updated_at = :at, updated_by = :by WHERE id = 1")
                .bind("source", source).bind("reviewed", reviewedOn).bind("at", at).bind("by", by).execute();
    }

    Optional<String[]> cryptoListHeader(Handle h) {
        return h.createQuery("""
                SELECT l.source, l.reviewed_on, l.version, l.updated_at, COALESCE(p.full_name, l.updated_by)
                FROM crypto_list l LEFT JOIN account a ON a.username = l.updated_by LEFT JOIN person p ON p.id = a.person_id
                WHERE l.id = 1""")
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)}).findOne();
    }

    /** Code and note of every listed country. */
    List<String[]> cryptoCountries(Handle h) {
        return h.createQuery("SELECT country_code, note FROM crypto_country ORDER BY country_code")
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)}).list();
    }

    boolean cryptoCountryListed(Handle h, String code) {
        return h.createQuery("SELECT count(*) FROM crypto_country WHERE country_code = :c").bind("c", code).mapTo(Integer.class).one() > 0;
    }

    void upsertCryptoCountry(Handle h, String code, String note, Instant at, String by) {
        int n = h.createUpdate("UPDATE crypto_country SET note = :note, updated_at = :at, updated_by = :by WHERE country_code = :c")
                .bind("c", code).bind("note", note).bind("at", at).bind("by", by).execute();
        if (n == 0) {
            h.createUpdate("INSERT INTO crypto_country (country_code, note, updated_at, updated_by) VALUES (:c, :note, :at, :by)")
                    .bind("c", code).bind("note", note).bind("at", at).bind("by", by).execute();
        }
    }

    boolean deleteCryptoCountry(Handle h, String code) {
        return h.createUpdate("DELETE FROM crypto_country WHERE country_code = :c").bind("c", code).execute() > 0;
    }
}
