package org.devicedesk.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.testing.HeldTasks;
import org.devicedesk.testing.TestDb;
import org.devicedesk.ui.Tasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The device list's view model without a window, on the real services. */
class DevicesModelTest {
    TestDb db;
    Session helpdesk;
    DeviceService devices;

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

    List<String> tags(DevicesModel m) {
        return m.pageProperty().get().devices().stream().map(Device::assetTag).toList();
    }

    @Test
    void theSearchAndFiltersNarrowTheListAndTheCountSaysHowMany() {
        devices.create(helpdesk, DeviceServiceTest.laptop("LT-0001"));
        devices.create(helpdesk, DeviceServiceTest.laptop("LT-0002"));
        devices.create(helpdesk, DeviceServiceTest.poolPhone("PH-0001"));
        DevicesModel m = new DevicesModel(helpdesk, devices, Tasks.direct());
        m.reload();
        assertEquals(List.of("LT-0001", "LT-0002", "PH-0001"), tags(m));
        assertEquals("1–3 of 3 devices", m.count.get());
        assertTrue(m.onFirstPage.get());
        assertTrue(m.onLastPage.get());

        m.search.set("lt-0002");
        m.reload();
        assertEquals(List.of("LT-0002"), tags(m));
        assertEquals("1–1 of 1 device", m.count.get());

        m.search.set("");
        m.mode.set(Device.Mode.POOL);
        m.reload();
        assertEquals(List.of("PH-0001"), tags(m));

        m.mode.set(null);
        m.kind.set(Device.Kind.TABLET);
        m.reload();
        assertEquals("No devices match.", m.count.get());
    }

    @Test
    void pagesMoveOnAndANewSearchStartsAtTheFirstPage() {
        for (int i = 1; i <= 3; i++) devices.create(helpdesk, DeviceServiceTest.laptop("LT-000" + i));
        DevicesModel m = new DevicesModel(helpdesk, devices, Tasks.direct());
        m.reload();
        int limit = m.query().limit();
        // a page of 2: the model keeps whatever page size the query has
        m.sortBy(DeviceQuery.Sort.ASSET_TAG, true);
        assertEquals(List.of("LT-0003", "LT-0002", "LT-0001"), tags(m), "sorted in the database, newest tag first");
        assertTrue(limit >= 3);
        m.nextPage();
        assertEquals(limit, m.query().offset());
        assertFalse(m.onFirstPage.get());
        m.search.set("LT");
        m.reload();
        assertEquals(0, m.query().offset(), "a changed search goes back to the first page");
        assertEquals(3, tags(m).size());
    }

    @Test
    void anOlderSearchThatFinishesLateNeverReplacesTheNewerOne() {
        devices.create(helpdesk, DeviceServiceTest.laptop("LT-0001"));
        devices.create(helpdesk, DeviceServiceTest.laptop("LT-0002"));
        HeldTasks deferred = new HeldTasks();
        DevicesModel m = new DevicesModel(helpdesk, devices, deferred);
        m.search.set("LT-0001");
        m.reload();
        m.search.set("LT-0002");
        m.reload();
        assertEquals(2, deferred.size());
        deferred.finish(1); // the newer search answers first
        deferred.finish(0); // then the older one, late
        assertEquals(List.of("LT-0002"), tags(m));
    }

    @Test
    void aScannedAssetTagOpensThatDevice() {
        long id = devices.create(helpdesk, DeviceServiceTest.laptop("LT-0042"));
        DevicesModel m = new DevicesModel(helpdesk, devices, Tasks.direct());
        List<Long> opened = new ArrayList<>();
        m.search.set(" LT-0042 ");
        m.scanToOpen(opened::add);
        assertEquals(List.of(id), opened);
        m.search.set("LT-00");
        m.scanToOpen(opened::add);
        assertEquals(List.of(id), opened, "a part of a tag opens nothing");
    }

    @Test
    void theTeamsToFilterByComeFromTheDevices() {
        devices.create(helpdesk, DeviceServiceTest.laptop("LT-0001"));
        devices.create(helpdesk, DeviceServiceTest.poolPhone("PH-0001"));
        DevicesModel m = new DevicesModel(helpdesk, devices, Tasks.direct());
        m.loadTeams();
        assertEquals(List.of("Comms", "Policy"), m.teams);
    }
}
