package org.devicedesk.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.devicedesk.core.Refused;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.testing.TestDb;
import org.devicedesk.ui.Tasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The accounts screen's view model without a window, on the real services. */
class AccountsModelTest {
    TestDb db;
    Session admin;
    AccountsModel m;
    final List<Account> revealed = new ArrayList<>();

    @BeforeEach
    void open() {
        db = TestDb.create();
        admin = db.session("ada", Role.ADMIN, Role.STAFF);
        m = new AccountsModel(db.services.accounts, db.services.people, admin, db.clock, Tasks.direct());
        m.onReveal(revealed::add);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Account account(String username) {
        return m.rows.stream().filter(a -> a.username().equals(username)).findFirst().orElseThrow();
    }

    @Test
    void theListIsSearchedByUsernamePersonOrRoleAndCounted() {
        db.session("sam", Role.STAFF);
        db.session("hal", Role.HELPDESK, Role.STAFF);
        m.open();
        assertEquals(3, m.rows.size());
        assertEquals("3 accounts", m.count.get());
        m.search.set("  HELP ");
        assertEquals(List.of("hal"), m.filtered.stream().map(Account::username).toList(), "the role's label matches");
        assertEquals("1 of 3 accounts", m.count.get());
        m.search.set("");
        assertEquals("3 accounts", m.count.get());
        assertNull(m.linkable.get(0), "'Not linked to a person' comes first");
    }

    @Test
    void aNewAccountStartsWithStaffTickedAndIsCreatedAfterARefusal() {
        m.open();
        m.openNew();
        assertTrue(m.formOpen.get());
        assertEquals("New account", m.formTitle.get());
        assertEquals("_Create account", m.saveText.get());
        assertEquals("_Password", m.passwordLabel.get());
        assertFalse(m.resetOffered.get());
        assertFalse(m.usernameFixed.get());
        assertNull(m.status.get(), "no status row for a new account");
        assertEquals(EnumSet.of(Role.STAFF), m.chosenRoles());

        m.username.set("pat");
        m.password.set("short");
        m.roles.get(Role.HELPDESK).set(true);
        m.save();
        assertTrue(m.outcome.get().isFailure());
        assertEquals("The password must be at least 12 characters long.", m.outcome.get().text());
        assertFalse(m.saving.get(), "Save can be pressed again");
        assertEquals(1, m.rows.size(), "nothing was stored");

        m.password.set("short-and-now-long-enough");
        m.save();
        assertEquals("Account pat created. Give pat the password in person; they can sign in now.", m.outcome.get().text());
        Account pat = account("pat");
        assertEquals(EnumSet.of(Role.STAFF, Role.HELPDESK), pat.roles());
        assertEquals(pat, m.editing().get(), "the new account is open in the form");
        assertEquals(List.of(pat), revealed, "and selected in the table");
        assertEquals("_Save changes", m.saveText.get());
        assertEquals("pat", db.services.accounts.signIn("pat", "short-and-now-long-enough").username());
    }

    @Test
    void anAccountIsEditedDeactivatedAndReactivated() {
        Session sam = db.session("sam", Role.STAFF);
        m.open();
        m.openEdit(account("sam"));
        assertEquals("Account sam", m.formTitle.get());
        assertTrue(m.usernameFixed.get());
        assertTrue(m.resetOffered.get());
        assertEquals("New _password", m.passwordLabel.get());
        assertEquals(new AccountsModel.Status("Active", "badge-success"), m.status.get());
        assertTrue(m.offersDeactivate.get());
        assertFalse(m.toggleDisabled.get());
        assertEquals("", m.toggleReason.get());

        m.setActive(false);
        assertEquals("sam is deactivated and can no longer sign in.", m.outcome.get().text());
        assertEquals(new AccountsModel.Status("Deactivated", "badge-neutral"), m.status.get());
        assertFalse(m.offersDeactivate.get(), "Reactivate is offered now");
        assertEquals(2, m.statusRank(account("sam")));

        m.roles.get(Role.INFOSEC).set(true);
        m.save();
        assertEquals("Saved the changes to sam.", m.outcome.get().text());
        assertEquals(EnumSet.of(Role.STAFF, Role.INFOSEC), account("sam").roles());
        m.save();
        assertEquals("Nothing to save: the account is as it was.", m.outcome.get().text());

        m.setActive(true);
        assertEquals("sam can sign in again.", m.outcome.get().text());
        assertTrue(account("sam").active());
        assertEquals(sam.accountId(), m.editing().get().id());
    }

    @Test
    void oneCannotDeactivateOnesOwnAccount() {
        m.open();
        m.openEdit(account("ada"));
        assertTrue(m.offersDeactivate.get());
        assertTrue(m.toggleDisabled.get());
        assertEquals("You cannot deactivate the account you are signed in with.", m.toggleReason.get());
    }

    @Test
    void aLockedAccountShowsUntilWhenAndAResetClearsIt() {
        db.session("sam", Role.STAFF);
        for (int i = 0; i < 5; i++) assertThrows(Refused.class, () -> db.services.accounts.signIn("sam", "not-the-password"));
        m.open();
        Account sam = account("sam");
        assertEquals("badge-warning", m.status(sam).style());
        assertTrue(m.status(sam).text().startsWith("Locked until "), m.status(sam).text());
        assertEquals(1, m.statusRank(sam));

        m.openEdit(sam);
        m.password.set("a-brand-new-password");
        m.resetPassword();
        assertEquals("Password reset for sam (any lock-out is cleared). Give them the new password in person.", m.outcome.get().text());
        assertEquals("", m.password.get(), "the typed password is cleared");
        assertFalse(m.resetting.get());
        assertEquals("Active", m.status.get().text());
        assertEquals("sam", db.services.accounts.signIn("sam", "a-brand-new-password").username());
    }

    @Test
    void aRefusedResetIsSaidInTheFormAndTheButtonComesBack() {
        db.session("sam", Role.STAFF);
        m.open();
        m.openEdit(account("sam"));
        m.password.set("short");
        m.resetPassword();
        assertTrue(m.outcome.get().isFailure());
        assertEquals("The password must be at least 12 characters long.", m.outcome.get().text());
        assertFalse(m.resetting.get());
    }

    @Test
    void cancelClosesTheForm() {
        m.open();
        m.openEdit(account("ada"));
        m.close();
        assertFalse(m.formOpen.get());
        assertNull(m.editing().get());
    }
}
