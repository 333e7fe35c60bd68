package org.devicedesk.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.people.DeclarationState;
import org.devicedesk.testing.HeldTasks;
import org.devicedesk.testing.TestDb;
import org.devicedesk.ui.Tasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules that sat in DashboardView, in its view model: synchronous (Tasks.direct()), no window, a real database. */
class DashboardModelTest {
    static final Instant NOW = Instant.parse("2026-03-04T10:00:00Z"); // Wednesday; London is on GMT

    private TestDb t;
    private Seed seed;

    @BeforeEach
    void open() {
        t = TestDb.create(NOW);
        seed = new Seed(t);
    }

    @AfterEach
    void close() {
        t.close();
    }

    private DashboardModel model(Session s, Tasks tasks) {
        return new DashboardModel(t.services.dashboard, t.services.incidents, s, tasks);
    }

    private DashboardModel.Loaded refreshed(Session s) {
        AtomicReference<DashboardModel.Loaded> loaded = new AtomicReference<>();
        model(s, Tasks.direct()).refresh(loaded::set, e -> { throw new AssertionError(e); });
        assertNotNull(loaded.get());
        return loaded.get();
    }

    @Test
    void aMemberOfStaffSeesTheirOwnThingsWithWhoToCallNow() {
        Session staff = t.session("sam", Role.STAFF);
        DashboardModel.Loaded l = refreshed(staff);
        assertTrue(DashboardModel.staffOnly(l.dashboard()));
        assertNotNull(l.callNow(), "who to phone now, first on the page");
        assertEquals(List.of(), l.myDevices(), "sam holds no device");
    }

    @Test
    void theHelpdeskSeesTheCountsAndNoStaffCard() {
        Session helen = t.session("helen", Role.HELPDESK);
        seed.incident("LOST", "REPORTED", false, NOW.minusSeconds(3600), t.person("Rita Reporter", true));
        DashboardModel.Loaded l = refreshed(helen);
        assertFalse(DashboardModel.staffOnly(l.dashboard()));
        assertNull(l.callNow(), "not loaded for someone who is more than staff");
        assertEquals(List.of(), l.myDevices());
        assertEquals(1, l.dashboard().incidents().open());
        assertEquals(NOW, l.dashboard().at());
    }

    @Test
    void aRefreshAskedForWhileOneIsRunningIsSkippedAndTheNextOneRuns() {
        HeldTasks held = new HeldTasks();
        DashboardModel m = model(t.session("helen", Role.HELPDESK), held);
        List<DashboardModel.Loaded> shown = new ArrayList<>();
        m.refresh(shown::add, e -> { throw new AssertionError(e); });
        m.refresh(shown::add, e -> { throw new AssertionError(e); });
        assertEquals(1, held.size(), "the second refresh did not start");
        held.finish(0);
        assertEquals(1, shown.size());
        m.refresh(shown::add, e -> { throw new AssertionError(e); });
        assertEquals(2, held.size(), "once the first is done, a refresh runs again");
        held.finish(1);
        assertEquals(2, shown.size());
    }

    @Test
    void aFailedRefreshIsPassedOnAndDoesNotBlockTheNext() {
        DashboardModel m = new DashboardModel(t.services.dashboard, t.services.incidents, t.session("helen", Role.HELPDESK),
                new Tasks() {
                    private int calls;
                    @Override public <T> void run(java.util.concurrent.Callable<T> work, java.util.function.Consumer<T> ok, java.util.function.Consumer<Throwable> failed) {
                        if (calls++ == 0) failed.accept(new IllegalStateException("The database could not be reached."));
                        else Tasks.direct().run(work, ok, failed);
                    }
                });
        AtomicReference<Throwable> failed = new AtomicReference<>();
        m.refresh(l -> { throw new AssertionError("it failed"); }, failed::set);
        assertEquals("The database could not be reached.", failed.get().getMessage());
        AtomicReference<DashboardModel.Loaded> loaded = new AtomicReference<>();
        m.refresh(loaded::set, e -> { throw new AssertionError(e); });
        assertNotNull(loaded.get());
    }

    @Test
    void aBreachDeadlineNotifiesOnce() {
        Session dpo = t.session("dora", Role.DPO);
        seed.breach("AWAITING_REVIEW", NOW.minus(Duration.ofHours(48)));  // 24 h left
        DashboardModel m = model(dpo, Tasks.direct());
        List<List<Notice>> due = new ArrayList<>();
        m.notifyDue(due::add);
        m.notifyDue(due::add);
        assertEquals(2, due.size());
        assertEquals(1, due.get(0).size());
        assertTrue(DashboardModel.warning(due.get(0).get(0)), "a breach deadline pops up as a warning");
        assertEquals(List.of(), due.get(1), "shown once");
    }

    @Test
    void threePopUpsAtMostAndTheRestAsOne() {
        List<Notice> due = new ArrayList<>();
        for (int i = 0; i < 5; i++) due.add(new Notice("k" + i, Notice.Kind.LATE_TRAVEL, "Late " + i, "", "travel", i));
        assertEquals(due.subList(0, 3), DashboardModel.popUps(due));
        assertEquals(2, DashboardModel.morePopUps(due));
        assertEquals(due.subList(0, 2), DashboardModel.popUps(due.subList(0, 2)));
        assertEquals(0, DashboardModel.morePopUps(due.subList(0, 3)));
        assertFalse(DashboardModel.warning(due.get(0)), "late travel is not a warning");
        assertTrue(DashboardModel.warning(new Notice("u", Notice.Kind.URGENT_INCIDENT, "", "", "incidents", 1)));
    }

