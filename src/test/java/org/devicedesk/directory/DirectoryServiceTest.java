package org.devicedesk.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.devicedesk.accounts.Account;
import org.devicedesk.core.Refused;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.directory.DirectoryConfig.Security;
import org.devicedesk.devices.Device;
import org.devicedesk.devices.DeviceDraft;
import org.devicedesk.incidents.Incident;
import org.devicedesk.testing.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Directory sign-in against a real LDAP server over a socket (UnboundID's in-memory directory, AD-like layout). */
class DirectoryServiceTest {
    private TestDb db;
    private TestDirectory ldap;
    private Session admin;

    @BeforeEach
    void setUp() {
        db = TestDb.create();
        ldap = TestDirectory.start();
        admin = db.session("localadmin", Role.ADMIN, Role.STAFF);
    }

    @AfterEach
    void tearDown() {
        ldap.close();
        db.close();
    }

    private void configure(Security security) {
        db.services.directory.save(admin, ldap.config(security));
    }

    private int count(String sql) {
        return db.db.read(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    private String passwordHashOf(String username) {
        return db.db.read(h -> h.createQuery("SELECT password_hash FROM account WHERE username = :u").bind("u", username).mapTo(String.class).one());
    }

    /** Everything a refused sign-in must leave as it was: accounts, people, roles, links. */
    private List<Integer> state() {
        return List.of(count("SELECT count(*) FROM account"), count("SELECT count(*) FROM person"), count("SELECT count(*) FROM account_role"),
                count("SELECT count(*) FROM person WHERE directory_username IS NOT NULL"));
    }

    private Refused refusedSignIn(String user, String password) {
        return assertThrows(Refused.class, () -> db.services.accounts.signIn(user, password));
    }

    @Test
    void aPersonOnlyInTheDirectorySignsInOverLdapsWithTheirDirectoryPasswordAndFilesAReport() {
        configure(Security.LDAPS);
        int people = count("SELECT count(*) FROM person");

        Session sam = db.services.accounts.signIn("sstaff", TestDirectory.PASSWORD);

        assertEquals(EnumSet.of(Role.STAFF), sam.roles());
        assertEquals("Sam Staff", sam.displayName());
        assertEquals(people + 1, count("SELECT count(*) FROM person"), "the first sign-in creates their person");
        var person = db.services.people.get(admin, sam.personId());
        assertEquals("sam.staff@office.test", person.email());
        assertEquals("E102", person.staffNumber());
        assertEquals("Policy", person.team());
        assertEquals("!directory", passwordHashOf("sstaff"), "no password, nor a hash of one, is stored for a directory user");

        // they sign the annual declaration themselves, the help desk issues them a phone, and they report it lost
        db.services.people.signDeclaration(sam, true);
        long phone = db.services.devices.create(Session.system(), new DeviceDraft("PH-900", Device.Kind.MOBILE_PHONE, "Samsung Galaxy A55",
                null, null, null, true, Device.Mode.ISSUED, Device.Status.IN_STOCK, null, null));
        db.services.devices.issue(Session.system(), phone, sam.personId());
        var reported = db.services.incidents.report(sam, new Incident.Draft(Incident.Type.LOST, null, phone, null,
                null, null, "Bus to the office", "Left it on the number 50 bus.", true, null, null, null, null, null));
        assertTrue(reported.reference().startsWith("INC-"), reported.reference());
        assertEquals(1, count("SELECT count(*) FROM incident WHERE reporter_id = " + sam.personId()));

        // the second sign-in finds the same account and person
        Session again = db.services.accounts.signIn("SSTAFF", TestDirectory.PASSWORD);
        assertEquals(sam.accountId(), again.accountId());
        assertEquals(sam.personId(), again.personId());
        assertEquals(people + 1, count("SELECT count(*) FROM person"));
    }

    @Test
    void twoFirstSignInsOfOnePersonAtOnceMakeOneAccountAndOnePerson() throws Exception {
        configure(Security.LDAPS);
        int people = count("SELECT count(*) FROM person");
        int clients = 4;
        var barrier = new java.util.concurrent.CyclicBarrier(clients);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
        try {
            List<java.util.concurrent.Future<Session>> tries = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                tries.add(pool.submit(() -> {
                    barrier.await(60, java.util.concurrent.TimeUnit.SECONDS);
                    return db.services.accounts.signIn("sstaff", TestDirectory.PASSWORD);
                }));
            }
            Set<Long> accounts = new java.util.HashSet<>();
            for (var t : tries) accounts.add(t.get(120, java.util.concurrent.TimeUnit.SECONDS).accountId());
            assertEquals(1, accounts.size(), "every client signed in, to the same account");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, count("SELECT count(*) FROM account WHERE username = 'sstaff'"));
        assertEquals(people + 1, count("SELECT count(*) FROM person"));
        assertEquals(1, count("SELECT count(*) FROM audit_event WHERE action = 'ACCOUNT_CREATED' AND summary LIKE 'Directory account sstaff%'"));
    }

    @Test
    void startTlsSignInFollowsNestedGroupsBothWaysToRoles() {
        configure(Security.STARTTLS);
        // hhelp is in IT Support, which AD records (memberOf) as a member of DD-Helpdesk
        assertEquals(EnumSet.of(Role.HELPDESK, Role.STAFF), db.services.accounts.signIn("hhelp", TestDirectory.PASSWORD).roles());
        // ffinance is in Finance only through member; Finance is a member of All Staff only through member
        assertEquals(EnumSet.of(Role.STAFF), db.services.accounts.signIn("ffinance", TestDirectory.PASSWORD).roles());
        assertEquals(EnumSet.of(Role.ADMIN, Role.STAFF), db.services.accounts.signIn("aadmin", TestDirectory.PASSWORD).roles());
    }

    @Test
    void theFirstSignInLinksAnExistingPersonByStaffNumberInsteadOfMakingASecond() {
        long existing = db.db.inTransaction(h -> db.services.people.createInTransaction(h, Session.system(),
                new org.devicedesk.people.PersonDraft("Harry H.", null, "E101", org.devicedesk.people.Category.EMPLOYEE, "ICT", null)));
        configure(Security.LDAPS);
        Session harry = db.services.accounts.signIn("hhelp", TestDirectory.PASSWORD);
        assertEquals(existing, harry.personId());
    }

    @Test
    void rolesFollowTheDirectoryGroupsAtEachSignIn() throws Exception {
        configure(Security.LDAPS);
        assertEquals(EnumSet.of(Role.STAFF), db.services.accounts.signIn("sstaff", TestDirectory.PASSWORD).roles());
        ldap.addMember(TestDirectory.HELPDESK, TestDirectory.dn("sstaff"));
        assertEquals(EnumSet.of(Role.HELPDESK, Role.STAFF), db.services.accounts.signIn("sstaff", TestDirectory.PASSWORD).roles());
        assertEquals(1, count("SELECT count(*) FROM audit_event WHERE action = 'ACCOUNT_ROLES_CHANGED'"));
    }

    @Test
    void aWrongPasswordIsRefusedAndCountsTowardsTheLockOutThatThenRefusesEvenTheRightOne() {
        configure(Security.LDAPS);
        var before = state();
        for (int i = 1; i < 5; i++) {
            assertEquals("The username or password is not right.", refusedSignIn("sstaff", "wrong-password").getMessage());
        }
        Refused locked = refusedSignIn("sstaff", "wrong-password");
        assertTrue(locked.getMessage().contains("now locked for 15 minutes"), locked.getMessage());
        Refused stillLocked = refusedSignIn("sstaff", TestDirectory.PASSWORD);
        assertTrue(stillLocked.getMessage().contains("locked after too many failed sign-ins"), stillLocked.getMessage());
        assertEquals(before, state(), "nothing but the count of failures changed");
        assertEquals(1, count("SELECT count(*) FROM audit_event WHERE action = 'ACCOUNT_LOCKED'"));

        db.clock.advance(java.time.Duration.ofMinutes(16));
        assertNotNull(db.services.accounts.signIn("sstaff", TestDirectory.PASSWORD), "the lock-out ends as for local accounts");
    }

    @Test
    void aDisabledDirectoryAccountIsRefusedAndNothingIsCreated() {
        configure(Security.LDAPS);
        var before = state();
        Refused r = refusedSignIn("ddisabled", TestDirectory.PASSWORD);
        assertTrue(r.getMessage().contains("directory account is disabled"), r.getMessage());
        assertEquals(before, state());
    }

    @Test
    void someoneInNoMappedGroupIsRefusedAndNothingIsCreated() {
        configure(Security.LDAPS);
        var before = state();
        Refused r = refusedSignIn("nnogroup", TestDirectory.PASSWORD);
        assertTrue(r.getMessage().contains("not in any group that gives access"), r.getMessage());
        assertEquals(before, state());
    }

    @Test
    void anUnknownNameIsTheSameMessageAsAWrongPassword() {
        configure(Security.LDAPS);
        assertEquals("The username or password is not right.", refusedSignIn("nobody", TestDirectory.PASSWORD).getMessage());
    }

    @Test
    void aDirectoryThatIsDownGetsAClearMessageAndLocalAccountsStillSignIn() {
        configure(Security.LDAPS);
        var before = state();
        ldap.server.shutDown(true);
        Refused r = refusedSignIn("sstaff", TestDirectory.PASSWORD);
        assertTrue(r.getMessage().contains("cannot be reached just now") && r.getMessage().contains("Local Device Desk accounts still sign in"), r.getMessage());
        assertEquals(before, state());
        assertEquals(admin.accountId(), db.services.accounts.signIn("localadmin", TestDb.PASSWORD).accountId());
    }

    @Test
    void aDirectoryThatAcceptsButNeverAnswersTimesOutInsteadOfHangingTheSignIn() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            List<Socket> held = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) held.add(silent.accept()); // accepts and never says a word
                } catch (Exception closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            DirectoryConfig c = ldap.config(Security.PLAIN);
            db.services.directory.save(admin, new DirectoryConfig(true, "127.0.0.1", silent.getLocalPort(), Security.PLAIN, c.baseDn(),
                    c.userFilter(), c.usernameAttribute(), c.bindDn(), "", c.bindPasswordFile(), "", c.groupBaseDn(), c.disabledAttribute(),
                    "", 1, c.groupRoles()));
            Refused r = refusedSignIn("sstaff", TestDirectory.PASSWORD);
            assertTrue(r.getMessage().contains("did not answer within 1 seconds") || r.getMessage().contains("cannot be reached"), r.getMessage());
            for (Socket s : held) s.close();
        }
    }

    @Test
    void aCertificateDeviceDeskDoesNotTrustIsRefusedWithAClearMessage() {
        DirectoryConfig c = ldap.config(Security.LDAPS);
        db.services.directory.save(admin, new DirectoryConfig(true, c.host(), c.port(), c.security(), c.baseDn(), c.userFilter(),
                c.usernameAttribute(), c.bindDn(), "", c.bindPasswordFile(), "", c.groupBaseDn(), c.disabledAttribute(), "", 10, c.groupRoles()));
        var before = state();
        Refused r = refusedSignIn("sstaff", TestDirectory.PASSWORD);
        assertTrue(r.getMessage().contains("does not trust the certificate"), r.getMessage());
        assertEquals(before, state());
        Refused viaTest = assertThrows(Refused.class, () -> db.services.directory.testConnection(admin, db.services.directory.config()));
        assertEquals("trust-file", viaTest.problems().get(0).field());
    }

    @Test
    void aWrongServiceAccountPasswordSaysSoWithoutShowingIt() throws Exception {
        java.nio.file.Files.writeString(ldap.servicePasswordFile, "not-the-service-password");
        configure(Security.LDAPS);
        Refused r = refusedSignIn("sstaff", TestDirectory.PASSWORD);
        assertTrue(r.getMessage().contains("refused Device Desk's service account"), r.getMessage());
        assertFalse(r.getMessage().contains("not-the-service-password"));
    }

    @Test
    void theServicePasswordCanComeFromAnEnvironmentVariable() {
        var service = new DirectoryService(db.db, db.clock, db.services.people, db.services.accounts,
                Map.of("OFFICE_LDAP_PW", TestDirectory.SERVICE_PASSWORD)::get);
        DirectoryConfig c = ldap.config(Security.LDAPS);
        DirectoryConfig viaEnv = new DirectoryConfig(true, c.host(), c.port(), c.security(), c.baseDn(), c.userFilter(), c.usernameAttribute(),
                c.bindDn(), "OFFICE_LDAP_PW", "", c.trustFile(), c.groupBaseDn(), c.disabledAttribute(), "", 10, c.groupRoles());
        var report = service.testConnection(admin, viaEnv);
        assertTrue(report.lines().get(2).startsWith("Found 6 users"), report.lines().toString());
    }

    @Test
    void testSignInShowsTheEntryItsNestedGroupsAndTheRolesItWouldGetWithoutStoringAnything() {
        var before = state();
        var report = db.services.directory.testSignIn(admin, ldap.config(Security.LDAPS), "hhelp", TestDirectory.PASSWORD);
        assertEquals("Harry Helpdesk", report.entry().fullName());
        assertEquals(TestDirectory.dn("hhelp"), report.entry().dn());
        assertTrue(report.groups().contains(DirectoryClient.normalise(TestDirectory.IT_SUPPORT)), report.groups().toString());
        assertTrue(report.groups().contains(DirectoryClient.normalise(TestDirectory.HELPDESK)), report.groups().toString());
        assertEquals(EnumSet.of(Role.HELPDESK, Role.STAFF), report.roles());
        assertTrue(report.verdict().startsWith("The password is right."), report.verdict());
        assertEquals(before, state());

        var wrong = db.services.directory.testSignIn(admin, ldap.config(Security.LDAPS), "hhelp", "nope");
        assertTrue(wrong.verdict().contains("not right"), wrong.verdict());
        assertEquals(0, count("SELECT count(*) FROM directory_attempt"), "a test counts no failure");
    }

    @Test
    void settingsAreCheckedFieldByFieldAndOnlyAnAdministratorChangesThem() {
        DirectoryConfig c = ldap.config(Security.LDAPS);
        Refused r = assertThrows(Refused.class, () -> db.services.directory.save(admin, new DirectoryConfig(true, "", 0, Security.LDAPS,
                "not a dn", "(broken", "sAMAccountName", "", "", "", "", "", "userAccountControl", "", 10, Map.of())));
        for (String field : List.of("port", "base-dn", "user-filter", "host", "group-roles")) assertNotNull(r.messageFor(field), field + ": " + r.getMessage());
        Session helpdesk = db.session("helper", Role.HELPDESK);
        assertThrows(org.devicedesk.core.AccessDenied.class, () -> db.services.directory.save(helpdesk, c));
        assertEquals(false, db.services.directory.config().enabled());
        int changed = db.services.directory.save(admin, c);
        assertTrue(changed > 5);
        assertEquals(c, db.services.directory.config());
        assertTrue(count("SELECT count(*) FROM audit_event WHERE action = 'DIRECTORY_SETTING_CHANGED'") >= 5);
    }

    @Test
    void groupRolesAreReadFromLinesWithLineNumberedErrors() {
        Map<String, Set<Role>> m = DirectoryService.parseGroupRoles("# comment\nCN=DD-Admins,OU=Groups,DC=office,DC=test -> ADMIN, STAFF\n\nCN=All Staff,OU=Groups,DC=office,DC=test = staff\n");
        assertEquals(EnumSet.of(Role.ADMIN, Role.STAFF), m.get("CN=DD-Admins,OU=Groups,DC=office,DC=test"));
        assertEquals(EnumSet.of(Role.STAFF), m.get("CN=All Staff,OU=Groups,DC=office,DC=test"));
        assertEquals(m, DirectoryService.parseGroupRoles(DirectoryService.formatGroupRoles(m)));
        Refused r = assertThrows(Refused.class, () -> DirectoryService.parseGroupRoles("CN=X,DC=y -> BOSS\nnothing here"));
        assertTrue(r.getMessage().contains("Line 1: BOSS is not a role") && r.getMessage().contains("Line 2:"), r.getMessage());
    }

    @Test
    void theLastActiveLocalAdministratorCannotBeDeactivatedOrLoseTheRoleEvenWithDirectoryAdmins() {
        configure(Security.LDAPS);
        Session directoryAdmin = db.services.accounts.signIn("aadmin", TestDirectory.PASSWORD);
        assertTrue(directoryAdmin.has(Role.ADMIN));
        Refused deactivate = assertThrows(Refused.class, () -> db.services.accounts.setActive(directoryAdmin, admin.accountId(), false));
        assertTrue(deactivate.getMessage().contains("last active local administrator"), deactivate.getMessage());
        Refused demote = assertThrows(Refused.class, () -> db.services.accounts.setRoles(directoryAdmin, admin.accountId(), EnumSet.of(Role.STAFF)));
        assertTrue(demote.getMessage().contains("last active local administrator"), demote.getMessage());
        Refused viaForm = assertThrows(Refused.class, () -> db.services.accounts.update(directoryAdmin, admin.accountId(), admin.personId(), EnumSet.of(Role.STAFF)));
        assertTrue(viaForm.getMessage().contains("last active local administrator"));
        assertTrue(db.services.accounts.list(admin).stream().filter(a -> a.id() == admin.accountId()).allMatch(a -> a.active() && a.roles().contains(Role.ADMIN)));

        // with a second local administrator, the first may go
        Session second = db.session("secondadmin", Role.ADMIN);
        db.services.accounts.setActive(second, admin.accountId(), false);
        assertFalse(db.services.accounts.list(second).stream().filter(a -> a.id() == admin.accountId()).findFirst().map(Account::active).orElseThrow());
    }

    @Test
    void aDirectoryAccountHasNoPasswordToReset() {
        configure(Security.LDAPS);
        Session sam = db.services.accounts.signIn("sstaff", TestDirectory.PASSWORD);
        Refused r = assertThrows(Refused.class, () -> db.services.accounts.resetPassword(admin, sam.accountId(), "a-long-new-password"));
        assertTrue(r.getMessage().contains("signs in with the office directory"), r.getMessage());
        assertEquals("!directory", passwordHashOf("sstaff"));
    }

    @Test
    void withTheDirectorySwitchedOffOnlyLocalAccountsSignIn() {
        DirectoryConfig c = ldap.config(Security.LDAPS);
        db.services.directory.save(admin, new DirectoryConfig(false, c.host(), c.port(), c.security(), c.baseDn(), c.userFilter(),
                c.usernameAttribute(), c.bindDn(), "", c.bindPasswordFile(), c.trustFile(), c.groupBaseDn(), c.disabledAttribute(), "", 10, c.groupRoles()));
        assertEquals("The username or password is not right.", refusedSignIn("sstaff", TestDirectory.PASSWORD).getMessage());
        assertEquals(admin.accountId(), db.services.accounts.signIn("localadmin", TestDb.PASSWORD).accountId());
    }
}
