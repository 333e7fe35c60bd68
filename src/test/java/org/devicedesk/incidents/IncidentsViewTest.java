package org.devicedesk.incidents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.devices.Device;
import org.devicedesk.incidents.Incident.ActionType;
import org.devicedesk.incidents.Incident.Status;
import org.devicedesk.incidents.Incident.Type;
import org.devicedesk.testing.FxTest;
import org.devicedesk.testing.TestDb;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

class IncidentsViewTest extends FxTest {
    // Wednesday 4 March 2026, 19:40 GMT: the office closed at 17:30
    private static final Instant EVENING = Instant.parse("2026-03-04T19:40:00Z");

    private Session sam;
    private Session helen;
    private long phone;

    @Override
    protected Instant startAt() {
        return EVENING;
    }

    @Override
    protected void prepare(TestDb db) {
        sam = db.session("sam", Role.STAFF);
        helen = db.session("helen", Role.HELPDESK, Role.STAFF);
        phone = IncidentFixture.issuedPhone(db, helen, sam.personId(), "PH-0042");
    }

    @Test
    void aStaffMemberReportsALostPhoneOutOfHoursAndIsToldToCall101(FxRobot robot) {
        signInAs(sam);
        robot.clickOn("#nav-incidents");
        robot.clickOn(node(robot, "incidents-new"));
        ComboBox<Type> type = node(robot, "incident-type", ComboBox.class);
        fx(() -> type.setValue(Type.LOST));
        ComboBox<?> device = node(robot, "incident-device", ComboBox.class);
        waitUntil(() -> device.getValue() != null);
        assertTrue(device.getValue().toString().startsWith("PH-0042"), device.getValue().toString());
        assertTrue(robot.lookup("#incident-password-changed").tryQuery().isEmpty(), "only the lost-device questions are asked");
        assertTrue(robot.lookup("#incident-reported-at").tryQuery().isEmpty(), "staff cannot change when they reported");

        robot.clickOn("#incident-what-happened").write("Left it on the 18:52 train from New Street.");
        robot.clickOn("#incident-save");
        Label message = node(robot, "incident-message", Label.class);
        waitUntil(message::isVisible);
        assertTrue(message.getText().contains("locked"), message.getText());
        assertEquals(0, testDb.services.incidents.list(sam, IncidentService.Query.all()).size(), "nothing stored");

        robot.clickOn("#incident-device-locked-yes");
        robot.clickOn("#incident-location").write("Train, Birmingham to Wolverhampton");
        robot.clickOn("#incident-save");
        VBox guidance = node(robot, "incident-guidance", VBox.class);
        Label headline = robot.lookup("#incident-guidance-headline").queryAs(Label.class);
        assertTrue(headline.getText().contains("call 101 now"), headline.getText());
        Label reference = robot.lookup("#incident-guidance-reference").queryAs(Label.class);
        assertEquals("INC-2026-0001", reference.getText());
        assertTrue(guidance.isVisible());
        assertEquals(Device.Status.LOST, testDb.services.devices.get(helen, phone).orElseThrow().status());
        assertEquals(1, testDb.services.breaches.queue(Session.system(), null).size(), "referred to the DPO");
    }

    @Test
    void theHelpdeskRecordsContainmentAndClosesAnIncident(FxRobot robot) {
        var reported = testDb.services.incidents.report(sam, IncidentFixture.password(null, false, false, false, false));
        signInAs(helen);
        robot.clickOn("#nav-incidents");
        TableView<?> table = node(robot, "incidents-table", TableView.class);
        waitUntil(() -> table.getItems().size() == 1);
        robot.doubleClickOn(reported.reference());

        robot.clickOn(node(robot, "incident-acknowledge"));
        waitUntil(() -> statusText(robot).equals("Acknowledged"));
        ComboBox<ActionType> action = node(robot, "incident-action-type", ComboBox.class);
        fx(() -> action.setValue(ActionType.PASSWORD_RESET));
        robot.clickOn("#incident-action-note").write("Reset in Active Directory; sessions revoked.");
        robot.clickOn("#incident-action-save");
        waitUntil(() -> robot.lookup("#incident-timeline").queryAs(VBox.class).getChildren().size() == 2);
        robot.clickOn("#incident-advance");
        waitUntil(() -> statusText(robot).equals("Contained"));
        robot.clickOn("#incident-advance");
        waitUntil(() -> statusText(robot).equals("Resolved"));

        robot.clickOn(node(robot, "incident-close"));
        Label message = node(robot, "incident-page-message", Label.class);
        waitUntil(message::isVisible);
        assertTrue(message.getText().contains("closing summary"), message.getText());
        robot.clickOn("#incident-closing-summary").write("Password reset 20 minutes after the report; no sign of misuse.");
        robot.clickOn("#incident-close");
        waitUntil(() -> statusText(robot).equals("Closed"));
        assertFalse(robot.lookup("#incident-close").tryQuery().isPresent(), "a closed incident offers no more changes");

        Incident.Detail d = testDb.services.incidents.get(helen, reported.id());
        assertEquals(Status.CLOSED, d.incident().status());
        assertEquals("helen", d.incident().assignee());
        assertEquals(ActionType.PASSWORD_RESET, d.timeline().get(0).type());
        assertEquals("helen", d.timeline().get(0).actor());
    }

    private static String statusText(FxRobot robot) {
        return robot.lookup("#incident-status").tryQuery().map(n -> ((Label) n).getText()).orElse("");
    }
}
