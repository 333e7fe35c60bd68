package org.devicedesk.breaches;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.devicedesk.breaches.BreachCase.Status;
import org.devicedesk.ui.Tasks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The DPO's queue without a window: the order, the count line as the clock moves on, the words after a
 * decision, the search and a page of a large queue. Three cases, as in BreachesViewTest: 8 hours overdue,
 * due in 12 hours, and aware an hour ago.
 */
class BreachesModelTest extends DpoModelTestBase {
    long overdue;
    long dueSoon;
    long fresh;
    final List<Throwable> failures = new ArrayList<>();

    @BeforeEach
    void threeCases() {
        db.clock.set(NOW.minus(Duration.ofHours(80)));
        overdue = breaches.openDirect(dpo, "Misdirected email to a partner agency", "A victim's referral sent to the wrong agency.",
                NOW.minus(Duration.ofHours(80)));
        db.clock.set(NOW.minus(Duration.ofHours(60)));
        dueSoon = breaches.openDirect(dpo, "Payroll list on a shared drive", "Open to every account", NOW.minus(Duration.ofHours(60)));
        db.clock.set(NOW.minus(Duration.ofHours(1)));
        fresh = breaches.openDirect(dpo, "Letter to the wrong house", "A victim's letter", NOW.minus(Duration.ofHours(1)));
        db.clock.set(NOW);
    }

    BreachesModel model(int pageSize) {
        return new BreachesModel(breaches, dpo, Tasks.direct(), pageSize);
    }

    /** Loads and returns what the queue would tell the person after the load (null: nothing). */
    String reload(BreachesModel m) {
        AtomicReference<String> said = new AtomicReference<>("not loaded");
        m.reload(said::set, failures::add);
        assertTrue(failures.isEmpty(), failures.toString());
        return said.get();
    }

    static List<Long> ids(List<BreachCase> cases) {
        return cases.stream().map(BreachCase::id).toList();
    }

    @Test
    void theQueueShowsLeastTimeLeftFirstAndCountsOverdueAndDueSoon() {
        BreachesModel m = model(BreachesModel.QUEUE_PAGE);
        assertNull(reload(m), "nothing to say after a plain load");
        assertEquals(List.of(overdue, dueSoon, fresh), ids(m.rows));
        assertEquals("3 open (1 overdue, 1 due within 24 h)  ·  0 decided or closed", m.count().get());
    }

    @Test
    void theCountFollowsTheClockFromTheCasesAlreadyLoaded() {
        BreachesModel m = model(BreachesModel.QUEUE_PAGE);
        reload(m);
        BreachCase first = m.rows.get(0);
        db.clock.advance(Duration.ofHours(48).plusMinutes(7));
        m.tick();
        assertSame(first, m.rows.get(0), "no reload: the same loaded rows");
        assertEquals(NOW.plus(Duration.ofHours(48).plusMinutes(7)), m.now());
        assertEquals("3 open (2 overdue, 1 due within 24 h)  ·  0 decided or closed", m.count().get());
    }

    @Test
    void afterADecisionTheNextLoadSaysWhatWasRecordedOnce() {
        BreachesModel m = model(BreachesModel.QUEUE_PAGE);
        reload(m);
        BreachCase decided = breaches.save(dpo, fresh, BreachDraft.of(breaches.get(dpo, fresh)).withStatus(Status.NOT_A_BREACH)
                .withRationale("Our own address, no personal data."));
        m.decided(decided);
        assertEquals(decided.reference() + " recorded as 'Not a personal-data breach'. It has left the open queue and is kept in the breach register.",
                reload(m));
        assertNull(reload(m), "said once");
        assertEquals("2 open (1 overdue, 1 due within 24 h)  ·  1 decided or closed", m.count().get());
    }

    @Test
    void theSearchNarrowsTheQueueAndTheLoadGoesThroughTheViewsReplacement() {
        BreachesModel m = model(BreachesModel.QUEUE_PAGE);
        List<List<BreachCase>> replaced = new ArrayList<>();
        m.replaceRowsWith(cases -> {
            replaced.add(cases);
            m.rows.setAll(cases);
        });
        m.search().set("misdirected");
        reload(m);
        assertEquals(List.of(overdue), ids(m.rows));
        assertEquals(1, replaced.size(), "the view keeps its selection and scroll place through this");
        assertEquals("1 open (1 overdue, 0 due within 24 h)  ·  0 decided or closed", m.count().get());
    }

    @Test
    void aLargeQueueShowsItsFirstPageWithTheDatabasesCounts() {
        BreachesModel m = model(2);
        reload(m);
        assertEquals(List.of(overdue, dueSoon), ids(m.rows));
        assertEquals("3 open (1 overdue, 1 due within 24 h)  ·  0 decided or closed  ·  showing the first 2: search to find others",
                m.count().get());
    }
}
