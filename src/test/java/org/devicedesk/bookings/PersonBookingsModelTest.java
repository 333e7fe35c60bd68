package org.devicedesk.bookings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.devicedesk.ui.Tasks;
import org.junit.jupiter.api.Test;

/** A person's bookings section and the dashboard's bookings card, as view models on the real services (Wed 4 March 2026). */
class PersonBookingsModelTest extends PoolDeviceFixture {
    long book(String from, String to) {
        return t.services.bookings.book(priya, new BookingDraft(pool, null, LocalDate.parse(from), LocalDate.parse(to), "Meeting"));
    }

    @Test
    void bookingsToComeAreListedFirstInDateOrderAndCounted() {
        long later = book("2026-03-20", "2026-03-20");
        long today = book("2026-03-04", "2026-03-05");
        long cancelled = book("2026-03-10", "2026-03-10");
        t.services.bookings.cancel(priya, cancelled);
        PersonBookingsModel m = new PersonBookingsModel(priya, t.services.bookings, Tasks.direct());
        m.load(priya.personId());
        PersonBookingsModel.Shown s = m.shownProperty().get();
        assertEquals(List.of(today, later), s.current().stream().map(Booking::id).toList());
        assertEquals(List.of(cancelled), s.past().stream().map(Booking::id).toList(), "a cancelled booking is past");
        assertEquals("Pool bookings (2 to come or out)", s.title());
        assertFalse(s.none());
    }

    @Test
    void nobodysBookingsSayNoneAndAnotherPersonsAreNotShownToStaff() {
        PersonBookingsModel m = new PersonBookingsModel(priya, t.services.bookings, Tasks.direct());
        m.load(priya.personId());
        assertTrue(m.shownProperty().get().none());
        assertEquals("Pool bookings", m.shownProperty().get().title());
        m.load(helpdesk.personId());
        assertTrue(m.failureProperty().get() != null || m.shownProperty().get().none(), "staff never see someone else's bookings");
    }

    @Test
    void theDashboardCardShowsForTheHelpDeskAlwaysAndForStaffOnlyWithSomethingDue() {
        BookingsSectionModel forStaff = new BookingsSectionModel(priya, t.services.bookings, Tasks.direct());
        forStaff.load();
        assertNull(forStaff.shownProperty().get(), "nothing due: no card");
        BookingsSectionModel forHelpdesk = new BookingsSectionModel(helpdesk, t.services.bookings, Tasks.direct());
        forHelpdesk.load();
        assertTrue(forHelpdesk.shownProperty().get().nothing());

        book("2026-03-04", "2026-03-04");
        forStaff.load();
        assertEquals(1, forStaff.shownProperty().get().dueOutCount());
        forHelpdesk.load();
        assertEquals(1, forHelpdesk.shownProperty().get().dueOut().size());
    }
}
