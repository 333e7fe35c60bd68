package org.devicedesk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.DriverManager;
import java.time.Instant;
import org.devicedesk.Services;
import org.devicedesk.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The same migrations and the same services on PostgreSQL (the multi-user mode). Runs when
 * DEVICEDESK_TEST_PG_URL (with _USER and _PASSWORD) names an empty database it may wipe; .ci/run sets it up.
 */
@EnabledIfEnvironmentVariable(named = "DEVICEDESK_TEST_PG_URL", matches = ".+")
class PostgresTest {
    private static final String URL = System.getenv("DEVICEDESK_TEST_PG_URL");
    private static final String USER = System.getenv().getOrDefault("DEVICEDESK_TEST_PG_USER", "devicedesk");
    private static final String PASSWORD = System.getenv().getOrDefault("DEVICEDESK_TEST_PG_PASSWORD", "devicedesk");

    private Database db;
    private Services services;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-04T10:00:00Z"));

    @BeforeEach
    void freshSchema() throws Exception {
        try (var c = DriverManager.getConnection(URL, USER, PASSWORD); var st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS public CASCADE");
            st.execute("CREATE SCHEMA public");
        }
        db = Database.openPostgres(URL, USER, PASSWORD);
        services = new Services(db, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void migrationsRunAndTheFoundationWorks() {
        assertEquals(Database.Dialect.POSTGRESQL, db.dialect());
        assertTrue(db.schemaVersion() >= 6, "all migrations applied");
        assertTrue(services.accounts.needsFirstAdministrator());
        Session admin = services.accounts.createFirstAdministrator("Ada Admin", "ada", "a-long-enough-password", "a-long-enough-password");
        assertThrows(Refused.class, () -> services.accounts.signIn("ada", "wrong-password-here"));
        Session again = services.accounts.signIn("ada", "a-long-enough-password");
        assertEquals(admin.accountId(), again.accountId());
        services.people.recordPaperDeclaration(admin, admin.personId(), services.people.today());
        assertTrue(services.people.declaration(admin, admin.personId()).isCurrent());
        Audit.Verification v = services.audit.verify(admin, null);
        assertTrue(v.intact(), v.explanation());
        assertTrue(v.eventsChecked() >= 4);
        PostgresFeatureSmoke.run(services, admin, clock);
    }
}
