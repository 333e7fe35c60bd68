package org.devicedesk.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.testing.FxTest;
import org.devicedesk.testing.TestDb;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** A USB scanner types the asset tag into the device search and presses Enter: the device opens at once. */
class ScanToOpenViewTest extends FxTest {
    Session helpdesk;

    @Override
    protected void prepare(TestDb db) {
        helpdesk = db.session("helen", Role.HELPDESK);
        for (String tag : new String[] {"LT-0010", "LT-00100", "LT-0011"}) db.services.devices.create(helpdesk, DeviceServiceTest.laptop(tag));
    }

    @Test
    void aScannedTagOpensThatDeviceAndAPartialOneOnlySearches(FxRobot robot) {
        signInAs(helpdesk);
        robot.clickOn(node(robot, "nav-devices"));
        @SuppressWarnings("unchecked") TableView<Device> table = node(robot, "devices-table", TableView.class);
        waitUntil(() -> table.getItems().size() == 3);

        robot.clickOn("#devices-search").write("LT-001").push(KeyCode.ENTER); // not a whole tag: a search, nothing opens
        waitUntil(() -> table.getItems().size() == 3);
        assertFalse(robot.lookup("#device-heading").tryQuery().map(n -> n.isVisible() && n.getScene() != null).orElse(false));

        robot.push(KeyCode.CONTROL, KeyCode.A).write("LT-0010").push(KeyCode.ENTER); // also a prefix of LT-00100
        Label heading = node(robot, "device-heading", Label.class);
        waitUntil(() -> "LT-0010".equals(heading.getText()));
        waitUntil(() -> table.getItems().size() == 2); // the list still searches: LT-0010 and LT-00100

        robot.clickOn("#devices-search").push(KeyCode.CONTROL, KeyCode.A).write("lt-0011").push(KeyCode.ENTER); // scanners may send lower case
        waitUntil(() -> "LT-0011".equals(heading.getText()));
        assertEquals("LT-0011", testDb.services.devices.byAssetTag(helpdesk, "lt-0011").orElseThrow().assetTag());
        assertEquals(true, testDb.services.devices.byAssetTag(helpdesk, "LT-001").isEmpty());
        assertEquals(true, testDb.services.devices.byAssetTag(testDb.session("pat", Role.STAFF), "LT-0011").isEmpty(), "staff: only their own");
    }
}
