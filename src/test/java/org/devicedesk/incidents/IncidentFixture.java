package org.devicedesk.incidents;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.devicedesk.core.Session;
import org.devicedesk.core.Times;
import org.devicedesk.incidents.Incident.DeviceChoice;
import org.devicedesk.incidents.Incident.Draft;
import org.devicedesk.incidents.Incident.Type;
import org.devicedesk.testing.TestDb;
import org.jdbi.v3.core.Handle;

/** Devices and incident drafts for incident tests, over a real test database. */
final class IncidentFixture {
    final TestDb db;
    final IncidentService incidents;
    /** Set to make the next breach referrals fail, as a broken breaches service would. */
    final AtomicBoolean referralFails = new AtomicBoolean();
    private int tags;

    IncidentFixture(TestDb db) {
        this.db = db;
        this.incidents = new IncidentService(db.db, db.clock, db.services.people, db.services.accounts, new SqlRegister(), (h, s, id, title, at) -> {
            if (referralFails.get()) throw new IllegalStateException("the breach referral failed");
            h.createUpdate("INSERT INTO breach_case (reference, incident_id, title, aware_at, status, created_by, created_at, updated_at)"
                    + " VALUES (:r, :i, :t, :a, 'AWAITING_REVIEW', :by, :a, :a)").bind("r", "BRC-" + id).bind("i", id).bind("t", title)
                    .bind("a", at).bind("by", s.username()).execute();
        });
    }

    /** A phone issued to the person, in service. */
    long deviceHeldBy(long personId) {
        String tag = "PH-" + (++tags);
        Instant now = db.clock.instant();
        return db.db.inTransaction(h -> {
            long id = h.createUpdate("INSERT INTO device (asset_tag, kind, make_model, mode, status, encrypted, created_at, updated_at)"
                    + " VALUES (:t, 'MOBILE_PHONE', 'Samsung Galaxy A55', 'ISSUED', 'IN_SERVICE', 1, :n, :n)")
                    .bind("t", tag).bind("n", now).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            h.createUpdate("INSERT INTO custody (device_id, person_id, kind, from_at, recorded_by) VALUES (:d, :p, 'ISSUE', :n, 'test')")
                    .bind("d", id).bind("p", personId).bind("n", now).execute();
            return id;
        });
    }

    String deviceStatus(long deviceId) {
        return db.db.read(h -> h.createQuery("SELECT status FROM device WHERE id = :id").bind("id", deviceId).mapTo(String.class).one());
    }

    int count(String table) {
        return db.db.read(h -> h.createQuery("SELECT count(*) FROM " + table).mapTo(Integer.class).one());
    }

    static Draft lost(long deviceId, boolean locked) {
        return new Draft(Type.LOST, null, deviceId, null, null, null, "On the train to Birmingham New Street",
                "Left my phone on the train.", locked, null, null, null, null, null);
    }

    static Draft of(Type type, Long deviceId) {
        return new Draft(type, null, deviceId, null, null, null, null, "Something happened.", null, null, null, null, null, null);
    }

    static Draft password(Long deviceId, boolean always, boolean writtenDown, boolean reused, boolean changed) {
        return new Draft(Type.PASSWORD_COMPROMISED, null, deviceId, null, null, null, null, "Someone saw me type my password.",
                null, null, always, writtenDown, reused, changed);
    }

    static Draft onBehalf(Draft d, long reporterId, Instant reportedAt) {
        return new Draft(d.type(), reporterId, d.deviceId(), d.deviceDescription(), d.occurredAt(), reportedAt, d.location(),
                d.whatHappened(), d.deviceLocked(), d.crimeReference(), d.alwaysInPossession(), d.passwordWrittenDown(),
                d.passwordReused(), d.passwordChanged());
    }

    /** Reads the register with SQL until the devices service is wired in. */
    private static final class SqlRegister implements IncidentService.DeviceRegister {
        @Override public List<DeviceChoice> heldBy(Session s, long personId) {
            throw new UnsupportedOperationException();
        }

        @Override public Optional<IncidentService.RegisterDevice> find(Handle h, long deviceId) {
            return h.createQuery("""
                    SELECT d.id, d.asset_tag, d.make_model, d.status, c.person_id, p.full_name FROM device d
                    LEFT JOIN custody c ON c.device_id = d.id AND c.to_at IS NULL LEFT JOIN person p ON p.id = c.person_id WHERE d.id = :id""")
                    .bind("id", deviceId).map((rs, ctx) -> {
                        long pid = rs.getLong(5);
                        Long holder = rs.wasNull() ? null : pid;
                        return new IncidentService.RegisterDevice(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), holder, rs.getString(6));
                    }).findOne();
        }

        @Override public void setStatus(Handle h, Session s, long deviceId, String status, String reason) {
            h.createUpdate("UPDATE device SET status = :s, updated_at = :n WHERE id = :id").bind("s", status)
                    .bind("n", Times.store(Instant.now())).bind("id", deviceId).execute();
        }
    }
}
