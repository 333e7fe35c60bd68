package org.devicedesk.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.devicedesk.breaches.BreachCase;
import org.devicedesk.breaches.BreachCase.DeadlineState;
import org.devicedesk.breaches.BreachCase.Status;
import org.devicedesk.breaches.BreachService.Outcome;
import org.devicedesk.breaches.BreachService.RegisterQuery;
import org.devicedesk.core.Session;
import org.devicedesk.testing.TestDb;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DemoBreachesTest {
    /** The screenshot clock, and an evening much later in the year (as a real "now" would be). */
    @ParameterizedTest
    @ValueSource(strings = {"2026-03-04T10:00:00Z", "2026-11-30T21:17:00Z"})
    void theDpoGetsAQueueWithFreshDueSoonOverdueAndDecidedCases(String at) {
        Instant now = Instant.parse(at);
        try (TestDb t = TestDb.create(now)) {
            System.setProperty("devicedesk.demoPassword", "demo-password-for-tests");
            Demo.fillIfEmpty(t.services, "normal");
            List<BreachCase> queue = t.services.breaches.queue(Session.system(), null);
            List<BreachCase> open = queue.stream().filter(c -> c.status().isOpen()).toList();
            assertEquals(1, open.stream().filter(c -> c.deadlineState(now) == DeadlineState.OVERDUE).count(), "one overdue");
            assertEquals(1, open.stream().filter(c -> c.deadlineState(now) == DeadlineState.DUE_SOON).count(), "one due within 24 hours");
            assertTrue(open.stream().filter(c -> c.deadlineState(now) == DeadlineState.RUNNING).count() >= 2, "some fresh: " + open.size());
            assertTrue(open.stream().anyMatch(c -> c.status() == Status.ASSESSING), "the DPO has started on some");
            assertTrue(open.stream().anyMatch(c -> !c.fromIncident()) && open.stream().anyMatch(BreachCase::fromIncident),
                    "open cases from incidents and opened directly");
            // the queue's order: open by time left, then the decided ones
            assertEquals(open, queue.subList(0, open.size()));
            assertEquals(DeadlineState.OVERDUE, queue.get(0).deadlineState(now));

            List<BreachCase> register = t.services.breaches.register(Session.system(), RegisterQuery.all());
            assertEquals(queue.size(), register.size());
            long reported = register.stream().filter(c -> Outcome.of(c) == Outcome.REPORTED_TO_ICO).count();
            long notReportable = register.stream().filter(c -> Outcome.of(c) == Outcome.NOT_REPORTABLE).count();
            long notABreach = register.stream().filter(c -> Outcome.of(c) == Outcome.NOT_A_BREACH).count();
            assertTrue(reported >= 3 && notReportable >= 3 && notABreach >= 3, reported + " reported, " + notReportable + " not reportable, " + notABreach + " not a breach");
            assertTrue(register.stream().anyMatch(c -> c.reportedLate() && c.delayReasons() != null), "one reported late, with the reasons");
            assertTrue(register.stream().anyMatch(c -> c.risk() == BreachCase.Risk.HIGH_RISK && c.subjectsToldDecision() != null));
            assertTrue(register.stream().anyMatch(c -> c.status() == Status.CLOSED), "older cases closed");
            // nothing in the future of the demo's clock
            assertTrue(register.stream().allMatch(c -> !c.awareAt().isAfter(now) && (c.decidedAt() == null || !c.decidedAt().isAfter(now))
                    && (c.icoNotifiedAt() == null || !c.icoNotifiedAt().isAfter(now)) && (c.closedAt() == null || !c.closedAt().isAfter(now))));
            // every decision is audited, by the DPO
            long decidedEvents = t.db.read(h -> h.createQuery("SELECT count(*) FROM audit_event WHERE action = 'BREACH_DECIDED' AND actor = 'dpo'")
                    .mapTo(Long.class).one());
            assertEquals(register.stream().filter(c -> c.decision() != null).count(), decidedEvents);
            assertTrue(open.stream().allMatch(c -> c.timeLeft(now).compareTo(Duration.ofHours(-5)) > 0), "the overdue one only just");
        } finally {
            System.clearProperty("devicedesk.demoPassword");
        }
    }
}
