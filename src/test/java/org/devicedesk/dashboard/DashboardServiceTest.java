package org.devicedesk.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.people.DeclarationState;
import org.devicedesk.testing.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DashboardServiceTest {
    static final Instant NOW = Instant.parse("2026-03-04T10:00:00Z"); // Wednesday; London is on GMT
    static final LocalDate TODAY = LocalDate.parse("2026-03-04");

    private TestDb t;
    private Seed seed;
    private DashboardService dashboard;
    private long reporter;

    @BeforeEach
    void open() {
        t = TestDb.create(NOW);
        seed = new Seed(t);
        dashboard = t.services.dashboard;
        reporter = t.person("Rita Reporter", true);
    }

    @AfterEach
    void close() {
        t.close();
    }

    @Test
    void openIncidentsByTypeAndStatusWithTheUrgentOnesListed() {
        Session helen = t.session("helen", Role.HELPDESK);
        seed.incident("LOST", "REPORTED", false, NOW.minusSeconds(3600), reporter);
        seed.incident("LOST", "REPORTED", false, NOW.minusSeconds(7200), reporter);
        seed.incident("LOST", "CONTAINED", false, NOW.minusSeconds(7200), reporter);
        long urgent = seed.incident("PASSWORD_COMPROMISED", "ACKNOWLEDGED", true, NOW.minusSeconds(600), reporter);
        seed.incident("STOLEN", "RESOLVED", true, NOW.minusSeconds(600), reporter);   // not open
        seed.incident("TAMPERING", "CLOSED", false, NOW.minusSeconds(600), reporter); // not open

        Dashboard.Incidents i = dashboard.snapshot(helen).incidents();
        assertEquals(4, i.open());
        assertEquals(Map.of("LOST", Map.of("REPORTED", 2, "CONTAINED", 1), "PASSWORD_COMPROMISED", Map.of("ACKNOWLEDGED", 1)),
                i.openByTypeAndStatus());
        assertEquals(List.of("LOST", "PASSWORD_COMPROMISED"), List.copyOf(i.openByTypeAndStatus().keySet()), "in the policy's order of types");
        assertEquals(Map.of("REPORTED", 2, "ACKNOWLEDGED", 1, "CONTAINED", 1), i.openByStatus());
        assertEquals(1, i.urgent().size(), "a resolved urgent incident is not listed");
        assertEquals(urgent, i.urgent().get(0).id());
        assertEquals("Rita Reporter", i.urgent().get(0).reporter());
    }

    @Test
    void incidentsPerMonthCoverTwelveOfficeTimeMonths() {
        Session helen = t.session("helen", Role.HELPDESK);
        seed.incident("LOST", "CLOSED", false, Instant.parse("2025-03-31T22:30:00Z"), reporter); // 23:30 BST 31 March: too old
        seed.incident("LOST", "CLOSED", false, Instant.parse("2025-03-31T23:30:00Z"), reporter); // 00:30 BST 1 April: first month
        seed.incident("STOLEN", "CLOSED", false, Instant.parse("2025-10-15T12:00:00Z"), reporter);
        seed.incident("STOLEN", "REPORTED", false, Instant.parse("2026-03-04T09:00:00Z"), reporter);
        seed.incident("STOLEN", "REPORTED", false, Instant.parse("2026-03-01T00:00:00Z"), reporter);

        List<Dashboard.MonthCount> months = dashboard.snapshot(helen).incidents().perMonth();
        assertEquals(12, months.size());
        assertEquals(new Dashboard.MonthCount(YearMonth.of(2025, 4), 1), months.get(0));
        assertEquals(new Dashboard.MonthCount(YearMonth.of(2025, 10), 1), months.get(6));
        assertEquals(new Dashboard.MonthCount(YearMonth.of(2026, 3), 2), months.get(11));
        assertEquals(4, months.stream().mapToInt(Dashboard.MonthCount::count).sum());
    }

    @Test
    void breachCasesByTimeLeftToTheIcoDeadline() {
        Session dpo = t.session("dora", Role.DPO);
        seed.breach("AWAITING_REVIEW", NOW.minus(Duration.ofHours(80)));  // overdue
        seed.breach("ASSESSING", NOW.minus(Duration.ofHours(72)));        // deadline now: overdue
        seed.breach("ASSESSING", NOW.minus(Duration.ofHours(48)));        // exactly 24 h left
        seed.breach("AWAITING_REVIEW", NOW.minus(Duration.ofHours(47)));  // 25 h left
        seed.breach("AWAITING_REVIEW", NOW.minus(Duration.ofHours(24)));  // 48 h left
        seed.breach("AWAITING_REVIEW", NOW.minus(Duration.ofHours(23)));  // 49 h left
        seed.breach("NOT_A_BREACH", NOW.minus(Duration.ofHours(80)));     // decided: not counted
        seed.breach("REPORTED_TO_ICO", NOW.minus(Duration.ofHours(10)));  // decided

        Dashboard.Breaches b = dashboard.snapshot(dpo).breaches();
        assertEquals(2, b.overdue());
        assertEquals(1, b.last24Hours());
        assertEquals(2, b.within48Hours());
        assertEquals(1, b.moreThan48Hours());
        assertEquals(6, b.open().size());
        assertEquals(NOW.minus(Duration.ofHours(80)).plus(Duration.ofHours(72)), b.open().get(0).deadline(), "most urgent first");
    }

    @Test
    void travelDepartingInTheNextFourteenDaysAndLateNotices() {
        Session ines = t.session("ines", Role.INFOSEC);
        long traveller = t.person("Tom Traveller", true);
        seed.travel(traveller, TODAY.minusDays(1), true, null);            // already gone
        long today = seed.travel(traveller, TODAY, false, "APPROVED");
        seed.travel(traveller, TODAY.plusDays(3), true, null);
        seed.travel(traveller, TODAY.plusDays(14), false, null);
        seed.travel(traveller, TODAY.plusDays(15), true, "APPROVED");     // later than 14 days

        Dashboard.Travel tr = dashboard.snapshot(ines).travel();
        assertEquals(3, tr.departingSoon());
        assertEquals(today, tr.upcoming().get(0).id(), "soonest first");
        assertEquals(2, tr.lateUpcoming(), "late notices still to depart");
        assertEquals(2, tr.awaitingDecision());
    }

    @Test
    void declarationsAndDevicesForTheHelpdesk() {
        Session helen = t.session("helen", Role.HELPDESK);                   // current (signed today)
        t.person("Eve Expiring", LocalDate.parse("2025-03-20"));             // current to 19 March 2026: expiring
        t.person("Ed Expired", LocalDate.parse("2025-03-04"));               // no longer current today
        t.person("Mo Missing", (LocalDate) null);
        seed.device("IN_SERVICE");
        seed.device("IN_SERVICE");
        seed.device("LOST");
        seed.device("QUARANTINED");

        Dashboard d = dashboard.snapshot(helen);
        // current: Rita Reporter and Helen herself
        assertEquals(new Dashboard.Declarations(2, 1, 1, 1), d.declarations());
        assertEquals(Map.of("IN_STOCK", 0, "IN_SERVICE", 2, "LOST", 1, "STOLEN", 0, "QUARANTINED", 1, "RETIRED", 0), d.devices().byStatus());
        assertEquals(List.of("IN_STOCK", "IN_SERVICE", "LOST", "STOLEN", "QUARANTINED", "RETIRED"), List.copyOf(d.devices().byStatus().keySet()));
        assertEquals(4, d.devices().total());
    }

    @Test
    void eachRoleSeesItsOwnSections() {
        Session helen = t.session("helen", Role.HELPDESK);
        Session dpo = t.session("dora", Role.DPO);
        Session ines = t.session("ines", Role.INFOSEC);
        Session admin = t.session("ada", Role.ADMIN);
        Session sam = t.session("sam", Role.STAFF);
        seed.incident("LOST", "REPORTED", false, NOW, sam.personId());

        Dashboard h = dashboard.snapshot(helen);
        assertNotNull(h.incidents());
        assertNull(h.breaches());
        assertNull(h.travel());
        assertNotNull(h.devices());
        Dashboard d = dashboard.snapshot(dpo);
        assertNotNull(d.incidents(), "the DPO sees the incidents behind the breach cases");
        assertNotNull(d.breaches());
        assertNull(d.devices());
        Dashboard i = dashboard.snapshot(ines);
        assertNotNull(i.travel());
        assertNull(i.incidents());
        Dashboard a = dashboard.snapshot(admin);
        assertNotNull(a.declarations());
        assertNull(a.breaches());
        Dashboard s = dashboard.snapshot(sam);
        assertNull(s.incidents());
        assertNull(s.devices());
        assertEquals(new Dashboard.Mine(s.mine().declaration(), 1, 0), s.mine());
        assertEquals(DeclarationState.State.CURRENT, s.mine().declaration().state());
    }

    @Test
    void aBreachCaseNotifiesOnceWhenItEntersItsLastTwentyFourHours() {
        Session dpo = t.session("dora", Role.DPO);
        long id = seed.breach("AWAITING_REVIEW", NOW.minus(Duration.ofHours(47)));  // 25 h left
        Notifier notifier = new Notifier(dashboard, dpo);
        assertTrue(notifier.due().isEmpty(), "25 hours left: not yet");
        t.clock.advance(Duration.ofMinutes(59));
        assertTrue(notifier.due().isEmpty(), "24 h 1 min left: not yet");
        t.clock.advance(Duration.ofMinutes(1));
        List<Notice> due = notifier.due();
        assertEquals(1, due.size(), "exactly 24 hours left");
        assertEquals(Notice.Kind.BREACH_DEADLINE, due.get(0).kind());
        assertEquals("breaches", due.get(0).screen());
        assertEquals(id, due.get(0).recordId());
        assertTrue(due.get(0).text().contains("24 h left"), due.get(0).text());
        t.clock.advance(Duration.ofMinutes(1));
        assertTrue(notifier.due().isEmpty(), "shown once");
        t.clock.advance(Duration.ofHours(30));
        assertTrue(notifier.due().isEmpty(), "not again when overdue");
        assertEquals(1, new Notifier(dashboard, dpo).due().size(), "a new sign-in is told again");
        assertTrue(new Notifier(dashboard, t.session("helen", Role.HELPDESK)).due().isEmpty(), "the helpdesk is not told about breach cases");
    }

    @Test
    void aNewUrgentIncidentNotifiesTheHelpdeskOnceUntilAcknowledged() {
        Session helen = t.session("helen", Role.HELPDESK);
        Notifier notifier = new Notifier(dashboard, helen);
        seed.incident("LOST", "REPORTED", false, NOW, reporter);                  // not urgent
        seed.incident("PASSWORD_COMPROMISED", "ACKNOWLEDGED", true, NOW, reporter); // already acknowledged
        assertTrue(notifier.due().isEmpty());
        t.clock.advance(Duration.ofMinutes(1));
        long urgent = seed.incident("PASSWORD_COMPROMISED", "REPORTED", true, t.clock.instant(), reporter);
        List<Notice> due = notifier.due();
        assertEquals(1, due.size());
        assertEquals(new Notice("urgent-incident-" + urgent, Notice.Kind.URGENT_INCIDENT, "Urgent: INC-2026-0003 (password compromised)",
                "Reported by Rita Reporter. Nobody has acknowledged it yet.", "incidents", urgent), due.get(0));
        t.clock.advance(Duration.ofMinutes(1));
        assertTrue(notifier.due().isEmpty(), "shown once");
    }

    @Test
    void aLateTravelNoticeNotifiesInformationSecurityOnce() {
        Session ines = t.session("ines", Role.INFOSEC);
        long traveller = t.person("Tom Traveller", true);
        seed.travel(traveller, TODAY.plusDays(3), true, "APPROVED");     // decided already
        seed.travel(traveller, TODAY.plusDays(10), false, null);         // on time
        seed.travel(traveller, TODAY.minusDays(1), true, null);          // departed
        Notifier notifier = new Notifier(dashboard, ines);
        assertTrue(notifier.due().isEmpty());
        long late = seed.travel(traveller, TODAY.plusDays(2), true, null);
        List<Notice> due = notifier.due();
        assertEquals(1, due.size());
        assertEquals("travel", due.get(0).screen());
        assertEquals(late, due.get(0).recordId());
        assertTrue(notifier.due().isEmpty(), "shown once");
    }
}
