package org.devicedesk.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.testing.FxTest;
import org.devicedesk.testing.TestDb;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** Settings → Mail and Settings → Outbox, driven by their automation ids, against a real SMTP server. */
class MailViewsTest extends FxTest {

    private void replace(FxRobot robot, String id, String text) {
        TextField f = robot.lookup("#" + id).queryAs(TextField.class);
        fx(() -> {
            f.requestFocus();
            f.selectAll();
        });
        robot.write(text);
    }

    private static long audited(TestDb t, String action) {
        return t.db.read(h -> h.createQuery("SELECT count(*) FROM audit_event WHERE action = :a").bind("a", action).mapTo(Long.class).one());
    }

    @Test
    void anAdministratorSetsMailUpAndSendsATestMessage(FxRobot robot) throws Exception {
        int port = MailFixture.freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            signInAs(testDb.session("ada", Role.ADMIN));
            robot.clickOn(node(robot, "nav-settings"));
            robot.clickOn(node(robot, "settings-tab-mail"));
            TextField portField = node(robot, "mail-port", TextField.class);
            waitUntil(() -> "587".equals(portField.getText()));
            Label status = node(robot, "mail-password-status", Label.class);
            waitUntil(() -> status.getText().contains("DEVICEDESK_SMTP_PASSWORD"));

            fx(() -> robot.lookup("#mail-enabled").queryAs(javafx.scene.control.CheckBox.class).setSelected(true));
            replace(robot, "mail-host", "127.0.0.1");
            replace(robot, "mail-port", Integer.toString(port));
            fx(() -> robot.lookup("#mail-security").queryAs(javafx.scene.control.ComboBox.class).setValue(MailSettings.Security.NONE));
            replace(robot, "mail-dpo", "not an address");
            robot.clickOn("#mail-save");
            Label message = node(robot, "mail-message", Label.class);
            waitUntil(() -> message.getText().startsWith("The DPO's mailbox must be an e-mail address"));
            assertFalse(testDb.db.read(MailSettings::load).enabled(), "nothing was stored");

            replace(robot, "mail-dpo", "dpo@opcc.test");
            fx(() -> robot.lookup("#mail-kind-ico-6h").queryAs(javafx.scene.control.CheckBox.class).setSelected(false));
            robot.clickOn("#mail-save");
            waitUntil(() -> message.getText().startsWith("Saved: "));
            MailSettings saved = testDb.db.read(MailSettings::load);
            assertTrue(saved.enabled());
            assertEquals(port, saved.port());
            assertEquals("dpo@opcc.test", saved.dpoMailbox());
            assertEquals(java.util.Set.of(MailKind.ICO_6H), saved.off());

            replace(robot, "mail-test-to", "ada@opcc.test");
            robot.clickOn("#mail-test-send");
            waitUntil(() -> message.getText().startsWith("A test message was sent to ada@opcc.test"));
            assertTrue(smtp.waitForIncomingEmail(60_000, 1));
            assertEquals("Device Desk test message", smtp.getReceivedMessages()[0].getSubject());
            assertEquals(1, audited(testDb, "MAIL_TEST_SENT"));
        } finally {
            smtp.stop();
        }

        // the server gone: the test says so, in words, beside the form
        robot.clickOn("#mail-test-send");
        Label message = node(robot, "mail-message", Label.class);
        waitUntil(() -> message.getText().startsWith("The test message could not be sent through 127.0.0.1:" + port));
        assertFalse(message.getText().contains("Exception"), message.getText());
    }

    @Test
    void theOutboxShowsAFailureAndTheAdministratorResendsIt(FxRobot robot) {
        Session ada = testDb.session("ada", Role.ADMIN);
        testDb.services.mail.save(ada, MailFixture.settings(MailFixture.freePort()));
        testDb.db.useTransaction(h -> Outbox.enqueue(h, testDb.clock.instant(), MailKind.TEST, List.of(new Outbox.To("dpo@opcc.test", "the DPO")),
                Map.of("at", "now", "actor", "a test"), null, null));
        testDb.db.useTransaction(h -> h.execute("UPDATE mail_outbox SET status = 'FAILED', attempts = 10, "
                + "last_error = 'Could not reach the mail server 127.0.0.1:25: Connection refused'"));

        signInAs(ada);
        robot.clickOn(node(robot, "nav-settings"));
        robot.clickOn(node(robot, "settings-tab-outbox"));
        @SuppressWarnings("unchecked")
        TableView<OutboxMessage> table = node(robot, "outbox-table", TableView.class);
        waitUntil(() -> table.getItems().size() == 1);
        assertEquals(OutboxMessage.Status.FAILED, table.getItems().get(0).status());
        assertTrue(robot.lookup("Could not reach the mail server 127.0.0.1:25: Connection refused").tryQuery().isPresent(), "the last error is shown");
        Label counts = node(robot, "outbox-counts", Label.class);
        waitUntil(() -> counts.getText().equals("0 waiting, 1 failed, 0 sent"));

        robot.clickOn("Device Desk test message");
        robot.clickOn("#outbox-resend");
        Label message = node(robot, "outbox-message", Label.class);
        waitUntil(() -> message.getText().startsWith("1 message queued again"));
        waitUntil(() -> table.getItems().size() == 1 && table.getItems().get(0).status() == OutboxMessage.Status.PENDING);
        waitUntil(() -> counts.getText().equals("1 waiting, 0 failed, 0 sent"));
        assertEquals(1, audited(testDb, "MAIL_RESENT"));
    }
}
