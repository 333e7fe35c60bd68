package org.devicedesk.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.people.PeopleService;
import org.devicedesk.testing.FxTest;
import org.devicedesk.testing.TestDb;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

class DevicesViewTest extends FxTest {
    Session helpdesk;
    long priya;
    long tom;

    @Override
    protected void prepare(TestDb db) {
        helpdesk = db.session("helen", Role.HELPDESK);
        priya = db.person("Priya Shah", true);
        tom = db.person("Tom Walker", true);
    }

    long create(DeviceDraft d) {
        return testDb.services.devices.create(helpdesk, d);
    }

    void openDevices(FxRobot robot) {
        signInAs(helpdesk);
        robot.clickOn(node(robot, "nav-devices"));
        node(robot, "devices-table");
    }

    @SuppressWarnings("unchecked")
    TableView<Device> table(FxRobot robot) {
        return node(robot, "devices-table", TableView.class);
    }

    void clickRow(FxRobot robot, String assetTag) {
        waitUntil(() -> robot.lookup(n -> n instanceof TableCell<?, ?> c && assetTag.equals(c.getText())).tryQuery().isPresent());
        robot.clickOn(robot.lookup(n -> n instanceof TableCell<?, ?> c && assetTag.equals(c.getText())).<Node>query());
    }

    /**
     * Opens the person list and picks the person. The item is chosen through the selection model: after a
     * refusal the field carries a tooltip that can cover the first row of the list under a loaded machine.
     */
    @SuppressWarnings("unchecked")
    void choosePerson(FxRobot robot, String comboId, String name) {
        ComboBox<PeopleService.Row> combo = node(robot, comboId, ComboBox.class);
        robot.clickOn(combo);
        waitUntil(() -> combo.isShowing() && combo.getItems().stream().anyMatch(r -> r.person().fullName().equals(name)));
        fx(() -> {
            combo.getItems().stream().filter(r -> r.person().fullName().equals(name)).findFirst().ifPresent(combo::setValue);
            combo.hide();
        });
        waitUntil(() -> combo.getValue() != null && combo.getValue().person().fullName().equals(name));
    }

    int audits(String action) {
        return testDb.db.read(h -> h.createQuery("SELECT count(*) FROM audit_event WHERE action = :a").bind("a", action).mapTo(Integer.class).one());
    }

    /** Issue 17: Esc closes the device pane as the × does, and neither drops a half-typed change unasked. */
    @Test
    void escClosesTheDevicePaneAndAsksFirstWhenAChangeIsNotSaved(FxRobot robot) {
        create(DeviceServiceTest.laptop("LT-0001"));
        create(DeviceServiceTest.laptop("LT-0002"));
        openDevices(robot);
        clickRow(robot, "LT-0001");
        waitUntil(() -> robot.lookup("#device-heading").tryQuery().map(n -> ((Label) n).getText().equals("LT-0001")).orElse(false));
        robot.clickOn(node(robot, "device-tab-details"));
        javafx.scene.control.TextField makeModel = node(robot, "device-make-model", javafx.scene.control.TextField.class);
        waitUntil(() -> !makeModel.getText().isBlank());
        robot.clickOn(makeModel).press(javafx.scene.input.KeyCode.END).release(javafx.scene.input.KeyCode.END).write(" with dock");

        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
        robot.clickOn(node(robot, "unsaved-no")); // keep working on it
        waitUntil(() -> robot.lookup("#unsaved").tryQuery().isEmpty());
        assertTrue(robot.lookup("#device-panel").tryQuery().isPresent(), "kept open");
        assertTrue(makeModel.getText().endsWith(" with dock"), "what was typed is still there");

        clickRow(robot, "LT-0002"); // another row would swap the half-edited device away: asked too
        robot.clickOn(node(robot, "unsaved-no"));
        waitUntil(() -> robot.lookup("#unsaved").tryQuery().isEmpty());
        waitUntil(() -> table(robot).getSelectionModel().getSelectedItem() != null
                && table(robot).getSelectionModel().getSelectedItem().assetTag().equals("LT-0001"));
        assertTrue(makeModel.getText().endsWith(" with dock"));

        robot.clickOn(makeModel);
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
        robot.clickOn(node(robot, "unsaved-yes")); // leave without saving
        waitUntil(() -> robot.lookup("#device-panel").tryQuery().isEmpty());
        // the focused field went with the pane: the focus comes back to the list's search, not to the top bar
        waitUntil(() -> stage.getScene().getFocusOwner() != null && "devices-search".equals(stage.getScene().getFocusOwner().getId()));

        java.util.function.Predicate<String> shown = title -> table(robot).getColumns().stream().anyMatch(c -> c.getText().equals(title) && c.isVisible());
        assertTrue(shown.test("Make and model") && shown.test("Team"), "every column while no device is open");

        clickRow(robot, "LT-0002"); // nothing typed: Esc closes at once
        // with the device open, what its page shows anyway makes way (it had been cut to a sliver at 1366x768)
        waitUntil(() -> !shown.test("Make and model"));
        assertTrue(shown.test("Asset tag") && shown.test("Status") && shown.test("Held by") && !shown.test("Team"));
        waitUntil(() -> robot.lookup("#device-heading").tryQuery().map(n -> ((Label) n).getText().equals("LT-0002")).orElse(false));
        robot.clickOn("#device-heading");
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
        waitUntil(() -> robot.lookup("#device-panel").tryQuery().isEmpty());
        assertTrue(robot.lookup("#unsaved").tryQuery().isEmpty(), "nothing to ask about");
        waitUntil(() -> shown.test("Make and model") && shown.test("Team")); // all back once it is closed
    }

