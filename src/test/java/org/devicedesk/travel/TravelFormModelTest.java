package org.devicedesk.travel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.devicedesk.core.Conflict;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.testing.TestDb;
import org.devicedesk.ui.Tasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules that sat in TravelForm, in its view model: synchronous (Tasks.direct()), no window, a real database. */
class TravelFormModelTest extends TravelModelTestBase {

    private TravelFormModel opened(Session who, TravelNotice n) {
        TravelFormModel m = new TravelFormModel(travel, who, Tasks.direct());
        m.open(n, e -> { throw new AssertionError(e); });
        return m;
    }

    @Test
    void theNoticeDaysAreShownAsSoonAsTheDepartureIsKnown() {
        TravelFormModel m = opened(sam, null);
        assertEquals("", m.noticeText.get());
        assertEquals(List.of(laptop), m.devices.stream().map(TravelDevice::id).toList(), "the devices sam holds");
        m.departure.set(LocalDate.parse("2026-03-11"));
        assertEquals("7 days' notice — on time", m.noticeText.get());
        assertFalse(m.noticeBad.get());
        m.departure.set(LocalDate.parse("2026-03-09"));
        assertEquals("5 days' notice — late — fewer than 7 days before travel", m.noticeText.get());
        assertTrue(m.noticeBad.get());
        m.departure.set(LocalDate.parse("2026-03-01"));
        assertEquals("The departure date is in the past.", m.noticeText.get());
        assertTrue(m.noticeBad.get());
    }

    @Test
    void aChangedNoticeCountsFromTheDayItWasFiledAndALateOneStaysLate() {
        long id = travel.submit(sam, new TravelDraft(null, List.of("FR"), LocalDate.parse("2026-03-08"), LocalDate.parse("2026-03-10"),
                List.of(laptop), "Conference"));
        t.clock.set(Instant.parse("2026-03-06T10:00:00Z"));
        TravelFormModel m = opened(sam, travel.get(sam, id));
        assertEquals("Change " + travel.get(sam, id).reference(), m.heading.get());
        m.departure.set(LocalDate.parse("2026-03-24"));
        assertEquals("20 days' notice — late — fewer than 7 days before travel (counted from the day it was filed; a late notice stays late)",
                m.noticeText.get());
        assertTrue(m.noticeBad.get());
    }

    @Test
    void aDestinationThatRestrictsEncryptionWarnsWithTheListsSource() {
        TravelFormModel m = opened(sam, null);
        m.destinations.setAll("FR");
        assertEquals("", m.cryptoText.get());
        m.destinations.setAll("FR", "CN");
        assertTrue(m.cryptoText.get().startsWith("Encryption warning: China restricts the import or use of encryption."), m.cryptoText.get());
        assertTrue(m.cryptoSource.get().contains("Source of the list: "), m.cryptoSource.get());
    }

    @Test
    void aStaleChangeIsRefusedAndTheReloadKeepsWhatWasTypedWhereItDoesNotClash() {
        long id = travel.submit(sam, new TravelDraft(null, List.of("FR"), LocalDate.parse("2026-03-20"), LocalDate.parse("2026-03-22"),
                List.of(laptop), "Conference"));
        TravelFormModel mine = opened(sam, travel.get(sam, id));
        TravelNotice now = travel.get(ines, id);
        travel.update(ines, id, now.version(), new TravelDraft(null, List.of("FR"), now.departureDate(), LocalDate.parse("2026-03-23"),
                List.of(laptop), now.purpose())); // Information Security moves the return date meanwhile
        mine.purpose.set("Conference on victim services");
        AtomicReference<Throwable> refused = new AtomicReference<>();
        mine.save(saved -> { throw new AssertionError("saved"); }, refused::set);
        assertInstanceOf(Conflict.class, refused.get());

        AtomicReference<String> said = new AtomicReference<>();
        mine.reload(said::set, e -> { throw new AssertionError(e); });
        assertEquals(LocalDate.parse("2026-03-23"), mine.returning.get(), "their change is taken");
        assertEquals("Conference on victim services", mine.purpose.get(), "mine is kept");
        assertTrue(said.get().contains("Your changes to purpose are kept."), said.get());
        AtomicReference<Long> saved = new AtomicReference<>();
        mine.save(saved::set, e -> { throw new AssertionError(e); });
        assertEquals(id, saved.get());
        TravelNotice stored = travel.get(sam, id);
        assertEquals("Conference on victim services", stored.purpose());
        assertEquals(LocalDate.parse("2026-03-23"), stored.returnDate());
    }

    /** Issue 17 (ADR 0014): what counts as unsaved, for Cancel, Esc, another row, navigating away and signing out. */
    @Test
    void unsavedChangesAreWhatDiffersFromTheNoticeAsOpened() {
        TravelFormModel m = opened(sam, null);
        assertNull(m.unsavedChanges(), "an empty new form holds nothing");
        m.destinations.add("FR");
        assertEquals("the new travel notice", m.unsavedChanges());
        m.destinations.clear();
        m.ticked.add(laptop);
        assertEquals("the new travel notice", m.unsavedChanges(), "a ticked device counts");
        m.ticked.clear();
        assertNull(m.unsavedChanges(), "chosen and taken back");

        long id = travel.submit(sam, new TravelDraft(null, List.of("FR", "DE"), LocalDate.parse("2026-03-20"), LocalDate.parse("2026-03-24"),
                List.of(laptop), "Conference"));
        TravelNotice n = travel.get(sam, id);
        TravelFormModel edit = opened(sam, n);
        assertNull(edit.unsavedChanges(), "a notice just opened holds nothing unsaved");
        edit.returning.set(LocalDate.parse("2026-03-25"));
        assertEquals("your changes to " + n.reference(), edit.unsavedChanges());
        edit.returning.set(LocalDate.parse("2026-03-24"));
        edit.purpose.set("Conference in Lyon");
        assertEquals("your changes to " + n.reference(), edit.unsavedChanges());
    }
}
