package org.devicedesk.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import org.devicedesk.core.Role;
import org.devicedesk.testing.FxTest;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

class SettingsViewTest extends FxTest {

    /** Focuses the field (scrolled out of sight in a small window, so not by a click), selects all and types. */
    private void replace(FxRobot robot, String id, String text) {
        TextField f = robot.lookup("#" + id).queryAs(TextField.class);
        fx(() -> {
            f.requestFocus();
            f.selectAll();
        });
        robot.write(text);
    }

    @Test
    void anAdministratorSavesAChangedHelpDeskNumber(FxRobot robot) {
        signInAs(testDb.session("ada", Role.ADMIN));
        robot.clickOn(node(robot, "nav-settings"));
        TextField internal = node(robot, "settings-helpdesk-internal", TextField.class);
        waitUntil(() -> "3344".equals(internal.getText()));
        assertEquals("7", robot.lookup("#settings-travel-notice-days").queryAs(TextField.class).getText());

        replace(robot, "settings-helpdesk-internal", "4455");
        robot.clickOn("#settings-save");
        Label message = node(robot, "settings-message", Label.class);
        waitUntil(() -> message.getText().equals("Saved: 1 setting changed (written to the audit trail)."));
        assertEquals("4455", testDb.services.settings.values().helpdeskInternal());
    }

    @Test
    void aBadValueIsRefusedAndShownBesideTheForm(FxRobot robot) {
        signInAs(testDb.session("ada", Role.ADMIN));
        robot.clickOn(node(robot, "nav-settings"));
        TextField days = node(robot, "settings-travel-notice-days", TextField.class);
        waitUntil(() -> "7".equals(days.getText()));
        robot.clickOn("#settings-office-days-monday"); // Monday off: still valid
        replace(robot, "settings-travel-notice-days", "seven");
        robot.type(KeyCode.ENTER); // Enter saves
        Label message = node(robot, "settings-message", Label.class);
        waitUntil(message::isVisible);
        assertEquals("Travel notice (days before departure) must be a whole number.", message.getText());
        assertTrue(days.getPseudoClassStates().contains(Styles.STATE_DANGER), "the field is outlined");
        assertEquals(7, testDb.services.settings.values().travelNoticeDays(), "nothing was stored");
        assertTrue(testDb.services.settings.values().officeDays().contains(java.time.DayOfWeek.MONDAY), "nothing at all");
    }

    @Test
    void onlyAnAdministratorSeesSettings(FxRobot robot) {
        signInAs(testDb.session("dee", Role.DPO));
        assertFalse(node(robot, "nav-settings", ToggleButton.class).isVisible());
    }
}
