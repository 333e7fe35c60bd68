package org.devicedesk.travel;

import org.devicedesk.core.Session;
import org.devicedesk.devices.Device;
import org.devicedesk.devices.DeviceDraft;
import org.devicedesk.testing.TestDb;

/** Devices in the register, issued through the device service, for travel tests. */
final class TravelFixtures {
    private TravelFixtures() {}

    static long device(TestDb t, String assetTag) {
        return t.services.devices.create(Session.system(), new DeviceDraft(assetTag, Device.Kind.LAPTOP, "Dell Latitude 7450", null, null, null,
                true, Device.Mode.ISSUED, Device.Status.IN_STOCK, null, null));
    }

    /** The device is issued to the person from now on. */
    static void issue(TestDb t, long deviceId, long personId) {
        t.services.devices.issue(Session.system(), deviceId, personId);
    }

    static long heldDevice(TestDb t, String assetTag, long personId) {
        long id = device(t, assetTag);
        issue(t, id, personId);
        return id;
    }
}
