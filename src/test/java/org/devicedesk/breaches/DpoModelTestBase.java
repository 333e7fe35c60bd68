package org.devicedesk.breaches;

import java.time.Instant;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.testing.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the breach view-model tests share: a fresh {@link TestDb} file at {@link #NOW} (Wednesday 4 March 2026,
 * 10:00 in London), its breach service, and the DPO signed in as "dora".
 */
abstract class DpoModelTestBase {
    static final Instant NOW = TestDb.DEFAULT_NOW;

    TestDb db;
    BreachService breaches;
    Session dpo;

    @BeforeEach
    void openTheDatabase() {
        db = TestDb.create(NOW);
        breaches = db.services.breaches;
        dpo = db.session("dora", Role.DPO, Role.STAFF);
    }

    @AfterEach
    void closeTheDatabase() {
        db.close();
    }
}