    @Test
    void theDeclarationInWordsAndItsColour() {
        LocalDate today = LocalDate.parse("2026-03-04");
        DeclarationState current = DeclarationState.of(LocalDate.parse("2025-06-01"), today, 12, 30);
        assertEquals("Current until Sun 31 May", DashboardModel.declarationText(current));
        assertEquals("badge-success", DashboardModel.declarationBadge(current));
        DeclarationState expiring = DeclarationState.of(LocalDate.parse("2025-03-20"), today, 12, 30);
        assertEquals("Expiring: sign again before Fri 20 Mar", DashboardModel.declarationText(expiring));
        assertEquals("badge-warning", DashboardModel.declarationBadge(expiring));
        DeclarationState expired = DeclarationState.of(LocalDate.parse("2025-03-01"), today, 12, 30);
        assertEquals("Expired on Sun 1 Mar: please sign it again", DashboardModel.declarationText(expired));
        assertEquals("badge-danger", DashboardModel.declarationBadge(expired));
        DeclarationState missing = DeclarationState.of(null, today, 12, 30);
        assertEquals("Not signed yet: please read the policy and sign it", DashboardModel.declarationText(missing));
        assertEquals("badge-danger", DashboardModel.declarationBadge(missing));
    }

    @Test
    void theTimeLeftToABreachDeadlineAndItsColour() {
        assertEquals("53 h 00 min left", DashboardModel.timeLeft(NOW, NOW.plus(Duration.ofHours(53))));
        assertEquals("badge-neutral", DashboardModel.timeLeftBadge(NOW, NOW.plus(Duration.ofHours(53))));
        assertEquals("24 h 00 min left", DashboardModel.timeLeft(NOW, NOW.plus(Duration.ofHours(24))));
        assertEquals("3 h 10 min left", DashboardModel.timeLeft(NOW, NOW.plus(Duration.ofMinutes(190))));
        assertEquals("26 h 46 min left", DashboardModel.timeLeft(NOW, NOW.plus(Duration.ofMinutes(26 * 60 + 46))), "as the breach queue says it");
        assertEquals("badge-warning", DashboardModel.timeLeftBadge(NOW, NOW.plus(Duration.ofHours(24))), "the last 24 hours");
        assertEquals("Overdue by 0 h 45 min", DashboardModel.timeLeft(NOW, NOW.minus(Duration.ofMinutes(45))));
        assertEquals("badge-danger", DashboardModel.timeLeftBadge(NOW, NOW.minus(Duration.ofMinutes(45))));
        assertEquals("Overdue by 0 h 00 min", DashboardModel.timeLeft(NOW, NOW));
        assertEquals("badge-danger", DashboardModel.timeLeftBadge(NOW, NOW), "at the deadline itself");
        assertEquals("Wed 4 Mar, 10:00", DashboardModel.when(NOW, NOW));
        assertEquals("4 Mar 2025, 10:00", DashboardModel.when(NOW.minus(Duration.ofDays(365)), NOW), "another year says its year");
        assertEquals(0, DashboardModel.unlisted(8));
        assertEquals(3, DashboardModel.unlisted(11));
    }

    @Test
    void whatDrawsTheEyeAndTheWordsAroundTheNumbers() {
        assertTrue(DashboardModel.deviceStatusNeedsAttention("LOST", 1));
        assertTrue(DashboardModel.deviceStatusNeedsAttention("STOLEN", 2));
        assertTrue(DashboardModel.deviceStatusNeedsAttention("QUARANTINED", 1));
        assertFalse(DashboardModel.deviceStatusNeedsAttention("LOST", 0));
        assertFalse(DashboardModel.deviceStatusNeedsAttention("IN_SERVICE", 40));
        assertTrue(DashboardModel.incidentStatusNeedsAttention("REPORTED", 1));
        assertFalse(DashboardModel.incidentStatusNeedsAttention("REPORTED", 0));
        assertFalse(DashboardModel.incidentStatusNeedsAttention("CONTAINED", 4));
        assertEquals("in-service", DashboardModel.kebab("IN_SERVICE"));
        assertEquals("Updated 10:00 · refreshes every minute", DashboardModel.updatedLine(NOW));
        assertEquals(LocalDate.parse("2026-03-05"), DashboardModel.today(new Dashboard(Instant.parse("2026-03-05T00:30:00Z"), null, null, null, null, null, null)));
    }

    @Test
    void theIncidentsChartCountsInWholeIncidentsWithAtLeastFiveTicks() {
        YearMonth march = YearMonth.of(2026, 3);
        assertEquals(new DashboardModel.Axis(5, 1), DashboardModel.perMonthAxis(List.of()));
        assertEquals(new DashboardModel.Axis(5, 1), DashboardModel.perMonthAxis(List.of(new Dashboard.MonthCount(march, 3))));
        assertEquals(new DashboardModel.Axis(6, 1), DashboardModel.perMonthAxis(List.of(new Dashboard.MonthCount(march, 5))), "room above the tallest bar");
        assertEquals(new DashboardModel.Axis(15, 3), DashboardModel.perMonthAxis(List.of(new Dashboard.MonthCount(march, 3), new Dashboard.MonthCount(march.minusMonths(1), 12))));
    }
}
