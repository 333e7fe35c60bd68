package org.devicedesk.mail;

import jakarta.mail.MessagingException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.devicedesk.core.Audit;
import org.devicedesk.core.Database;
import org.devicedesk.core.Problems;
import org.devicedesk.core.Refused;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;

/**
 * The administrator's side of mail (SPEC section 10): the mail settings (audited; the password never stored
 * nor shown), a test message, and the Outbox — what was sent, what waits, what failed and why, and resend.
 */
public final class MailService {
    private static final Pattern ADDRESS = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern ENV_NAME = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*$");

    private final Database db;
    private final Clock clock;

    public MailService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public MailSettings settings(Session s) {
        s.require(Role.ADMIN);
        return db.read(MailSettings::load);
    }

    /** Saves the mail settings (all or nothing), each changed value audited; returns how many changed. */
    public int save(Session s, MailSettings next) {
        s.require(Role.ADMIN);
        Problems p = new Problems();
        if (next.enabled()) p.required(next.host(), "host", "The SMTP server (host name)");
        p.addIf(next.port() < 1 || next.port() > 65535, "port", "The port must be a number from 1 to 65535 (587 for STARTTLS, 465 for SMTPS).");
        address(p, next.from(), "from", "The sender address");
        address(p, next.dpoMailbox(), "dpo", "The DPO's mailbox");
        address(p, next.helpdeskMailbox(), "helpdesk", "The help desk's mailbox");
        address(p, next.infosecMailbox(), "infosec", "The Information Security mailbox");
        p.addIf(!next.passwordEnv().isEmpty() && !ENV_NAME.matcher(next.passwordEnv()).matches(), "password-env",
                "The environment variable's name may hold only letters, digits and _ (for example DEVICEDESK_SMTP_PASSWORD).");
        p.addIf(!next.passwordFile().isEmpty() && !java.nio.file.Path.of(next.passwordFile()).isAbsolute(), "password-file",
                "Give the full path of the password file, for example /etc/devicedesk/smtp-password.");
        p.throwIfAny();
        int changed = db.inTransaction(h -> {
            Map<String, String> before = MailSettings.load(h).toStored();
            Map<String, String> after = next.toStored();
            Instant now = clock.instant();
            int n = 0;
            for (var e : after.entrySet()) {
                if (!Objects.equals(before.get(e.getKey()), e.getValue())) {
                    Audit.record(h, s, now, "MAIL_SETTING_CHANGED", "setting", e.getKey(),
                            e.getKey() + ": " + show(before.get(e.getKey())) + " → " + show(e.getValue()));
                    n++;
                }
            }
            OutboxRepository.storeSettings(h, after);
            return n;
        });
        return changed;
    }

    private static String show(String v) {
        return v == null || v.isEmpty() ? "(none)" : v;
    }

    private static void address(Problems p, String value, String field, String label) {
        p.addIf(!value.isEmpty() && !ADDRESS.matcher(value).matches(), field, label + " must be an e-mail address such as dpo@opcc.example.gov.uk.");
    }

    /** Where the password is looked for and whether it is there: never the password itself. */
    public String passwordStatus(Session s) {
        return MailPassword.describe(settings(s));
    }

    /**
     * Sends a test message now, directly (not through the outbox), with the saved settings, so the administrator
     * learns at once whether mail gets through; refused with what the server said. Audited either way.
     */
    public void sendTest(Session s, String to) {
        s.require(Role.ADMIN);
        String address = to == null ? "" : to.strip();
        if (!ADDRESS.matcher(address).matches()) throw Refused.because("test-to", "Enter the e-mail address to send the test message to.");
        MailSettings settings = settings(s);
        Instant now = clock.instant();
        Templates.Rendered m = Templates.render(MailKind.TEST, Map.of("at", MailFormat.when(now), "actor", s.displayName(),
                "office", db.read(org.devicedesk.core.Settings::load).organisationName()));
        String error = null;
        try (SmtpMailer mailer = SmtpMailer.connect(settings)) {
            mailer.send(address, m.subject(), m.text(), m.html(), now);
        } catch (MessagingException | Refused e) {
            error = OutboxSender.describe(e);
        }
        String err = error;
        db.useTransaction(h -> Audit.record(h, s, now, err == null ? "MAIL_TEST_SENT" : "MAIL_TEST_FAILED", "setting", "mail",
                err == null ? "Test message sent to " + address : "Test message to " + address + " failed: " + err));
        if (err != null) {
            throw Refused.because("test-to", "The test message could not be sent through " + settings.host() + ":" + settings.port()
                    + ". The server or network said: " + err);
        }
    }

    // ---- the Outbox ----

    /** The latest messages, newest first (at most {@code limit}); {@code status} null for all. */
    public List<OutboxMessage> outbox(Session s, OutboxMessage.Status status, int limit) {
        s.require(Role.ADMIN);
        return db.read(h -> OutboxRepository.list(h, status, limit));
    }

    public Map<OutboxMessage.Status, Integer> counts(Session s) {
        s.require(Role.ADMIN);
        return db.read(OutboxRepository::counts);
    }

    /** Puts failed (or sent) messages back in the queue; audited. Returns how many were queued again. */
    public int resend(Session s, List<Long> ids) {
        s.require(Role.ADMIN);
        Instant now = clock.instant();
        return db.inTransaction(h -> {
            List<String> refused = new ArrayList<>();
            int n = 0;
            for (long id : ids) {
                OutboxMessage m = OutboxRepository.byId(h, id).orElseThrow(() -> Refused.because("That message is no longer in the outbox."));
                if (m.recipient().isEmpty()) {
                    refused.add("Message " + id + " has no address to send to: " + m.lastError());
                } else if (m.status() == OutboxMessage.Status.SENDING) {
                    refused.add("Message " + id + " is being sent right now.");
                } else if (OutboxRepository.resend(h, id, now)) {
                    Audit.record(h, s, now, "MAIL_RESENT", "mail_outbox", id, m.kind().label() + " to " + m.recipient()
                            + " queued again (was " + m.status().label().toLowerCase() + (m.lastError() == null ? "" : ": " + m.lastError()) + ")");
                    n++;
                }
            }
            if (!refused.isEmpty()) throw Refused.because(String.join(" ", refused));
            return n;
        });
    }

    /** A sender for this database, named for the Outbox's claims (e.g. "service@host:1234"). */
    public OutboxSender sender(String name) {
        return new OutboxSender(db, clock, name);
    }

    public Reminders reminders() {
        return new Reminders(db, clock);
    }
}
