package org.devicedesk.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.devicedesk.core.Audit;
import org.devicedesk.core.Session;
import org.devicedesk.devices.Device;
import org.devicedesk.devices.DeviceQuery;
import org.devicedesk.devices.DeviceService;
import org.devicedesk.testing.TestDb;
import org.junit.jupiter.api.Test;

class DemoDevicesTest {
    @Test
    void theDemoAddsAbout150DevicesWithCustodyHistory() {
        try (TestDb t = TestDb.create()) {
            System.setProperty("devicedesk.demoPassword", "demo-password-for-tests");
            Demo.fillIfEmpty(t.services, "normal");
            Session system = Session.system();
            List<Device> all = t.services.devices.list(system, DeviceQuery.all().page(0, 0)).devices();
            assertEquals(150, all.size());
            for (Device.Kind k : Device.Kind.values()) assertTrue(all.stream().anyMatch(d -> d.kind() == k), "some " + k);
            assertTrue(all.stream().filter(d -> d.kind() == Device.Kind.MOBILE_PHONE).allMatch(d -> d.imei() != null && DeviceService.luhnValid(d.imei())),
                    "every phone has a valid IMEI");
            long pool = all.stream().filter(Device::isPool).count();
            assertTrue(pool >= 10, "pool devices: " + pool);
            boolean anyoneDeclared = t.services.people.list(system, org.devicedesk.people.PeopleService.Query.all()).stream()
                    .anyMatch(r -> r.declaration().isCurrent());
            if (anyoneDeclared) {
                // only people with a current declaration can be designated users, and so check a pool device out
                assertTrue(all.stream().filter(d -> d.isPool() && d.isHeld()).count() >= 3, "some pool devices are out now");
                assertTrue(all.stream().filter(Device::isPool).anyMatch(d -> !t.services.devices.designatedUsers(system, d.id()).isEmpty()));
            }
            assertTrue(all.stream().filter(d -> d.isPool() && d.isHeld()).allMatch(d -> t.services.devices.designatedUsers(system, d.id()).stream()
                    .anyMatch(u -> u.personId() == d.holder().personId())), "a pool device is out only to one of its designated users");
            long activePeople = t.services.people.list(system, org.devicedesk.people.PeopleService.Query.all()).size();
            long issuedHeld = all.stream().filter(d -> !d.isPool() && d.isHeld()).count();
            assertTrue(issuedHeld >= Math.min(40, activePeople), "issued devices with a holder: " + issuedHeld + " for " + activePeople + " people");
            assertTrue(all.stream().anyMatch(d -> d.status() == Device.Status.RETIRED), "a few retired");
            assertTrue(all.stream().anyMatch(d -> d.status() == Device.Status.LOST || d.status() == Device.Status.STOLEN),
                    "a few lost or stolen (reported by the incidents demo)");
            assertTrue(all.stream().filter(d -> d.status() == Device.Status.RETIRED).noneMatch(Device::isHeld), "nobody holds a retired device");
            long withHistory = all.stream().filter(d -> t.services.devices.custodyHistory(system, d.id()).size() > 1).count();
            assertTrue(withHistory >= 50, "devices with earlier holders: " + withHistory);
            // the demo accounts' people hold something, so "My devices" is not empty
            long staffPerson = t.db.read(h -> h.createQuery("SELECT person_id FROM account WHERE username = 'staff'").mapTo(Long.class).one());
            assertFalse(t.services.devices.devicesHeldBy(system, staffPerson).isEmpty());
            Audit.Verification v = t.db.read(h -> Audit.verify(h, null));
            assertTrue(v.intact(), v.explanation());
        } finally {
            System.clearProperty("devicedesk.demoPassword");
        }
    }
}
