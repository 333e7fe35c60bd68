package org.devicedesk.incidents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.incidents.Incident.Status;
import org.devicedesk.incidents.Incident.Type;
import org.devicedesk.incidents.IncidentService.Age;
import org.devicedesk.incidents.IncidentService.Query;
import org.devicedesk.incidents.IncidentsModel.StatusChoice;
import org.devicedesk.incidents.IncidentsModel.Target;
import org.devicedesk.testing.HeldTasks;
import org.devicedesk.testing.TestDb;
import org.devicedesk.ui.Tasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules that sat in IncidentsView, in its view model: synchronous (Tasks.direct()), no window, a real database. */
class IncidentsModelTest {
    TestDb db;
    IncidentService incidents;
    Session sam;
    Session kim;
    Session helen;

    @BeforeEach
    void setUp() {
        db = TestDb.create(); // Wednesday 4 March 2026, 10:00 in London
        incidents = db.services.incidents;
        sam = db.session("sam", Role.STAFF);
        kim = db.session("kim", Role.STAFF);
        helen = db.session("helen", Role.HELPDESK, Role.STAFF);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    IncidentsModel model(Session who) {
        return new IncidentsModel(incidents, who, Tasks.direct());
    }

    static List<String> refs(IncidentsModel m) {
        return m.rows().stream().map(Incident::reference).toList();
    }

    long lost(Session who) {
        long phone = IncidentFixture.issuedPhone(db, helen, who.personId(), "PH-" + (100 + refsSoFar++));
        return incidents.report(who, IncidentFixture.lost(phone, true)).id();
    }

    int refsSoFar;

    void closeIt(long id) {
        incidents.acknowledge(helen, id);
        incidents.move(helen, id, Status.CONTAINED);
        incidents.move(helen, id, Status.RESOLVED);
        incidents.close(helen, id, "Found on the train and handed back.");
    }

    @Test
    void theHelpdeskQueueShowsOpenIncidentsUntilAskedForClosedOnesAndTheCountSaysHowMany() {
        long first = lost(sam);
        lost(kim);
        closeIt(first);
        IncidentsModel m = model(helen);
        assertTrue(m.seesAll());
        assertEquals(StatusChoice.OPEN, m.status.get(), "the helpdesk's queue: closed ones only when asked for");
        m.reload();
        assertEquals(List.of("INC-2026-0002"), refs(m));
        assertEquals("1 incident", m.count.get());

        m.status.set(StatusChoice.ANY);
        m.reload();
        assertEquals(List.of("INC-2026-0002", "INC-2026-0001"), refs(m), "open first");
        assertEquals("2 incidents", m.count.get());

        m.status.set(StatusChoice.CLOSED);
        m.reload();
        assertEquals(List.of("INC-2026-0001"), refs(m));
        m.type.set(Type.STOLEN);
        m.reload();
        assertEquals("0 incidents", m.count.get());
    }

    @Test
    void staffSeeEveryStatusOfTheirOwnReportsAndNothingElse() {
        long mine = lost(sam);
        lost(kim);
        closeIt(mine);
        IncidentsModel m = model(sam);
        assertFalse(m.seesAll());
        assertEquals(StatusChoice.ANY, m.status.get());
        m.reload();
        assertEquals(List.of("INC-2026-0001"), refs(m), "their own, closed too; not Kim's");
        assertEquals(List.of(IncidentsModel.ANYONE, IncidentsModel.NOBODY), m.assignees, "staff are not shown the helpdesk's accounts");
    }

    @Test
    void theSearchNarrowsTheList() {
        lost(sam);
        lost(kim);
        IncidentsModel m = model(helen);
        m.search.set("kim");
        m.reload();
        assertEquals(List.of("INC-2026-0002"), refs(m), "by the reporter's name");
        m.search.set("inc-2026-0001");
        m.reload();
        assertEquals(List.of("INC-2026-0001"), refs(m), "by reference");
    }

    @Test
    void theAssigneeFilterOffersTheHelpdeskOnceAndShowsTheirNames() {
        long first = lost(sam);
        lost(kim);
        incidents.assign(helen, first, "helen");
        IncidentsModel m = model(helen);
        m.reload();
        assertEquals(List.of(IncidentsModel.ANYONE, IncidentsModel.NOBODY, "helen"), m.assignees);
        m.reload();
        assertEquals(3, m.assignees.size(), "loaded once, not again with every search");

        Incident assigned = m.rows().stream().filter(i -> i.id() == first).findFirst().orElseThrow();
        assertEquals("Helen Tester", m.assigneeName(assigned), "the name people know her by");
        Incident nobody = m.rows().stream().filter(i -> i.id() != first).findFirst().orElseThrow();
        assertEquals("", m.assigneeName(nobody));

        m.assignee.set(IncidentsModel.NOBODY);
        m.reload();
        assertEquals(List.of("INC-2026-0002"), refs(m));
        m.assignee.set("helen");
        m.reload();
        assertEquals(List.of("INC-2026-0001"), refs(m));
        assertEquals("helen", m.query().assignee());
        m.assignee.set(IncidentsModel.ANYONE);
        assertNull(m.query().assignee());
    }

    @Test
    void theAgeFilterLooksBackFromNow() {
        lost(sam);
        db.clock.advance(Duration.ofDays(2));
        lost(kim);
        IncidentsModel m = model(helen);
        m.age.set(Age.DAY);
        m.reload();
        assertEquals(List.of("INC-2026-0002"), refs(m));
        m.age.set(Age.WEEK);
        m.reload();
        assertEquals(2, m.rows().size());
    }

    @Test
    void anOlderSearchThatAnswersLateNeverReplacesTheNewerOnesRows() {
        lost(sam);
        lost(kim);
        HeldTasks held = new HeldTasks();
        IncidentsModel m = new IncidentsModel(incidents, helen, held);
        m.search.set("sam");
        m.reload(); // work 0: the search; work 1: the helpdesk accounts
        m.search.set("kim");
        m.reload(); // work 2: the newer search; work 3: the accounts (the first answer has not arrived yet)
        assertEquals(4, held.size());
        held.finish(2);
        assertEquals(List.of("INC-2026-0002"), refs(m));
        held.finish(0); // the older search answers last
        assertEquals(List.of("INC-2026-0002"), refs(m), "the older result is dropped");
        assertEquals("1 incident", m.count.get());
        held.finish(1);
        held.finish(3);
        assertEquals(List.of(IncidentsModel.ANYONE, IncidentsModel.NOBODY, "helen"), m.assignees, "the accounts are added once");
    }

    @Test
    void openForCountsFromWhenTheListWasLoadedAndAgesAmberAfterADayAndRedAfterThree() {
        long id = lost(sam);
        IncidentsModel m = model(helen);
        m.reload();
        Incident i = m.rows().get(0);
        assertEquals(IncidentsModel.since(Duration.ZERO), m.openFor(i));
        assertNull(m.ageStyle(i));

        db.clock.advance(Duration.ofHours(25));
        assertNull(m.ageStyle(i), "the age is the list's, until it loads again");
        m.reload();
        i = m.rows().get(0);
        assertEquals(IncidentsModel.since(Duration.ofHours(25)), m.openFor(i));
        assertEquals("age-day", m.ageStyle(i));

        db.clock.advance(Duration.ofHours(48));
        m.reload();
        i = m.rows().get(0);
        assertEquals("age-days", m.ageStyle(i));

        closeIt(id);
        m.status.set(StatusChoice.ANY);
        m.reload();
        i = m.rows().get(0);
        assertEquals("–", m.openFor(i), "no longer open");
        assertNull(m.ageStyle(i));
    }

    @Test
    void theUrgentFlagShowsOnlyWhileTheIncidentIsOpen() {
        // a password compromised while the device was out of the person's hands is urgent
        long id = incidents.report(sam, IncidentFixture.password(null, false, false, false, false)).id();
        IncidentsModel m = model(helen);
        m.status.set(StatusChoice.ANY);
        m.reload();
        assertTrue(m.rows().get(0).urgent());
        assertTrue(IncidentsModel.showsUrgent(m.rows().get(0)));
        closeIt(id);
        m.reload();
        assertTrue(m.rows().get(0).urgent(), "still stored as urgent");
        assertFalse(IncidentsModel.showsUrgent(m.rows().get(0)), "a closed one is urgent no more");
    }

    @Test
    void theDashboardNarrowsTheListToATypeAndStatus() {
        IncidentsModel m = model(helen);
        m.narrowTo(new Query(null, Type.LOST, EnumSet.of(Status.REPORTED), null, Age.ANY));
        assertEquals(Type.LOST, m.type.get());
        assertEquals(StatusChoice.REPORTED, m.status.get());
        assertEquals("Reported", m.status.get().toString());
        m.narrowTo(new Query(null, null, EnumSet.of(Status.REPORTED, Status.CLOSED), null, Age.ANY));
        assertEquals(StatusChoice.ANY, m.status.get(), "no choice shows exactly those: any status");
        assertNull(m.type.get());
    }

    @Test
    void aNavigationArgumentOpensAnIncidentTheFormOrTheList() {
        assertEquals(Target.INCIDENT, IncidentsModel.target(42L));
        assertEquals(Target.INCIDENT, IncidentsModel.target("42"));
        assertEquals(42L, IncidentsModel.incidentId("42"));
        assertEquals(7L, IncidentsModel.incidentId(7));
        assertEquals(Target.FORM, IncidentsModel.target("new"));
        assertEquals(Target.LIST, IncidentsModel.target(null));
        assertEquals(Target.LIST, IncidentsModel.target("INC-1"));
        assertEquals(Target.LIST, IncidentsModel.target(Query.all()));
    }

    @Test
    void theExportWritesWhatTheFiltersShowAndSaysHowMany(@TempDir Path dir) throws Exception {
        long first = lost(sam);
        lost(kim);
        closeIt(first);
        IncidentsModel m = model(helen);
        Path file = dir.resolve("incidents.csv");
        m.exportCsv(file);
        assertEquals("1 incident exported to incidents.csv.", m.outcome.get().text(), "the open ones, as the list shows");
        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(1).startsWith("INC-2026-0002"), lines.get(1));
        m.status.set(StatusChoice.ANY);
        m.exportCsv(file);
        assertEquals("2 incidents exported to incidents.csv.", m.outcome.get().text());
        m.reload();
        assertFalse(m.outcome.get().isSuccess(), "a new search clears the message");
    }

