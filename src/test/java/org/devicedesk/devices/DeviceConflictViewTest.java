package org.devicedesk.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.testing.FxTest;
import org.devicedesk.testing.TestDb;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Issue 13: a device form opened before another analyst saved is refused on save with who changed it,
 * and its Reload brings in their change while keeping what this analyst typed.
 */
class DeviceConflictViewTest extends FxTest {
    Session helen;
    Session bob;
    long deviceId;

    @Override
    protected void prepare(TestDb db) {
        helen = db.session("helen", Role.HELPDESK);
        bob = db.session("bob", Role.HELPDESK);
        deviceId = db.services.devices.create(helen, DeviceServiceTest.laptop("LT-0001"));
    }

    @Test
    void aStaleSaveShowsWhoChangedTheDeviceAndReloadKeepsWhatWasTyped(FxRobot robot) {
        signInAs(helen);
        robot.clickOn(node(robot, "nav-devices"));
        waitUntil(() -> robot.lookup(n -> n instanceof TableCell<?, ?> c && "LT-0001".equals(c.getText())).tryQuery().isPresent());
        robot.clickOn(robot.lookup(n -> n instanceof TableCell<?, ?> c && "LT-0001".equals(c.getText())).<Node>query());
        node(robot, "device-heading");
        TabPane tabs = robot.lookup(n -> n instanceof TabPane tp && tp.getTabs().stream().anyMatch(t -> "device-tab-details".equals(t.getId())))
                .queryAs(TabPane.class);
        fx(() -> tabs.getTabs().stream().filter(t -> "device-tab-details".equals(t.getId())).findFirst().ifPresent(t -> tabs.getSelectionModel().select(t)));
        TextArea notes = node(robot, "device-notes", TextArea.class);
        waitUntil(notes::isVisible);
        robot.clickOn(notes).write("Charger missing");

        // meanwhile a second analyst, on another computer, saves a form opened at the same version
        Device before = testDb.services.devices.get(bob, deviceId).orElseThrow();
        DeviceDraft theirs = new DeviceDraft(before.assetTag(), before.kind(), "Dell Latitude 7450", before.serialNumber(), before.imei(),
                before.phoneNumber(), before.encrypted(), before.mode(), before.status(), before.team(), before.notes());
        testDb.services.devices.update(bob, deviceId, before.version(), theirs);

        Button reload = node(robot, "device-reload", Button.class);
        assertFalse(reload.isVisible(), "no reload before a conflict");
        robot.clickOn("#device-save");
        Label message = node(robot, "device-message", Label.class);
        waitUntil(() -> message.isVisible() && message.getText().contains("was changed by bob"));
        assertTrue(message.getText().startsWith("Device LT-0001 was changed by bob at 10:00 on 4 March 2026"), message.getText());
        assertTrue(message.getText().contains("Nothing was saved"), message.getText());
        waitUntil(reload::isVisible);
        assertNull(testDb.services.devices.get(helen, deviceId).orElseThrow().notes(), "the stale save stored nothing");

        robot.clickOn("#device-reload");
        TextField makeModel = node(robot, "device-make-model", TextField.class);
        waitUntil(() -> "Dell Latitude 7450".equals(makeModel.getText()));
        assertEquals("Charger missing", notes.getText(), "what helen typed is kept");
        waitUntil(() -> message.getText().startsWith("Reloaded LT-0001"));
        assertTrue(message.getText().contains("Your changes to notes are kept"), message.getText());
        assertFalse(reload.isVisible());

        robot.clickOn("#device-save");
        waitUntil(() -> "Saved.".equals(message.getText()));
        Device saved = testDb.services.devices.get(helen, deviceId).orElseThrow();
        assertEquals("Dell Latitude 7450", saved.makeModel(), "bob's change survives");
        assertEquals("Charger missing", saved.notes(), "helen's change is stored");
    }
}
