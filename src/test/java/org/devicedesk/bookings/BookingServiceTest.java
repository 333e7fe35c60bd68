package org.devicedesk.bookings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.devicedesk.core.AccessDenied;
import org.devicedesk.core.Refused;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.devices.Device;
import org.devicedesk.devices.DeviceDraft;
import org.devicedesk.testing.TestDb;
import org.devicedesk.travel.PostTravelOutcome;
import org.devicedesk.travel.TravelDecision;
import org.devicedesk.travel.TravelDraft;
import org.devicedesk.travel.TravelLoaners;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every booking rule, on a real database with a fixed clock: Wednesday 4 March 2026, 10:00 in London. */
class BookingServiceTest {
    TestDb t;
    BookingService bookings;
    Session helpdesk;
    Session priya; // staff, a designated user of the pool laptop
    long pool;

    @BeforeEach
    void open() {
        t = TestDb.create(Instant.parse("2026-03-04T10:00:00Z"));
        bookings = t.services.bookings;
        helpdesk = t.session("helen", Role.HELPDESK);
        priya = t.session("priya", Role.STAFF);
        pool = poolDevice("PL-0001", Device.Kind.LAPTOP);
        t.services.devices.addDesignatedUser(helpdesk, pool, priya.personId());
    }

    @AfterEach
    void close() {
        t.close();
    }

    long poolDevice(String tag, Device.Kind kind) {
        return t.services.devices.create(helpdesk, new DeviceDraft(tag, kind, "Dell Latitude 5440", null, null, null, true,
                Device.Mode.POOL, Device.Status.IN_STOCK, "Comms", null));
    }

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    long book(Session s, long device, Long person, String from, String to) {
        return bookings.book(s, new BookingDraft(device, person, d(from), d(to), "Partnership meeting"));
    }

