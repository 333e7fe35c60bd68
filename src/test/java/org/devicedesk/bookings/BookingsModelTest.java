package org.devicedesk.bookings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.devicedesk.core.Session;
import org.devicedesk.devices.Device;
import org.devicedesk.devices.DeviceDraft;
import org.devicedesk.ui.Tasks;
import org.junit.jupiter.api.Test;

/** The bookings screen's view model without a window: real services, Wednesday 4 March 2026 10:00. */
class BookingsModelTest extends PoolDeviceFixture {
    BookingsModel model(Session s) {
        BookingsModel m = new BookingsModel(s, t.services.bookings, t.services.people, Tasks.direct());
        m.loadChoices(null);
        return m;
    }

    @Test
    void theFortnightStartsOnThisWeeksMondayAndMoves() {
        BookingsModel m = model(helpdesk);
        assertEquals(LocalDate.parse("2026-03-02"), m.start.get());
        assertEquals("2 Mar 2026 – 15 Mar 2026", m.range.get());
        assertEquals(LocalDate.parse("2026-03-02"), m.calendarProperty().get().first);
        m.move(BookingsModel.DAYS);
        assertEquals("16 Mar 2026 – 29 Mar 2026", m.range.get());
        assertEquals(LocalDate.parse("2026-03-16"), m.calendarProperty().get().first, "the calendar drawn is the fortnight shown");
        m.thisWeek();
        assertEquals(LocalDate.parse("2026-03-02"), m.start.get());
    }

    @Test
    void theHelpDeskMustSayForWhomThenTheBookingIsListedAndItsActionsOffered() {
        BookingsModel m = model(helpdesk);
        assertEquals(List.of("Comms"), m.teams);
        assertEquals(1, m.formDevices.size());
        m.device.set(m.formDevices.get(0));
        m.from.set(LocalDate.parse("2026-03-04"));
        assertEquals(LocalDate.parse("2026-03-04"), m.to.get(), "the first day suggests the same last day");
        m.purpose.set("Partnership meeting");
        m.book();
        assertEquals("Choose the person the device is booked for.", m.formOutcome.get().text());
        assertTrue(m.listed.isEmpty(), "nothing was booked");

        m.person.set(m.persons.stream().filter(r -> r.person().id() == priya.personId()).findFirst().orElseThrow());
        m.book();
        assertEquals("PL-0001 is booked for Priya Tester on Wed 4 March 2026.", m.formOutcome.get().text());
        assertNull(m.from.get(), "the form is cleared for the next booking");
        assertEquals(1, m.listed.size());

        assertFalse(m.checkOutOffered.get(), "nothing selected, nothing offered");
        m.selected.set(m.listed.get(0));
        assertTrue(m.checkOutOffered.get(), "due out today");
        assertTrue(m.cancelOffered.get());
        assertFalse(m.wipeOffered.get());
        m.checkOut();
        assertEquals("PL-0001 is checked out to Priya Tester.", m.listOutcome.get().text());
        assertEquals(Booking.State.OUT, m.selected.get().state(m.today()), "the selection follows the booking after the reload");
        assertFalse(m.checkOutOffered.get());
        assertFalse(m.cancelOffered.get());
    }

    @Test
    void staffBookForThemselvesAndARefusalIsShownInTheForm() {
        BookingsModel m = model(priya);
        m.device.set(m.formDevices.get(0));
        m.from.set(LocalDate.parse("2026-03-10"));
        m.purpose.set("Conference");
        m.book();
        assertTrue(m.formOutcome.get().isSuccess(), m.formOutcome.get().text());
        assertTrue(m.formOutcome.get().text().endsWith("is booked for you on Tue 10 March 2026."), m.formOutcome.get().text());

        m.device.set(m.formDevices.get(0));
        m.from.set(LocalDate.parse("2026-03-10"));
        m.purpose.set("Again");
        m.book();
        assertTrue(m.formOutcome.get().isFailure(), "the same day twice is refused");
        assertEquals(1, m.listed.size());
    }

    @Test
    void aBookingFarAheadMovesTheCalendarToItsWeek() {
        BookingsModel m = model(priya);
        m.device.set(m.formDevices.get(0));
        m.from.set(LocalDate.parse("2026-04-15"));
        m.purpose.set("Later");
        m.book();
        assertEquals(LocalDate.parse("2026-04-13"), m.start.get());
        assertEquals(1, m.listed.size());
    }

    @Test
    void choosingATeamWithoutDevicesShowsNone() {
        t.services.devices.create(helpdesk, new DeviceDraft("PL-0002", Device.Kind.TABLET, "iPad", null, null, null, true,
                Device.Mode.POOL, Device.Status.IN_STOCK, "Policy", null));
        BookingsModel m = model(helpdesk);
        assertEquals(List.of("Comms", "Policy"), m.teams);
        assertEquals(2, m.calendarProperty().get().rows.size());
        m.team.set("Policy");
        assertEquals(1, m.teamDevices.size());
        assertEquals(1, m.calendarProperty().get().rows.size());
        assertEquals("PL-0002", m.calendarProperty().get().rows.get(0).assetTag());
    }
}
