package org.devicedesk.breaches;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.devicedesk.breaches.BreachCase.Risk;
import org.devicedesk.breaches.BreachCase.Status;
import org.devicedesk.core.Conflict;
import org.devicedesk.core.Refused;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.testing.TestDb;
import org.devicedesk.ui.Tasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules that sat in BreachPage.updateVisibility(), now in its view model: synchronous, no window, a real database. */
class BreachPageModelTest {
    static final Instant NOW = Instant.parse("2026-03-04T10:00:00Z"); // 10:00 in London (GMT)

    TestDb db;
    BreachService breaches;
    Session dpo;
    Session admin;

    @BeforeEach
    void setUp() {
        db = TestDb.create(NOW);
        breaches = db.services.breaches;
        dpo = db.session("dora", Role.DPO, Role.STAFF);
        admin = db.session("ada", Role.ADMIN);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    /** A case the DPO opened, aware two hours ago: the ICO deadline is 72 hours after that (Sat 7 March, 08:00). */
    BreachPageModel opened(Session who) {
        long id = breaches.openDirect(dpo, "Email sent to the wrong address", "Payroll list", NOW.minus(Duration.ofHours(2)));
        BreachPageModel m = new BreachPageModel(breaches, db.services.incidents, who, Tasks.direct());
        AtomicReference<BreachCase> loaded = new AtomicReference<>();
        m.open(id, loaded::set, t -> { throw new AssertionError(t); });
        assertEquals(id, loaded.get().id(), "loaded synchronously through Tasks.direct()");
        m.status().set(loaded.get().status());
        return m;
    }

    @Test
    void theIcoFieldsShowOnlyWhenReportingToTheIco() {
        BreachPageModel m = opened(dpo);
        assertFalse(m.reporting().get());
        m.status().set(Status.REPORTED_TO_ICO);
        assertTrue(m.reporting().get());
        m.status().set(Status.NOT_REPORTABLE);
        assertFalse(m.reporting().get());
    }

    @Test
    void closingACaseThatWasReportedKeepsTheIcoFields() {
        BreachPageModel m = opened(dpo);
        BreachCase c = m.shown().get();
        BreachCase reported = breaches.save(dpo, c.id(), c.version(), BreachDraft.of(c).withStatus(Status.REPORTED_TO_ICO)
                .withAssessment(true, true, false, false, 120, 450, "Distress", "Recall requested", Risk.RISK)
                .withRationale("Names and salaries").withIco(NOW, "ICO-123", null));
        m.open(c.id(), x -> { }, t -> { throw new AssertionError(t); });
        m.status().set(Status.CLOSED);
        assertEquals(Status.REPORTED_TO_ICO, reported.decision());
        assertTrue(m.reporting().get(), "closing after a report still shows when the ICO was told");
    }

    @Test
    void theReasonsForDelayShowWhenTheTimeTypedIsAfterTheDeadline() {
        BreachPageModel m = opened(dpo);
        m.status().set(Status.REPORTED_TO_ICO);
        m.icoDateText().set("07/03/2026");
        m.icoTimeText().set("07:59");
        assertFalse(m.lateTyped().get());
        assertFalse(m.showDelay().get(), "a minute before the deadline: no reasons asked");
        m.icoTimeText().set("0801");
        assertTrue(m.lateTyped().get(), "\"0801\" reads as 08:01, a minute after the deadline");
        assertTrue(m.showDelay().get());
        m.icoTimeText().set("25:00");
        assertFalse(m.lateTyped().get(), "an unreadable time is not guessed at (the save says why)");
    }

    @Test
    void theReasonsForDelayShowOncePastTheDeadlineWithTheIcoNotTold() {
        db.clock.set(NOW.plus(Duration.ofHours(71)));
        BreachPageModel m = opened(dpo);
        assertTrue(m.pastDeadline().get());
        assertFalse(m.showDelay().get(), "only when reporting");
        m.status().set(Status.REPORTED_TO_ICO);
        assertTrue(m.showDelay().get(), "nothing typed yet, but the deadline has gone");
    }

    @Test
    void reasonsAlreadyWrittenStayInView() {
        BreachPageModel m = opened(dpo);
        m.status().set(Status.REPORTED_TO_ICO);
        assertFalse(m.showDelay().get());
        m.delayReasons().set("The payroll team told us late");
        assertTrue(m.showDelay().get());
        m.delayReasons().set("   ");
        assertFalse(m.showDelay().get());
    }

    @Test
    void article34AppliesToAHighRisk() {
        BreachPageModel m = opened(dpo);
        assertFalse(m.article34().get());
        m.risk().set(Risk.HIGH_RISK);
        assertTrue(m.article34().get());
        m.risk().set(Risk.RISK);
        assertFalse(m.article34().get());
    }

    @Test
    void onlyTheDpoChangesAnOpenCaseAndTheOthersAreToldWhy() {
        assertTrue(opened(dpo).editable().get());
        assertNull(opened(dpo).readOnlyReason());
        BreachPageModel adminView = opened(admin);
        assertFalse(adminView.editable().get());
        assertEquals("Read-only: only the Data Protection Officer records the assessment and the decision.", adminView.readOnlyReason());
    }

    @Test
    void aSaveFromAPageLoadedBeforeSomeoneElsesSaveIsRefused() {
        BreachPageModel mine = opened(dpo);
        BreachCase c = mine.shown().get();
        breaches.save(dpo, c.id(), c.version(), BreachDraft.of(c).withStatus(Status.ASSESSING)); // another window
        AtomicReference<Throwable> failed = new AtomicReference<>();
        mine.save(BreachDraft.of(c).withStatus(Status.ASSESSING).withRationale("mine"), s -> { throw new AssertionError("saved"); }, failed::set);
        assertInstanceOf(Conflict.class, failed.get());
        AtomicReference<BreachCase> saved = new AtomicReference<>();
        mine.open(c.id(), x -> { }, t -> { throw new AssertionError(t); });
        mine.save(BreachDraft.of(mine.shown().get()).withRationale("mine"), saved::set, t -> { throw new AssertionError(t); });
        assertEquals("mine", saved.get().rationale());
    }

    @Test
    void theTimeIsReadTheBritishWayWithAClearRefusal() {
        assertEquals(Instant.parse("2026-03-04T14:05:00Z"), BreachPageModel.instant("04/03/2026", "1405", "f", "the ICO notification"));
        assertNull(BreachPageModel.instant(" ", "", "f", "x"));
        // the one set of rules for what is typed (core/TypedWhen), as on every other form
        assertEquals(Instant.parse("2026-03-04T14:05:00Z"), BreachPageModel.instant("4 Mar 2026", "2:05 pm", "f", "the ICO notification"));
        Refused r = assertThrows(Refused.class, () -> BreachPageModel.instant("04/03/2026", "2515", "ico-notified-at", "the ICO notification"));
        assertEquals("\"2515\" is not a time of day; write the ICO notification like 14:05.", r.messageFor("ico-notified-at"));
        r = assertThrows(Refused.class, () -> BreachPageModel.instant("", "14:05", "ico-notified-at", "the ICO notification"));
        assertEquals("Enter the date as well as the time for the ICO notification.", r.messageFor("ico-notified-at"));
    }
}