    int count(String sql) {
        return t.db.read(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    int audits(String action) {
        return t.db.read(h -> h.createQuery("SELECT count(*) FROM audit_event WHERE action = :a").bind("a", action).mapTo(Integer.class).one());
    }

    @Test
    void aDesignatedUserBooksForThemselvesAndItIsAudited() {
        long id = book(priya, pool, null, "2026-03-10", "2026-03-12");
        Booking b = bookings.get(priya, id);
        assertEquals(priya.personId(), b.personId());
        assertEquals(3, b.days(), "both the first and the last day are booked");
        assertEquals(Booking.State.BOOKED, b.state(bookings.today()));
        assertEquals(1, audits("BOOKING_CREATED"));
        assertTrue(t.db.read(h -> h.createQuery("SELECT summary FROM audit_event WHERE action = 'BOOKING_CREATED'").mapTo(String.class).one())
                .contains("PL-0001 booked for Priya Tester, from Tue 10 March 2026 to Thu 12 March 2026"));
    }

    // ---- overlap, at both edges ----

    @Test
    void aBookingStartingOnTheDayAnotherEndsOverlapsIt() {
        book(priya, pool, null, "2026-03-04", "2026-03-05");
        Refused r = assertThrows(Refused.class, () -> book(priya, pool, null, "2026-03-05", "2026-03-07"));
        assertTrue(r.getMessage().startsWith("PL-0001 is already booked for Priya Tester from Wed 4 March 2026 to Thu 5 March 2026."), r.getMessage());
        assertEquals(1, count("SELECT count(*) FROM booking"), "nothing stored");
        assertEquals(1, audits("BOOKING_CREATED"));
    }

    @Test
    void aBookingEndingOnTheDayAnotherStartsOverlapsIt() {
        book(priya, pool, null, "2026-03-10", "2026-03-12");
        assertThrows(Refused.class, () -> book(priya, pool, null, "2026-03-08", "2026-03-10"));
        assertThrows(Refused.class, () -> book(priya, pool, null, "2026-03-11", "2026-03-11"), "a day inside is taken too");
        assertEquals(1, count("SELECT count(*) FROM booking"));
    }

    @Test
    void theDayBeforeAndTheDayAfterAreFree() {
        book(priya, pool, null, "2026-03-10", "2026-03-12");
        book(priya, pool, null, "2026-03-13", "2026-03-14"); // starts the day after the last day
        book(priya, pool, null, "2026-03-08", "2026-03-09"); // ends the day before the first day
        assertEquals(3, count("SELECT count(*) FROM booking WHERE status = 'BOOKED'"));
    }

    @Test
    void aCancelledBookingFreesItsDays() {
        long first = book(priya, pool, null, "2026-03-10", "2026-03-12");
        bookings.cancel(priya, first);
        book(priya, pool, null, "2026-03-12", "2026-03-13");
        assertEquals(Booking.State.CANCELLED, bookings.get(helpdesk, first).state(bookings.today()));
        assertEquals(1, audits("BOOKING_CANCELLED"));
        Refused again = assertThrows(Refused.class, () -> bookings.cancel(priya, first));
        assertTrue(again.getMessage().contains("already cancelled by priya"), again.getMessage());
    }

    // ---- the device, the person ----

    @Test
    void aDeviceThatCannotBeUsedCannotBeBooked() {
        for (Device.Status st : List.of(Device.Status.LOST, Device.Status.STOLEN, Device.Status.QUARANTINED, Device.Status.RETIRED)) {
            t.services.devices.setStatus(helpdesk, pool, st, "test");
            Refused r = assertThrows(Refused.class, () -> book(priya, pool, null, "2026-03-10", "2026-03-10"));
            assertTrue(r.messageFor("device").contains("cannot be booked"), st + ": " + r.getMessage());
            assertTrue(r.messageFor("device").contains(st == Device.Status.QUARANTINED ? "quarantined" : st.label().toLowerCase()), r.getMessage());
        }
        t.services.devices.setStatus(helpdesk, pool, Device.Status.IN_STOCK, "back");
        book(priya, pool, null, "2026-03-10", "2026-03-10");
        assertEquals(1, count("SELECT count(*) FROM booking"));
    }

    @Test
    void someoneWhoIsNotADesignatedUserIsRefused() {
        Session tom = t.session("tom", Role.STAFF);
        Refused r = assertThrows(Refused.class, () -> book(tom, pool, null, "2026-03-10", "2026-03-10"));
        assertEquals("Tom Tester is not a designated user of pool device PL-0001 (team Comms), so it cannot be booked for them. "
                + "Its designated users are Priya Tester. The help desk can add Tom Tester to the list first.", r.messageFor("person"));
        assertThrows(Refused.class, () -> book(helpdesk, pool, tom.personId(), "2026-03-10", "2026-03-10"), "nor can the help desk book it for them");
        assertEquals(0, count("SELECT count(*) FROM booking"));
    }

    @Test
    void someoneWithoutACurrentDeclarationIsRefused() {
        long ann = t.person("Ann Lee", d("2025-03-10")); // current until 9 March 2026
        t.services.devices.addDesignatedUser(helpdesk, pool, ann);
        book(helpdesk, pool, ann, "2026-03-05", "2026-03-05");
        t.clock.set(Instant.parse("2026-03-11T09:00:00Z")); // her declaration has now expired
        Refused r = assertThrows(Refused.class, () -> book(helpdesk, pool, ann, "2026-03-12", "2026-03-12"));
        assertTrue(r.messageFor("person").startsWith("Ann Lee's annual IT policy declaration expired"), r.getMessage());
        assertEquals(1, count("SELECT count(*) FROM booking"));
    }

    @Test
    void theFormsRulesComeTogether() {
        Refused r = assertThrows(Refused.class, () -> bookings.book(priya, new BookingDraft(null, null, null, null, " ")));
        assertEquals("The pool device is required.", r.messageFor("device"));
        assertEquals("The first day is required.", r.messageFor("from"));
        assertEquals("The last day is required.", r.messageFor("to"));
        assertEquals("The purpose is required.", r.messageFor("purpose"));
        r = assertThrows(Refused.class, () -> book(priya, pool, null, "2026-03-03", "2026-03-02"));
        assertTrue(r.messageFor("to").startsWith("The last day (Mon 2 March 2026) is before the first day"), r.getMessage());
        assertTrue(r.messageFor("from").contains("is in the past"), r.getMessage());
        Refused issued = assertThrows(Refused.class, () -> book(helpdesk, t.services.devices.create(helpdesk, new DeviceDraft("LT-9", Device.Kind.LAPTOP,
                null, null, null, null, true, Device.Mode.ISSUED, Device.Status.IN_STOCK, null, null)), priya.personId(), "2026-03-10", "2026-03-10"));
        assertTrue(issued.messageFor("device").contains("is an issued device, not a pool device"), issued.getMessage());
    }

    // ---- access (SPEC section 6: staff their own) ----

    @Test
    void staffBookAndCancelOnlyTheirOwn() {
        Session tom = t.session("tom", Role.STAFF);
        t.services.devices.addDesignatedUser(helpdesk, pool, tom.personId());
        assertThrows(AccessDenied.class, () -> book(tom, pool, priya.personId(), "2026-03-10", "2026-03-10"));
        long hers = book(priya, pool, null, "2026-03-10", "2026-03-10");
        assertThrows(AccessDenied.class, () -> bookings.cancel(tom, hers));
        assertThrows(AccessDenied.class, () -> bookings.get(tom, hers));
        assertThrows(AccessDenied.class, () -> bookings.ofPerson(tom, priya.personId()));
        // Tom sees that the day is taken, not by whom or why
        Booking seen = bookings.calendar(tom, null, pool, d("2026-03-09"), 7).get(0).bookings().get(0);
        assertEquals("Booked", seen.personName());
        assertEquals("", seen.purpose());
        assertEquals("Priya Tester", bookings.calendar(helpdesk, "Comms", null, d("2026-03-09"), 7).get(0).bookings().get(0).personName());
        long helpdeskMade = book(helpdesk, pool, tom.personId(), "2026-03-11", "2026-03-11");
        bookings.cancel(tom, helpdeskMade); // his own, though the help desk made it
    }

    // ---- check-out against a booking, due out and overdue ----

    @Test
    void checkOutAgainstABookingFromItsFirstDayThroughTheDeviceRules() {
        long id = book(priya, pool, null, "2026-03-05", "2026-03-06");
        Refused early = assertThrows(Refused.class, () -> bookings.checkOut(helpdesk, id));
        assertTrue(early.getMessage().contains("can be checked out from that day"), early.getMessage());
        assertThrows(AccessDenied.class, () -> bookings.checkOut(priya, id), "staff do not hand devices out");

        t.clock.set(Instant.parse("2026-03-05T08:30:00Z"));
        assertEquals(List.of(id), bookings.today(helpdesk).dueOut().stream().map(Booking::id).toList());
        bookings.checkOut(helpdesk, id);
        assertEquals(priya.personId(), t.services.devices.get(helpdesk, pool).orElseThrow().holder().personId());
        assertEquals(Booking.State.OUT, bookings.get(helpdesk, id).state(bookings.today()));
        assertEquals(1, audits("POOL_CHECKED_OUT"), "the device register's check-out, audited there");
        assertEquals(1, audits("BOOKING_CHECKED_OUT"));
        assertTrue(bookings.today(helpdesk).dueOut().isEmpty());
        Refused twice = assertThrows(Refused.class, () -> bookings.checkOut(helpdesk, id));
        assertTrue(twice.getMessage().contains("already checked out"), twice.getMessage());
        assertThrows(Refused.class, () -> bookings.cancel(priya, id), "checked out: check it in instead");

        t.clock.set(Instant.parse("2026-03-07T09:00:00Z")); // the day after the last day, still out
        assertEquals(List.of(id), bookings.today(helpdesk).overdue().stream().map(Booking::id).toList());
        assertEquals(List.of(id), bookings.today(priya).overdue().stream().map(Booking::id).toList());
        assertTrue(bookings.today(t.session("tom", Role.STAFF)).overdue().isEmpty(), "staff see only their own");
        t.services.devices.checkIn(helpdesk, pool);
        assertEquals(Booking.State.RETURNED, bookings.get(helpdesk, id).state(bookings.today()));
        assertTrue(bookings.today(helpdesk).overdue().isEmpty());
    }

    @Test
    void checkOutAgainstABookingStillObeysTheDeclarationRule() {
        long ann = t.person("Ann Lee", d("2025-03-10"));
        t.services.devices.addDesignatedUser(helpdesk, pool, ann);
        long id = book(helpdesk, pool, ann, "2026-03-09", "2026-03-10");
        t.clock.set(Instant.parse("2026-03-10T09:00:00Z"));
        Refused r = assertThrows(Refused.class, () -> bookings.checkOut(helpdesk, id));
        assertTrue(r.getMessage().contains("declaration expired"), r.getMessage());
        assertEquals(Booking.Status.BOOKED, bookings.get(helpdesk, id).status(), "nothing half-saved");
        assertFalse(t.services.devices.get(helpdesk, pool).orElseThrow().isHeld());
    }

    // ---- travel loaners and the wipe gate ----

    long notice(Session traveller, String departure, String ret) {
        long own = t.services.devices.create(helpdesk, new DeviceDraft("LT-OWN-" + traveller.username(), Device.Kind.LAPTOP, null, null, null, null,
                true, Device.Mode.ISSUED, Device.Status.IN_STOCK, null, null));
        t.services.devices.issue(helpdesk, own, traveller.personId());
        return t.services.travel.submit(traveller, new TravelDraft(null, List.of("CN"), d(departure), d(ret), List.of(own), "Trade delegation"));
    }

    @Test
    void aLoanerDecisionBooksACleanPoolDeviceAndTheWipeGatesItsNextBooking() {
        Session infosec = t.session("ines", Role.INFOSEC);
        Session sam = t.session("sam", Role.STAFF); // not a designated user of anything
        long notice = notice(sam, "2026-03-16", "2026-03-20");
        t.services.travel.decide(infosec, notice, TravelDecision.APPROVED_WITH_CONDITIONS, "Take the clean loaner laptop, not your own.", null, Device.Kind.LAPTOP);
        List<TravelLoaners.Loaner> loaners = t.services.travel.loaners(sam, notice);
        assertEquals(1, loaners.size());
        TravelLoaners.Loaner loaner = loaners.get(0);
        assertEquals("PL-0001", loaner.assetTag());
        assertEquals(d("2026-03-16"), loaner.from());
        assertEquals(d("2026-03-20"), loaner.to());
        assertTrue(t.services.devices.designatedUsers(helpdesk, pool).stream().anyMatch(u -> u.personId() == sam.personId()),
                "the traveller is now a named designated user (policy 50)");
        assertThrows(Refused.class, () -> book(priya, pool, null, "2026-03-20", "2026-03-21"), "the travel days are taken");

        t.clock.set(Instant.parse("2026-03-16T07:00:00Z"));
        bookings.checkOut(helpdesk, loaner.bookingId());
        t.clock.set(Instant.parse("2026-03-21T09:00:00Z"));
        t.services.devices.checkIn(helpdesk, pool);
        t.services.travel.recordPostTravelCheck(helpdesk, notice, PostTravelOutcome.NO_CONCERNS, List.of(), "All fine", false);

        // until the wipe is recorded the loaner cannot be booked again
        Refused r = assertThrows(Refused.class, () -> book(priya, pool, null, "2026-03-25", "2026-03-25"));
        assertTrue(r.messageFor("device").contains("has not been recorded as wiped and re-imaged"), r.getMessage());
        assertEquals(1, count("SELECT count(*) FROM booking"));

        bookings.recordWiped(helpdesk, loaner.bookingId());
        book(priya, pool, null, "2026-03-25", "2026-03-25");
        assertEquals(1, audits("LOANER_WIPED"));
        Refused again = assertThrows(Refused.class, () -> bookings.recordWiped(helpdesk, loaner.bookingId()));
        assertTrue(again.getMessage().contains("already recorded as wiped"), again.getMessage());
    }

    @Test
    void thePostTravelCheckRecordsTheWipeButNotWhileTheLoanerIsStillOut() {
        Session infosec = t.session("ines", Role.INFOSEC);
        Session sam = t.session("sam", Role.STAFF);
        long notice = notice(sam, "2026-03-16", "2026-03-20");
        t.services.travel.decide(infosec, notice, TravelDecision.APPROVED, "Loaner only.", null, Device.Kind.LAPTOP);
        long bookingId = t.services.travel.loaners(sam, notice).get(0).bookingId();
        t.clock.set(Instant.parse("2026-03-16T07:00:00Z"));
        bookings.checkOut(helpdesk, bookingId);
        t.clock.set(Instant.parse("2026-03-23T09:00:00Z"));
        Refused out = assertThrows(Refused.class, () -> t.services.travel.recordPostTravelCheck(helpdesk, notice, PostTravelOutcome.NO_CONCERNS, List.of(), null, true));
        assertTrue(out.getMessage().contains("still checked out to Sam Tester; check it in before recording that it was wiped"), out.getMessage());
        assertNull(t.services.travel.get(helpdesk, notice).postCheckOutcome(), "the whole check was undone");
        t.services.devices.checkIn(helpdesk, pool);
        t.services.travel.recordPostTravelCheck(helpdesk, notice, PostTravelOutcome.NO_CONCERNS, List.of(), null, true);
        assertTrue(t.services.travel.loaners(helpdesk, notice).get(0).wipedAt() != null);
        book(priya, pool, null, "2026-03-24", "2026-03-24");
    }

    @Test
    void aLoanerIsRefusedWhenNoCleanDeviceIsFreeOrTheTripIsNotApproved() {
        Session infosec = t.session("ines", Role.INFOSEC);
        Session sam = t.session("sam", Role.STAFF);
        long notice = notice(sam, "2026-03-16", "2026-03-20");
        book(priya, pool, null, "2026-03-20", "2026-03-22"); // the only pool laptop is booked on the last travel day
        Refused none = assertThrows(Refused.class, () -> t.services.travel.decide(infosec, notice, TravelDecision.APPROVED, "Loaner.", null, Device.Kind.LAPTOP));
        assertTrue(none.messageFor("loaner").startsWith("No clean pool laptop is free from Mon 16 March 2026 to Fri 20 March 2026"), none.getMessage());
        assertTrue(t.services.travel.get(infosec, notice).isPending(), "the decision was not stored either");

        Refused notApproved = assertThrows(Refused.class, () -> t.services.travel.decide(infosec, notice, TravelDecision.NOT_APPROVED, "No.", null, Device.Kind.LAPTOP));
        assertTrue(notApproved.messageFor("loaner").startsWith("A loaner goes with an approval"), notApproved.getMessage());

        long second = poolDevice("PL-0002", Device.Kind.LAPTOP);
        t.services.devices.setStatus(helpdesk, second, Device.Status.QUARANTINED, "test");
        assertThrows(Refused.class, () -> t.services.travel.decide(infosec, notice, TravelDecision.APPROVED, "Loaner.", null, Device.Kind.LAPTOP),
                "a quarantined device is not clean");
        long third = poolDevice("PL-0003", Device.Kind.LAPTOP);
        t.services.travel.decide(infosec, notice, TravelDecision.APPROVED, "Loaner.", null, Device.Kind.LAPTOP);
        assertEquals(third, t.services.travel.loaners(infosec, notice).get(0).deviceId());
    }

    @Test
    void aLoanerAwaitingItsWipeIsNotChosenForTheNextTrip() {
        Session infosec = t.session("ines", Role.INFOSEC);
        Session sam = t.session("sam", Role.STAFF);
        long first = notice(sam, "2026-03-16", "2026-03-20");
        t.services.travel.decide(infosec, first, TravelDecision.APPROVED, "Loaner.", null, Device.Kind.LAPTOP);
        long bookingId = t.services.travel.loaners(sam, first).get(0).bookingId();
        t.clock.set(Instant.parse("2026-03-16T07:00:00Z"));
        bookings.checkOut(helpdesk, bookingId);
        t.services.devices.checkIn(helpdesk, pool);
        Session kim = t.session("kim", Role.STAFF);
        long next = notice(kim, "2026-03-28", "2026-03-30");
        Refused r = assertThrows(Refused.class, () -> t.services.travel.decide(infosec, next, TravelDecision.APPROVED, "Loaner.", null, Device.Kind.LAPTOP));
        assertTrue(r.getMessage().contains("waiting to be wiped"), r.getMessage());
        bookings.recordWiped(helpdesk, bookingId);
        t.services.travel.decide(infosec, next, TravelDecision.APPROVED, "Loaner.", null, Device.Kind.LAPTOP);
        assertEquals(pool, t.services.travel.loaners(kim, next).get(0).deviceId());
    }

    @Test
    void aLoanerIsNotADeviceSomeoneHasCheckedOutNow() {
        Session infosec = t.session("ines", Role.INFOSEC);
        Session sam = t.session("sam", Role.STAFF);
        long notice = notice(sam, "2026-03-16", "2026-03-20");
        t.services.devices.checkOut(helpdesk, pool, priya.personId()); // out with Priya, no booking on the travel days
        Refused r = assertThrows(Refused.class, () -> t.services.travel.decide(infosec, notice, TravelDecision.APPROVED, "Loaner.", null, Device.Kind.LAPTOP));
        assertTrue(r.messageFor("loaner").contains("checked out"), r.getMessage());
        assertTrue(t.services.travel.get(infosec, notice).isPending());
        assertEquals(0, count("SELECT count(*) FROM booking"));
    }

    // ---- two desks at once ----

    @Test
    void twoDesksBookingTheSameDaysAtOnceGetOneBooking() throws Exception {
        Session tom = t.session("tom", Role.STAFF);
        t.services.devices.addDesignatedUser(helpdesk, pool, tom.personId());
        for (int round = 0; round < 5; round++) {
            String day = "2026-03-" + (10 + round);
            CyclicBarrier start = new CyclicBarrier(2);
            ExecutorService pool2 = Executors.newFixedThreadPool(2);
            try {
                List<Future<Boolean>> results = List.of(priya, tom).stream().map(s -> pool2.submit(() -> {
                    start.await();
                    try {
                        book(s, pool, null, day, day);
                        return true;
                    } catch (Refused r) {
                        return false;
                    }
                })).toList();
                int won = 0;
                for (Future<Boolean> f : results) if (f.get()) won++;
                assertEquals(1, won, "exactly one of two simultaneous bookings of " + day + " succeeds");
            } finally {
                pool2.shutdownNow();
            }
        }
        assertEquals(5, count("SELECT count(*) FROM booking"));
    }

    @Test
    void theCalendarListsTheTeamsPoolDevicesWithTheirBookings() {
        long phone = poolDevice("PH-0001", Device.Kind.MOBILE_PHONE);
        t.services.devices.addDesignatedUser(helpdesk, phone, priya.personId());
        book(priya, phone, null, "2026-03-06", "2026-03-09");
        book(priya, pool, null, "2026-03-20", "2026-03-21"); // outside the two weeks shown
        List<CalendarRow> rows = bookings.calendar(helpdesk, "Comms", null, d("2026-03-04"), 14);
        assertEquals(List.of("PH-0001", "PL-0001"), rows.stream().map(CalendarRow::assetTag).toList());
        assertEquals(1, rows.get(0).bookings().size());
        assertTrue(rows.get(1).bookings().isEmpty());
        assertEquals(List.of("Comms"), bookings.teams(priya));
        t.clock.advance(Duration.ZERO);
    }
}
