package org.devicedesk.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.devicedesk.core.Refused;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.testing.TestDb;
import org.devicedesk.ui.Tasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sign-in and first-run cards' view model without a window, on the real account service. */
class SignInModelTest {
    TestDb db;
    final List<Session> signedIn = new ArrayList<>();
    SignInModel m;

    @BeforeEach
    void open() {
        db = TestDb.create();
        m = new SignInModel(db.services.accounts, Tasks.direct(), signedIn::add);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void tryPassword(String password) {
        m.username.set("helen");
        m.password.set(password);
        m.signIn();
    }

    @Test
    void aWrongPasswordIsRefusedAndClearedThenTheRightOneSignsIn() {
        db.session("helen", Role.HELPDESK);
        tryPassword("wrong-password-here");
        assertTrue(signedIn.isEmpty());
        assertEquals("The username or password is not right.", m.outcome.get().text());
        assertEquals("", m.password.get(), "the password is cleared for the next try");
        assertEquals("helen", m.username.get(), "the username stays");
        assertFalse(m.busy.get(), "Sign in can be pressed again");

        tryPassword(TestDb.PASSWORD);
        assertEquals(1, signedIn.size());
        assertEquals("helen", signedIn.get(0).username());
    }

    @Test
    void nothingTypedIsRefused() {
        m.signIn();
        assertEquals("Enter your username and password.", m.outcome.get().text());
        assertTrue(signedIn.isEmpty());
    }

    @Test
    void theFifthFailureLocksTheAccountAndSaysUntilWhen() {
        db.session("helen", Role.HELPDESK);
        for (int i = 0; i < 4; i++) tryPassword("wrong-password-here");
        tryPassword("wrong-password-here");
        String locked = m.outcome.get().text();
        assertTrue(locked.startsWith("After 5 failed sign-ins the account is now locked for 15 minutes. Try again after "), locked);
        tryPassword(TestDb.PASSWORD);
        assertTrue(m.outcome.get().text().startsWith("This account is locked after too many failed sign-ins. Try again after "),
                m.outcome.get().text());
        assertTrue(signedIn.isEmpty(), "even the right password is refused while locked");
    }

    @Test
    void aDeactivatedAccountIsToldWhy() {
        Session admin = db.session("ada", Role.ADMIN);
        Session helen = db.session("helen", Role.HELPDESK);
        db.services.accounts.setActive(admin, helen.accountId(), false);
        tryPassword(TestDb.PASSWORD);
        assertEquals("This account has been deactivated. Ask an administrator if you need it back.", m.outcome.get().text());
        assertEquals("", m.password.get());
    }

    @Test
    void aNameThatIsNoLocalAccountSignsInThroughTheDirectoryAndItsRefusalIsShown() {
        Session olga = new Session(99, "olga", null, "Olga Ortiz", java.util.EnumSet.of(Role.STAFF));
        db.services.accounts.useDirectory(new DirectorySignIn() {
            @Override public boolean enabled() { return true; }
            @Override public Session signIn(String username, String password) {
                if (password.equals("directory-password")) return olga;
                throw Refused.because("The directory did not accept that username and password.");
            }
        });
        m.username.set("olga");
        m.password.set("not-it");
        m.signIn();
        assertEquals("The directory did not accept that username and password.", m.outcome.get().text());
        assertEquals("", m.password.get());
        m.password.set("directory-password");
        m.signIn();
        assertEquals(List.of(olga), signedIn);
    }

    @Test
    void firstRunRefusesAShortPasswordThenCreatesTheAdministrator() {
        assertTrue(db.services.accounts.needsFirstAdministrator());
        m.fullName.set("Ada Admin");
        m.username.set("ada");
        m.password.set("short");
        m.confirm.set("short");
        m.createFirstAdministrator();
        assertTrue(m.outcome.get().text().contains("at least 12 characters"), m.outcome.get().text());
        assertEquals("short", m.password.get(), "the first-run form keeps what was typed");
        assertFalse(m.busy.get());
        assertTrue(db.services.accounts.needsFirstAdministrator(), "nothing was stored");

        m.password.set("a-long-enough-password");
        m.confirm.set("a-long-enough-password");
        m.createFirstAdministrator();
        assertEquals(1, signedIn.size());
        assertEquals("Ada Admin", signedIn.get(0).displayName());
        assertTrue(signedIn.get(0).roles().contains(Role.ADMIN));
        assertFalse(db.services.accounts.needsFirstAdministrator());
    }
}
