package org.devicedesk.bench;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import org.devicedesk.Services;
import org.devicedesk.core.Audit;
import org.devicedesk.core.Database;
import org.devicedesk.core.Session;
import org.devicedesk.demo.Demo;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What {@code --demo --demo-size large} does, timed, outside the app window:
 * {@code mvn -B -Pbench verify -Dtest=DemoLargeCheck}. Prints how long the fill takes and checks the chain.
 */
@Tag("bench")
class DemoLargeCheck {
    @Test
    void largeDemoFillsAndItsChainVerifies() throws Exception {
        Path dir = Files.createTempDirectory("devicedesk-demo-large");
        try {
            fillVerifyAndReopen(dir);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * {@code -Dbench.pg=true}: the same on PostgreSQL, in the database DEVICEDESK_TEST_PG_URL names (wiped first),
     * as {@code --demo --demo-size large --db-url ...} would fill it.
     */
    @Test
    void onPostgresWhenAsked() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Boolean.getBoolean("bench.pg"), "-Dbench.pg=true runs it on PostgreSQL");
        String url = System.getenv("DEVICEDESK_TEST_PG_URL");
        String user = System.getenv().getOrDefault("DEVICEDESK_TEST_PG_USER", "devicedesk");
        String password = System.getenv().getOrDefault("DEVICEDESK_TEST_PG_PASSWORD", "devicedesk");
        try (var c = java.sql.DriverManager.getConnection(url, user, password); var st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS public CASCADE");
            st.execute("CREATE SCHEMA public");
        }
        System.setProperty("devicedesk.anchorsDir", Files.createTempDirectory("devicedesk-anchors").toString());
        try (Database db = Database.openPostgres(url, user, password)) {
            Services services = new Services(db, Clock.systemUTC());
            long t0 = System.nanoTime();
            String message = Demo.fillIfEmpty(services, "large", (what, fraction, left) -> { });
            long fill = (System.nanoTime() - t0) / 1_000_000;
            assertNotNull(message);
            long t1 = System.nanoTime();
            Audit.Verification v = services.audit.verify(Session.system(), n -> { });
            assertTrue(v.intact(), v.explanation());
            System.out.printf("--demo-size large on PostgreSQL: filled in %.1f s (bulk history plus the normal demo on top); chain of %d events verified in %.1f s; load average %s%n",
                    fill / 1000.0, v.eventsChecked(), (System.nanoTime() - t1) / 1e9, Files.readString(Path.of("/proc/loadavg")).strip());
        }
    }

    private static void fillVerifyAndReopen(Path dir) throws Exception {
        try (Database db = Database.openSqlite(dir.resolve("demo.db"))) {
            Services services = new Services(db, Clock.systemUTC());
            long t0 = System.nanoTime();
            String message = Demo.fillIfEmpty(services, "large");
            long fill = (System.nanoTime() - t0) / 1_000_000;
            assertNotNull(message);
            long t1 = System.nanoTime();
            Audit.Verification v = services.audit.verify(Session.system(), n -> { });
            long verify = (System.nanoTime() - t1) / 1_000_000;
            assertTrue(v.intact(), v.explanation());
            System.out.println(message.lines().filter(l -> l.startsWith("Large demo")).findFirst().orElse(""));
            System.out.printf("--demo-size large: filled in %.1f s (bulk history plus the normal demo on top); chain of %d events verified in %.1f s; file %d MB; load average %s%n",
                    fill / 1000.0, v.eventsChecked(), verify / 1000.0, Files.size(dir.resolve("demo.db")) / (1024 * 1024),
                    Files.readString(Path.of("/proc/loadavg")).strip());
        }
        long t2 = System.nanoTime();
        try (Database again = Database.openSqlite(dir.resolve("demo.db"))) {
            System.out.printf("Opening it again (integrity check and migrations): %.1f s%n", (System.nanoTime() - t2) / 1e9);
        }
    }
}
