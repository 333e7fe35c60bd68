package org.devicedesk.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.devicedesk.core.AccessDenied;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.people.Category;
import org.devicedesk.people.PersonDraft;
import org.devicedesk.testing.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An open session is re-checked at its next change: a deactivated account or a removed role saves nothing more. */
class SessionRecheckTest {
    private TestDb t;
    private Session admin;
    private Session helen;

    @BeforeEach
    void open() {
        t = TestDb.create();
        admin = t.session("ada", Role.ADMIN, Role.STAFF);
        helen = t.session("helen", Role.HELPDESK, Role.STAFF);
    }

    @AfterEach
    void close() {
        t.close();
    }

    private long people() {
        return t.db.read(h -> h.createQuery("SELECT count(*) FROM person").mapTo(Long.class).one());
    }

    private PersonDraft draft(String name) {
        return new PersonDraft(name, null, null, Category.EMPLOYEE, null, null);
    }

    @Test
    void aDeactivatedAccountsOpenSessionStopsSavingWithAClearMessage() {
        t.services.people.create(helen, draft("Saved Before")); // her session works
        t.services.accounts.setActive(admin, helen.accountId(), false);
        long before = people();
        AccessDenied denied = assertThrows(AccessDenied.class, () -> t.services.people.create(helen, draft("Saved After")));
        assertEquals("Your account (helen) has been deactivated by an administrator since you signed in, so nothing was saved."
                + " Sign out; ask an administrator if you need the account back.", denied.getMessage());
        assertEquals(before, people(), "the whole change was rolled back");
        t.services.accounts.signOut(helen); // signing out still works
    }

    @Test
    void aRemovedRoleStopsTheNextChange() {
        t.services.accounts.setRoles(admin, helen.accountId(), EnumSet.of(Role.STAFF));
        long before = people();
        AccessDenied denied = assertThrows(AccessDenied.class, () -> t.services.people.create(helen, draft("Not Saved")));
        assertTrue(denied.getMessage().contains("no longer has the role"), denied.getMessage());
        assertTrue(denied.getMessage().contains("Sign out and sign in again"), denied.getMessage());
        assertEquals(before, people());
    }

    @Test
    void aReactivatedAccountSavesAgain() {
        t.services.accounts.setActive(admin, helen.accountId(), false);
        t.services.accounts.setActive(admin, helen.accountId(), true);
        t.services.people.create(helen, draft("Fine Again"));
    }
}
