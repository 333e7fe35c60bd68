package org.devicedesk.incidents;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.devicedesk.core.Session;
import org.devicedesk.devices.Device;
import org.devicedesk.devices.DeviceDraft;
import org.devicedesk.incidents.Incident.Draft;
import org.devicedesk.incidents.Incident.Type;
import org.devicedesk.testing.TestDb;

/** Devices and incident drafts for incident tests, over a real test database. */
final class IncidentFixture {
    final TestDb db;
    final IncidentService incidents;
    /** Set to make the next breach referrals fail, as a broken breaches service would. */
    final AtomicBoolean referralFails = new AtomicBoolean();
    private int tags;

    IncidentFixture(TestDb db) {
        this.db = db;
        // the real services, but a referral that can be made to fail, as a broken breaches service would
        this.incidents = new IncidentService(db.db, db.clock, db.services.people, db.services.accounts,
                new IncidentDevices(db.services.devices), (h, s, id, title, at, settings) -> {
                    if (referralFails.get()) throw new IllegalStateException("the breach referral failed");
                    db.services.breaches.referInTransaction(h, s, id, title, at, settings);
                });
    }

    /** A phone issued to the person, in service. */
    long deviceHeldBy(long personId) {
        return issuedPhone(db, Session.system(), personId, "PH-" + (++tags));
    }

    static long issuedPhone(TestDb db, Session helpdesk, long personId, String tag) {
        long id = db.services.devices.create(helpdesk, new DeviceDraft(tag, Device.Kind.MOBILE_PHONE, "Samsung Galaxy A55", null, null,
                null, true, Device.Mode.ISSUED, Device.Status.IN_STOCK, null, null));
        db.services.devices.issue(helpdesk, id, personId);
        return id;
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
}
