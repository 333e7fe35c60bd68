package org.devicedesk.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.Set;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.testing.TestDb;
import org.devicedesk.ui.Tasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Settings → Mail's view model without a window, against a real SMTP server (GreenMail, as the mail tests use). */
class MailSettingsModelTest {
    TestDb db;
    Session admin;
    MailSettingsModel m;

    @BeforeEach
    void open() {
        db = TestDb.create();
        admin = db.session("ada", Role.ADMIN);
        m = new MailSettingsModel(db.services.mail, admin, Tasks.direct());
        m.open();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private long audited(String action) {
        return db.db.read(h -> h.createQuery("SELECT count(*) FROM audit_event WHERE action = :a").bind("a", action).mapTo(Long.class).one());
    }

    @Test
    void theSavedSettingsAndWhereThePasswordIsAreLoaded() {
        assertEquals("587", m.port.get());
        assertTrue(m.passwordStatus.get().contains("DEVICEDESK_SMTP_PASSWORD"), m.passwordStatus.get());
        assertFalse(m.enabled.get());
        assertTrue(m.kinds.values().stream().allMatch(p -> p.get()), "every kind is sent at first");
        assertFalse(m.kinds.containsKey(MailKind.TEST), "a test message cannot be switched off");
    }

    @Test
    void aRefusedSaveStoresNothingThenASaveSendsWhatWasTypedAndATestMessageArrives() throws Exception {
        int port = MailFixture.freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            m.enabled.set(true);
            m.host.set("127.0.0.1");
            m.port.set(" " + port + " ");
            m.security.set(MailSettings.Security.NONE);
            m.dpo.set("not an address");
            m.save();
            assertTrue(m.outcome.get().isFailure());
            assertTrue(m.outcome.get().text().startsWith("The DPO's mailbox must be an e-mail address"), m.outcome.get().text());
            assertFalse(m.saving.get());
            assertFalse(db.db.read(MailSettings::load).enabled(), "nothing was stored");

            m.dpo.set("dpo@opcc.test");
            m.kinds.get(MailKind.ICO_6H).set(false);
            m.save();
            assertTrue(m.outcome.get().text().startsWith("Saved: "), m.outcome.get().text());
            assertTrue(m.outcome.get().text().endsWith(" mail settings changed (written to the audit trail)."), m.outcome.get().text());
            MailSettings saved = db.db.read(MailSettings::load);
            assertTrue(saved.enabled());
            assertEquals(port, saved.port());
            assertEquals("dpo@opcc.test", saved.dpoMailbox());
            assertEquals(Set.of(MailKind.ICO_6H), saved.off());
            assertEquals(Integer.toString(port), m.port.get(), "the form is reloaded as saved");
            assertFalse(m.kinds.get(MailKind.ICO_6H).get());

            m.save();
            assertEquals("Nothing to save: the mail settings are as they were.", m.outcome.get().text());

            m.testTo.set(" ada@opcc.test ");
            m.sendTest();
            assertEquals("A test message was sent to ada@opcc.test. If it does not arrive within a few minutes, check its spam folder.",
                    m.outcome.get().text());
            assertFalse(m.sendingTest.get());
            assertTrue(smtp.waitForIncomingEmail(60_000, 1));
            assertEquals("Device Desk test message", smtp.getReceivedMessages()[0].getSubject());
            assertEquals(1, audited("MAIL_TEST_SENT"));
        } finally {
            smtp.stop();
        }
        m.sendTest();
        assertTrue(m.outcome.get().isFailure());
        assertTrue(m.outcome.get().text().startsWith("The test message could not be sent through 127.0.0.1:" + port), m.outcome.get().text());
        assertFalse(m.sendingTest.get(), "the button comes back");
    }

    @Test
    void aPortThatIsNoNumberIsSentAsMinusOneForTheServiceToRefuse() {
        m.port.set("five-eight-seven");
        assertEquals(-1, m.values().port());
        m.save();
        assertTrue(m.outcome.get().isFailure());
        assertEquals(587, db.db.read(MailSettings::load).port(), "nothing was stored");
    }
}
