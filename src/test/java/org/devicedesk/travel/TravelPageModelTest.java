package org.devicedesk.travel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.devicedesk.core.Refused;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.testing.TestDb;
import org.devicedesk.ui.Tasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules that sat in TravelDetail (now TravelPage), in its view model: synchronous (Tasks.direct()), no window, a real database. */
class TravelPageModelTest extends TravelModelTestBase {
    private Session olga;

    @BeforeEach
    void alsoOlga() {
        olga = t.session("olga", Role.STAFF);
    }

    private TravelPageModel model(Session who) {
        return new TravelPageModel(travel, who, Tasks.direct());
    }

    private long file(String departure, String returning, List<Long> devices) {
        return travel.submit(sam, new TravelDraft(null, List.of("CN"), LocalDate.parse(departure), LocalDate.parse(returning), devices, "Trade delegation"));
    }

    @Test
    void whoMayChangeDecideAndCheckAfterTravel() {
        long id = file("2026-03-20", "2026-03-24", List.of(laptop));
        TravelNotice pending = travel.get(ines, id);
        assertTrue(model(sam).mayChange(pending), "the traveller");
        assertTrue(model(ines).mayChange(pending), "Information Security");
        assertFalse(model(harry).mayChange(pending), "the helpdesk only checks after travel");
        assertTrue(model(ines).decides(pending));
        assertFalse(model(sam).decides(pending));
        assertFalse(model(harry).decides(pending));
        assertFalse(model(harry).checksAfterTravel(pending), "not before the return date has passed");

        travel.decide(ines, id, TravelDecision.APPROVED, "Take the loan laptop.", null);
        TravelNotice decided = travel.get(ines, id);
        assertFalse(model(sam).mayChange(decided), "a decided notice cannot be changed");
        assertFalse(model(ines).mayChange(decided));
        assertFalse(model(ines).decides(decided));

        t.clock.set(Instant.parse("2026-03-25T09:00:00Z"));
        assertTrue(model(harry).checksAfterTravel(decided));
        assertFalse(model(ines).checksAfterTravel(decided), "the check is the helpdesk's");
        assertFalse(model(olga).checksAfterTravel(decided));
    }

    @Test
    void theDecisionIsRecordedWithTheVersionReadAndARefusalIsPassedOn() {
        long id = file("2026-03-20", "2026-03-24", List.of(laptop));
        TravelNotice n = travel.get(ines, id);
        AtomicReference<Throwable> failed = new AtomicReference<>();
        model(ines).decide(n, TravelDecision.NOT_APPROVED, "  ", null, "No loaner", x -> { throw new AssertionError("advice is required"); }, failed::set);
        assertInstanceOf(Refused.class, failed.get());
        assertTrue(travel.get(ines, id).isPending());

        AtomicReference<Long> done = new AtomicReference<>();
        model(ines).decide(n, TravelDecision.APPROVED, "Keep it in your hand luggage.", null, "No loaner", done::set, e -> { throw new AssertionError(e); });
        assertEquals(id, done.get());
        TravelNotice after = travel.get(ines, id);
        assertEquals(TravelDecision.APPROVED, after.decision());
        assertEquals("Keep it in your hand luggage.", after.advice());

        failed.set(null);
        model(ines).decide(n, TravelDecision.NOT_APPROVED, "Changed my mind.", null, "No loaner", x -> { throw new AssertionError("the copy was out of date"); }, failed::set);
        assertTrue(failed.get() != null, "a decision from an out-of-date copy is refused");
    }

    @Test
    void theDevicesTickedCountOnlyWhenTamperingIsSuspected() {
        long phone = TravelFixtures.heldDevice(t, "MB-0100", sam.personId());
        long calm = file("2026-03-20", "2026-03-24", List.of(laptop));
        long rough = file("2026-03-20", "2026-03-24", List.of(laptop, phone));
        t.clock.set(Instant.parse("2026-03-26T09:00:00Z"));

        AtomicReference<Long> done = new AtomicReference<>();
        // ticked, then the outcome changed to "no concerns": the ticks are not sent (the service would open an incident)
        model(harry).recordCheck(travel.get(harry, calm), PostTravelOutcome.NO_CONCERNS, List.of(laptop), "Seals intact.", false, done::set,
                e -> { throw new AssertionError(e); });
        assertEquals(calm, done.get());
        assertEquals(PostTravelOutcome.NO_CONCERNS, travel.get(harry, calm).postCheckOutcome());

        model(harry).recordCheck(travel.get(harry, rough), PostTravelOutcome.TAMPERING_SUSPECTED, List.of(phone), "Seal broken.", false, done::set,
                e -> { throw new AssertionError(e); });
        assertEquals(rough, done.get());
        TravelNotice n = travel.get(harry, rough);
        assertEquals(PostTravelOutcome.TAMPERING_SUSPECTED, n.postCheckOutcome());
        assertEquals(List.of(phone), n.devices().stream().filter(TravelDevice::tamperingSuspected).map(TravelDevice::id).toList());
    }

