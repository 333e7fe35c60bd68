package org.devicedesk.breaches;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.devicedesk.breaches.BreachCase.DeadlineState;
import org.devicedesk.breaches.BreachCase.Risk;
import org.devicedesk.breaches.BreachCase.Status;
import org.devicedesk.breaches.BreachCase.SubjectsTold;
import org.devicedesk.breaches.BreachService.Outcome;
import org.devicedesk.breaches.BreachService.RegisterQuery;
import org.devicedesk.core.AccessDenied;
import org.devicedesk.core.AppClock;
import org.devicedesk.core.Csv;
import org.devicedesk.core.Refused;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.core.Settings;
import org.devicedesk.testing.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BreachServiceTest {
    static final Instant NOW = Instant.parse("2026-03-04T10:00:00Z");

    TestDb db;
    BreachService breaches;
    Session dpo;
    Session admin;
    Session helpdesk;
    Session staff;

    @BeforeEach
    void setUp() {
        db = TestDb.create(NOW);
        breaches = db.services.breaches;
        dpo = db.session("dora", Role.DPO, Role.STAFF);
        admin = db.session("ada", Role.ADMIN);
        helpdesk = db.session("hal", Role.HELPDESK);
        staff = db.session("sam", Role.STAFF);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    /** An incident row as the incidents feature would store it (its own service is not needed here). */
    long incident(String reference) {
        return db.db.inTransaction(h -> h.createUpdate("""
                INSERT INTO incident (reference, type, reporter_id, device_description, reported_at, what_happened, status, recorded_by, created_at, updated_at)
                VALUES (:ref, 'LOST', :reporter, 'Work phone', :at, 'Left on a train', 'REPORTED', 'sam', :at, :at)""")
                .bind("ref", reference).bind("reporter", staff.personId()).bind("at", db.clock.instant())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    long refer(String incidentRef, Instant awareAt) {
        long incidentId = incident(incidentRef);
        return db.db.inTransaction(h -> breaches.referInTransaction(h, staff, incidentId, incidentRef + ": lost work phone", awareAt));
    }

    long auditCount(String action) {
        return db.db.read(h -> h.createQuery("SELECT count(*) FROM audit_event WHERE action = :a").bind("a", action).mapTo(Long.class).one());
    }

    // ---- referral ----

    @Test
    void aReferralCreatesACaseAwaitingReviewWithTheDeadlineAndIsAudited() {
        long id = refer("INC-2026-0001", NOW);
        BreachCase c = breaches.get(dpo, id);
        assertEquals("BRE-2026-0001", c.reference());
        assertEquals(Status.AWAITING_REVIEW, c.status());
        assertEquals("INC-2026-0001", c.incidentReference());
        assertEquals(NOW, c.awareAt());
        assertEquals(NOW.plus(Duration.ofHours(72)), c.icoDeadline());
        assertEquals(1, auditCount("BREACH_REFERRED"));
        assertEquals("BRE-2026-0002", breaches.get(dpo, refer("INC-2026-0002", NOW)).reference());
    }

    @Test
    void aReferralStandsOrFallsWithTheIncidentsTransaction() {
        long incidentId = incident("INC-2026-0001");
        assertThrows(IllegalStateException.class, () -> db.db.useTransaction(h -> {
            breaches.referInTransaction(h, staff, incidentId, "Lost phone", NOW);
            throw new IllegalStateException("the incident failed to save");
        }));
        assertTrue(breaches.queue(dpo, null).isEmpty());
        assertEquals(0, auditCount("BREACH_REFERRED"));
    }

    @Test
    void anIncidentIsReferredOnlyOnceAndNotFromTheFuture() {
        long incidentId = incident("INC-2026-0001");
        db.db.useTransaction(h -> breaches.referInTransaction(h, staff, incidentId, "Lost phone", NOW));
        Refused again = assertThrows(Refused.class, () -> db.db.useTransaction(h -> breaches.referInTransaction(h, staff, incidentId, "Lost phone", NOW)));
        assertTrue(again.getMessage().contains("already referred to the DPO as BRE-2026-0001"), again.getMessage());
        long other = incident("INC-2026-0002");
        Refused future = assertThrows(Refused.class, () -> db.db.useTransaction(h ->
                breaches.referInTransaction(h, staff, other, "Lost phone", NOW.plusSeconds(60))));
        assertNotNull(future.messageFor("aware-at"));
    }

    // ---- the 72-hour deadline ----

    @Test
    void theDeadlineIs72HoursOfRealTimeAcrossTheSpringClockChange() {
        // UK clocks go forward at 01:00 UTC on Sunday 29 March 2026
        Instant aware = Instant.parse("2026-03-27T12:00:00Z"); // 12:00 GMT on Friday
        db.clock.set(aware);
        BreachCase c = breaches.get(dpo, refer("INC-2026-0001", aware));
        assertEquals(Instant.parse("2026-03-30T12:00:00Z"), c.icoDeadline());
        assertEquals(Duration.ofHours(72), Duration.between(c.awareAt(), c.icoDeadline()));
        // on the office wall clock that is 13:00 BST on Monday, not 12:00
        assertEquals(LocalTime.of(13, 0), c.icoDeadline().atZone(AppClock.OFFICE_ZONE).toLocalTime());
    }

    @Test
    void theDeadlineIs72HoursOfRealTimeAcrossTheAutumnClockChange() {
        // UK clocks go back at 01:00 UTC on Sunday 25 October 2026
        Instant aware = Instant.parse("2026-10-23T16:30:00Z"); // 17:30 BST on Friday
        db.clock.set(aware);
        BreachCase c = breaches.get(dpo, refer("INC-2026-0001", aware));
        assertEquals(Instant.parse("2026-10-26T16:30:00Z"), c.icoDeadline());
        assertEquals(LocalTime.of(16, 30), c.icoDeadline().atZone(AppClock.OFFICE_ZONE).toLocalTime());
    }

    @Test
    void timeLeftTurnsAmberWithin24HoursAndRedWhenOverdue() {
        BreachCase c = breaches.get(dpo, refer("INC-2026-0001", NOW));
        Instant deadline = NOW.plus(Duration.ofHours(72));
        assertEquals(DeadlineState.RUNNING, c.deadlineState(deadline.minus(Duration.ofHours(24)).minusSeconds(1)));
        assertEquals(DeadlineState.DUE_SOON, c.deadlineState(deadline.minus(Duration.ofHours(24))));
        assertEquals(DeadlineState.DUE_SOON, c.deadlineState(deadline.minusSeconds(1)));
        assertEquals(DeadlineState.OVERDUE, c.deadlineState(deadline));
        // the one duration format (core/Durations, issue 17 point 7): hours and minutes, as the ICO's 72 hours are counted
        assertEquals("71 h 30 min left", Deadlines.countdown(c.timeLeft(NOW.plus(Duration.ofMinutes(30)))));
        assertEquals("Overdue by 1 h 05 min", Deadlines.countdown(c.timeLeft(deadline.plus(Duration.ofMinutes(65)))));
    }

    @Test
    void theDeadlineBadgeSaysTheTimeLeftInItsColourUntilTheCaseIsDecided() {
        BreachCase c = breaches.get(dpo, refer("INC-2026-0001", NOW));
        Instant deadline = NOW.plus(Duration.ofHours(72));
        assertEquals(new Deadlines.Badge("71 h 30 min left", "badge-neutral"), Deadlines.badge(c, NOW.plus(Duration.ofMinutes(30))));
        assertEquals(new Deadlines.Badge("24 h 00 min left", "badge-warning"), Deadlines.badge(c, deadline.minus(Duration.ofHours(24))));
        assertEquals(new Deadlines.Badge("Overdue by 1 h 05 min", "badge-danger"), Deadlines.badge(c, deadline.plus(Duration.ofMinutes(65))));
    }

    @Test
    void theDeadlineFollowsTheSetting() {
        db.db.useTransaction(h -> Settings.store(h, Settings.Key.ICO_DEADLINE_HOURS, "48"));
        BreachCase c = breaches.get(dpo, refer("INC-2026-0001", NOW));
        assertEquals(NOW.plus(Duration.ofHours(48)), c.icoDeadline());
    }

    @Test
    void aDecidedCaseStopsTheClock() {
        long id = refer("INC-2026-0001", NOW);
        BreachCase c = breaches.save(dpo, id, BreachDraft.of(breaches.get(dpo, id)).withStatus(Status.NOT_A_BREACH)
                .withRationale("The phone was found in the office within the hour, locked and encrypted."));
        assertEquals(DeadlineState.STOPPED, c.deadlineState(NOW.plus(Duration.ofDays(10))));
        assertEquals(new Deadlines.Badge("Decided", "badge-neutral"), Deadlines.badge(c, NOW.plus(Duration.ofDays(10))));
    }

    // ---- the queue ----

    @Test
    void theQueueShowsOpenCasesByTimeLeftThenDecidedOnes() {
        long older = refer("INC-2026-0001", NOW.minus(Duration.ofHours(60)));
        long fresh = refer("INC-2026-0002", NOW.minus(Duration.ofHours(1)));
        long decided = refer("INC-2026-0003", NOW.minus(Duration.ofHours(80)));
        breaches.save(dpo, decided, BreachDraft.of(breaches.get(dpo, decided)).withStatus(Status.NOT_A_BREACH).withRationale("No personal data on it."));
        long overdue = refer("INC-2026-0004", NOW.minus(Duration.ofHours(75)));
        List<Long> ids = breaches.queue(dpo, null).stream().map(BreachCase::id).toList();
        assertEquals(List.of(overdue, older, fresh, decided), ids);
        assertEquals(List.of(fresh), breaches.queue(dpo, "inc-2026-0002").stream().map(BreachCase::id).toList());
    }

    @Test
    void theQueueIsSortedAndCutInTheDatabaseInTheSameOrderWithCountsOverAllOfIt() {
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 24; i++) { // open ones on either side of the deadline and of the amber day, decided ones, equal aware times
            long id = refer(String.format("INC-2026-%04d", i + 1), NOW.minus(Duration.ofHours((i * 7L) % 90)));
            ids.add(id);
            if (i % 5 == 2) {
                db.clock.advance(Duration.ofMinutes(3));
                breaches.save(dpo, id, BreachDraft.of(breaches.get(dpo, id)).withStatus(Status.NOT_A_BREACH).withRationale("No personal data on it."));
            }
        }
        Instant now = db.clock.instant();
        List<BreachCase> all = breaches.queue(dpo, null);
        assertEquals(all.stream().sorted(BreachService.QUEUE_ORDER).map(BreachCase::id).toList(), all.stream().map(BreachCase::id).toList(),
                "the database's order is QUEUE_ORDER");
        assertEquals(ids.size(), all.size());
        BreachService.QueuePage page = breaches.queuePage(dpo, null, 10);
        assertEquals(all.subList(0, 10).stream().map(BreachCase::id).toList(), page.cases().stream().map(BreachCase::id).toList());
        assertTrue(page.truncated());
        assertEquals(all.size(), page.total());
        assertEquals(all.stream().filter(c -> c.status().isOpen()).count(), page.open());
        assertEquals(all.stream().filter(c -> c.deadlineState(now) == DeadlineState.OVERDUE).count(), page.overdue());
        assertEquals(all.stream().filter(c -> c.deadlineState(now) == DeadlineState.DUE_SOON).count(), page.dueSoon());
        assertTrue(page.overdue() > 0 && page.dueSoon() > 0, "the data has both");
        BreachService.QueuePage one = breaches.queuePage(dpo, "inc-2026-0003", 10);
        assertEquals(1, one.total());
        assertFalse(one.truncated());
    }

    @Test
    void theRegisterIsFilteredOrderedAndPagedInTheDatabaseAsTheFullListIs() {
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 23; i++) {
            long id = refer(String.format("INC-2026-%04d", i + 1), NOW.minus(Duration.ofHours((i * 11L) % 70)));
            ids.add(id);
            db.clock.advance(Duration.ofMinutes(2));
            if (i % 4 == 1) breaches.save(dpo, id, BreachDraft.of(breaches.get(dpo, id)).withStatus(Status.NOT_A_BREACH).withRationale("No personal data on it."));
            if (i % 8 == 5) breaches.close(dpo, id); // closed: its decision stays its outcome in the register
        }
        List<BreachCase> all = breaches.register(dpo, RegisterQuery.all());
        assertEquals(ids.size(), all.size());
        assertEquals(all.stream().sorted(java.util.Comparator.comparing(BreachCase::awareAt).thenComparing(BreachCase::id)).map(BreachCase::id).toList(),
                all.stream().map(BreachCase::id).toList(), "in order of awareness");
        for (Outcome o : new Outcome[] {null, Outcome.UNDECIDED, Outcome.NOT_A_BREACH, Outcome.NOT_REPORTABLE}) {
            List<Long> expected = all.stream().filter(c -> o == null || Outcome.of(c) == o).map(BreachCase::id).toList();
            RegisterQuery q = new RegisterQuery(null, null, o);
            List<Long> paged = new java.util.ArrayList<>();
            BreachService.RegisterPage page;
            int offset = 0;
            do {
                page = breaches.registerPage(dpo, q, offset, 5);
                assertEquals(expected.size(), page.total(), "the count over all of " + o);
                page.cases().forEach(c -> paged.add(c.id()));
                offset += 5;
            } while (page.hasNext());
            assertEquals(expected, paged, "pages of 5 give the same cases in the same order for " + o);
        }
        assertTrue(all.stream().anyMatch(c -> c.status() == Status.CLOSED && Outcome.of(c) == Outcome.NOT_A_BREACH), "the data has a closed decision");
        assertEquals(all.subList(20, 23).stream().map(BreachCase::id).toList(),
                breaches.registerPage(dpo, RegisterQuery.all(), 20, 0).cases().stream().map(BreachCase::id).toList(), "from an offset to the end");
    }

    // ---- decisions and their required fields ----

    @Test
    void notReportableNeedsTheRationaleAndAnUnlikelyRisk() {
        long id = refer("INC-2026-0001", NOW);
        BreachDraft d = BreachDraft.of(breaches.get(dpo, id)).withStatus(Status.NOT_REPORTABLE);
        Refused r = assertThrows(Refused.class, () -> breaches.save(dpo, id, d));
        assertNotNull(r.messageFor("rationale"));
        assertNotNull(r.messageFor("risk"));
        assertEquals(Status.AWAITING_REVIEW, breaches.get(dpo, id).status(), "nothing stored");
        Refused risky = assertThrows(Refused.class, () -> breaches.save(dpo, id, d.withRisk(Risk.RISK).withRationale("Encrypted.")));
        assertTrue(risky.messageFor("risk").contains("must be reported to the ICO"), risky.getMessage());

        BreachCase c = breaches.save(dpo, id, d.withRisk(Risk.UNLIKELY).withRationale("Encrypted and wiped remotely within the hour."));
        assertEquals(Status.NOT_REPORTABLE, c.status());
        assertEquals(NOW, c.decidedAt());
        assertEquals("dora", c.decidedBy());
        assertEquals(1, auditCount("BREACH_REVIEW_STARTED"), "deciding straight away starts the review first");
        assertEquals(1, auditCount("BREACH_DECIDED"));
    }

    @Test
    void notABreachNeedsTheRationale() {
        long id = refer("INC-2026-0001", NOW);
        BreachDraft d = BreachDraft.of(breaches.get(dpo, id)).withStatus(Status.NOT_A_BREACH);
        Refused r = assertThrows(Refused.class, () -> breaches.save(dpo, id, d.withRationale("   ")));
        assertNotNull(r.messageFor("rationale"));
        assertEquals(Status.NOT_A_BREACH, breaches.save(dpo, id, d.withRationale("No personal data: a spare laptop never used.")).status());
    }

    @Test
    void reportedToIcoNeedsTheNotificationTimeAndReference() {
        long id = refer("INC-2026-0001", NOW);
        db.clock.advance(Duration.ofHours(20));
        BreachDraft d = BreachDraft.of(breaches.get(dpo, id)).withStatus(Status.REPORTED_TO_ICO).withRisk(Risk.RISK);
        Refused r = assertThrows(Refused.class, () -> breaches.save(dpo, id, d));
        assertNotNull(r.messageFor("ico-notified-at"));
        assertNotNull(r.messageFor("ico-reference"));
        Refused future = assertThrows(Refused.class, () -> breaches.save(dpo, id, d.withIco(db.clock.instant().plusSeconds(60), "IC-1", null)));
        assertTrue(future.messageFor("ico-notified-at").contains("future"));
        Refused before = assertThrows(Refused.class, () -> breaches.save(dpo, id, d.withIco(NOW.minusSeconds(60), "IC-1", null)));
        assertTrue(before.messageFor("ico-notified-at").contains("before the office became aware"));

        BreachCase c = breaches.save(dpo, id, d.withIco(NOW.plus(Duration.ofHours(19)), "IC-123456-A1B2", null));
        assertEquals(Status.REPORTED_TO_ICO, c.status());
        assertFalse(c.reportedLate());
        assertEquals(new Deadlines.Badge("Reported in time", "badge-success"), Deadlines.badge(c, NOW.plus(Duration.ofDays(10))));
    }

    @Test
    void reportingAfterTheDeadlineNeedsTheReasonsForTheDelay() {
        long id = refer("INC-2026-0001", NOW);
        db.clock.advance(Duration.ofHours(80));
        BreachDraft d = BreachDraft.of(breaches.get(dpo, id)).withStatus(Status.REPORTED_TO_ICO).withRisk(Risk.RISK);
        Instant deadline = NOW.plus(Duration.ofHours(72));
        // exactly at the deadline is on time
        assertFalse(breaches.save(dpo, id, d.withIco(deadline, "IC-1", null)).reportedLate());

        long late = refer("INC-2026-0002", NOW);
        BreachDraft dl = BreachDraft.of(breaches.get(dpo, late)).withStatus(Status.REPORTED_TO_ICO).withRisk(Risk.RISK);
        Refused r = assertThrows(Refused.class, () -> breaches.save(dpo, late, dl.withIco(deadline.plusSeconds(60), "IC-2", "  ")));
        assertTrue(r.messageFor("delay-reasons").contains("after the deadline"), r.getMessage());
        BreachCase c = breaches.save(dpo, late, dl.withIco(deadline.plusSeconds(60), "IC-2", "The scale only became clear when the backup logs were read."));
        assertTrue(c.reportedLate());
        assertEquals(new Deadlines.Badge("Reported late", "badge-warning"), Deadlines.badge(c, NOW.plus(Duration.ofDays(10))));
    }

    @Test
    void highRiskNeedsTheDecisionOnTellingTheDataSubjectsAndWhen() {
        long id = refer("INC-2026-0001", NOW);
        db.clock.advance(Duration.ofHours(5));
        BreachDraft d = BreachDraft.of(breaches.get(dpo, id)).withStatus(Status.REPORTED_TO_ICO).withRisk(Risk.HIGH_RISK)
                .withIco(NOW.plus(Duration.ofHours(4)), "IC-9", null);
        Refused r = assertThrows(Refused.class, () -> breaches.save(dpo, id, d));
        assertNotNull(r.messageFor("subjects-told-decision"));
        assertNotNull(r.messageFor("subjects-told-at"));
        Refused toldInFuture = assertThrows(Refused.class, () -> breaches.save(dpo, id,
                d.withSubjectsTold(SubjectsTold.TOLD, db.clock.instant().plus(Duration.ofDays(1)))));
        assertNotNull(toldInFuture.messageFor("subjects-told-at"));
        Refused notTellingWithoutWhy = assertThrows(Refused.class, () -> breaches.save(dpo, id,
                d.withSubjectsTold(SubjectsTold.NOT_TELLING, db.clock.instant())));
        assertNotNull(notTellingWithoutWhy.messageFor("rationale"));

        BreachCase c = breaches.save(dpo, id, d.withSubjectsTold(SubjectsTold.WILL_TELL, db.clock.instant().plus(Duration.ofDays(1))));
        assertEquals(SubjectsTold.WILL_TELL, c.subjectsToldDecision());
    }

    @Test
    void highRiskWhileStillAssessingNeedsNoDecisionYet() {
        long id = refer("INC-2026-0001", NOW);
        BreachCase c = breaches.save(dpo, id, BreachDraft.of(breaches.get(dpo, id)).withStatus(Status.ASSESSING).withRisk(Risk.HIGH_RISK));
        assertEquals(Status.ASSESSING, c.status());
        assertEquals(Risk.HIGH_RISK, c.risk());
    }

    @Test
    void negativeNumbersAreRefused() {
        long id = refer("INC-2026-0001", NOW);
        Refused r = assertThrows(Refused.class, () -> breaches.save(dpo, id, BreachDraft.of(breaches.get(dpo, id))
                .withAssessment(true, true, false, false, -1, -5, null, null, null)));
        assertNotNull(r.messageFor("data-subjects"));
        assertNotNull(r.messageFor("records"));
    }

    // ---- status moves ----

    @Test
    void theStatusMovesThroughReviewDecisionAndClosure() {
        long id = refer("INC-2026-0001", NOW);
        BreachCase c = breaches.get(dpo, id);
        Refused early = assertThrows(Refused.class, () -> breaches.save(dpo, id, BreachDraft.of(c).withStatus(Status.CLOSED)));
        assertTrue(early.messageFor("status").contains("cannot be moved to 'Closed'"), early.getMessage());

        BreachCase assessing = breaches.startReview(dpo, id);
        assertEquals(Status.ASSESSING, assessing.status());
        assertThrows(Refused.class, () -> breaches.save(dpo, id, BreachDraft.of(assessing).withStatus(Status.AWAITING_REVIEW)));
        assertThrows(Refused.class, () -> breaches.save(dpo, id, BreachDraft.of(assessing).withStatus(Status.CLOSED)));

        BreachCase reported = breaches.save(dpo, id, BreachDraft.of(assessing).withStatus(Status.REPORTED_TO_ICO).withRisk(Risk.RISK)
                .withIco(NOW, "IC-77", null));
        Refused unreport = assertThrows(Refused.class, () -> breaches.save(dpo, id, BreachDraft.of(reported).withStatus(Status.NOT_REPORTABLE)
                .withRisk(Risk.UNLIKELY).withRationale("x")));
        assertNotNull(unreport.messageFor("status"));

        BreachCase closed = breaches.close(dpo, id);
        assertEquals(Status.CLOSED, closed.status());
        assertEquals(Status.REPORTED_TO_ICO, closed.decision(), "the decision is kept for the register");
        assertEquals(NOW, closed.closedAt());
        Refused afterClose = assertThrows(Refused.class, () -> breaches.save(dpo, id, BreachDraft.of(closed).withStatus(Status.ASSESSING)));
        assertTrue(afterClose.getMessage().contains("was closed"), afterClose.getMessage());
        assertEquals(1, auditCount("BREACH_CLOSED"));
    }

    @Test
    void aDecisionOtherThanReportingCanBeReopened() {
        long id = refer("INC-2026-0001", NOW);
        BreachCase decided = breaches.save(dpo, id, BreachDraft.of(breaches.get(dpo, id)).withStatus(Status.NOT_A_BREACH).withRationale("Found at once."));
        BreachCase reopened = breaches.save(dpo, id, BreachDraft.of(decided).withStatus(Status.ASSESSING));
        assertEquals(Status.ASSESSING, reopened.status());
        assertNull(reopened.decidedAt());
        assertNull(reopened.decision());
        assertEquals(1, auditCount("BREACH_REOPENED"));
    }

    @Test
    void savingAnAssessmentStartsTheReviewAndAuditsWhatChanged() {
        long id = refer("INC-2026-0001", NOW);
        BreachCase c = breaches.save(dpo, id, BreachDraft.of(breaches.get(dpo, id))
                .withAssessment(true, true, true, false, 40, 120, "Distress", "Remote wipe", Risk.RISK));
        assertEquals(Status.ASSESSING, c.status());
        assertEquals(40, c.dataSubjectsApprox());
        assertTrue(c.categorySpecial());
        String summary = db.db.read(h -> h.createQuery("SELECT summary FROM audit_event WHERE action = 'BREACH_UPDATED'").mapTo(String.class).one());
        assertTrue(summary.contains("data subjects (none) -> 40"), summary);
    }

    // ---- opening a case directly ----

    @Test
    void theDpoOpensACaseDirectlyFromWhenTheyBecameAware() {
        Instant aware = NOW.minus(Duration.ofHours(3));
        long id = breaches.openDirect(dpo, "Misdirected email", "Payroll spreadsheet sent to the wrong Sam (policy 46).", aware);
        BreachCase c = breaches.get(dpo, id);
        assertNull(c.incidentId());
        assertEquals("Opened by the DPO", c.source());
        assertEquals(aware.plus(Duration.ofHours(72)), c.icoDeadline());
        assertEquals(1, auditCount("BREACH_OPENED"));
        Refused future = assertThrows(Refused.class, () -> breaches.openDirect(dpo, "Misdirected email", null, NOW.plusSeconds(1)));
        assertNotNull(future.messageFor("aware-at"));
        Refused untitled = assertThrows(Refused.class, () -> breaches.openDirect(dpo, " ", null, NOW));
        assertNotNull(untitled.messageFor("title"));
    }

    // ---- access ----

    @Test
    void onlyTheDpoChangesCasesAdministratorsReadAndNobodyElseSeesThem() {
        long id = refer("INC-2026-0001", NOW);
        assertEquals(1, breaches.queue(admin, null).size());
        assertEquals(id, breaches.get(admin, id).id());
        BreachDraft d = BreachDraft.of(breaches.get(admin, id)).withStatus(Status.NOT_A_BREACH).withRationale("x");
        assertThrows(AccessDenied.class, () -> breaches.save(admin, id, d));
        assertThrows(AccessDenied.class, () -> breaches.openDirect(admin, "x", null, NOW));
        for (Session s : List.of(helpdesk, staff)) {
            assertThrows(AccessDenied.class, () -> breaches.queue(s, null));
            assertThrows(AccessDenied.class, () -> breaches.get(s, id));
            assertThrows(AccessDenied.class, () -> breaches.save(s, id, d));
            assertThrows(AccessDenied.class, () -> breaches.register(s, RegisterQuery.all()));
            assertThrows(AccessDenied.class, () -> breaches.openDirect(s, "x", null, NOW));
        }
        assertEquals(Status.AWAITING_REVIEW, breaches.get(dpo, id).status());
    }

    @Test
    void noStaffHelpdeskOrInfosecSessionReachesAnyBreachCallAndNothingIsWrittenForThem() {
        long id = refer("INC-2026-0001", NOW);
        long incidentId = breaches.get(dpo, id).incidentId();
        Session infosec = db.session("ines", Role.INFOSEC, Role.STAFF);
        Session helpdeskAndStaff = db.session("hana", Role.HELPDESK, Role.STAFF);
        BreachDraft d = BreachDraft.of(breaches.get(dpo, id)).withStatus(Status.NOT_A_BREACH).withRationale("x");
        long auditBefore = db.db.read(h -> h.createQuery("SELECT count(*) FROM audit_event").mapTo(Long.class).one());
        for (Session s : List.of(staff, helpdesk, infosec, helpdeskAndStaff)) {
            assertThrows(AccessDenied.class, () -> breaches.queue(s, "INC"));
            assertThrows(AccessDenied.class, () -> breaches.get(s, id));
            assertThrows(AccessDenied.class, () -> breaches.forIncident(s, incidentId));
            assertThrows(AccessDenied.class, () -> breaches.save(s, id, d));
            assertThrows(AccessDenied.class, () -> breaches.startReview(s, id));
            assertThrows(AccessDenied.class, () -> breaches.close(s, id));
            assertThrows(AccessDenied.class, () -> breaches.openDirect(s, "Misdirected email", null, NOW));
            assertThrows(AccessDenied.class, () -> breaches.register(s, RegisterQuery.all()));
            StringWriter out = new StringWriter();
            assertThrows(AccessDenied.class, () -> breaches.exportRegister(s, RegisterQuery.all(), out));
            assertEquals("", out.toString(), "no register rows leak into the file");
        }
        assertEquals(auditBefore, (long) db.db.read(h -> h.createQuery("SELECT count(*) FROM audit_event").mapTo(Long.class).one()));
        assertEquals(Status.AWAITING_REVIEW, breaches.get(dpo, id).status());
        assertEquals(1, breaches.queue(dpo, null).size());
    }

    @Test
    void anAdministratorReadsTheCaseTheRegisterAndTheReferralButCannotStartCloseOrDecide() {
        long id = refer("INC-2026-0001", NOW);
        assertEquals(id, breaches.forIncident(admin, breaches.get(admin, id).incidentId()).orElseThrow().id());
        assertEquals(1, breaches.register(admin, RegisterQuery.all()).size());
        assertThrows(AccessDenied.class, () -> breaches.startReview(admin, id));
        breaches.save(dpo, id, BreachDraft.of(breaches.get(dpo, id)).withStatus(Status.NOT_A_BREACH).withRationale("A faulty screen, no data."));
        assertThrows(AccessDenied.class, () -> breaches.close(admin, id));
        assertEquals(Status.NOT_A_BREACH, breaches.get(admin, id).status());
    }

    @Test
    void theCountdownReadsInHoursAndMinutesAndSaysWhenItIsOverdue() {
        assertEquals("41 h 12 min left", Deadlines.countdown(Duration.ofHours(41).plusMinutes(12).plusSeconds(59)));
        assertEquals("72 h 00 min left", Deadlines.countdown(Duration.ofHours(72)));
        assertEquals("0 h 05 min left", Deadlines.countdown(Duration.ofMinutes(5)));
        assertEquals("Under a minute left", Deadlines.countdown(Duration.ofSeconds(20)));
        assertEquals("Overdue by 0 h 00 min", Deadlines.countdown(Duration.ZERO));
        assertEquals("Overdue by 3 h 05 min", Deadlines.countdown(Duration.ofHours(-3).minusMinutes(5)));
        assertEquals("Overdue by 95 h 59 min", Deadlines.countdown(Duration.ofHours(-96).plusSeconds(30)));
        assertEquals("Overdue by 12 d 4 h", Deadlines.countdown(Duration.ofDays(-12).minusHours(4)));
    }

    // ---- the register ----

    @Test
    void theRegisterHoldsEveryCaseReportedOrNotAndExportsNeutralisedCsv() {
        long notReportable = refer("INC-2026-0001", NOW);
        breaches.save(dpo, notReportable, BreachDraft.of(breaches.get(dpo, notReportable)).withStatus(Status.NOT_REPORTABLE)
                .withRisk(Risk.UNLIKELY).withRationale("=HYPERLINK(\"x\") encrypted and wiped"));
        breaches.close(dpo, notReportable);
        long reported = refer("INC-2026-0002", NOW);
        breaches.save(dpo, reported, BreachDraft.of(breaches.get(dpo, reported)).withStatus(Status.REPORTED_TO_ICO)
                .withRisk(Risk.RISK).withIco(NOW, "IC-5", null));
        long open = breaches.openDirect(dpo, "Misdirected email", null, NOW.minus(Duration.ofDays(40)));

        assertEquals(3, breaches.register(dpo, RegisterQuery.all()).size());
        assertEquals(List.of(notReportable), breaches.register(dpo, new RegisterQuery(null, null, Outcome.NOT_REPORTABLE)).stream().map(BreachCase::id).toList());
        assertEquals(List.of(open), breaches.register(dpo, new RegisterQuery(null, null, Outcome.UNDECIDED)).stream().map(BreachCase::id).toList());
        LocalDate today = LocalDate.ofInstant(NOW, AppClock.OFFICE_ZONE);
        assertEquals(2, breaches.register(dpo, new RegisterQuery(today, today, null)).size());
        assertEquals(List.of(open), breaches.register(dpo, new RegisterQuery(null, today.minusDays(1), null)).stream().map(BreachCase::id).toList());
        assertThrows(Refused.class, () -> breaches.register(dpo, new RegisterQuery(today, today.minusDays(1), null)));

        StringWriter out = new StringWriter();
        assertEquals(3, breaches.exportRegister(admin, RegisterQuery.all(), out));
        List<Csv.Row> rows = Csv.read(new java.io.StringReader(out.toString()));
        assertEquals(BreachService.REGISTER_HEADER, rows.get(0).fields());
        Csv.Row first = rows.stream().filter(r -> r.get(0).equals(breaches.get(dpo, notReportable).reference())).findFirst().orElseThrow();
        assertEquals("Not reportable to the ICO", first.get(6));
        assertEquals("Closed", first.get(5));
        assertTrue(first.get(14).startsWith("'=HYPERLINK"), "formula neutralised: " + first.get(14));
        assertEquals(1, auditCount("BREACH_REGISTER_EXPORTED"));
    }
}
