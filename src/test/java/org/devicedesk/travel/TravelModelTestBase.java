package org.devicedesk.travel;

import java.time.Instant;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.testing.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the travel view-model tests share: a fresh {@link TestDb} file on Wednesday 4 March 2026, its travel
 * service, a member of staff ("sam") holding laptop LT-0001, Information Security ("ines") and the helpdesk ("harry").
 */
abstract class TravelModelTestBase {
    TestDb t;
    TravelService travel;
    Session sam;
    Session ines;
    Session harry;
    long laptop;

    @BeforeEach
    void openTheDatabase() {
        t = TestDb.create(Instant.parse("2026-03-04T10:00:00Z")); // Wednesday 4 March 2026
        travel = t.services.travel;
        sam = t.session("sam", Role.STAFF);
        ines = t.session("ines", Role.INFOSEC, Role.STAFF);
        harry = t.session("harry", Role.HELPDESK, Role.STAFF);
        laptop = TravelFixtures.heldDevice(t, "LT-0001", sam.personId());
    }

    @AfterEach
    void closeTheDatabase() {
        t.close();
    }
}
