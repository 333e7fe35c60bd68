package org.devicedesk.incidents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseEvent;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.devices.Device;
import org.devicedesk.incidents.Incident.Type;
import org.devicedesk.testing.FxTest;
import org.devicedesk.testing.TestDb;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Issue 17: a member of staff who has just lost a laptop files the report from the dashboard to the
 * guidance with the keyboard alone — no mouse event reaches the window on the way.
 */
class LostLaptopByKeyboardTest extends FxTest {
    // Wednesday 4 March 2026, 10:00 GMT: office hours, so the form says to phone the help desk
    private Session sam;
    private Session helen;
    private long laptop;

    @Override
    protected void prepare(TestDb db) {
        sam = db.session("sam", Role.STAFF);
        helen = db.session("helen", Role.HELPDESK, Role.STAFF);
        laptop = IncidentFixture.issuedPhone(db, helen, sam.personId(), "LT-0107");
    }

    private Node focusOwner() {
        return stage.getScene().getFocusOwner();
    }

    @Test
    void aLostLaptopIsReportedFromTheDashboardWithTheKeyboardAlone(FxRobot robot) {
        AtomicInteger mouse = new AtomicInteger();
        EventHandler<MouseEvent> counter = e -> mouse.incrementAndGet();
        signInAs(sam);
        fx(() -> stage.getScene().addEventFilter(MouseEvent.ANY, counter));

        // the staff dashboard leads with the report, focused, and who to phone now
        Button report = node(robot, "dashboard-report", Button.class);
        waitUntil(() -> focusOwner() == report);
        Label callNow = node(robot, "dashboard-call-now", Label.class);
        waitUntil(() -> callNow.getText().contains("3344"));
        robot.press(KeyCode.SPACE).release(KeyCode.SPACE);

        // the form: the number to call at its top before anything is typed, and the focus on the first question
        Label formCall = node(robot, "incident-call-now", Label.class);
        waitUntil(() -> formCall.getText().contains("3344") && formCall.getText().contains("0121 626 8344"));
        ComboBox<?> type = node(robot, "incident-type", ComboBox.class);
        waitUntil(() -> focusOwner() == type);
        robot.press(KeyCode.ALT, KeyCode.DOWN).release(KeyCode.DOWN, KeyCode.ALT);
        robot.press(KeyCode.DOWN).release(KeyCode.DOWN);
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        waitUntil(() -> type.getValue() == Type.LOST);
        ComboBox<?> device = node(robot, "incident-device", ComboBox.class);
        waitUntil(() -> device.getValue() != null && device.getValue().toString().startsWith("LT-0107"));

        // sending too soon: the message names what is missing, and the focus goes to it
        robot.press(KeyCode.ALT, KeyCode.S).release(KeyCode.S, KeyCode.ALT);
        Label message = node(robot, "incident-message", Label.class);
        waitUntil(message::isVisible);
        assertTrue(message.getText().startsWith("Say whether the device was locked"), message.getText());
        Node cancel = robot.lookup("#incident-cancel").query();
        Node save = robot.lookup("#incident-save").query();
        assertEquals(((Button) save).getText(), "_Send report");
        assertTrue(((Button) save).getWidth() >= ((Button) save).prefWidth(-1) - 0.5, "Send report is not squeezed");
        assertTrue(((Button) cancel).getWidth() >= ((Button) cancel).prefWidth(-1) - 0.5, "Cancel is not squeezed");

        // answer by keyboard: Tab from the device to "Yes" for locked, then the description by its mnemonic
        robot.press(KeyCode.ALT, KeyCode.D).release(KeyCode.D, KeyCode.ALT);
        waitUntil(() -> focusOwner() == device);
        robot.press(KeyCode.TAB).release(KeyCode.TAB);
        waitUntil(() -> "incident-device-locked-yes".equals(focusOwner().getId()));
        robot.press(KeyCode.SPACE).release(KeyCode.SPACE);
        robot.press(KeyCode.ALT, KeyCode.H).release(KeyCode.H, KeyCode.ALT);
        waitUntil(() -> "incident-what-happened".equals(focusOwner().getId()));
        robot.write("Left my laptop bag on the 17:05 train to Wolverhampton.");
        robot.press(KeyCode.ALT, KeyCode.S).release(KeyCode.S, KeyCode.ALT);

        // the guidance, with the reference to copy and the number to ring
        node(robot, "incident-guidance");
        // the focus is in the guidance (on Done), not thrown back to the top bar while the form was replaced
        waitUntil(() -> focusOwner() != null && "incident-guidance-done".equals(focusOwner().getId()));
        Label reference = node(robot, "incident-guidance-reference", Label.class);
        assertEquals("INC-2026-0001", reference.getText());
        Label headline = node(robot, "incident-guidance-headline", Label.class);
        assertTrue(headline.getText().contains("3344"), headline.getText());
        Button copy = node(robot, "incident-guidance-copy", Button.class);
        fx(copy::fire);
        String[] clip = new String[1];
        fx(() -> clip[0] = javafx.scene.input.Clipboard.getSystemClipboard().getString());
        assertEquals("INC-2026-0001", clip[0]);
        assertEquals(Device.Status.LOST, testDb.services.devices.get(helen, laptop).orElseThrow().status());
        // Enter on the focused Done: back to the list, with the focus in its search box, not thrown to the top bar
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        waitUntil(() -> focusOwner() != null && "incidents-search".equals(focusOwner().getId()));
        assertEquals(0, mouse.get(), "no mouse event reached the window");
    }
}