    @Test
    void createsADeviceAndShowsRefusalsInTheForm(FxRobot robot) {
        openDevices(robot);
        robot.clickOn("#devices-new");
        robot.clickOn(node(robot, "device-asset-tag")).write("LT-0100");
        robot.clickOn("#device-make-model").write("Dell Latitude 5440");
        robot.clickOn("#device-imei").write("490154203237519"); // last digit mistyped
        robot.clickOn("#device-save");
        Label message = node(robot, "device-message", Label.class);
        waitUntil(message::isVisible);
        assertTrue(message.getText().contains("fails its check digit"), message.getText());
        assertEquals(0, testDb.services.devices.list(helpdesk, DeviceQuery.all()).total(), "nothing stored");

        robot.doubleClickOn("#device-imei").eraseText(15).write("490154203237518");
        robot.clickOn("#device-save");
        waitUntil(() -> !message.getText().contains("fails its check digit"));
        assertEquals("LT-0100 is now in the register.", message.getText());
        waitUntil(() -> table(robot).getItems().stream().anyMatch(d -> d.assetTag().equals("LT-0100")));
        Device d = table(robot).getItems().get(0);
        assertEquals("Dell Latitude 5440", d.makeModel());
        assertEquals(Device.Status.IN_STOCK, d.status());
        assertEquals("LT-0100", robot.lookup("#device-heading").queryAs(Label.class).getText());
        assertEquals(1, audits("DEVICE_CREATED"));
    }

    @Test
    void issuesADeviceFromItsPanel(FxRobot robot) {
        create(DeviceServiceTest.laptop("LT-0001"));
        openDevices(robot);
        clickRow(robot, "LT-0001");
        robot.clickOn(node(robot, "device-issue"));
        choosePerson(robot, "custody-person", "Priya Shah");
        robot.clickOn("#custody-save");
        Label holder = node(robot, "device-holder", Label.class);
        waitUntil(() -> holder.getText().startsWith("Issued to Priya Shah since 4 March 2026"));
        waitUntil(() -> "Priya Shah".equals(table(robot).getItems().get(0).holder() == null ? null : table(robot).getItems().get(0).holder().name()));
        assertEquals(Device.Status.IN_SERVICE, table(robot).getItems().get(0).status());
        @SuppressWarnings("unchecked") TableView<Custody> history = node(robot, "custody-table", TableView.class);
        waitUntil(() -> history.getItems().size() == 1);
        assertEquals("Priya Shah", history.getItems().get(0).personName());
        assertEquals(1, audits("DEVICE_ISSUED"));
    }

