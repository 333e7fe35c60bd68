package org.devicedesk.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.devicedesk.Services;
import org.devicedesk.core.Audit;
import org.devicedesk.core.Database;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.devices.DeviceQuery;
import org.devicedesk.testing.MutableClock;
import org.devicedesk.testing.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The large demo's bulk path on PostgreSQL (COPY, secondary indexes dropped and built again in the same
 * transaction): the same rows as on SQLite, the audit chain verifies, every index is back, and the
 * progress it reports only moves forward to the end.
 */
@EnabledIfEnvironmentVariable(named = "DEVICEDESK_TEST_PG_URL", matches = ".+")
class LargeDemoPostgresTest {
    private static final String URL = System.getenv("DEVICEDESK_TEST_PG_URL");
    private static final String USER = System.getenv().getOrDefault("DEVICEDESK_TEST_PG_USER", "devicedesk");
    private static final String PASSWORD = System.getenv().getOrDefault("DEVICEDESK_TEST_PG_PASSWORD", "devicedesk");
    private final Session admin = new Session(0, "check", null, "Check", EnumSet.of(Role.ADMIN, Role.HELPDESK, Role.DPO));

    @Test
    void copyLoadKeepsTheChainTheIndexesAndTheRows() throws Exception {
        try (var c = DriverManager.getConnection(URL, USER, PASSWORD); var st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS public CASCADE");
            System.setProperty("devicedesk.anchorsDir", java.nio.file.Files.createTempDirectory("devicedesk-anchors").toString());
            st.execute("CREATE SCHEMA public");
        }
        try (Database pg = Database.openPostgres(URL, USER, PASSWORD); TestDb sqlite = TestDb.create()) {
            Services services = new Services(pg, new MutableClock(TestDb.DEFAULT_NOW));
            List<String> indexesBefore = indexes(pg);
            List<double[]> seen = new ArrayList<>();
            List<String> phases = new ArrayList<>();
            LargeDemo.Result result = LargeDemo.fill(pg, new MutableClock(TestDb.DEFAULT_NOW), new LargeDemo.Scale(60, 400, 150, 6000), 7L,
                    (what, fraction, left) -> {
                        seen.add(new double[] {fraction});
                        if (phases.isEmpty() || !phases.get(phases.size() - 1).equals(what)) phases.add(what);
                    });
            LargeDemo.fill(sqlite.db, sqlite.clock, new LargeDemo.Scale(60, 400, 150, 6000), 7L);

            assertEquals(indexesBefore, indexes(pg), "every index built again after the load");
            for (String table : List.of("person", "declaration", "device", "pool_designated_user", "custody", "incident", "incident_action",
                    "breach_case", "audit_event")) {
                assertEquals(count(sqlite.db, "SELECT count(*) FROM " + table), count(pg, "SELECT count(*) FROM " + table), table + ": same rows on both");
            }
            assertEquals(count(sqlite.db, "SELECT count(*) FROM incident WHERE type = 'STOLEN' AND crime_reference IS NOT NULL"),
                    count(pg, "SELECT count(*) FROM incident WHERE type = 'STOLEN' AND crime_reference IS NOT NULL"));
            assertEquals(0, count(pg, "SELECT count(*) FROM device WHERE notes = ''"), "NULL stays NULL through COPY, not an empty text");
            Audit.Verification v = services.audit.verify(admin, n -> { });
            assertTrue(v.intact(), v.explanation());
            assertTrue(result.auditEvents() >= 5999);

            // the search reads the rebuilt trigram index and finds a bulk device
            assertEquals(1, services.devices.list(admin, DeviceQuery.all().withText("LT-000044")).total());

            for (int i = 1; i < seen.size(); i++) assertTrue(seen.get(i)[0] >= seen.get(i - 1)[0], "progress never goes back");
            assertEquals(1.0, seen.get(seen.size() - 1)[0], 1e-9, "ends at all rows written");
            assertEquals("Working out three years of history", phases.get(0));
            assertTrue(phases.contains("Writing the audit trail (hash-chained)"), phases.toString());
            assertEquals("Building the search and sort indexes", phases.get(phases.size() - 1), "this role owns the tables, so the indexes come last");
        }
    }

    private static List<String> indexes(Database db) {
        return db.read(h -> h.createQuery("SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY indexname")
                .mapTo(String.class).list());
    }

    private static int count(Database db, String sql) {
        return db.read(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }
}
