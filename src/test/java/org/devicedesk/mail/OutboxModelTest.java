package org.devicedesk.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.devicedesk.core.Role;
import org.devicedesk.testing.TestDb;
import org.devicedesk.ui.Outcome;
import org.devicedesk.ui.Tasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox tab's rules without a window: the real MailService and sender against GreenMail, Tasks.direct(). */
class OutboxModelTest {
    private MailFixture f;
    private OutboxModel model;

    @BeforeEach
    void open() {
        f = new MailFixture(TestDb.create());
        model = new OutboxModel(f.t.services.mail, f.admin, Tasks.direct());
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void theFilterTheCountsAndTheMessageText() throws Exception {
        MailFixture.enqueueTestMessages(f.t.db, f.t.clock, 3);
        model.load();
        assertEquals(3, model.rows.size());
        assertEquals("3 waiting, 0 failed, 0 sent", model.counts().get());
        f.t.services.mail.sender("test").runOnce();
        model.status.set("Sent"); // choosing reloads
        assertEquals(3, model.rows.size());
        assertTrue(model.rows.stream().allMatch(m -> m.status() == OutboxMessage.Status.SENT));
        assertEquals("0 waiting, 0 failed, 3 sent", model.counts().get());
        model.status.set("Waiting to be sent");
        assertTrue(model.rows.isEmpty());

        model.status.set("All");
        OutboxMessage m = model.rows.get(0);
        model.selected.set(m);
        assertTrue(model.body().get().startsWith("To: " + m.recipient() + "\nSubject: " + m.subject() + "\n\n"), model.body().get());
        model.selected.set(null);
        assertEquals("", model.body().get());
    }

    @Test
    void failedMessagesAreQueuedAgainAndTheModelSaysHowMany() throws Exception {
        MailFixture.enqueueTestMessages(f.t.db, f.t.clock, 2);
        f.smtp.stop(); // the server is away: every try fails until the last one
        for (int i = 0; i < 10; i++) {
            f.t.services.mail.sender("test").runOnce();
            f.t.clock.advance(Duration.ofHours(6));
        }
        model.status.set("Failed");
        assertEquals(2, model.rows.size(), "both failed for good");
        model.resend(List.copyOf(model.rows));
        assertEquals(Outcome.success("2 messages queued again; they go with the next round of the sender."), model.outcome().get());
        assertTrue(model.rows.isEmpty(), "reloaded: none failed now");
        assertEquals("2 waiting, 0 failed, 0 sent", model.counts().get());
        model.status.set("All");
        model.resend(List.of(model.rows.get(0)));
        assertEquals(Outcome.success("1 message queued again; it goes with the next round of the sender."), model.outcome().get());
    }

    @Test
    void onlyAnAdministratorSeesTheOutbox() {
        OutboxModel staff = new OutboxModel(f.t.services.mail, f.t.session("sue", Role.HELPDESK), Tasks.direct());
        staff.load();
        assertEquals(Outcome.Kind.FAILURE, staff.outcome().get().kind());
        assertTrue(staff.rows.isEmpty());
    }
}