    @Test
    void issuingADeviceSomeoneElseJustTookIsRefusedNamingTheHolder(FxRobot robot) {
        long id = create(DeviceServiceTest.laptop("LT-0001"));
        openDevices(robot);
        clickRow(robot, "LT-0001");
        robot.clickOn(node(robot, "device-issue"));
        // meanwhile a colleague at another desk issues it to Tom
        testDb.services.devices.issue(helpdesk, id, tom);
        choosePerson(robot, "custody-person", "Priya Shah");
        robot.clickOn("#custody-save");
        Label message = node(robot, "custody-message", Label.class);
        waitUntil(message::isVisible);
        assertEquals("LT-0001 is already issued to Tom Walker (since 4 March 2026, 10:00). A device is never shared (policy 50): "
                + "return it from Tom Walker first, then issue it.", message.getText());
        assertTrue(robot.lookup("#custody-save").query().isVisible(), "the form stays open");
        assertEquals(1, testDb.services.devices.custodyHistory(helpdesk, id).size(), "nothing more stored");
        assertEquals(1, audits("DEVICE_ISSUED"));
    }

    @Test
    void poolCheckOutToSomeoneNotDesignatedIsRefused(FxRobot robot) {
        long id = create(DeviceServiceTest.poolPhone("PL-0001"));
        testDb.services.devices.addDesignatedUser(helpdesk, id, priya);
        openDevices(robot);
        clickRow(robot, "PL-0001");
        waitUntil(() -> robot.lookup("#pool-users").queryListView().getItems().size() == 1);
        robot.clickOn(node(robot, "device-check-out"));
        choosePerson(robot, "custody-person", "Tom Walker");
        robot.clickOn("#custody-save");
        Label message = node(robot, "custody-message", Label.class);
        waitUntil(message::isVisible);
        assertTrue(message.getText().startsWith("Tom Walker is not a designated user of pool device PL-0001 (team Comms)."), message.getText());
        assertFalse(testDb.services.devices.get(helpdesk, id).orElseThrow().isHeld());

        choosePerson(robot, "custody-person", "Priya Shah");
        robot.clickOn("#custody-save");
        Label holder = node(robot, "device-holder", Label.class);
        waitUntil(() -> holder.getText().startsWith("Checked out to Priya Shah"));
        assertEquals(1, audits("POOL_CHECKED_OUT"));
    }

    @Test
    void searchNarrowsTheListInTheDatabase(FxRobot robot) {
        create(DeviceServiceTest.laptop("LT-0001"));
        create(DeviceServiceTest.withSerial(DeviceServiceTest.laptop("LT-0002"), "5CG1234XYZ"));
        long phone = create(DeviceServiceTest.withImei(DeviceServiceTest.poolPhone("PH-0003"), DeviceServiceTest.IMEI));
        testDb.services.devices.addDesignatedUser(helpdesk, phone, priya);
        testDb.services.devices.checkOut(helpdesk, phone, priya);
        openDevices(robot);
        waitUntil(() -> table(robot).getItems().size() == 3);
        Label count = node(robot, "devices-count", Label.class);
        assertEquals("1–3 of 3 devices", count.getText());

        robot.clickOn("#devices-search").write("5cg1234");
        waitUntil(() -> table(robot).getItems().size() == 1);
        assertEquals("LT-0002", table(robot).getItems().get(0).assetTag());

        robot.doubleClickOn("#devices-search").eraseText(7).write("priya");
        waitUntil(() -> table(robot).getItems().size() == 1 && table(robot).getItems().get(0).assetTag().equals("PH-0003"));
        assertEquals("1–1 of 1 device", count.getText());

        robot.doubleClickOn("#devices-search").eraseText(5).write("no such device");
        waitUntil(() -> table(robot).getItems().isEmpty());
        assertEquals("No devices match.", count.getText());
    }

    @Test
    void staffSeeOnlyTheirOwnDevices(FxRobot robot) {
        Session staff = testDb.session("pat", Role.STAFF);
        long mine = create(DeviceServiceTest.laptop("LT-MINE"));
        create(DeviceServiceTest.laptop("LT-OTHER"));
        testDb.services.devices.issue(helpdesk, mine, staff.personId());
        signInAs(staff);
        robot.clickOn(node(robot, "nav-devices"));
        TableView<Device> table = table(robot);
        waitUntil(() -> table.getItems().size() == 1);
        assertEquals("LT-MINE", table.getItems().get(0).assetTag());
        assertTrue(robot.lookup("#devices-new").tryQuery().isEmpty(), "staff cannot add devices");
    }
}