    @Test
    void aCheckTheServiceRefusesIsPassedOn() {
        long id = file("2026-03-20", "2026-03-24", List.of(laptop));
        t.clock.set(Instant.parse("2026-03-26T09:00:00Z"));
        AtomicReference<Throwable> failed = new AtomicReference<>();
        model(harry).recordCheck(travel.get(harry, id), PostTravelOutcome.TAMPERING_SUSPECTED, List.of(), "Screws scratched", false,
                x -> { throw new AssertionError("a device must be named"); }, failed::set);
        assertInstanceOf(Refused.class, failed.get());
        assertNull(travel.get(harry, id).postCheckOutcome());
    }

    @Test
    void aLoanerInWordsAndWhichOneTravelled() {
        LocalDate from = LocalDate.parse("2026-03-09");
        LocalDate to = LocalDate.parse("2026-03-13");
        TravelLoaners.Loaner booked = new TravelLoaners.Loaner(1, 10, "LT-9001", "Clean laptop", from, to, false, false, false, null, null);
        TravelLoaners.Loaner out = new TravelLoaners.Loaner(2, 11, "LT-9002", "Clean laptop", from, to, true, false, false, null, null);
        TravelLoaners.Loaner back = new TravelLoaners.Loaner(3, 12, "LT-9003", "Clean laptop", from, to, true, true, false, null, null);
        TravelLoaners.Loaner wiped = new TravelLoaners.Loaner(4, 13, "LT-9004", "Clean laptop", from, to, true, true, false,
                Instant.parse("2026-03-16T10:00:00Z"), "Harry Tester");
        TravelLoaners.Loaner cancelled = new TravelLoaners.Loaner(5, 14, "LT-9005", "Clean laptop", from, to, false, false, true, null, null);

        assertEquals(Optional.of("Loaner: Clean laptop, Mon 9 Mar 2026 to Fri 13 Mar 2026 — booked, to be collected from the help desk."),
                TravelPageModel.loanerLine(booked));
        assertEquals(Optional.of("Loaner: Clean laptop, Mon 9 Mar 2026 to Fri 13 Mar 2026 — checked out to the traveller."), TravelPageModel.loanerLine(out));
        assertEquals(Optional.of("Loaner: Clean laptop, Mon 9 Mar 2026 to Fri 13 Mar 2026 — back; not yet recorded as wiped and re-imaged, so it cannot be booked again."),
                TravelPageModel.loanerLine(back));
        assertEquals(Optional.of("Loaner: Clean laptop, Mon 9 Mar 2026 to Fri 13 Mar 2026 — back, wiped and re-imaged by Harry Tester."),
                TravelPageModel.loanerLine(wiped));
        assertEquals(Optional.empty(), TravelPageModel.loanerLine(cancelled), "a cancelled booking is not listed");

        assertEquals(Optional.of(out), TravelPageModel.loanerThatTravelled(List.of(cancelled, booked, out, back)));
        assertEquals(Optional.empty(), TravelPageModel.loanerThatTravelled(List.of(booked, cancelled)));
        assertEquals("", TravelPageModel.day(null));
    }

    @Test
    void theLoanersAndTheEncryptionListAreReadForThePage() {
        long id = file("2026-03-20", "2026-03-24", List.of(laptop));
        AtomicReference<List<TravelLoaners.Loaner>> loaners = new AtomicReference<>();
        model(ines).loaners(travel.get(ines, id), loaners::set);
        assertEquals(List.of(), loaners.get(), "no loaner was booked");
        AtomicReference<CryptoList> list = new AtomicReference<>();
        model(ines).cryptoList(list::set);
        assertTrue(list.get().provenance().length() > 0, "the warning shows where the list comes from");
    }
}
