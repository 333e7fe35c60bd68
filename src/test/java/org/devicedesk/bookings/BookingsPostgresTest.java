package org.devicedesk.bookings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.DriverManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.devicedesk.Services;
import org.devicedesk.core.Database;
import org.devicedesk.core.Refused;
import org.devicedesk.core.Session;
import org.devicedesk.devices.Device;
import org.devicedesk.devices.DeviceDraft;
import org.devicedesk.people.Category;
import org.devicedesk.people.PersonDraft;
import org.devicedesk.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Bookings on the shared PostgreSQL database: four clients (each its own connection pool, as four desks) book the
 * same pool device for overlapping days at the same moment; exactly one booking of each day is stored.
 */
@EnabledIfEnvironmentVariable(named = "DEVICEDESK_TEST_PG_URL", matches = ".+")
class BookingsPostgresTest {
    private static final String URL = System.getenv("DEVICEDESK_TEST_PG_URL");
    private static final String USER = System.getenv().getOrDefault("DEVICEDESK_TEST_PG_USER", "devicedesk");
    private static final String PASSWORD = System.getenv().getOrDefault("DEVICEDESK_TEST_PG_PASSWORD", "devicedesk");
    private static final int DESKS = 4;

    private final List<Database> databases = new ArrayList<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-04T10:00:00Z"));

    @BeforeEach
    void freshSchema() throws Exception {
        try (var c = DriverManager.getConnection(URL, USER, PASSWORD); var st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS public CASCADE");
            st.execute("CREATE SCHEMA public");
        }
        for (int i = 0; i < DESKS; i++) databases.add(Database.openPostgres(URL, USER, PASSWORD));
    }

    @AfterEach
    void close() {
        databases.forEach(Database::close);
    }

    @Test
    void desksBookingTheSameDaysAtOnceGetOneBookingEach() throws Exception {
        Services first = new Services(databases.get(0), clock);
        Session system = Session.system();
        long device = first.devices.create(system, new DeviceDraft("PL-0001", Device.Kind.LAPTOP, null, null, null, null, true,
                Device.Mode.POOL, Device.Status.IN_STOCK, "Comms", null));
        List<Long> people = new ArrayList<>();
        for (int i = 0; i < DESKS; i++) {
            int n = i;
            long id = databases.get(0).inTransaction(h -> first.people.createInTransaction(h, system,
                    new PersonDraft("Person " + n, null, "S" + n, Category.EMPLOYEE, "Comms", null)));
            first.people.recordPaperDeclaration(system, id, LocalDate.parse("2026-03-01"));
            first.devices.addDesignatedUser(system, device, id);
            people.add(id);
        }
        List<Services> desks = databases.stream().map(db -> new Services(db, clock)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(DESKS);
        try {
            for (int round = 0; round < 5; round++) {
                LocalDate day = LocalDate.parse("2026-03-10").plusDays(round * 3L);
                CyclicBarrier start = new CyclicBarrier(DESKS);
                List<Future<Boolean>> results = new ArrayList<>();
                for (int i = 0; i < DESKS; i++) {
                    Services desk = desks.get(i);
                    long person = people.get(i);
                    // each desk's two days overlap every other desk's: they all share "day"
                    LocalDate from = i % 2 == 0 ? day : day.minusDays(1);
                    results.add(pool.submit(() -> {
                        start.await();
                        try {
                            desk.bookings.book(system, new BookingDraft(device, person, from, from.plusDays(1), "Meeting"));
                            return true;
                        } catch (Refused r) {
                            return false;
                        }
                    }));
                }
                int won = 0;
                for (Future<Boolean> f : results) if (f.get()) won++;
                assertEquals(1, won, "round " + round + ": one desk gets the days, the others are told they are taken");
            }
        } finally {
            pool.shutdownNow();
        }
        int stored = databases.get(0).read(h -> h.createQuery("SELECT count(*) FROM booking").mapTo(Integer.class).one());
        assertEquals(5, stored);
        int overlaps = databases.get(0).read(h -> h.createQuery("""
                SELECT count(*) FROM booking a JOIN booking b ON a.id < b.id AND a.device_id = b.device_id
                WHERE a.from_day <= b.to_day AND b.from_day <= a.to_day""").mapTo(Integer.class).one());
        assertEquals(0, overlaps, "no two stored bookings share a day");
    }
}
