package org.devicedesk.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.people.PeopleService;
import org.devicedesk.testing.TestDb;
import org.devicedesk.ui.Tasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The device panel's view models without a window: real services on a temporary SQLite file,
 * {@link Tasks#direct()} so every service call has finished on the next line.
 */
class DevicePageModelTest {
    TestDb db;
    Session helpdesk;
    DeviceService devices;
    final List<Long> changed = new ArrayList<>();
    int closed;

    @BeforeEach
    void open() {
        db = TestDb.create();
        helpdesk = db.session("sam", Role.HELPDESK);
        devices = db.services.devices;
    }

    @AfterEach
    void close() {
        db.close();
    }

    DevicePageModel model(Session s) {
        return new DevicePageModel(s, devices, db.services.people, db.services.accounts::displayName, db.clock, Tasks.direct(),
                changed::add, () -> closed++);
    }

    long laptop(String tag) {
        return devices.create(helpdesk, DeviceServiceTest.laptop(tag));
    }

    long poolPhone(String tag) {
        return devices.create(helpdesk, DeviceServiceTest.poolPhone(tag));
    }

    PeopleService.Row row(DevicePageModel m, String name) {
        return m.everyone.stream().filter(r -> r.person().fullName().equals(name)).findFirst().orElseThrow();
    }

    // ---- the device form ----

    @Test
    void aNewDeviceStartsWithTheDefaultsAndOnlyTheDetailsTab() {
        DevicePageModel m = model(helpdesk);
        m.showNew();
        assertEquals("New device", m.heading.get());
        assertEquals(List.of(DevicePageModel.Tab.DETAILS), m.tabs);
        assertEquals(Device.Kind.LAPTOP, m.details.kind.get());
        assertEquals(Device.Mode.ISSUED, m.details.mode.get());
        assertEquals(Device.Status.IN_STOCK, m.details.status.get());
        assertTrue(m.details.encrypted.get(), "a new device is marked encrypted until told otherwise");
        assertFalse(m.details.dirty.get());
        assertFalse(m.details.retireOffered.get(), "nothing to retire yet");
        assertFalse(m.handOver.issueOffered.get());
    }

    @Test
    void savingANewDeviceShowsItWithItsTabsAndSaysSo() {
        DevicePageModel m = model(helpdesk);
        m.showNew();
        m.details.assetTag.set("  LT-0100 ");
        m.details.makeModel.set("Dell Latitude 5440");
        m.details.save();
        assertTrue(m.details.outcome.get().isSuccess(), m.details.outcome.get().text());
        assertEquals("LT-0100 is now in the register.", m.details.outcome.get().text());
        assertEquals("LT-0100", m.heading.get());
        assertEquals(List.of(DevicePageModel.Tab.CUSTODY, DevicePageModel.Tab.DETAILS), m.tabs);
        assertEquals(DevicePageModel.Tab.DETAILS, m.tab.get(), "a device just created stays on its details");
        assertEquals(List.of(m.deviceId()), changed, "the list is told to show the new device");
        assertFalse(m.details.dirty.get(), "the form shows the device as saved");
        assertFalse(m.details.saving.get());
    }

    @Test
    void aRefusedSaveNamesTheFieldAndSavesNothing() {
        DevicePageModel m = model(helpdesk);
        m.showNew();
        m.details.imei.set("12345");
        m.details.save();
        assertTrue(m.details.outcome.get().isFailure());
        String text = m.details.outcome.get().text();
        assertTrue(text.contains("asset tag") || text.contains("Asset tag"), text);
        assertTrue(changed.isEmpty());
        assertNull(m.device());
        assertEquals(0, devices.list(helpdesk, DeviceQuery.all()).devices().size());
    }

    @Test
    void editingIsWhatDiffersFromTheStoredDeviceOrAnOpenHandOver() {
        long id = laptop("LT-0001");
        DevicePageModel m = model(helpdesk);
        m.show(id);
        assertFalse(m.editing());
        m.details.notes.set("dent on the lid");
        assertTrue(m.details.dirty.get());
        assertTrue(m.editing());
        m.details.cancel();
        assertEquals("", m.details.notes.get(), "cancel puts the stored values back");
        assertFalse(m.editing());
        m.handOver.open(HandOverModel.Action.ISSUE);
        assertTrue(m.editing(), "an open hand-over form is a change in progress");
        m.handOver.close();
        assertFalse(m.editing());
    }

    @Test
    void cancelOnANewDeviceClosesThePanel() {
        DevicePageModel m = model(helpdesk);
        m.showNew();
        m.details.cancel();
        assertEquals(1, closed);
    }

    @Test
    void aStaleSaveIsRefusedOffersTheReloadAndTheReloadKeepsWhatDoesNotClash() {
        long id = laptop("LT-0001");
        DevicePageModel m = model(helpdesk);
        m.show(id);
        // someone else changes the notes after this form was loaded
        Device stored = devices.get(helpdesk, id).orElseThrow();
        DeviceDraft theirs = stored.draft();
        devices.update(helpdesk, id, stored.version(), new DeviceDraft(theirs.assetTag(), theirs.kind(), theirs.makeModel(), theirs.serialNumber(),
                theirs.imei(), theirs.phoneNumber(), theirs.encrypted(), theirs.mode(), theirs.status(), theirs.team(), "theirs"));
        m.details.serial.set("SN-MINE");
        m.details.save();
        assertTrue(m.details.outcome.get().isFailure());
        assertTrue(m.details.reloadOffered.get(), "a conflict offers the reload");
        assertEquals(null, devices.get(helpdesk, id).orElseThrow().serialNumber(), "nothing of the stale save was stored");

        m.details.reload();
        assertFalse(m.details.reloadOffered.get());
        assertEquals("SN-MINE", m.details.serial.get(), "my change where they changed nothing is kept");
        assertEquals("theirs", m.details.notes.get(), "their change is shown");
        assertTrue(m.details.dirty.get(), "my kept change is still to be saved");
        m.details.save();
        assertEquals("Saved.", m.details.outcome.get().text());
        Device now = devices.get(helpdesk, id).orElseThrow();
        assertEquals("SN-MINE", now.serialNumber());
        assertEquals("theirs", now.notes());
    }

    @Test
    void retiringWithoutAReasonRecordsTheHelpdeskAndHidesRetire() {
        long id = laptop("LT-0001");
        DevicePageModel m = model(helpdesk);
        m.show(id);
        assertTrue(m.details.retireOffered.get());
        m.details.retire("  ");
        assertEquals("LT-0001 is retired.", m.details.outcome.get().text());
        assertEquals(Device.Status.RETIRED, m.device().status());
        assertFalse(m.details.retireOffered.get());
        String reason = db.db.read(h -> h.createQuery("SELECT summary FROM audit_event WHERE action = 'DEVICE_STATUS_CHANGED'").mapTo(String.class).one());
        assertTrue(reason.contains("retired by the helpdesk"), reason);
    }

    @Test
    void thoseWhoMayOnlyLookSeeTheDeviceButAreOfferedNoChanges() {
        long id = laptop("LT-0001");
        Session infosec = db.session("ira", Role.INFOSEC);
        DevicePageModel m = model(infosec);
        m.show(id);
        assertEquals("LT-0001", m.heading.get());
        assertFalse(m.canManage);
        assertFalse(m.details.retireOffered.get());
        assertFalse(m.details.clearQuarantineOffered.get());
        assertTrue(m.everyone.isEmpty(), "no people list is loaded for someone who cannot hand devices out");
    }

    // ---- hand-over ----

    @Test
    void theHandOverOfferedFollowsTheDeviceAndIssuingSaysWhoHasItNow() {
        long id = laptop("LT-0001");
        long leaver = db.person("Former Leaver", true);
        db.services.people.markLeft(Session.system(), leaver, LocalDate.parse("2026-03-01"));
        long kim = db.person("Kim Holder", true);
        DevicePageModel m = model(helpdesk);
        m.show(id);
        assertEquals("Not issued to anyone.", m.holderText.get());
        assertTrue(m.handOver.issueOffered.get());
        assertFalse(m.handOver.returnOffered.get());
        assertFalse(m.handOver.checkOutOffered.get());

        m.handOver.open(HandOverModel.Action.ISSUE);
        assertTrue(m.handOver.open.get());
        assertTrue(m.handOver.choosesPerson.get());
        assertEquals("Issue LT-0001 (Dell Latitude 5440) to:", m.handOver.title.get());
        assertEquals("_Issue", m.handOver.saveText.get());
        assertTrue(m.handOver.candidates.stream().allMatch(r -> r.person().active()), "only people still here can be issued a device");
        assertTrue(m.handOver.candidates.stream().noneMatch(r -> r.person().id() == leaver));

        m.handOver.save(); // nobody chosen
        assertTrue(m.handOver.outcome.get().isFailure());
        assertTrue(m.handOver.open.get(), "the refused form stays open");

        m.handOver.person.set(row(m, "Kim Holder"));
        m.handOver.save();
        assertFalse(m.handOver.open.get());
        assertEquals("LT-0001 is issued to Kim Holder.", m.details.outcome.get().text());
        assertTrue(m.holderText.get().startsWith("Issued to Kim Holder since "), m.holderText.get());
        assertFalse(m.handOver.issueOffered.get());
        assertTrue(m.handOver.returnOffered.get());
        assertEquals(1, m.history.size());
        assertEquals(kim, m.history.get(0).personId());
        assertEquals("Sam Tester", m.recordedBy(m.history.get(0)), "the recorder by name, not username");

        m.handOver.open(HandOverModel.Action.RETURN);
        assertFalse(m.handOver.choosesPerson.get());
        assertEquals("Record that Kim Holder has returned LT-0001 (Dell Latitude 5440)?", m.handOver.title.get());
        m.handOver.save();
        assertEquals("LT-0001 is back in stock.", m.details.outcome.get().text());
        assertEquals("Not issued to anyone.", m.holderText.get());
    }

    @Test
    void aPoolCheckOutOffersTheDesignatedUsersFirstAndRefusesAnyoneElse() {
        long id = poolPhone("PH-0001");
        db.person("Alex Other", true);
        long dee = db.person("Dee Designated", true);
        devices.addDesignatedUser(helpdesk, id, dee);
        DevicePageModel m = model(helpdesk);
        m.show(id);
        assertEquals(List.of(DevicePageModel.Tab.CUSTODY, DevicePageModel.Tab.DETAILS, DevicePageModel.Tab.POOL), m.tabs);
        assertEquals("In the pool of team Comms: nobody has it checked out.", m.holderText.get());
        assertTrue(m.handOver.checkOutOffered.get());
        assertFalse(m.handOver.issueOffered.get());

        m.handOver.open(HandOverModel.Action.CHECK_OUT);
        assertEquals(dee, m.handOver.candidates.get(0).person().id(), "designated users first");
        m.handOver.person.set(row(m, "Alex Other"));
        m.handOver.save();
        assertTrue(m.handOver.outcome.get().isFailure(), "only designated users may check it out");
        assertNull(devices.get(helpdesk, id).orElseThrow().holder());

        m.handOver.person.set(row(m, "Dee Designated"));
        m.handOver.save();
        assertEquals("PH-0001 is checked out to Dee Designated.", m.details.outcome.get().text());
        assertTrue(m.handOver.checkInOffered.get());
    }

    // ---- designated users ----

    @Test
    void designatedUsersAreAddedAndRemovedWithASentence() {
        long id = poolPhone("PH-0001");
        db.person("Dee Designated", true);
        DevicePageModel m = model(helpdesk);
        m.show(id);
        assertTrue(m.designated.removeDisabled().get(), "nothing selected, nothing to remove");
        m.designated.add();
        assertTrue(m.designated.outcome.get().isFailure(), "adding nobody is refused");
        m.designated.person.set(row(m, "Dee Designated"));
        m.designated.add();
        assertEquals("Dee Designated can now check out PH-0001.", m.designated.outcome.get().text());
        assertNull(m.designated.person.get(), "the choice is cleared for the next one");
        assertEquals(1, m.designatedUsers.size());

        m.designated.selected.set(m.designatedUsers.get(0));
        assertFalse(m.designated.removeDisabled().get());
        m.designated.remove();
        assertEquals("Dee Designated is no longer a designated user.", m.designated.outcome.get().text());
        assertTrue(m.designatedUsers.isEmpty());
    }

    // ---- who held it at ----

    @Test
    void whoHeldItAtChecksTheTimeAndTheDayThenAnswersInOneSentence() {
        long id = laptop("LT-0001");
        long kim = db.person("Kim Holder", true);
        devices.issue(helpdesk, id, kim);
        DevicePageModel m = model(helpdesk);
        m.show(id);
        assertEquals(LocalDate.parse("2026-03-04"), m.whoHeld.day.get(), "the day starts as today");

        m.whoHeld.time.set("25:00");
        m.whoHeld.ask();
        assertEquals("Enter the time as hours and minutes, for example 14:30.", m.whoHeld.answer.get());

        m.whoHeld.time.set("");
        m.whoHeld.day.set(null);
        m.whoHeld.ask();
        assertEquals("Choose the day first.", m.whoHeld.answer.get());

        m.whoHeld.day.set(LocalDate.parse("2026-03-03"));
        m.whoHeld.ask(); // noon the day before: not yet issued
        assertEquals("At 3 March 2026, 12:00 nobody held LT-0001.", m.whoHeld.answer.get());

        m.whoHeld.day.set(LocalDate.parse("2026-03-04"));
        m.whoHeld.time.set("11:30");
        m.whoHeld.ask();
        assertEquals("At 4 March 2026, 11:30 LT-0001 was held by Kim Holder (issued 4 March 2026, 10:00, still held).", m.whoHeld.answer.get());
    }

    @Test
    void anotherDeviceStartsWithAClearForm() {
        long a = laptop("LT-0001");
        long b = laptop("LT-0002");
        DevicePageModel m = model(helpdesk);
        m.show(a);
        m.whoHeld.ask();
        m.handOver.open(HandOverModel.Action.ISSUE);
        m.tab.set(DevicePageModel.Tab.DETAILS);
        m.show(b);
        assertFalse(m.handOver.open.get());
        assertEquals("", m.whoHeld.answer.get());
        assertEquals(DevicePageModel.Tab.CUSTODY, m.tab.get(), "another device opens on who holds it");
        assertEquals("LT-0002", m.heading.get());
    }

    @Test
    void aDeviceThatIsGoneClosesThePanel() {
        DevicePageModel m = model(helpdesk);
        m.show(987654);
        assertEquals(1, closed);
    }
}
