package org.devicedesk.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import org.devicedesk.testing.FxTest;
import org.devicedesk.testing.TestDb;
import org.devicedesk.core.Role;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

class SignInViewTest extends FxTest {

    @Test
    void firstRunCreatesTheAdministratorAndOpensTheShell(FxRobot robot) {
        robot.clickOn(node(robot, "setup-full-name")).write("Ada Admin");
        robot.clickOn("#setup-username").write("ada");
        robot.clickOn("#setup-password").write("short");
        robot.clickOn("#setup-password-confirm").write("short");
        robot.clickOn("#setup-save");
        Label message = node(robot, "setup-message", Label.class);
        waitUntil(message::isVisible);
        assertTrue(message.getText().contains("at least 12 characters"), message.getText());
        assertTrue(testDb.services.accounts.needsFirstAdministrator(), "nothing was stored");

        robot.doubleClickOn("#setup-password").eraseText(5).write("a-long-enough-password");
        robot.doubleClickOn("#setup-password-confirm").eraseText(5).write("a-long-enough-password");
        robot.clickOn("#setup-save");
        ToggleButton settings = node(robot, "nav-settings", ToggleButton.class);
        assertTrue(settings.isVisible(), "an administrator sees settings");
        Label user = robot.lookup("#shell-user").query();
        assertTrue(user.getText().startsWith("Ada Admin"), user.getText());
    }

    @Test
    void signInRefusesAWrongPasswordThenLetsTheRightOneIn(FxRobot robot) {
        testDb.session("helen", Role.HELPDESK);
        runFx(window::showLogin);
        robot.clickOn(node(robot, "login-username")).write("helen");
        robot.clickOn("#login-password").write("wrong-password-here");
        robot.type(javafx.scene.input.KeyCode.ENTER);
        Label message = node(robot, "login-message", Label.class);
        waitUntil(message::isVisible);
        assertEquals("The username or password is not right.", message.getText());

        robot.clickOn("#login-password").write(TestDb.PASSWORD);
        robot.type(javafx.scene.input.KeyCode.ENTER);
        ToggleButton devices = node(robot, "nav-devices", ToggleButton.class);
        assertTrue(devices.isVisible());
        assertTrue(!robot.lookup("#nav-settings").queryAs(ToggleButton.class).isVisible(), "helpdesk does not see settings");
    }

    @Test
    void aDeactivatedAccountIsToldWhyItCannotSignIn(FxRobot robot) {
        org.devicedesk.core.Session admin = testDb.session("ada", Role.ADMIN);
        org.devicedesk.core.Session helen = testDb.session("helen", Role.HELPDESK);
        testDb.services.accounts.setActive(admin, helen.accountId(), false);
        runFx(window::showLogin);
        robot.clickOn(node(robot, "login-username")).write("helen");
        robot.clickOn("#login-password").write(TestDb.PASSWORD);
        robot.type(javafx.scene.input.KeyCode.ENTER);
        Label message = node(robot, "login-message", Label.class);
        waitUntil(message::isVisible);
        assertEquals("This account has been deactivated. Ask an administrator if you need it back.", message.getText());
        assertTrue(robot.lookup("#login-password").queryAs(javafx.scene.control.PasswordField.class).getText().isEmpty(), "the password is cleared");
    }
}
