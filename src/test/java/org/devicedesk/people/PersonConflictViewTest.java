package org.devicedesk.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.testing.FxTest;
import org.devicedesk.testing.TestDb;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** Issue 13: the person form refuses a stale save with who changed the record; Reload keeps what was typed. */
class PersonConflictViewTest extends FxTest {
    Session hana;
    Session bob;
    long pat;

    @Override
    protected void prepare(TestDb db) {
        hana = db.session("hana", Role.HELPDESK);
        bob = db.session("bob", Role.HELPDESK);
        pat = db.services.people.create(Session.system(), new PersonDraft("Pat Person", null, null, Category.EMPLOYEE, "Policy", null));
    }

    @Test
    void aStaleSaveShowsWhoChangedThePersonAndReloadKeepsWhatWasTyped(FxRobot robot) {
        signInAs(hana);
        robot.clickOn("#nav-people");
        waitUntil(() -> robot.lookup("Pat Person").tryQuery().isPresent());
        robot.clickOn("Pat Person");
        waitUntil(() -> robot.lookup("#person-page-name").tryQuery().map(n -> ((Label) n).getText().equals("Pat Person")).orElse(false));
        robot.clickOn(node(robot, "person-edit"));
        TextField staff = node(robot, "person-staff-number", TextField.class);
        robot.clickOn(staff).push(KeyCode.CONTROL, KeyCode.A).write("OP4242");

        // meanwhile another analyst moves Pat to Finance from a form loaded at the same version
        Person before = testDb.services.people.get(bob, pat);
        testDb.services.people.update(bob, pat, before.version(), new PersonDraft("Pat Person", null, null, Category.EMPLOYEE, "Finance", null));

        Button reload = node(robot, "person-reload", Button.class);
        assertFalse(reload.isVisible());
        robot.clickOn("#person-save");
        Label message = node(robot, "person-message", Label.class);
        waitUntil(() -> message.isVisible() && message.getText().contains("was changed by bob"));
        assertTrue(message.getText().startsWith("Pat Person's record was changed by bob"), message.getText());
        assertTrue(message.getText().contains("Nothing was saved"), message.getText());
        waitUntil(reload::isVisible);
        assertNull(testDb.services.people.get(hana, pat).staffNumber(), "the stale save stored nothing");

        robot.clickOn("#person-reload");
        @SuppressWarnings("unchecked") ComboBox<String> team = node(robot, "person-team", ComboBox.class);
        waitUntil(() -> "Finance".equals(team.getEditor().getText()));
        assertEquals("OP4242", staff.getText(), "what hana typed is kept");
        assertTrue(message.getText().contains("Your changes to staff number are kept"), message.getText());

        robot.clickOn("#person-save");
        waitUntil(() -> "OP4242".equals(testDb.services.people.get(hana, pat).staffNumber()));
        Person saved = testDb.services.people.get(hana, pat);
        assertEquals("Finance", saved.team(), "bob's change survives");
    }
}