    @Test
    void pagesAreSortedInTheDatabaseAndCountedWhole() {
        long first = lost(sam);
        lost(kim);
        lost(sam);
        closeIt(first);
        // the service's page: one row at a time, the count of every match
        var q = new Query(null, null, java.util.EnumSet.allOf(Status.class), null, IncidentService.Age.ANY);
        var p1 = incidents.page(helen, q, IncidentService.Sort.REFERENCE, false, 0, 1);
        assertEquals(List.of("INC-2026-0001"), p1.rows().stream().map(Incident::reference).toList());
        assertEquals(3, p1.total());
        assertTrue(p1.hasNext());
        var p3 = incidents.page(helen, q, IncidentService.Sort.REFERENCE, false, 2, 1);
        assertEquals(List.of("INC-2026-0003"), p3.rows().stream().map(Incident::reference).toList());
        assertFalse(p3.hasNext());
        assertEquals("3 incidents", p3.countInWords());
        assertEquals("more than 10,000 incidents", new IncidentService.Page(List.of(), IncidentService.COUNT_CAP, true, 0, 200).countInWords());

        IncidentsModel m = model(helen);
        m.status.set(StatusChoice.ANY);
        m.reload();
        assertEquals(List.of("INC-2026-0003", "INC-2026-0002", "INC-2026-0001"), refs(m), "open first, then the newest");
        m.sortBy(IncidentService.Sort.REFERENCE, false);
        assertEquals(List.of("INC-2026-0001", "INC-2026-0002", "INC-2026-0003"), refs(m), "a header sorts every row in the database");
        m.sortBy(IncidentService.Sort.REFERENCE, true);
        assertEquals(List.of("INC-2026-0003", "INC-2026-0002", "INC-2026-0001"), refs(m));
        assertFalse(m.hasMore.get(), "all three fit on the first page");
        assertEquals("3 incidents", m.count.get());
        m.sortBy(null, false);
        assertEquals(List.of("INC-2026-0003", "INC-2026-0002", "INC-2026-0001"), refs(m));
    }

    @Test
    void myReportsReadOpenFirstThenNewest() {
        long first = lost(sam);
        lost(sam);
        closeIt(first);
        long third = lost(sam);
        IncidentsModel m = model(sam);
        m.reload();
        assertEquals(List.of("INC-2026-0003", "INC-2026-0002", "INC-2026-0001"), refs(m), "the closed one last");
        assertTrue(third > 0);
    }
}
