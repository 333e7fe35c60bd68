package org.devicedesk.travel;

import java.time.Instant;
import org.devicedesk.testing.TestDb;

/** Devices and custody for travel tests, written as the device register stores them. */
final class TravelFixtures {
    private TravelFixtures() {}

    static long device(TestDb t, String assetTag) {
        Instant now = t.clock.instant();
        return t.db.inTransaction(h -> h.createUpdate("""
                INSERT INTO device (asset_tag, kind, make_model, encrypted, mode, status, created_at, updated_at)
                VALUES (:tag, 'LAPTOP', 'Dell Latitude 7450', 1, 'ISSUED', 'IN_SERVICE', :at, :at)""")
                .bind("tag", assetTag).bind("at", now).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    /** The device is issued to the person from now on. */
    static void issue(TestDb t, long deviceId, long personId) {
        Instant now = t.clock.instant();
        t.db.useTransaction(h -> h.createUpdate("""
                INSERT INTO custody (device_id, person_id, kind, from_at, recorded_by) VALUES (:d, :p, 'ISSUE', :at, 'test')""")
                .bind("d", deviceId).bind("p", personId).bind("at", now).execute());
    }

    static long heldDevice(TestDb t, String assetTag, long personId) {
        long id = device(t, assetTag);
        issue(t, id, personId);
        return id;
    }
}
