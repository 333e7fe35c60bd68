package org.devicedesk.incidents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.devicedesk.core.AccessDenied;
import org.devicedesk.core.ChangeFeed;
import org.devicedesk.core.Conflict;
import org.devicedesk.core.Refused;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.incidents.Incident.ActionType;
import org.devicedesk.incidents.Incident.Status;
import org.devicedesk.incidents.IncidentPageModel.Fact;
import org.devicedesk.testing.TestDb;
import org.devicedesk.ui.Tasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules that sat in IncidentPage, in its view model: synchronous (Tasks.direct()), no window, a real database. */
class IncidentPageModelTest {
    TestDb db;
    IncidentService incidents;
    Session sam;
    Session helen;
    long lost;

    @BeforeEach
    void setUp() {
        db = TestDb.create(); // Wednesday 4 March 2026, 10:00 in London
        incidents = db.services.incidents;
        sam = db.session("sam", Role.STAFF);
        helen = db.session("helen", Role.HELPDESK, Role.STAFF);
        long phone = IncidentFixture.issuedPhone(db, helen, sam.personId(), "PH-0042");
        lost = incidents.report(sam, IncidentFixture.lost(phone, true)).id();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    static <T> java.util.function.Consumer<T> never() {
        return x -> { throw new AssertionError("not expected: " + x); };
    }

    IncidentPageModel opened(Session who, long id) {
        IncidentPageModel m = new IncidentPageModel(incidents, who, Tasks.direct());
        AtomicReference<Incident.Detail> loaded = new AtomicReference<>();
        m.open(id, loaded::set, never());
        assertEquals(loaded.get(), m.shown().get());
        assertEquals(id, m.id());
        return m;
    }

    static String fact(IncidentPageModel m, String label) {
        return m.facts().stream().filter(f -> f.label().equals(label)).map(Fact::value).findFirst().orElse(null);
    }

    @Test
    void theFactsSayWhatWasReportedInWordsAndOnlyTheQuestionsTheTypeAsked() {
        IncidentPageModel m = opened(helen, lost);
        List<String> labels = m.facts().stream().map(Fact::label).toList();
        assertEquals(List.of("Reported by", "Device", "Reported at", "Happened (approx.)", "Where", "Assigned to",
                "Device locked (57)", "What happened"), labels, "a lost phone: only whether it was locked is asked");
        assertEquals("Sam Tester", fact(m, "Reported by"));
        assertEquals("Not known", fact(m, "Happened (approx.)"));
        assertEquals("Nobody yet", fact(m, "Assigned to"));
        assertEquals("Yes", fact(m, "Device locked (57)"));
        assertEquals("On the train to Birmingham New Street", fact(m, "Where"));
        assertTrue(fact(m, "Reported at").startsWith("Wed 4 Mar 2026, 10:00"), fact(m, "Reported at"));

        long password = incidents.report(sam, IncidentFixture.password(null, true, true, false, false)).id();
        IncidentPageModel p = opened(helen, password);
        assertEquals("None given", fact(p, "Device"));
        assertEquals("Yes", fact(p, "Password written down, carried"));
        assertEquals("No", fact(p, "Password used elsewhere"));
        assertNull(fact(p, "Device locked (57)"));
        assertNull(fact(p, "Closing summary"), "not closed");
    }

    @Test
    void sinceSaysHowLongItHasBeenOpenAndNothingOnceClosed() {
        IncidentPageModel m = opened(helen, lost);
        assertEquals("Reported " + IncidentsModel.since(Duration.ofHours(3)) + " ago", m.since(m.now().plus(Duration.ofHours(3))));
        incidents.acknowledge(helen, lost);
        incidents.move(helen, lost, Status.CONTAINED);
        incidents.move(helen, lost, Status.RESOLVED);
        incidents.close(helen, lost, "Handed in at the station.");
        m = opened(helen, lost);
        assertEquals("", m.since(m.now()));
        assertEquals("Handed in at the station.", fact(m, "Closing summary"));
    }

    @Test
    void theHelpdeskIsOfferedOnlyTheStepsThatMakeSenseNowAndEachStepShowsTheIncidentAsItNowIs() {
        IncidentPageModel m = opened(helen, lost);
        m.assignees(list -> { }, never()); // as the page does when it draws the steps: the helpdesk's names become known
        List<Incident.Detail> done = new ArrayList<>();
        assertTrue(m.offersSteps());
        assertTrue(m.offersAcknowledge());
        assertNull(m.advanceTo(), "reported: acknowledge first");
        assertFalse(m.offersClose());

        m.acknowledge(done::add, never());
        assertEquals(Status.ACKNOWLEDGED, m.shown().get().incident().status());
        assertEquals(m.shown().get(), done.get(0));
        assertFalse(m.offersAcknowledge());
        assertEquals(Status.CONTAINED, m.advanceTo());
        assertEquals("Helen Tester", fact(m, "Assigned to"), "acknowledging takes it when nobody has; by her name");

        m.recordAction(ActionType.REMOTE_WIPE_REQUESTED, "Wipe sent from Intune.", done::add, never());
        assertEquals(ActionType.REMOTE_WIPE_REQUESTED, m.shown().get().timeline().get(m.shown().get().timeline().size() - 1).type());

        m.advance(done::add, never());
        assertEquals(Status.CONTAINED, m.shown().get().incident().status());
        assertEquals(Status.RESOLVED, m.advanceTo());
        m.advance(done::add, never());
        assertEquals(Status.RESOLVED, m.shown().get().incident().status());
        assertNull(m.advanceTo(), "resolved: the next step is closing, with a summary");
        assertTrue(m.offersClose());

        AtomicReference<Throwable> refused = new AtomicReference<>();
        m.close("", never(), refused::set);
        assertInstanceOf(Refused.class, refused.get());
        assertTrue(refused.get().getMessage().contains("closing summary"), refused.get().getMessage());
        assertEquals(Status.RESOLVED, m.shown().get().incident().status(), "nothing changed");

        m.close("Wiped and replaced.", done::add, never());
        assertEquals(Status.CLOSED, m.shown().get().incident().status());
        assertFalse(m.offersSteps(), "a closed incident offers no more changes");
        assertEquals(5, done.size());
    }

    @Test
    void staffSeeTheirReportButNoSteps() {
        IncidentPageModel m = opened(sam, lost);
        assertFalse(m.offersSteps());
        Session kim = db.session("kim", Role.STAFF);
        AtomicReference<Throwable> failed = new AtomicReference<>();
        new IncidentPageModel(incidents, kim, Tasks.direct()).open(lost, never(), failed::set);
        assertInstanceOf(AccessDenied.class, failed.get(), "someone else's report is not theirs to see");
    }

    @Test
    void aStepOnAStalePageIsRefusedAsAConflictAndOpeningAgainShowsItAsItIsNow() {
        IncidentPageModel m = opened(helen, lost);
        incidents.acknowledge(helen, lost, incidents.get(helen, lost).incident().version()); // another window first
        AtomicReference<Throwable> failed = new AtomicReference<>();
        m.acknowledge(never(), failed::set);
        assertInstanceOf(Conflict.class, failed.get());
        assertEquals(Status.REPORTED, m.shown().get().incident().status(), "the page still shows what it drew");
        m.open(lost, d -> { }, never());
        assertEquals(Status.ACKNOWLEDGED, m.shown().get().incident().status());
        assertFalse(m.offersAcknowledge(), "the step already taken is no longer offered");
    }

    @Test
    void theAssigneesAreTheHelpdeskByTheirNamesAndAssigningShowsWho() {
        db.session("harry", Role.HELPDESK);
        IncidentPageModel m = opened(helen, lost);
        AtomicReference<List<String>> choices = new AtomicReference<>();
        m.assignees(choices::set, never());
        assertEquals(List.of("harry", "helen"), choices.get());
        assertEquals("Harry Tester", m.name("harry"));
        assertEquals("nobody-known", m.name("nobody-known"), "a username with no name known is shown as it is");
        assertNull(m.name(null));
        m.assign("harry", d -> { }, never());
        assertEquals("Harry Tester", fact(m, "Assigned to"));
        assertEquals("harry", m.shown().get().incident().assignee());
    }

    @Test
    void thePageFollowsOtherPeoplesChangesToThisIncidentOnly() {
        IncidentPageModel m = opened(helen, lost);
        assertTrue(m.follows(new ChangeFeed.Change("incident", String.valueOf(lost), "harry", null)));
        assertFalse(m.follows(new ChangeFeed.Change("incident", String.valueOf(lost), "helen", null)), "her own change is shown already");
        assertFalse(m.follows(new ChangeFeed.Change("incident", String.valueOf(lost + 1), "harry", null)));
        assertFalse(m.follows(new ChangeFeed.Change("device", "1", "harry", null)));
    }
}
