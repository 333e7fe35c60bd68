package org.devicedesk.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.devicedesk.core.Refused;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.directory.DirectoryConfig.Security;
import org.devicedesk.testing.TestDb;
import org.devicedesk.ui.Tasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Settings > Directory's view model without a window, against the in-memory LDAP server the directory tests use. */
class DirectorySettingsModelTest {
    private TestDb db;
    private TestDirectory ldap;
    private DirectorySettingsModel m;

    @BeforeEach
    void setUp() {
        db = TestDb.create();
        ldap = TestDirectory.start();
        Session admin = db.session("ada", Role.ADMIN);
        m = new DirectorySettingsModel(db.services.directory, admin, Tasks.direct());
        m.open();
    }

    @AfterEach
    void tearDown() {
        ldap.close();
        db.close();
    }

    /** Types this directory's settings into the form, as an administrator would. */
    private void typeTheDirectory() {
        DirectoryConfig c = ldap.config(Security.LDAPS);
        m.host.set("localhost");
        m.port.set(" " + c.port() + " ");
        m.security.set(Security.LDAPS);
        m.baseDn.set(TestDirectory.BASE);
        m.bindDn.set(TestDirectory.SERVICE_DN);
        m.bindPasswordEnv.set("");
        m.bindPasswordFile.set(c.bindPasswordFile());
        m.trustFile.set(c.trustFile());
        m.groupBaseDn.set(TestDirectory.GROUPS_OU);
        m.groupRoles.set(TestDirectory.HELPDESK + " -> HELPDESK, STAFF\n" + TestDirectory.ALL_STAFF + " -> STAFF");
    }

    @Test
    void theSavedSettingsAreLoadedIntoTheForm() {
        DirectoryConfig saved = db.services.directory.config();
        assertEquals("636", m.port.get());
        assertEquals(saved.security(), m.security.get());
        assertEquals(saved.usernameAttribute(), m.usernameAttribute.get());
        assertEquals(Integer.toString(saved.timeoutSeconds()), m.timeout.get());
        assertFalse(m.enabled.get());
    }

    @Test
    void testsFindTheDirectoryAndStoreNothingThenASaveStoresTheTypedSettings() {
        typeTheDirectory();
        m.testConnection();
        assertTrue(m.result.get().contains("Found 6 users"), m.result.get());
        assertTrue(m.result.get().contains("Signed in as the service account " + TestDirectory.SERVICE_DN), m.result.get());
        assertEquals("The directory answered. Nothing was saved; save the settings to use them.", m.outcome.get().text());
        assertFalse(m.busy.get());

        m.testUsername.set("hhelp");
        m.testPassword.set(TestDirectory.PASSWORD);
        m.testSignIn();
        assertEquals("The password is right. Sign-in would give the roles Staff, IT&D helpdesk.", m.outcome.get().text());
        assertTrue(m.result.get().contains("Name: Harry Helpdesk"), m.result.get());
        assertTrue(m.result.get().contains("Password: checked"), m.result.get());
        assertTrue(m.result.get().contains("Roles: Staff, IT&D helpdesk"), m.result.get());
        assertEquals("", m.testPassword.get(), "the test password is not kept");
        assertFalse(db.services.directory.config().enabled(), "tests store nothing");

        m.enabled.set(true);
        m.save();
        assertTrue(m.outcome.get().text().startsWith("Saved: "), m.outcome.get().text());
        assertTrue(m.outcome.get().text().endsWith(" settings changed (written to the audit trail)."), m.outcome.get().text());
        DirectoryConfig saved = db.services.directory.config();
        assertTrue(saved.enabled());
        assertEquals(ldap.port(Security.LDAPS), saved.port(), "the port's spaces are stripped");
        assertEquals(2, saved.groupRoles().size());

        m.save();
        assertEquals("Nothing to save: the directory settings are as they were.", m.outcome.get().text());
    }

    @Test
    void aPortThatIsNoNumberIsRefusedBesideItsFieldAndNothingIsSaved() {
        m.port.set("six-three-six");
        m.baseDn.set(TestDirectory.BASE);
        m.save();
        assertTrue(m.outcome.get().isFailure());
        assertTrue(m.outcome.get().failure() instanceof Refused);
        assertTrue(m.outcome.get().text().contains("The port must be a number from 1 to 65535"), m.outcome.get().text());
        assertFalse(m.busy.get(), "the buttons come back");
        assertEquals(636, db.services.directory.config().port(), "nothing was stored");
    }

    @Test
    void aRefusedTestSignInAlsoClearsTheTestPassword() {
        typeTheDirectory();
        m.trustFile.set(""); // Java's own CAs do not trust the test directory's certificate
        m.testUsername.set("hhelp");
        m.testPassword.set("some-password");
        m.testSignIn();
        assertTrue(m.outcome.get().isFailure());
        assertEquals("", m.testPassword.get());
        assertEquals("", m.result.get(), "nothing found");
    }

    @Test
    void numbersAreReadStrippedAndAnythingElseIsMinusOneForTheServiceToRefuse() {
        assertEquals(389, DirectorySettingsModel.number(" 389 "));
        assertEquals(-1, DirectorySettingsModel.number("six"));
        assertEquals(-1, DirectorySettingsModel.number(null));
    }
}
