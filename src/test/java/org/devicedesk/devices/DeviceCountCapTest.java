package org.devicedesk.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.DriverManager;
import java.util.EnumSet;
import java.util.List;
import org.devicedesk.Services;
import org.devicedesk.core.Database;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.demo.LargeDemo;
import org.devicedesk.testing.MutableClock;
import org.devicedesk.testing.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * A broad search stops counting at {@link DeviceQuery#COUNT_CAP} ("more than 10,000 devices") on both
 * databases, while a narrower one and the whole register are counted exactly (issues 16 and 20).
 */
class DeviceCountCapTest {
    private static final int DEVICES = DeviceQuery.COUNT_CAP + 150;
    private final Session helpdesk = new Session(0, "hd", null, "Help Desk", EnumSet.of(Role.HELPDESK));

    @Test
    void onSqlite() {
        try (TestDb db = TestDb.create()) {
            check(db.db, db.services);
        }
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "DEVICEDESK_TEST_PG_URL", matches = ".+")
    void onPostgres() throws Exception {
        String url = System.getenv("DEVICEDESK_TEST_PG_URL");
        String user = System.getenv().getOrDefault("DEVICEDESK_TEST_PG_USER", "devicedesk");
        String password = System.getenv().getOrDefault("DEVICEDESK_TEST_PG_PASSWORD", "devicedesk");
        try (var c = DriverManager.getConnection(url, user, password); var st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS public CASCADE");
            System.setProperty("devicedesk.anchorsDir", java.nio.file.Files.createTempDirectory("devicedesk-anchors").toString());
            st.execute("CREATE SCHEMA public");
        }
        try (Database pg = Database.openPostgres(url, user, password)) {
            check(pg, new Services(pg, new MutableClock(TestDb.DEFAULT_NOW)));
        }
    }

    private void check(Database db, Services s) {
        LargeDemo.fill(db, new MutableClock(TestDb.DEFAULT_NOW), new LargeDemo.Scale(30, DEVICES, 0, 0), 5L);

        assertEquals(DEVICES, (int) db.read(h -> h.createQuery("SELECT count(*) FROM device").mapTo(Integer.class).one()), "written");
        DeviceQuery.Page all = s.devices.list(helpdesk, DeviceQuery.all());
        assertEquals(DEVICES, all.total(), "the whole register is counted exactly");
        assertFalse(all.moreThanTotal());
        assertEquals("10,150 devices", all.countInWords());

        // every serial is "?X700nnnnn" or "?X7001nnnn": these match all of them
        for (String broad : List.of("x70", "700")) {
            DeviceQuery.Page page = s.devices.list(helpdesk, DeviceQuery.all().withText(broad));
            assertEquals(DeviceQuery.COUNT_CAP, page.total(), "'" + broad + "' stops counting at the cap");
            assertTrue(page.moreThanTotal(), "'" + broad + "'");
            assertEquals("more than 10,000 devices", page.countInWords());
            assertEquals(DeviceQuery.PAGE, page.devices().size(), "the page itself is full");
            assertTrue(page.hasNext());
        }

        DeviceQuery.Page laptops = s.devices.list(helpdesk, DeviceQuery.all().withKind(Device.Kind.LAPTOP));
        int exact = db.read(h -> h.createQuery("SELECT count(*) FROM device WHERE kind = 'LAPTOP'").mapTo(Integer.class).one());
        assertTrue(exact < DeviceQuery.COUNT_CAP && exact > DeviceQuery.PAGE, "a filter under the cap: " + exact);
        assertEquals(exact, laptops.total(), "under the cap the count is exact");
        assertFalse(laptops.moreThanTotal());

        DeviceQuery.Page one = s.devices.list(helpdesk, DeviceQuery.all().withText("LT-000044"));
        assertEquals(1, one.total());
        assertEquals("1 device", one.countInWords());
        assertFalse(one.hasNext());

        // the last page of a capped search: no next page once a page comes back short
        int lastOffset = (DEVICES / DeviceQuery.PAGE) * DeviceQuery.PAGE;
        DeviceQuery.Page last = s.devices.list(helpdesk, DeviceQuery.all().withText("x70").page(lastOffset, DeviceQuery.PAGE));
        assertTrue(last.moreThanTotal());
        assertEquals(DEVICES - lastOffset, last.devices().size());
        assertFalse(last.hasNext(), "a short page is the last");
    }
}
