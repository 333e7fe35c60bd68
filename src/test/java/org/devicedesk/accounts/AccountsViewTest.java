package org.devicedesk.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.testing.FxTest;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

class AccountsViewTest extends FxTest {

    private Session openAccounts(FxRobot robot) {
        Session admin = testDb.session("ada", Role.ADMIN, Role.STAFF);
        signInAs(admin);
        robot.clickOn(node(robot, "nav-accounts"));
        TableView<?> table = node(robot, "accounts-table", TableView.class);
        int accounts = testDb.services.accounts.list(admin).size();
        waitUntil(() -> table.getItems().size() == accounts);
        return admin;
    }

    @Test
    void anAdministratorCreatesAnAccountAfterARefusal(FxRobot robot) {
        Session admin = openAccounts(robot);
        robot.clickOn("#accounts-new");
        robot.clickOn(node(robot, "account-username")).write("pat");
        robot.clickOn("#account-password").write("short");
        robot.clickOn("#account-roles-helpdesk");
        robot.clickOn("#account-save");
        Label message = node(robot, "account-message", Label.class);
        waitUntil(message::isVisible);
        assertEquals("The password must be at least 12 characters long.", message.getText());
        assertEquals(1, testDb.services.accounts.list(admin).size(), "nothing was stored");

        robot.clickOn("#account-password").write("-and-now-long-enough");
        robot.type(KeyCode.ENTER); // Enter saves
        waitUntil(() -> message.getText().startsWith("Account pat created"));
        TableView<?> table = robot.lookup("#accounts-table").queryAs(TableView.class);
        waitUntil(() -> table.getItems().size() == 2);
        Account pat = testDb.services.accounts.list(admin).stream().filter(a -> a.username().equals("pat")).findFirst().orElseThrow();
        assertEquals(EnumSet.of(Role.STAFF, Role.HELPDESK), pat.roles(), "STAFF is ticked for a new account, HELPDESK was added");
        assertEquals("pat", testDb.services.accounts.signIn("pat", "short-and-now-long-enough").username());
    }

    @Test
    void aTakenUsernameIsRefusedInTheForm(FxRobot robot) {
        Session admin = openAccounts(robot);
        robot.clickOn("#accounts-new");
        robot.clickOn(node(robot, "account-username")).write("ADA");
        robot.clickOn("#account-password").write("a-long-enough-password");
        robot.clickOn("#account-save");
        Label message = node(robot, "account-message", Label.class);
        waitUntil(message::isVisible);
        assertEquals("The username ADA is already taken.", message.getText());
        assertEquals(1, testDb.services.accounts.list(admin).size());
    }

    @Test
    void anAdministratorDeactivatesAnAccountAndChangesItsRoles(FxRobot robot) {
        Session sam = testDb.session("sam", Role.STAFF);
        Session admin = openAccounts(robot);
        robot.clickOn(robot.lookup("#accounts-table").lookup("sam").queryLabeled());
        Button deactivate = node(robot, "account-deactivate", Button.class);
        waitUntil(deactivate::isVisible);
        robot.clickOn(deactivate);
        Label message = node(robot, "account-message", Label.class);
        waitUntil(() -> message.getText().equals("sam is deactivated and can no longer sign in."));
        assertFalse(testDb.services.accounts.list(admin).stream().filter(a -> a.id() == sam.accountId()).findFirst().orElseThrow().active());

        robot.clickOn("#account-roles-infosec");
        robot.clickOn("#account-save");
        waitUntil(() -> message.getText().equals("Saved the changes to sam."));
        assertEquals(EnumSet.of(Role.STAFF, Role.INFOSEC),
                testDb.services.accounts.list(admin).stream().filter(a -> a.id() == sam.accountId()).findFirst().orElseThrow().roles());
        assertTrue(robot.lookup("#account-reactivate").query().isVisible());
    }

    /** Issue 17: one's own account says why Deactivate is greyed out (a disabled button shows no tooltip). */
    @Test
    void onesOwnAccountSaysWhyItCannotBeDeactivated(FxRobot robot) {
        openAccounts(robot);
        robot.clickOn(robot.lookup("#accounts-table").lookup("ada").queryLabeled());
        Button deactivate = node(robot, "account-deactivate", Button.class);
        waitUntil(deactivate::isVisible);
        assertTrue(deactivate.isDisabled());
        Label reason = node(robot, "account-deactivate-reason", Label.class);
        waitUntil(reason::isVisible);
        assertEquals("You cannot deactivate the account you are signed in with.", reason.getText());
        assertEquals(reason.getText(), deactivate.getTooltip().getText());
    }

    @Test
    void helpdeskDoesNotSeeAccounts(FxRobot robot) {
        signInAs(testDb.session("hal", Role.HELPDESK));
        assertFalse(node(robot, "nav-accounts", ToggleButton.class).isVisible());
    }
}
