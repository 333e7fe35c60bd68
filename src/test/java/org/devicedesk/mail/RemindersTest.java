package org.devicedesk.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.devicedesk.core.Session;
import org.devicedesk.people.Category;
import org.devicedesk.people.PersonDraft;
import org.devicedesk.testing.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The scheduled reminders with a fixed clock: each fires once at each threshold. */
class RemindersTest {
    MailFixture f;
    TestDb t;
    Reminders reminders;

    @BeforeEach
    void setUp() {
        t = TestDb.create();
        f = new MailFixture(t);
        reminders = t.services.mail.reminders();
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private List<MailKind> kinds() {
        return f.outbox().stream().map(OutboxMessage::kind).sorted().toList();
    }

    @Test
    void theIcoDeadlineIsRemindedAt24HoursAt6HoursAndWhenOverdueEachOnce() {
        Session sam = f.person("sam", "sam@opcc.test");
        Instant aware = t.clock.instant();
        t.services.incidents.report(sam, MailFixture.lost(f.phoneFor(sam.personId())));
        int before = f.outbox().size();
        assertEquals(0, reminders.run(), "72 hours left: nothing yet");

        t.clock.set(aware.plus(Duration.ofHours(47)));
        assertEquals(0, reminders.run(), "25 hours left: not yet");
        t.clock.set(aware.plus(Duration.ofHours(48)));
        assertEquals(1, reminders.run(), "24 hours left");
        assertEquals(0, reminders.run(), "once");
        t.clock.set(aware.plus(Duration.ofHours(60)));
        assertEquals(0, reminders.run(), "12 hours left: nothing new");
        t.clock.set(aware.plus(Duration.ofHours(66)));
        assertEquals(1, reminders.run(), "6 hours left");
        assertEquals(0, reminders.run());
        t.clock.set(aware.plus(Duration.ofHours(72).plusMinutes(30)));
        assertEquals(1, reminders.run(), "overdue");
        t.clock.set(aware.plus(Duration.ofHours(90)));
        assertEquals(0, reminders.run(), "overdue is said once");

        List<OutboxMessage> ico = f.outbox().stream().filter(m -> m.kind().name().startsWith("ICO")).toList();
        assertEquals(3, ico.size());
        assertEquals(before + 3, f.outbox().size());
        assertTrue(ico.stream().allMatch(m -> m.recipient().equals(MailFixture.DPO)));
        OutboxMessage overdue = ico.stream().filter(m -> m.kind() == MailKind.ICO_OVERDUE).findFirst().orElseThrow();
        assertEquals("ICO deadline passed: BRE-2026-0001", overdue.subject());
        assertTrue(overdue.bodyText().contains("ICO deadline: Sat 7 March 2026, 10:00 (overdue by 30 minutes)"), overdue.bodyText());
    }

    @Test
    void aDecidedCaseGetsNoReminderAndAPassFarPastTheDeadlineSendsOnlyTheLatest() {
        Session sam = f.person("sam", "sam@opcc.test");
        Instant aware = t.clock.instant();
        t.services.incidents.report(sam, MailFixture.lost(f.phoneFor(sam.personId())));
        t.clock.set(aware.plus(Duration.ofHours(80)));
        assertEquals(1, reminders.run());
        assertEquals(List.of(MailKind.ICO_OVERDUE), f.outbox().stream().map(OutboxMessage::kind).filter(k -> k.name().startsWith("ICO")).toList());
        assertEquals(0, reminders.run(), "the 24 h and 6 h thresholds were recorded as passed, not sent late");
    }

    @Test
    void declarationsAreRemindedAt30And7DaysAndWhenExpiredWithTheManagerWhileDevicesAreHeld() {
        Session system = Session.system();
        long manager = t.db.inTransaction(h -> t.services.people.createInTransaction(h, system,
                new PersonDraft("Mia Manager", "mia@opcc.test", "M1", Category.EMPLOYEE, "Finance", null)));
        long dan = t.db.inTransaction(h -> t.services.people.createInTransaction(h, system,
                new PersonDraft("Dan Declared", "dan@opcc.test", "D1", Category.EMPLOYEE, "Finance", manager)));
        t.services.people.recordPaperDeclaration(system, manager, t.services.people.today());
        LocalDate signed = LocalDate.parse("2025-03-20"); // current until 20 March 2026; today is 4 March 2026
        t.services.people.recordPaperDeclaration(system, dan, signed);
        f.phoneFor(dan);

        assertEquals(1, reminders.run(), "16 days left: the 30-day reminder");
        assertEquals(0, reminders.run());
        t.clock.set(Instant.parse("2026-03-13T08:00:00Z"));
        assertEquals(1, reminders.run(), "7 days left");
        assertEquals(0, reminders.run());
        t.clock.set(Instant.parse("2026-03-20T08:00:00Z"));
        assertEquals(2, reminders.run(), "expired: the person, and the manager because a phone is still held");
        t.clock.set(Instant.parse("2026-03-27T08:00:00Z"));
        assertEquals(0, reminders.run());

        List<OutboxMessage> dans = f.outbox().stream().filter(m -> m.recipient().equals("dan@opcc.test")).toList();
        assertEquals(3, dans.size());
        OutboxMessage toManager = f.outbox().stream().filter(m -> m.recipient().equals("mia@opcc.test")).findFirst().orElseThrow();
        assertEquals(MailKind.DECLARATION_EXPIRED_MANAGER, toManager.kind());
        assertTrue(toManager.bodyText().contains("expired on 20 March 2026, and they still hold PH-1"), toManager.bodyText());

        // signing again starts a new cycle: nothing until that one nears its end
        t.services.people.recordPaperDeclaration(system, dan, LocalDate.parse("2026-03-27"));
        assertEquals(0, reminders.run());
    }

    @Test
    void aPostTravelCheckDueIsToldToTheHelpDeskOnce() throws Exception {
        Session tia = f.person("tia", "tia@opcc.test");
        long phone = f.phoneFor(tia.personId());
        LocalDate departure = t.services.people.today().plusDays(10);
        t.services.travel.submit(tia, new org.devicedesk.travel.TravelDraft(null, List.of("FR"), departure, departure.plusDays(3),
                List.of(phone), "Europol meeting"));
        assertEquals(0, reminders.run());
        t.clock.set(Instant.parse("2026-03-18T09:00:00Z")); // the day after the return
        assertEquals(1, reminders.run());
        assertEquals(0, reminders.run());
        OutboxMessage due = f.outbox().stream().filter(m -> m.kind() == MailKind.POST_TRAVEL_DUE).findFirst().orElseThrow();
        assertEquals(MailFixture.HELPDESK, due.recipient());
        assertTrue(due.bodyText().contains("Tia Example returned from France on 17 March 2026"), due.bodyText());
    }

    @Test
    void twoServicesRunningTheRemindersAtOnceWriteEachOnce() throws Exception {
        Session sam = f.person("sam", "sam@opcc.test");
        Instant aware = t.clock.instant();
        t.services.incidents.report(sam, MailFixture.lost(f.phoneFor(sam.personId())));
        t.clock.set(aware.plus(Duration.ofHours(50)));
        try (var other = org.devicedesk.core.Database.openSqlite(t.db.file())) {
            List<Reminders> both = List.of(reminders, new Reminders(other, t.clock));
            var barrier = new java.util.concurrent.CyclicBarrier(2);
            var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            var results = both.stream().map(r -> pool.submit(() -> { barrier.await(); return r.run(); })).toList();
            int total = 0;
            for (var r : results) total += r.get(60, java.util.concurrent.TimeUnit.SECONDS);
            pool.shutdown();
            assertEquals(1, total);
        }
        assertEquals(1, f.outbox().stream().filter(m -> m.kind() == MailKind.ICO_24H).count());
    }
}
