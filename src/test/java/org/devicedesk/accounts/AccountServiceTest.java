package org.devicedesk.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.devicedesk.audit.AuditEvent;
import org.devicedesk.audit.AuditService;
import org.devicedesk.core.AccessDenied;
import org.devicedesk.core.Refused;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.testing.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccountServiceTest {
    private TestDb db;
    private AccountService accounts;
    private Session admin;

    @BeforeEach
    void open() {
        db = TestDb.create();
        accounts = db.services.accounts;
        admin = db.session("ada", Role.ADMIN, Role.STAFF);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void failSignIn(String username) {
        assertThrows(Refused.class, () -> accounts.signIn(username, "not-the-password"));
    }

    private List<AuditEvent> events(String action) {
        return db.services.audit.page(admin, AuditService.Query.all()).stream().filter(e -> e.action().equals(action)).toList();
    }

    @Test
    void fiveFailedSignInsLockTheAccountForFifteenMinutes() {
        db.session("sam", Role.HELPDESK);
        for (int i = 1; i <= 4; i++) failSignIn("sam");
        assertFalse(accounts.list(admin).stream().filter(a -> a.username().equals("sam")).findFirst().orElseThrow().isLocked(db.clock.instant()),
                "four failures do not lock");

        Refused fifth = assertThrows(Refused.class, () -> accounts.signIn("sam", "not-the-password"));
        assertTrue(fifth.getMessage().contains("locked for 15 minutes"), fifth.getMessage());
        assertEquals(1, events("ACCOUNT_LOCKED").size(), "the lock-out is in the audit trail");
        assertEquals(4, events("SIGN_IN_FAILED").size());

        Refused locked = assertThrows(Refused.class, () -> accounts.signIn("sam", TestDb.PASSWORD));
        assertTrue(locked.getMessage().contains("locked"), "even the right password is refused while locked");

        db.clock.advance(Duration.ofMinutes(14).plusSeconds(59));
        Refused still = assertThrows(Refused.class, () -> accounts.signIn("sam", TestDb.PASSWORD));
        assertTrue(still.getMessage().contains("Try again after 10:15"), still.getMessage()); // 10:00 UTC = 10:00 London in March

        db.clock.advance(Duration.ofSeconds(1));
        Session s = accounts.signIn("sam", TestDb.PASSWORD);
        assertEquals("sam", s.username());
        assertTrue(s.has(Role.HELPDESK));
    }

    @Test
    void theLockOutFollowsTheSettings() {
        db.session("sam", Role.HELPDESK);
        db.services.settingsService.save(admin, java.util.Map.of(
                org.devicedesk.core.Settings.Key.LOCKOUT_ATTEMPTS, "3", org.devicedesk.core.Settings.Key.LOCKOUT_MINUTES, "30"));
        failSignIn("sam");
        failSignIn("sam");
        Refused third = assertThrows(Refused.class, () -> accounts.signIn("sam", "not-the-password"));
        assertTrue(third.getMessage().contains("locked for 30 minutes"), third.getMessage());
        db.clock.advance(Duration.ofMinutes(29));
        assertThrows(Refused.class, () -> accounts.signIn("sam", TestDb.PASSWORD));
        db.clock.advance(Duration.ofMinutes(1));
        assertEquals("sam", accounts.signIn("sam", TestDb.PASSWORD).username());
    }

    @Test
    void aSuccessfulSignInResetsTheCountOfFailures() {
        db.session("sam", Role.HELPDESK);
        for (int i = 0; i < 4; i++) failSignIn("sam");
        accounts.signIn("sam", TestDb.PASSWORD);
        for (int i = 0; i < 4; i++) failSignIn("sam");
        assertEquals("sam", accounts.signIn("sam", TestDb.PASSWORD).username(), "4 + 4 failures with a success between do not lock");
    }

    @Test
    void anUnknownUsernameGetsTheSameAnswerAsAWrongPassword() {
        db.session("sam", Role.HELPDESK);
        Refused unknown = assertThrows(Refused.class, () -> accounts.signIn("nobody", "whatever-password"));
        Refused wrong = assertThrows(Refused.class, () -> accounts.signIn("sam", "whatever-password"));
        assertEquals(wrong.getMessage(), unknown.getMessage());
    }

    @Test
    void aDeactivatedAccountCannotSignInUntilReactivated() {
        Session sam = db.session("sam", Role.HELPDESK);
        accounts.setActive(admin, sam.accountId(), false);
        Refused r = assertThrows(Refused.class, () -> accounts.signIn("sam", TestDb.PASSWORD));
        assertTrue(r.getMessage().contains("deactivated"), r.getMessage());
        assertEquals(1, events("ACCOUNT_DEACTIVATED").size());

        accounts.setActive(admin, sam.accountId(), true);
        assertEquals("sam", accounts.signIn("sam", TestDb.PASSWORD).username());
        assertEquals(1, events("ACCOUNT_REACTIVATED").size());
    }

    @Test
    void anAdministratorCannotDeactivateThemselves() {
        Refused r = assertThrows(Refused.class, () -> accounts.setActive(admin, admin.accountId(), false));
        assertTrue(r.getMessage().contains("your own account"), r.getMessage());
    }

    @Test
    void passwordsAreAtLeastTwelveCharactersAndNotTheUsername() {
        Refused shortOne = assertThrows(Refused.class, () -> accounts.create(admin, "sam", "elevenchars", null, EnumSet.of(Role.STAFF)));
        assertEquals("The password must be at least 12 characters long.", shortOne.messageFor("password"));

        long id = accounts.create(admin, "sam", "twelve-chars", null, EnumSet.of(Role.STAFF)); // exactly 12
        assertEquals("sam", accounts.signIn("sam", "twelve-chars").username());

        Refused same = assertThrows(Refused.class, () -> accounts.create(admin, "samantha.jones", "Samantha.Jones", null, EnumSet.of(Role.STAFF)));
        assertEquals("The password must not be the username, or contain it.", same.messageFor("password"));

        Refused reset = assertThrows(Refused.class, () -> accounts.resetPassword(admin, id, "sam"));
        assertTrue(reset.messageFor("password").contains("at least 12"));
    }

    @Test
    void createRefusesATakenUsernameNoRolesAndAPersonWhoAlreadyHasAnAccount() {
        Session sam = db.session("sam", Role.HELPDESK);
        Refused taken = assertThrows(Refused.class, () -> accounts.create(admin, "SAM", "a-long-password", null, EnumSet.of(Role.STAFF)));
        assertEquals("The username SAM is already taken.", taken.messageFor("username"));

        Refused noRoles = assertThrows(Refused.class, () -> accounts.create(admin, "newbie", "a-long-password", null, Set.of()));
        assertEquals("Give the account at least one role.", noRoles.messageFor("roles"));

        Refused linked = assertThrows(Refused.class, () -> accounts.create(admin, "second", "a-long-password", sam.personId(), EnumSet.of(Role.STAFF)));
        assertTrue(linked.messageFor("person").contains("sam"), linked.getMessage());

        Refused badName = assertThrows(Refused.class, () -> accounts.create(admin, "has space", "a-long-password", null, EnumSet.of(Role.STAFF)));
        assertTrue(badName.messageFor("username").contains("letters, digits"), badName.getMessage());
    }

    @Test
    void createLinksAPersonAndIsAudited() {
        long person = db.person("Pat Newcomer", true);
        long id = accounts.create(admin, "pat", "a-long-password", person, EnumSet.of(Role.STAFF, Role.INFOSEC));
        Account a = accounts.list(admin).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
        assertEquals("Pat Newcomer", a.personName());
        assertEquals(EnumSet.of(Role.STAFF, Role.INFOSEC), a.roles());
        Session s = accounts.signIn("pat", "a-long-password");
        assertEquals(person, s.personId());
        assertEquals("Pat Newcomer", s.displayName());
        assertTrue(events("ACCOUNT_CREATED").stream().anyMatch(e -> e.recordId().equals(Long.toString(id))));
    }

    @Test
    void rolesCanBeChangedButAnAdministratorKeepsTheirOwnAdminRole() {
        Session sam = db.session("sam", Role.STAFF);
        accounts.setRoles(admin, sam.accountId(), EnumSet.of(Role.STAFF, Role.HELPDESK));
        assertTrue(accounts.signIn("sam", TestDb.PASSWORD).has(Role.HELPDESK));
        assertEquals(1, events("ACCOUNT_ROLES_CHANGED").size());

        Refused own = assertThrows(Refused.class, () -> accounts.setRoles(admin, admin.accountId(), EnumSet.of(Role.STAFF)));
        assertTrue(own.messageFor("roles").contains("your own account"));
        assertThrows(Refused.class, () -> accounts.setRoles(admin, sam.accountId(), Set.of()));
    }

    @Test
    void updateChangesRolesAndPersonTogetherAndAuditsOnlyWhatChanged() {
        Session sam = db.session("sam", Role.STAFF);
        long other = db.person("Sam Elsewhere", true);
        assertEquals(0, accounts.update(admin, sam.accountId(), sam.personId(), EnumSet.of(Role.STAFF)));
        assertEquals(2, accounts.update(admin, sam.accountId(), other, EnumSet.of(Role.STAFF, Role.DPO)));
        Session after = accounts.signIn("sam", TestDb.PASSWORD);
        assertEquals(other, after.personId());
        assertEquals(EnumSet.of(Role.STAFF, Role.DPO), after.roles());
        assertEquals(1, events("ACCOUNT_ROLES_CHANGED").size());
        assertTrue(events("ACCOUNT_LINKED").get(0).summary().equals("sam linked to Sam Elsewhere (person " + other + ")"));

        Refused taken = assertThrows(Refused.class, () -> accounts.update(admin, sam.accountId(), admin.personId(), EnumSet.of(Role.STAFF)));
        assertTrue(taken.messageFor("person").contains("already linked to the account ada"), taken.getMessage());
        Refused own = assertThrows(Refused.class, () -> accounts.update(admin, admin.accountId(), admin.personId(), EnumSet.of(Role.STAFF)));
        assertTrue(own.messageFor("roles").contains("your own account"));
        assertEquals(EnumSet.of(Role.STAFF, Role.DPO), accounts.signIn("sam", TestDb.PASSWORD).roles(), "a refused update changes nothing");
        assertThrows(AccessDenied.class, () -> accounts.update(after, sam.accountId(), null, EnumSet.of(Role.ADMIN)));
    }

    @Test
    void resettingAPasswordClearsALockOut() {
        Session sam = db.session("sam", Role.HELPDESK);
        for (int i = 0; i < 5; i++) failSignIn("sam");
        accounts.resetPassword(admin, sam.accountId(), "a-brand-new-password");
        assertEquals("sam", accounts.signIn("sam", "a-brand-new-password").username());
        assertThrows(Refused.class, () -> accounts.signIn("sam", TestDb.PASSWORD), "the old password no longer works");
        assertEquals(1, events("PASSWORD_RESET").size());
    }

    @Test
    void linkingRefusesAPersonWhoAlreadyHasAnAccount() {
        Session sam = db.session("sam", Role.HELPDESK);
        Session kim = db.session("kim", Role.STAFF);
        Refused r = assertThrows(Refused.class, () -> accounts.linkPerson(admin, kim.accountId(), sam.personId()));
        assertTrue(r.messageFor("person").contains("sam"));
        long newPerson = db.person("Kim Other", true);
        accounts.linkPerson(admin, kim.accountId(), newPerson);
        assertEquals(newPerson, accounts.signIn("kim", TestDb.PASSWORD).personId());
        accounts.linkPerson(admin, kim.accountId(), null);
        assertEquals(null, accounts.signIn("kim", TestDb.PASSWORD).personId());
    }

    @Test
    void theFirstAdministratorIsCreatedOnlyOnce() {
        try (TestDb empty = TestDb.create()) {
            AccountService fresh = empty.services.accounts;
            assertTrue(fresh.needsFirstAdministrator());
            Refused mismatch = assertThrows(Refused.class, () -> fresh.createFirstAdministrator("Ada Admin", "ada", "a-long-password", "another-password"));
            assertEquals("The two passwords do not match.", mismatch.messageFor("password-confirm"));
            Session s = fresh.createFirstAdministrator("Ada Admin", "ada", "a-long-password", "a-long-password");
            assertTrue(s.has(Role.ADMIN));
            assertFalse(fresh.needsFirstAdministrator());
            Refused again = assertThrows(Refused.class, () -> fresh.createFirstAdministrator("Eve", "eve", "a-long-password", "a-long-password"));
            assertTrue(again.getMessage().contains("already has an administrator"));
            assertEquals(1, fresh.list(s).size());
        }
    }

    @Test
    void staffCannotManageAccounts() {
        Session staff = db.session("stu", Role.STAFF);
        Session helpdesk = db.session("hal", Role.HELPDESK);
        for (Session s : List.of(staff, helpdesk)) {
            assertThrows(AccessDenied.class, () -> accounts.list(s));
            assertThrows(AccessDenied.class, () -> accounts.create(s, "x1", "a-long-password", null, EnumSet.of(Role.STAFF)));
            assertThrows(AccessDenied.class, () -> accounts.setRoles(s, staff.accountId(), EnumSet.of(Role.ADMIN)));
            assertThrows(AccessDenied.class, () -> accounts.setActive(s, admin.accountId(), false));
            assertThrows(AccessDenied.class, () -> accounts.resetPassword(s, admin.accountId(), "a-long-password"));
            assertThrows(AccessDenied.class, () -> accounts.linkPerson(s, admin.accountId(), null));
        }
        assertThrows(AccessDenied.class, () -> accounts.forPerson(staff, staff.personId()));
        assertEquals(EnumSet.of(Role.STAFF), accounts.signIn("stu", TestDb.PASSWORD).roles(), "nothing changed");
    }

    @Test
    void staffCannotCreatePeople() {
        Session staff = db.session("stu", Role.STAFF);
        assertThrows(AccessDenied.class, () -> db.services.people.create(staff,
                new org.devicedesk.people.PersonDraft("Someone New", null, null, org.devicedesk.people.Category.EMPLOYEE, null, null)));
    }
}
