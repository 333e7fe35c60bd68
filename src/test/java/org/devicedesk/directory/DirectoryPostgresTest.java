package org.devicedesk.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.DriverManager;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.devicedesk.Services;
import org.devicedesk.core.Database;
import org.devicedesk.core.Refused;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.directory.DirectoryConfig.Security;
import org.devicedesk.directory.DirectorySync.Kind;
import org.devicedesk.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** Directory sign-in and the sync on PostgreSQL (the shared office's database), against the in-memory directory. */
@EnabledIfEnvironmentVariable(named = "DEVICEDESK_TEST_PG_URL", matches = ".+")
class DirectoryPostgresTest {
    private static final String URL = System.getenv("DEVICEDESK_TEST_PG_URL");
    private static final String USER = System.getenv().getOrDefault("DEVICEDESK_TEST_PG_USER", "devicedesk");
    private static final String PASSWORD = System.getenv().getOrDefault("DEVICEDESK_TEST_PG_PASSWORD", "devicedesk");

    private Database db;
    private Services services;
    private TestDirectory ldap;

    @BeforeEach
    void freshSchema() throws Exception {
        try (var c = DriverManager.getConnection(URL, USER, PASSWORD); var st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS public CASCADE");
            st.execute("CREATE SCHEMA public");
        }
        db = Database.openPostgres(URL, USER, PASSWORD);
        services = new Services(db, new MutableClock(Instant.parse("2026-03-04T10:00:00Z")));
        ldap = TestDirectory.start();
    }

    @AfterEach
    void close() {
        ldap.close();
        db.close();
    }

    @Test
    void aDirectoryUserSignsInAndTheSyncAppliesExactlyItsPreviewOnPostgres() throws Exception {
        Session admin = services.accounts.createFirstAdministrator("Ada Admin", "ada", "a-long-enough-password", "a-long-enough-password");
        services.directory.save(admin, ldap.config(Security.LDAPS));

        Session sam = services.accounts.signIn("sstaff", TestDirectory.PASSWORD);
        assertEquals(EnumSet.of(Role.STAFF), sam.roles());
        assertEquals("!directory", db.read(h -> h.createQuery("SELECT password_hash FROM account WHERE username = 'sstaff'").mapTo(String.class).one()));
        Session directoryAdmin = services.accounts.signIn("aadmin", TestDirectory.PASSWORD);
        Refused last = assertThrows(Refused.class, () -> services.accounts.setActive(directoryAdmin, admin.accountId(), false));
        assertTrue(last.getMessage().contains("last active local administrator"), last.getMessage());

        Session helpdesk = new Session(admin.accountId(), admin.username(), admin.personId(), admin.displayName(), EnumSet.of(Role.ADMIN, Role.HELPDESK));
        services.directorySync.apply(helpdesk, services.directorySync.preview(helpdesk), null);
        ldap.user("jjoiner", "Jo Joiner", "jo.joiner@office.test", "ICT", "E200", TestDirectory.dn("hhelp"), false, TestDirectory.ALL_STAFF);
        ldap.replace("sstaff", "department", "Finance");
        ldap.replace("ffinance", "userAccountControl", "514");
        var preview = services.directorySync.preview(helpdesk);
        assertEquals(List.of(Kind.JOIN, Kind.CHANGE, Kind.LEAVE), preview.items().stream().map(DirectorySync.Item::kind).toList());
        var applied = services.directorySync.apply(helpdesk, preview, null);
        assertEquals(List.of(1, 1, 1), List.of(applied.joined(), applied.changed(), applied.left()));
        assertEquals("Finance", services.people.get(helpdesk, sam.personId()).team());
        assertTrue(services.directorySync.preview(helpdesk).isEmpty());
    }
}
