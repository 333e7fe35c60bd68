package org.devicedesk.bookings;

import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.devices.Device;
import org.devicedesk.devices.DeviceDraft;
import org.devicedesk.testing.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The bookings view-model tests' set-up: real services, one pool laptop with Priya as its designated user. */
abstract class PoolDeviceFixture {
    TestDb t;
    Session helpdesk;
    Session priya;
    long pool;

    @BeforeEach
    void open() {
        t = TestDb.create();
        helpdesk = t.session("helen", Role.HELPDESK);
        priya = t.session("priya", Role.STAFF);
        pool = t.services.devices.create(helpdesk, new DeviceDraft("PL-0001", Device.Kind.LAPTOP, "Dell Latitude 5440", null, null, null, true,
                Device.Mode.POOL, Device.Status.IN_STOCK, "Comms", null));
        t.services.devices.addDesignatedUser(helpdesk, pool, priya.personId());
    }

    @AfterEach
    void close() {
        t.close();
    }
}
