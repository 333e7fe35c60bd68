package org.devicedesk.travel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.testing.TestDb;
import org.devicedesk.ui.Tasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules that sat in TravelView, in its view model: synchronous (Tasks.direct()), no window, a real database. */
class TravelModelTest extends TravelModelTestBase {

    private long file(String country, String departure, String returning, String purpose) {
        return travel.submit(sam, new TravelDraft(null, List.of(country), LocalDate.parse(departure), LocalDate.parse(returning), List.of(laptop), purpose));
    }

    private TravelModel loaded(Session who) {
        TravelModel m = new TravelModel(travel, who, Tasks.direct());
        m.load(n -> { throw new AssertionError("nothing was to be opened: " + n.reference()); }, e -> { throw new AssertionError(e); });
        return m;
    }

    private List<Long> shownIds(TravelModel m) {
        return m.shown.stream().map(TravelNotice::id).toList();
    }

    @Test
    void informationSecurityAndTheHelpdeskSeeTheQueueEveryoneElseTheirOwn() {
        assertTrue(new TravelModel(travel, ines, Tasks.direct()).queue());
        assertTrue(new TravelModel(travel, harry, Tasks.direct()).queue());
        assertFalse(new TravelModel(travel, sam, Tasks.direct()).queue());
    }

    @Test
    void theSearchNarrowsByReferenceTravellerCountryPurposeStatusAndLateAndTheCountSays() {
        long france = file("FR", "2026-03-20", "2026-03-22", "Conference on victim services");
        long late = file("DE", "2026-03-06", "2026-03-08", "Meeting in Berlin");
        TravelModel m = loaded(ines);
        assertEquals(List.of(late, france).size(), m.shown.size());
        assertEquals("2 of 2 notices", m.count().get());

        m.search.set("  VICTIM ");
        assertEquals(List.of(france), shownIds(m));
        assertEquals("1 of 2 notices", m.count().get());
        m.search.set("germany");
        assertEquals(List.of(late), shownIds(m), "the country's name");
        m.search.set("de");
        assertTrue(shownIds(m).contains(late), "the country's code");
        m.search.set("late");
        assertEquals(List.of(late), shownIds(m), "a late notice is found by 'late'");
        m.search.set(travel.get(sam, france).reference());
        assertEquals(List.of(france), shownIds(m));
        m.search.set("awaiting decision");
        assertEquals(2, m.shown.size(), "the status in words");
        m.search.set("Sam Tester");
        assertEquals(2, m.shown.size(), "the traveller");
        m.search.set("nowhere");
        assertEquals(List.of(), shownIds(m));
        assertEquals("0 of 2 notices", m.count().get());
    }

    @Test
    void backUndecidedOnlyKeepsTheTripsThatAreOverWithNoDecision() {
        long undecided = file("FR", "2026-03-12", "2026-03-14", "Visit");
        long decided = file("DE", "2026-03-12", "2026-03-14", "Visit");
        travel.decide(ines, decided, TravelDecision.APPROVED, "Fine.", null);
        long later = file("ES", "2026-03-20", "2026-03-25", "Visit");
        t.clock.set(Instant.parse("2026-03-15T09:00:00Z"));
        TravelModel m = loaded(ines);
        assertEquals(3, m.shown.size());
        m.overdueOnly.set(true);
        assertEquals(List.of(undecided), shownIds(m));
        assertEquals("1 of 3 notices", m.count().get());
        m.overdueOnly.set(false);
        assertEquals(3, m.shown.size());
        assertTrue(shownIds(m).contains(later));
    }

    @Test
    void theDashboardsNarrowingAppliesUntilTheNavigationShowsAllAgain() {
        long onTime = file("FR", "2026-03-20", "2026-03-22", "Visit");
        long late = file("DE", "2026-03-06", "2026-03-08", "Visit");
        TravelModel m = new TravelModel(travel, ines, Tasks.direct());
        m.narrowTo(new TravelFilter(true, false, null, null));
        m.load(n -> { }, e -> { throw new AssertionError(e); });
        assertEquals(List.of(late), shownIds(m));
        assertEquals("1 of 2 notices", m.count().get());
        m.narrowTo(null);
        m.load(n -> { }, e -> { throw new AssertionError(e); });
        assertEquals(2, m.shown.size());
        assertTrue(shownIds(m).contains(onTime));
    }

    @Test
    void aNoticeAskedForIsOpenedOnceAfterTheLoadAndOnlyIfItIsShown() {
        long france = file("FR", "2026-03-20", "2026-03-22", "Conference");
        long germany = file("DE", "2026-03-20", "2026-03-22", "Meeting");
        TravelModel m = new TravelModel(travel, ines, Tasks.direct());
        List<Long> opened = new ArrayList<>();
        m.selectAfterLoad(germany);
        m.load(n -> opened.add(n.id()), e -> { throw new AssertionError(e); });
        assertEquals(List.of(germany), opened);
        m.load(n -> opened.add(n.id()), e -> { throw new AssertionError(e); });
        assertEquals(List.of(germany), opened, "opened once, not on every reload");

        m.search.set("conference");
        m.selectAfterLoad(germany);
        m.load(n -> opened.add(n.id()), e -> { throw new AssertionError(e); });
        assertEquals(List.of(germany), opened, "a notice the search hides is not opened");
        m.selectAfterLoad(france);
        m.load(n -> opened.add(n.id()), e -> { throw new AssertionError(e); });
        assertEquals(List.of(germany, france), opened);
    }

    @Test
    void staffSeeOnlyTheirOwnNotices() {
        file("FR", "2026-03-20", "2026-03-22", "Visit");
        Session other = t.session("olga", Role.STAFF);
        assertEquals(1, loaded(sam).shown.size());
        assertEquals(0, loaded(other).shown.size());
        assertEquals("0 of 0 notices", loaded(other).count().get());
    }

    @Test
    void aFailedLoadIsPassedOn() {
        TravelModel m = new TravelModel(travel, sam, Tasks.direct());
        t.close();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        m.load(n -> { throw new AssertionError("nothing loaded"); }, failed::set);
        assertTrue(failed.get() != null, "the list's message shows the failure");
        t = TestDb.create(Instant.parse("2026-03-04T10:00:00Z")); // for tearDown
    }

    @Test
    void theExportWritesTheRowsGivenInTheirOrderWithTheHeadings(@TempDir Path dir) throws Exception {
        long france = file("FR", "2026-03-20", "2026-03-22", "Conference");
        long late = file("DE", "2026-03-06", "2026-03-08", "Meeting");
        TravelModel m = loaded(ines);
        List<TravelNotice> rows = List.of(travel.get(ines, late), travel.get(ines, france));
        File out = dir.resolve("travel.csv").toFile();
        AtomicReference<Integer> count = new AtomicReference<>();
        m.export(out, rows, count::set, e -> { throw new AssertionError(e); });
        assertEquals(2, count.get());
        List<String> lines = Files.readAllLines(out.toPath(), StandardCharsets.UTF_8);
        assertTrue(lines.get(0).contains("Reference") && lines.get(0).contains("Post-travel check"), lines.get(0));
        assertEquals(3, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(1).startsWith(travel.get(ines, late).reference()) && lines.get(1).contains("late"), lines.get(1));
        assertTrue(lines.get(2).startsWith(travel.get(ines, france).reference()) && lines.get(2).contains("on time"), lines.get(2));
        assertEquals(TravelModel.CSV_HEADINGS.size(), TravelModel.csvLine(rows.get(0)).size());
    }
}
