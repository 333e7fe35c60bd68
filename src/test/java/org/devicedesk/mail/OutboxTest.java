package org.devicedesk.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.devicedesk.core.Database;
import org.devicedesk.core.Refused;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.testing.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox against a real SMTP server over a socket (GreenMail), on a real SQLite file through the migrations. */
class OutboxTest {
    MailFixture f;
    TestDb t;

    @BeforeEach
    void setUp() {
        t = TestDb.create();
        f = new MailFixture(t);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private OutboxSender sender() {
        return t.services.mail.sender("test-sender");
    }

    @Test
    void aReportReachesTheDpoTheHelpDeskAndTheReporterWithTheRightContent() throws Exception {
        Session sam = f.person("sam", "sam.patel@opcc.test");
        var reported = t.services.incidents.report(sam, MailFixture.lost(f.phoneFor(sam.personId())));
        assertEquals(3, f.outbox().size(), "referral, help desk, receipt written with the report");

        OutboxSender.Pass pass = sender().runOnce();
        assertEquals(3, pass.sent());
        assertEquals(3, f.smtp.getReceivedMessages().length);

        MimeMessage dpo = f.to(MailFixture.DPO).get(0);
        String[] dpoBody = MailFixture.parts(dpo);
        assertTrue(dpo.getSubject().startsWith("New breach referral BRE-2026-0001"), dpo.getSubject());
        assertTrue(dpoBody[0].contains("Kind: Lost device"), dpoBody[0]);
        assertTrue(dpoBody[0].contains("ICO deadline: Sat 7 March 2026, 10:00 (3 days left)"), dpoBody[0]); // 72 h, British date, office time
        assertTrue(dpoBody[0].contains("from incident " + reported.reference()), dpoBody[0]);
        assertFalse(dpoBody[0].contains("Sam"), "no more personal data than needed: the DPO's mail does not name the reporter");
        assertTrue(dpoBody[0].contains("Office of the Police and Crime Commissioner"), "the office's name");
        assertTrue(dpoBody[1].contains("<p>Reference: BRE-2026-0001"), dpoBody[1]);

        MimeMessage help = f.to(MailFixture.HELPDESK).get(0);
        assertTrue(help.getSubject().contains(reported.reference() + ": Lost device"), help.getSubject());
        assertTrue(MailFixture.parts(help)[0].contains("Reported by: Sam Example"));

        MimeMessage receipt = f.to("sam.patel@opcc.test").get(0);
        String receiptText = MailFixture.parts(receipt)[0];
        assertTrue(receiptText.contains("call now on 3344 (or 0121 626 8344 from outside)"), receiptText);
        assertTrue(f.outbox().stream().allMatch(m -> m.status() == OutboxMessage.Status.SENT));
    }

    @Test
    void serverDownMeansQueuedRetriedAndDeliveredWhenItReturnsWithNothingLost() throws Exception {
        f.smtp.stop();
        Session sam = f.person("sam", "sam@opcc.test");
        t.services.incidents.report(sam, MailFixture.lost(f.phoneFor(sam.personId())));

        OutboxSender.Pass down = sender().runOnce();
        assertEquals(new OutboxSender.Pass(0, 3, 0), down);
        for (OutboxMessage m : f.outbox()) {
            assertEquals(OutboxMessage.Status.PENDING, m.status());
            assertEquals(1, m.attempts());
            assertTrue(m.lastError().startsWith("Could not reach the mail server 127.0.0.1:" + f.port), m.lastError());
        }
        assertEquals(0, sender().runOnce().claimed(), "backoff: not tried again before the next attempt is due");

        t.clock.advance(OutboxSender.backoff(1));
        assertEquals(new OutboxSender.Pass(0, 3, 0), sender().runOnce(), "still down: tried again and kept");
        t.clock.advance(OutboxSender.backoff(2).minusSeconds(1));
        assertEquals(0, sender().runOnce().claimed(), "the wait doubles");

        f.startSmtp();
        t.clock.advance(Duration.ofSeconds(1));
        assertEquals(3, sender().runOnce().sent());
        assertEquals(3, f.smtp.getReceivedMessages().length);
        assertTrue(f.outbox().stream().allMatch(m -> m.status() == OutboxMessage.Status.SENT && m.attempts() == 3 && m.lastError() == null));
    }

    @Test
    void afterTheLastAttemptAMessageFailsVisiblyAndTheAdministratorCanResendIt() {
        f.smtp.stop();
        t.db.useTransaction(h -> Outbox.enqueue(h, t.clock.instant(), MailKind.TEST, List.of(new Outbox.To("x@opcc.test", "x")),
                Map.of("at", "now", "actor", "a test"), null, null));
        for (int i = 0; i < OutboxSender.MAX_ATTEMPTS; i++) {
            sender().runOnce();
            t.clock.advance(Duration.ofHours(1));
        }
        OutboxMessage failed = f.outbox().get(0);
        assertEquals(OutboxMessage.Status.FAILED, failed.status());
        assertEquals(OutboxSender.MAX_ATTEMPTS, failed.attempts());
        assertEquals(0, sender().runOnce().claimed(), "a failed message is not retried by itself");

        f.startSmtp();
        assertThrows(org.devicedesk.core.AccessDenied.class, () -> t.services.mail.resend(t.session("hal", Role.HELPDESK), List.of(failed.id())));
        assertEquals(1, t.services.mail.resend(f.admin, List.of(failed.id())));
        assertEquals(1, sender().runOnce().sent());
        assertEquals(1, f.smtp.getReceivedMessages().length);
        long audited = t.db.read(h -> h.createQuery("SELECT count(*) FROM audit_event WHERE action = 'MAIL_RESENT' AND actor = 'ada'").mapTo(Long.class).one());
        assertEquals(1, audited);
    }

    @Test
    void aRolledBackChangeWritesNoMessage() {
        Session sam = f.person("sam", "sam@opcc.test");
        long phone = f.phoneFor(sam.personId());
        // the whole report refused (no device answer): nothing of it, and no mail
        var refused = new org.devicedesk.incidents.Incident.Draft(org.devicedesk.incidents.Incident.Type.LOST, null, phone, null, null, null,
                null, "Left it.", null, null, null, null, null, null);
        assertThrows(Refused.class, () -> t.services.incidents.report(sam, refused));
        assertEquals(0, f.outbox().size());
        // a failure after the message was written rolls the message back with the change
        assertThrows(IllegalStateException.class, () -> t.db.useTransaction(h -> {
            Outbox.enqueue(h, t.clock.instant(), MailKind.TEST, List.of(new Outbox.To("x@opcc.test", "x")), Map.of("at", "now", "actor", "a"), null, null);
            throw new IllegalStateException("the change failed after its message was written");
        }));
        assertEquals(0, f.outbox().size());
        assertEquals(0, sender().runOnce().claimed());
        assertEquals(0, f.smtp.getReceivedMessages().length);
    }

    @Test
    void twoSendersInParallelSendEachMessageOnce() throws Exception {
        int n = 60;
        MailFixture.enqueueTestMessages(t.db, t.clock, n);
        // two senders, each with its own connections to the same file, as two processes would have
        try (Database other = Database.openSqlite(t.db.file())) {
            assertEquals(n, MailFixture.sendAtOnce(List.of(new OutboxSender(t.db, t.clock, "one"), new OutboxSender(other, t.clock, "two")), 120));
        }
        MailFixture.assertEachReceivedOnce(f.smtp, n);
        Set<String> claimedBy = new HashSet<>(t.db.read(h -> h.createQuery("SELECT DISTINCT status FROM mail_outbox").mapTo(String.class).list()));
        assertEquals(Set.of("SENT"), claimedBy);
    }

    @Test
    void aKindSwitchedOffIsNotWrittenAndMailOffWritesNothing() {
        t.services.mail.save(f.admin, MailFixture.settings(f.port).withOff(EnumSet.of(MailKind.INCIDENT_RECEIPT)));
        Session sam = f.person("sam", "sam@opcc.test");
        t.services.incidents.report(sam, MailFixture.lost(f.phoneFor(sam.personId())));
        assertEquals(Set.of(MailKind.REFERRAL, MailKind.INCIDENT_HELPDESK), Set.copyOf(f.outbox().stream().map(OutboxMessage::kind).toList()));

        t.services.mail.save(f.admin, MailFixture.settings(f.port).withEnabled(false));
        t.services.incidents.report(sam, MailFixture.lost(f.phoneFor(sam.personId())));
        assertEquals(2, f.outbox().size());
    }

    @Test
    void aMissingMailboxIsAFailureTheAdministratorSees() {
        t.services.mail.save(f.admin, MailFixture.settings(f.port).withMailboxes("devicedesk@opcc.test", "", MailFixture.HELPDESK, ""));
        Session sam = f.person("sam", "sam@opcc.test");
        t.services.incidents.report(sam, MailFixture.lost(f.phoneFor(sam.personId())));
        OutboxMessage referral = f.outbox().stream().filter(m -> m.kind() == MailKind.REFERRAL).findFirst().orElseThrow();
        assertEquals(OutboxMessage.Status.FAILED, referral.status());
        assertEquals("No e-mail address for the DPO. Set it in Settings → Mail, then resend.", referral.lastError());
        assertEquals(1, t.services.mail.counts(f.admin).get(OutboxMessage.Status.FAILED));
    }

    @Test
    void travelNoticesGoToInformationSecurityMarkedLateAndTheDecisionToTheTraveller() throws Exception {
        Session tia = f.person("tia", "tia@opcc.test");
        Session ines = f.person("ines", "ines@opcc.test", Role.INFOSEC);
        long laptop = f.phoneFor(tia.personId());
        LocalDate departure = t.services.people.today().plusDays(3);
        long id = t.services.travel.submit(tia, new org.devicedesk.travel.TravelDraft(null, List.of("CN"), departure, departure.plusDays(5),
                List.of(laptop), "Conference in Beijing"));
        // approving a late notice without a justification is refused: rolled back, no decision mail
        assertThrows(Refused.class, () -> t.services.travel.decide(ines, id, org.devicedesk.travel.TravelDecision.APPROVED, "Take the loan laptop.", null));
        t.services.travel.decide(ines, id, org.devicedesk.travel.TravelDecision.APPROVED_WITH_CONDITIONS, "Take the loan laptop only.", "Short-notice invitation.");
        assertEquals(2, sender().runOnce().sent());
        MimeMessage filed = f.to(MailFixture.INFOSEC).get(0);
        assertTrue(filed.getSubject().startsWith("LATE Travel notice TRV-2026-0001: Tia Example to China"), filed.getSubject());
        assertTrue(MailFixture.parts(filed)[0].contains("Departs: 7 March 2026"), MailFixture.parts(filed)[0]);
        MimeMessage decision = f.to("tia@opcc.test").get(0);
        assertTrue(MailFixture.parts(decision)[0].contains("Advice: Take the loan laptop only."));
    }

    @Test
    void anAccountLockedTellsTheAdministrators() throws Exception {
        f.person("root", "it.admin@opcc.test", Role.ADMIN);
        f.person("lee", "lee@opcc.test");
        for (int i = 0; i < 5; i++) assertThrows(Refused.class, () -> t.services.accounts.signIn("lee", "wrong password"));
        assertEquals(1, sender().runOnce().sent());
        MimeMessage m = f.to("it.admin@opcc.test").get(0);
        assertEquals("Account lee locked after failed sign-ins", m.getSubject());
    }
}
