package org.devicedesk.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.devicedesk.bookings.Booking;
import org.devicedesk.bookings.BookingService;
import org.devicedesk.core.Session;
import org.devicedesk.testing.TestDb;
import org.junit.jupiter.api.Test;

class DemoBookingsTest {
    @Test
    void theDemoHasBookingsDueOutOverdueAndOneOfTheStaffAccountsOwn() {
        try (TestDb t = TestDb.create()) {
            System.setProperty("devicedesk.demoPassword", "demo-password-for-tests");
            Demo.fillIfEmpty(t.services, "normal");
            BookingService.Today today = t.services.bookings.today(Session.system());
            assertEquals(1, today.dueOut().size(), "one due out today");
            assertEquals(1, today.overdue().size(), "one overdue back");
            Session staff = t.services.accounts.signIn("staff", "demo-password-for-tests");
            List<Booking> mine = t.services.bookings.ofPerson(staff, staff.personId());
            assertTrue(mine.stream().anyMatch(b -> b.from().isAfter(t.services.bookings.today())), "the staff account has a booking to come: " + mine);
            int stored = t.db.read(h -> h.createQuery("SELECT count(*) FROM booking").mapTo(Integer.class).one());
            int audited = t.db.read(h -> h.createQuery("SELECT count(*) FROM audit_event WHERE action = 'BOOKING_CREATED'").mapTo(Integer.class).one());
            assertTrue(stored >= 8, "a spread over the fortnight: " + stored);
            assertEquals(stored, audited, "every demo booking is audited");
        } finally {
            System.clearProperty("devicedesk.demoPassword");
        }
    }
}
