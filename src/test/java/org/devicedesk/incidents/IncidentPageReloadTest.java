package org.devicedesk.incidents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.testing.FxTest;
import org.devicedesk.testing.TestDb;
import org.devicedesk.ui.Shell;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** Issue 17: a step refused because the incident changed since the page was drawn offers Reload, which shows it as it is now. */
class IncidentPageReloadTest extends FxTest {
    private Session sam;
    private Session helen;
    private long incident;

    @Override
    protected void prepare(TestDb db) {
        sam = db.session("sam", Role.STAFF);
        helen = db.session("helen", Role.HELPDESK, Role.STAFF);
        long phone = IncidentFixture.issuedPhone(db, helen, sam.personId(), "PH-0042");
        incident = db.services.incidents.report(sam, IncidentFixture.lost(phone, true)).id();
    }

    @Test
    void aStaleStepIsRefusedAndReloadShowsTheIncidentAsItIsNow(FxRobot robot) {
        Shell shell = signInAs(helen);
        runFx(() -> shell.navigate("incidents", incident));
        Button ack = node(robot, "incident-acknowledge", Button.class);
        Button reload = node(robot, "incident-page-reload", Button.class);
        assertTrue(!reload.isVisible(), "no reload before a conflict");
        // the same person in another window acknowledges first (their own change is not pushed to this page)
        testDb.services.incidents.acknowledge(helen, incident, testDb.services.incidents.get(helen, incident).incident().version());
        robot.clickOn(ack);
        Label message = node(robot, "incident-page-message", Label.class);
        waitUntil(message::isVisible);
        waitUntil(reload::isVisible);
        robot.clickOn(reload);
        waitUntil(() -> ((Label) node(robot, "incident-status")).getText().equals(Incident.Status.ACKNOWLEDGED.label()));
        assertTrue(robot.lookup("#incident-acknowledge").tryQuery().isEmpty(), "the step already taken is no longer offered");
        assertEquals(Incident.Status.ACKNOWLEDGED, testDb.services.incidents.get(helen, incident).incident().status());
    }
}
