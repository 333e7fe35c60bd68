package org.devicedesk.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.devicedesk.core.Audit;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.testing.TestDb;
import org.devicedesk.ui.Outcome;
import org.devicedesk.ui.Tasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The audit screen's rules without a window: real AuditService on a temporary SQLite file, Tasks.direct(). */
class AuditModelTest {
    private TestDb db;
    private Session dpo;
    private AuditModel model;
    private final ZoneId zone = ZoneId.of("Europe/London");

    @BeforeEach
    void open() {
        db = TestDb.create();
        dpo = db.session("dee", Role.DPO);
        db.services.accounts.signIn("dee", TestDb.PASSWORD); // an event by dee
        db.clock.advance(Duration.ofDays(2));
        db.session("sam", Role.HELPDESK);
        db.services.accounts.signIn("sam", TestDb.PASSWORD); // and one by sam, two days later
        model = new AuditModel(db.services.audit, dpo, zone, Tasks.direct());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void opensWithTheChoicesAndEveryEventNewestFirst() {
        model.open(null);
        long written = db.services.audit.eventsWritten(dpo);
        assertEquals(written, model.rows.size());
        assertTrue(model.rows.get(0).seq() > model.rows.get(1).seq(), "newest first");
        assertNull(model.actors.get(0), "\"Anyone\" first");
        assertTrue(model.actors.containsAll(List.of("dee", "sam", "system")), model.actors.toString());
        assertNull(model.recordTypes.get(0), "\"Any record\" first");
        assertEquals(written + " events", model.count().get());
        assertFalse(model.hasMore().get());
        assertEquals("Anyone", model.actorChoice(null));
        assertEquals("Any record", AuditModel.recordTypeChoice(null));
        assertEquals("Travel notice", AuditModel.recordTypeChoice("travel_notice"));
    }

    @Test
    void choosingAFilterReloadsAndTheToDayIsIncluded() {
        model.open(null);
        model.actor.set("sam");
        assertFalse(model.rows.isEmpty());
        assertTrue(model.rows.stream().allMatch(e -> e.actor().equals("sam")), "only sam's events");

        model.clearFilters();
        LocalDate samDay = db.clock.instant().atZone(zone).toLocalDate();
        model.to.set(samDay.minusDays(1)); // the day before sam was created: dee's events only
        assertTrue(model.rows.stream().noneMatch(e -> e.actor().equals("sam")));
        model.to.set(samDay); // the "to" day itself is included
        assertTrue(model.rows.stream().anyMatch(e -> e.actor().equals("sam")));
        assertEquals(samDay.plusDays(1).atStartOfDay(zone).toInstant(), model.query().to());
        model.recordId.set("   ");
        assertNull(model.query().recordId(), "a blank id is any id");
    }

    @Test
    void settingEveryFilterFromAQueryLoadsOnceAndShowsTheDayBeforeTheExclusiveEnd() {
        List<AuditService.Query> asked = new ArrayList<>();
        model = new AuditModel(db.services.audit, dpo, zone, new Tasks() {
            @Override public <T> void run(Callable<T> work, Consumer<T> ok, Consumer<Throwable> failed) {
                asked.add(model.query());
                Tasks.direct().run(work, ok, failed);
            }
        });
        LocalDate day = LocalDate.of(2026, 3, 4);
        model.setFilters(new AuditService.Query("sam", "account", "7", day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant()));
        assertEquals(1, asked.size(), "one load for five filters, not one each");
        assertEquals(day, model.from.get());
        assertEquals(day, model.to.get(), "the exclusive end shows as the day before it");
        assertEquals("7", model.recordId.get());
    }

    @Test
    void aLaterFilterWinsOverAnEarlierSearchThatAnswersLate() {
        List<Runnable> pending = new ArrayList<>();
        Tasks held = new Tasks() { // each search answers only when the test says so
            @Override public <T> void run(Callable<T> work, Consumer<T> ok, Consumer<Throwable> failed) {
                pending.add(() -> Tasks.direct().run(work, ok, failed));
            }
        };
        model = new AuditModel(db.services.audit, dpo, zone, held);
        model.actor.set("dee");
        model.actor.set("sam");
        assertEquals(2, pending.size());
        pending.get(1).run(); // the newer search answers first
        pending.get(0).run(); // the older one late: dropped
        assertTrue(model.rows.stream().allMatch(e -> e.actor().equals("sam")), "the newer filter's result stays");
    }

    @Test
    void theEventsReadInWords() {
        model.open(null);
        AuditEvent created = model.rows.stream().filter(e -> e.action().equals("ACCOUNT_CREATED") && e.summary().contains("sam")).findFirst().orElseThrow();
        assertEquals("Account created", model.action(created));
        assertEquals("Device Desk (automatic)", model.who(created), "the test accounts are made by the system");
        assertEquals("Account sam", model.record(created), "an account is known by its username");
        AuditEvent signedIn = model.rows.get(0);
        assertEquals("SIGNED_IN", signedIn.action());
        assertEquals("Sam Tester", model.who(signedIn), "the person's name, not the username");
        AuditEvent person = model.rows.stream().filter(e -> e.action().equals("PERSON_CREATED") && e.summary().contains("Sam")).findFirst().orElseThrow();
        assertEquals("Person Sam Tester", model.record(person), "a person is known by their name, not \"person " + person.recordId() + "\"");
        assertEquals("Person created", model.action(person));
    }

    @Test
    void loadMoreFetchesTheOlderPageAndTheCountSaysThereIsMore() {
        Session system = Session.system();
        db.db.useTransaction(h -> {
            for (int i = 0; i < AuditService.PAGE + 20; i++) Audit.record(h, system, db.clock.instant(), "SETTING_CHANGED", "setting", "x", "bulk " + i);
        });
        model.open(null);
        assertEquals(AuditService.PAGE, model.rows.size());
        assertTrue(model.hasMore().get());
        assertEquals(AuditService.PAGE + "+ events (newest first; load more for older ones)", model.count().get());
        long last = model.rows.get(model.rows.size() - 1).seq();
        model.loadMore();
        assertEquals(db.services.audit.eventsWritten(dpo), model.rows.size());
        assertTrue(model.rows.get(AuditService.PAGE).seq() < last, "the next page starts after the last event shown");
        assertFalse(model.hasMore().get());
        assertFalse(model.loadingMore().get());
    }

    @Test
    void verifyingAnIntactChainSaysSoWithProgressAndABrokenOneNamesTheEvent() throws Exception {
        model.open(null);
        List<Double> seen = new ArrayList<>();
        model.progress().addListener((o, a, b) -> seen.add(b.doubleValue()));
        model.verify();
        assertEquals(Outcome.Kind.SUCCESS, model.outcome().get().kind());
        assertTrue(model.outcome().get().text().startsWith("The audit trail is intact: "), model.outcome().get().text());
        assertEquals(1.0, seen.get(seen.size() - 1), 1e-9, "the progress reaches the end");
        assertFalse(model.verifying().get());
        assertEquals("AUDIT_VERIFIED", model.rows.get(0).action(), "the list reloads with the check's own event");

        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db.dir.resolve("test.db")); var st = c.createStatement()) {
            st.execute("DROP TRIGGER audit_event_no_update");
            st.executeUpdate("UPDATE audit_event SET summary = 'nothing happened' WHERE seq = 2");
        }
        model.verify();
        assertEquals(Outcome.Kind.ERROR, model.outcome().get().kind());
        assertTrue(model.outcome().get().text().startsWith("The audit trail is broken at event 2. "), model.outcome().get().text());
        assertTrue(model.outcome().get().text().endsWith("tell the Data Protection Officer."));
    }

    @Test
    void exportWritesTheFilteredEventsAndSaysHowMany() {
        model.open(null);
        model.actor.set("sam");
        int shown = model.rows.size();
        StringWriter out = new StringWriter();
        model.export("audit.csv", () -> out);
        assertEquals(Outcome.success("Exported " + shown + (shown == 1 ? " event" : " events") + " to audit.csv."), model.outcome().get());
        assertEquals(shown + 1, out.toString().lines().count(), "the header and the filtered events");
    }

    @Test
    void helpdeskIsRefusedInWords() {
        Session hal = db.session("hal", Role.HELPDESK);
        AuditModel refused = new AuditModel(db.services.audit, hal, zone, Tasks.direct());
        refused.open(null);
        assertEquals(Outcome.Kind.FAILURE, refused.outcome().get().kind());
        assertTrue(refused.rows.isEmpty());
    }
}
