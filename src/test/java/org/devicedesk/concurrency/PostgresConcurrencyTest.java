package org.devicedesk.concurrency;

import java.sql.DriverManager;
import org.devicedesk.core.Database;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The concurrency cases with 4 clients, each its own {@link Database}, on the real PostgreSQL server.
 * Runs when DEVICEDESK_TEST_PG_URL (with _USER and _PASSWORD) names a database it may wipe; .ci/run sets it up.
 */
@EnabledIfEnvironmentVariable(named = "DEVICEDESK_TEST_PG_URL", matches = ".+")
class PostgresConcurrencyTest extends ConcurrencyCases {
    private static final String URL = System.getenv("DEVICEDESK_TEST_PG_URL");
    private static final String USER = System.getenv().getOrDefault("DEVICEDESK_TEST_PG_USER", "devicedesk");
    private static final String PASSWORD = System.getenv().getOrDefault("DEVICEDESK_TEST_PG_PASSWORD", "devicedesk");

    @BeforeEach
    void freshSchema() throws Exception {
        try (var c = DriverManager.getConnection(URL, USER, PASSWORD); var st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS public CASCADE");
            st.execute("CREATE SCHEMA public");
        }
    }

    @Override
    Database open() {
        return Database.openPostgres(URL, USER, PASSWORD);
    }
}
