package org.devicedesk.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.DriverManager;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.testing.FxTest;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

class AuditViewTest extends FxTest {

    @SuppressWarnings("unchecked")
    private TableView<AuditEvent> openAudit(FxRobot robot, Session s) {
        signInAs(s);
        robot.clickOn(node(robot, "nav-audit"));
        TableView<AuditEvent> table = node(robot, "audit-table", TableView.class);
        long written = testDb.services.audit.eventsWritten(s);
        waitUntil(() -> table.getItems().size() == written);
        return table;
    }

    @Test
    void theDpoSeesEventsNewestFirstAndVerifiesAnIntactChain(FxRobot robot) {
        Session dpo = testDb.session("dee", Role.DPO);
        TableView<AuditEvent> table = openAudit(robot, dpo);
        assertTrue(table.getItems().get(0).seq() > table.getItems().get(1).seq(), "newest first");
        assertTrue(table.getItems().stream().anyMatch(e -> e.action().equals("ACCOUNT_CREATED") && e.summary().contains("dee")));

        long written = testDb.services.audit.eventsWritten(dpo);
        robot.clickOn("#audit-verify");
        Label message = node(robot, "audit-message", Label.class);
        waitUntil(() -> message.getText().startsWith("The audit trail is intact: " + written + " events checked."));
        waitUntil(() -> table.getItems().get(0).action().equals("AUDIT_VERIFIED"));
    }

    @Test
    void verifyNamesTheFirstEventEditedBehindTheAppsBack(FxRobot robot) throws Exception {
        Session admin = testDb.session("ada", Role.ADMIN);
        openAudit(robot, admin);
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + testDb.dir.resolve("test.db")); var st = c.createStatement()) {
            st.execute("DROP TRIGGER audit_event_no_update"); // a database tool can (V90 refuses the edit otherwise)
            assertEquals(1, st.executeUpdate("UPDATE audit_event SET summary = 'nothing happened' WHERE seq = 2"));
        }
        robot.clickOn("#audit-verify");
        Label message = node(robot, "audit-message", Label.class);
        waitUntil(() -> message.getText().startsWith("The audit trail is broken at event 2. Event 2 ("));
        assertTrue(message.getText().contains("was changed after it was written"), message.getText());
        assertTrue(message.getStyleClass().contains("danger"));
    }

    @Test
    void theActorFilterNarrowsTheList(FxRobot robot) {
        Session admin = testDb.session("ada", Role.ADMIN);
        TableView<AuditEvent> table = openAudit(robot, admin);
        testDb.services.accounts.signIn("ada", org.devicedesk.testing.TestDb.PASSWORD); // an event by ada
        runFx(() -> robot.lookup("#audit-actor").queryComboBox().getItems().setAll(null, "ada", "system"));
        robot.clickOn("#audit-actor");
        robot.clickOn("ada");
        waitUntil(() -> !table.getItems().isEmpty() && table.getItems().stream().allMatch(e -> e.actor().equals("ada")));
        assertEquals("SIGNED_IN", table.getItems().get(0).action());
    }

    @Test
    void helpdeskDoesNotSeeTheAuditTrail(FxRobot robot) {
        signInAs(testDb.session("hal", Role.HELPDESK));
        assertFalse(node(robot, "nav-audit", ToggleButton.class).isVisible());
    }
}
