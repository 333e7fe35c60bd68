package org.devicedesk.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import org.devicedesk.core.Times;
import org.devicedesk.testing.TestDb;

/**
 * Rows for the dashboard's aggregate queries, written straight into the feature tables (V3-V6) so the
 * counts can be tested against known data independently of each feature's forms.
 */
final class Seed {
    private final TestDb t;
    private int n;

    Seed(TestDb t) {
        this.t = t;
    }

    long device(String status) {
        int k = ++n;
        return t.db.inTransaction(h -> h.createUpdate("""
                INSERT INTO device (asset_tag, kind, mode, status, created_at, updated_at)
                VALUES (:tag, 'LAPTOP', 'ISSUED', :status, :at, :at)""")
                .bind("tag", "OPCC-" + k).bind("status", status).bind("at", Times.store(t.clock.instant()))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    long incident(String type, String status, boolean urgent, Instant reportedAt, long reporterId) {
        int k = ++n;
        return t.db.inTransaction(h -> h.createUpdate("""
                INSERT INTO incident (reference, type, reporter_id, reported_at, what_happened, status, urgent, recorded_by, created_at, updated_at)
                VALUES (:ref, :type, :reporter, :at, 'Left on a train', :status, :urgent, 'test', :at, :at)""")
                .bind("ref", String.format("INC-2026-%04d", k)).bind("type", type).bind("reporter", reporterId)
                .bind("at", Times.store(reportedAt)).bind("status", status).bind("urgent", urgent ? 1 : 0)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    long breach(String status, Instant awareAt) {
        int k = ++n;
        return t.db.inTransaction(h -> h.createUpdate("""
                INSERT INTO breach_case (reference, title, aware_at, status, created_by, created_at, updated_at)
                VALUES (:ref, :title, :at, :status, 'test', :at, :at)""")
                .bind("ref", String.format("BRE-2026-%04d", k)).bind("title", "Laptop left on a train " + k)
                .bind("at", Times.store(awareAt)).bind("status", status)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    long travel(long travellerId, LocalDate departure, boolean late, String decision) {
        int k = ++n;
        return t.db.inTransaction(h -> h.createUpdate("""
                INSERT INTO travel_notice (reference, traveller_id, departure_date, return_date, purpose, submitted_at, submitted_on,
                                           notice_days, late, decision, created_by)
                VALUES (:ref, :who, :dep, :ret, 'Conference', :at, :on, :days, :late, :decision, 'test')""")
                .bind("ref", String.format("TRV-2026-%04d", k)).bind("who", travellerId)
                .bind("dep", departure.toString()).bind("ret", departure.plusDays(5).toString())
                .bind("at", Times.store(t.clock.instant())).bind("on", "2026-03-04").bind("days", late ? 3 : 10)
                .bind("late", late ? 1 : 0).bind("decision", decision)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }
}
