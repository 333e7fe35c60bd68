package org.devicedesk.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.DriverManager;
import java.time.Instant;
import java.util.List;
import org.devicedesk.Services;
import org.devicedesk.core.Database;
import org.devicedesk.core.Session;
import org.devicedesk.people.Category;
import org.devicedesk.people.PersonDraft;
import org.devicedesk.testing.MutableClock;
import org.devicedesk.testing.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The device search means the same on both databases: the same register written into SQLite (FTS5, V70)
 * and PostgreSQL (pg_trgm, V100) gives the same devices, in the same order, and the same counts for
 * one-, two- and longer searches, by identifier, model, phone number and holder.
 */
@EnabledIfEnvironmentVariable(named = "DEVICEDESK_TEST_PG_URL", matches = ".+")
class DeviceSearchParityTest {
    private static final String URL = System.getenv("DEVICEDESK_TEST_PG_URL");
    private static final String USER = System.getenv().getOrDefault("DEVICEDESK_TEST_PG_USER", "devicedesk");
    private static final String PASSWORD = System.getenv().getOrDefault("DEVICEDESK_TEST_PG_PASSWORD", "devicedesk");
    private static final String[] MODELS = {"Dell Latitude 5440", "Apple iPhone 15", "Samsung Galaxy A55", "Lenovo ThinkPad T14", "Apple iPad Air"};
    private static final String[] NAMES = {"Priya Shah", "Tom Walker", "Sam Patel", "Alex O'Neil", "Li Wei"};

    private static String imei(int n) {
        String body = String.format("35%012d", 1_234_567L + n * 7919L);
        int sum = 0;
        for (int i = 0; i < 14; i++) {
            int d = body.charAt(i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
        }
        return body + ((10 - sum % 10) % 10);
    }

    /** The same register, through the services, on either database. */
    private static void fill(Services s) {
        Session system = Session.system();
        long[] people = new long[NAMES.length];
        for (int i = 0; i < NAMES.length; i++) {
            people[i] = s.people.create(system, new PersonDraft(NAMES[i], null, "P" + i, Category.EMPLOYEE, "Team " + (i % 2), null));
            s.people.recordPaperDeclaration(system, people[i], s.people.today());
        }
        for (int i = 0; i < 60; i++) {
            boolean phone = i % 3 == 1;
            Device.Kind kind = phone ? Device.Kind.MOBILE_PHONE : i % 3 == 0 ? Device.Kind.LAPTOP : Device.Kind.TABLET;
            String tag = (phone ? "PH-" : kind == Device.Kind.LAPTOP ? "LT-" : "TB-") + String.format("%04d", i * 13);
            long id = s.devices.create(system, new DeviceDraft(tag, kind, MODELS[i % MODELS.length], i % 7 == 0 ? null : "SN" + (5000 + i * 37) + "X",
                    phone ? imei(i) : null, phone ? "07700 900" + String.format("%03d", i) : null, true, Device.Mode.ISSUED, Device.Status.IN_STOCK,
                    "Team " + (i % 2), null));
            if (i % 4 != 3) s.devices.issue(system, id, people[i % people.length]);
        }
    }

    @Test
    void pgTrgmSearchGivesWhatSqliteFts5Gives() throws Exception {
        try (var c = DriverManager.getConnection(URL, USER, PASSWORD); var st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS public CASCADE");
            st.execute("CREATE SCHEMA public");
        }
        try (TestDb sqlite = TestDb.create(); Database pg = Database.openPostgres(URL, USER, PASSWORD)) {
            Services onPg = new Services(pg, new MutableClock(TestDb.DEFAULT_NOW));
            fill(sqlite.services);
            fill(onPg);
            List<String> searches = List.of("l", "P", "s", "3", "35", "lt", "ph-0", "sn5", "LT-0", "ph-00", "apple", "IPAD", "galaxy a",
                    "07700", "900 0", "07700 900013", "priya", "walker", "o'neil", "li wei", "atitude", "x", "5x", "zzz", "%", "_", "a_b", "35001");
            int matchedSomething = 0;
            for (String text : searches) {
                for (DeviceQuery.Sort sort : List.of(DeviceQuery.Sort.ASSET_TAG, DeviceQuery.Sort.HOLDER)) {
                    DeviceQuery q = DeviceQuery.all().withText(text).sortedBy(sort, false);
                    DeviceQuery.Page a = sqlite.services.devices.list(Session.system(), q);
                    DeviceQuery.Page b = onPg.devices.list(Session.system(), q);
                    assertEquals(tags(a), tags(b), "the devices found for '" + text + "' sorted by " + sort);
                    assertEquals(a.total(), b.total(), "the count for '" + text + "'");
                    if (a.total() > 0) matchedSomething++;
                }
                DeviceQuery filtered = DeviceQuery.all().withText(text).withKind(Device.Kind.MOBILE_PHONE);
                assertEquals(tags(sqlite.services.devices.list(Session.system(), filtered)), tags(onPg.devices.list(Session.system(), filtered)),
                        "'" + text + "' among phones");
            }
            assertTrue(matchedSomething > 30, "most searches find devices: the comparison is not of empty lists");
            // one or two characters: the start of the identifiers only, on both
            assertTrue(tags(onPg.devices.list(Session.system(), DeviceQuery.all().withText("ap"))).isEmpty(), "'ap' is not the start of a tag, serial or IMEI");
            assertTrue(!tags(onPg.devices.list(Session.system(), DeviceQuery.all().withText("app"))).isEmpty(), "'app' matches the model");
        }
    }

    private static List<String> tags(DeviceQuery.Page p) {
        return p.devices().stream().map(Device::assetTag).toList();
    }
}
