package org.devicedesk.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.devicedesk.core.Audit;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.devices.DeviceQuery;
import org.devicedesk.testing.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bulk history of --demo-size large, at a small scale: the rules the services keep hold in it too. */
class LargeDemoTest {
    TestDb db;
    LargeDemo.Result result;
    Session admin = new Session(0, "check", null, "Check", EnumSet.of(Role.ADMIN, Role.HELPDESK, Role.DPO));

    @BeforeEach
    void fill() {
        db = TestDb.create();
        result = LargeDemo.fill(db.db, db.clock, new LargeDemo.Scale(60, 400, 150, 6000), 7L);
    }

    @AfterEach
    void close() {
        db.close();
    }

    int count(String sql) {
        return db.db.read(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    @Test
    void theIndexesDroppedForTheLoadAreAllBuiltAgain() {
        try (TestDb fresh = TestDb.create()) {
            java.util.List<String> before = indexes(fresh);
            LargeDemo.fill(fresh.db, fresh.clock, new LargeDemo.Scale(20, 50, 20, 500), 3L);
            assertEquals(before, indexes(fresh), "every index as the migrations made it");
            assertTrue(before.stream().anyMatch(i -> i.startsWith("audit_event_record ")), before.toString());
        }
    }

    private static java.util.List<String> indexes(TestDb t) {
        return t.db.read(h -> h.createQuery("SELECT name || ' ' || coalesce(sql, '') FROM sqlite_master WHERE type = 'index' ORDER BY name")
                .mapTo(String.class).list());
    }

    @Test
    void theAuditChainVerifiesAndCountsAddUp() {
        assertEquals(400, count("SELECT count(*) FROM device"));
        assertEquals(150, count("SELECT count(*) FROM incident"));
        assertTrue(result.auditEvents() >= 6000 - 1, "padded to the scale: " + result.auditEvents());
        Audit.Verification v = db.services.audit.verify(admin, n -> { });
        assertTrue(v.intact(), v.explanation());
    }

    @Test
    void theEverydayDemoIsWrittenOnTopOfTheHistoryAsTheLargeDemoDoes() {
        // --demo-size large: the bulk history, then the normal demo through the services (their rules refuse
        // anything out of order, e.g. an ICO notification after the decision's own time)
        String shown = Demo.fillIfEmpty(db.services, "normal");
        assertTrue(shown != null && shown.startsWith("Demo accounts:"), String.valueOf(shown));
        assertTrue(count("SELECT count(*) FROM breach_case WHERE status = 'REPORTED_TO_ICO'") > 0);
        assertEquals(0, count("SELECT count(*) FROM breach_case WHERE ico_notified_at IS NOT NULL AND ico_notified_at > decided_at"),
                "no case was notified to the ICO after it was decided");
        Audit.Verification v = db.services.audit.verify(admin, n -> { });
        assertTrue(v.intact(), v.explanation());
    }

    @Test
    void custodyNeverOverlapsAndPoolDevicesGoOnlyToDesignatedUsers() {
        assertEquals(0, count("""
                SELECT count(*) FROM custody a JOIN custody b ON a.device_id = b.device_id AND a.id < b.id
                WHERE a.from_at < coalesce(b.to_at, '9999') AND b.from_at < coalesce(a.to_at, '9999')"""), "policy 50: one holder at a time");
        assertEquals(0, count("""
                SELECT count(*) FROM custody c JOIN device d ON d.id = c.device_id WHERE d.mode = 'POOL'
                AND NOT EXISTS (SELECT 1 FROM pool_designated_user u WHERE u.device_id = c.device_id AND u.person_id = c.person_id)"""));
        assertEquals(0, count("SELECT count(*) FROM device d JOIN custody c ON c.device_id = d.id AND c.to_at IS NULL WHERE d.status IN ('IN_STOCK', 'RETIRED')"),
                "a held device is in service (or lost or stolen)");
    }

    @Test
    void everyIncidentIsReferredAndReportedByWhoeverHeldTheDevice() {
        assertEquals(0, count("SELECT count(*) FROM incident i WHERE NOT EXISTS (SELECT 1 FROM breach_case b WHERE b.incident_id = i.id)"), "policy 56");
        assertEquals(0, count("""
                SELECT count(*) FROM incident i WHERE NOT EXISTS (SELECT 1 FROM custody c WHERE c.device_id = i.device_id
                AND c.person_id = i.reporter_id AND c.from_at <= i.reported_at AND (c.to_at IS NULL OR c.to_at > i.reported_at))"""));
        assertEquals(count("SELECT count(DISTINCT reference) FROM incident"), 150, "references are unique");
    }

    @Test
    void theDeviceListSearchesTheBulkDataByHolder() {
        String holder = db.db.read(h -> h.createQuery("""
                SELECT p.full_name FROM custody c JOIN person p ON p.id = c.person_id WHERE c.to_at IS NULL ORDER BY c.id LIMIT 1""")
                .mapTo(String.class).one());
        var page = db.services.devices.list(admin, DeviceQuery.all().withText(holder));
        assertTrue(page.total() > 0);
        assertTrue(page.devices().stream().allMatch(d -> d.holder() != null && d.holder().name().equals(holder)), holder);
    }

    @Test
    void theOpeningWindowsLineSaysWhatHowFarAndAboutHowLong() {
        assertEquals("Writing devices — 12% of the large demo, about 1 min 40 s left …",
                LargeDemo.Progress.inWords("Writing devices", 0.125, java.time.Duration.ofSeconds(100)));
        assertEquals("Writing the audit trail (hash-chained) — 80% of the large demo, about 9 s left …",
                LargeDemo.Progress.inWords("Writing the audit trail (hash-chained)", 0.8, java.time.Duration.ofMillis(8600)));
        assertEquals("Working out three years of history …", LargeDemo.Progress.inWords("Working out three years of history", 0, null),
                "no estimate before there is a rate");
        assertEquals("Building the search and sort indexes …", LargeDemo.Progress.inWords("Building the search and sort indexes", 1, java.time.Duration.ZERO));
    }
}
