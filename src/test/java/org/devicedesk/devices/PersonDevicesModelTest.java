package org.devicedesk.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.testing.TestDb;
import org.devicedesk.ui.Tasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A person page's devices section and "My devices", as view models on the real services. */
class PersonDevicesModelTest {
    TestDb db;
    Session helpdesk;
    Session kim;
    DeviceService devices;

    @BeforeEach
    void open() {
        db = TestDb.create();
        helpdesk = db.session("sam", Role.HELPDESK);
        kim = db.session("kim", Role.STAFF);
        devices = db.services.devices;
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void whatAPersonHoldsNowAndBeforeWithCountsInTheTitles() {
        long a = devices.create(helpdesk, DeviceServiceTest.laptop("LT-0001"));
        long b = devices.create(helpdesk, DeviceServiceTest.laptop("LT-0002"));
        devices.issue(helpdesk, a, kim.personId());
        devices.issue(helpdesk, b, kim.personId());
        devices.returnDevice(helpdesk, b);
        PersonDevicesModel m = new PersonDevicesModel(helpdesk, devices, Tasks.direct());
        m.load(kim.personId());
        PersonCustody c = m.custodyProperty().get();
        assertEquals("Held now (1)", PersonDevicesModel.nowTitle(c));
        assertEquals("Held before (1)", PersonDevicesModel.beforeTitle(c));
        assertEquals(List.of("LT-0001"), c.heldNow().stream().map(Device::assetTag).toList());
        assertTrue(m.tagsOpenTheRegister());
        assertEquals("Holds no devices at the moment.", m.nothingHeld(kim.personId()));
    }

    @Test
    void onTheirOwnPageStaffReadAboutThemselvesAndTheirTagsOpenNothing() {
        PersonDevicesModel m = new PersonDevicesModel(kim, devices, Tasks.direct());
        m.load(kim.personId());
        assertEquals("Held now", PersonDevicesModel.nowTitle(m.custodyProperty().get()));
        assertEquals("You hold no devices at the moment.", m.nothingHeld(kim.personId()));
        assertFalse(m.tagsOpenTheRegister());
    }

    @Test
    void myDevicesListsWhatIHoldAndThePoolDevicesIMayCheckOut() {
        long a = devices.create(helpdesk, DeviceServiceTest.laptop("LT-0001"));
        long pool = devices.create(helpdesk, DeviceServiceTest.poolPhone("PH-0001"));
        devices.issue(helpdesk, a, kim.personId());
        devices.addDesignatedUser(helpdesk, pool, kim.personId());
        MyDevicesModel m = new MyDevicesModel(kim, devices, Tasks.direct());
        m.load();
        assertEquals(List.of("LT-0001"), m.held.stream().map(Device::assetTag).toList());
        assertTrue(m.before.isEmpty());
        assertEquals("Pool devices you may check out from the helpdesk: PH-0001 (Samsung Galaxy A55).", m.poolLine.get());
    }

    @Test
    void anAccountWithoutAPersonIsToldWhyNothingShows() {
        Session unlinked = new Session(999, "nobody", null, "Nobody", java.util.EnumSet.of(Role.STAFF));
        MyDevicesModel m = new MyDevicesModel(unlinked, devices, Tasks.direct());
        m.load();
        assertTrue(m.outcome.get().text().startsWith("Your account is not linked to a person"), m.outcome.get().text());
    }
}
