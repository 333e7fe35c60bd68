package org.devicedesk.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.devicedesk.core.Database;
import org.devicedesk.core.Refused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox (ADR 0011): claims due messages atomically (so however many senders run, each message
 * goes to one of them), sends them over one SMTP connection, and marks each SENT, or PENDING again with a
 * later attempt (backoff 1, 2, 4 … 60 minutes), or FAILED after {@link #MAX_ATTEMPTS} tries or an address
 * the server refuses. Failures stay in the Outbox screen with the last error.
 */
public final class OutboxSender {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
    public static final int MAX_ATTEMPTS = 10;
    static final int BATCH = 25;
    /** A message still SENDING after this was claimed by a sender that died; it is claimed again. */
    static final Duration STALE_CLAIM = Duration.ofMinutes(10);

    private final Database db;
    private final Clock clock;
    private final String name;

    public record Pass(int sent, int retrying, int failed) {
        public int claimed() { return sent + retrying + failed; }
    }

    public OutboxSender(Database db, Clock clock, String name) {
        this.db = db;
        this.clock = clock;
        this.name = name;
    }

    /** The wait before attempt {@code attempts + 1}: 1 minute, doubling, at most an hour. */
    public static Duration backoff(int attemptsSoFar) {
        long minutes = 1L << Math.min(Math.max(attemptsSoFar - 1, 0), 6);
        return Duration.ofMinutes(Math.min(minutes, 60));
    }

    /** Sends what is due until nothing is left; returns what happened. */
    public Pass runOnce() {
        int sent = 0, retrying = 0, failed = 0;
        while (true) {
            Pass p = batch();
            sent += p.sent();
            retrying += p.retrying();
            failed += p.failed();
            if (p.claimed() < BATCH || p.sent() == 0) return new Pass(sent, retrying, failed);
        }
    }

    private Pass batch() {
        Instant now = clock.instant();
        MailSettings settings = db.read(MailSettings::load);
        if (!settings.enabled()) return new Pass(0, 0, 0);
        List<OutboxMessage> claimed = db.inTransaction(h -> OutboxRepository.claim(h, db.dialect(), name, now, now.minus(STALE_CLAIM), BATCH));
        if (claimed.isEmpty()) return new Pass(0, 0, 0);
        int sent = 0, retrying = 0, failed = 0;
        SmtpMailer mailer = null;
        String connectError = null;
        try {
            mailer = SmtpMailer.connect(settings);
        } catch (MessagingException | Refused e) {
            connectError = "Could not reach the mail server " + settings.host() + ":" + settings.port() + ": " + describe(e);
            LOG.warn("{}; {} message(s) will be retried", connectError, claimed.size());
        }
        try {
            for (OutboxMessage m : claimed) {
                String error = connectError;
                boolean permanent = false;
                if (mailer != null) {
                    try {
                        mailer.send(m.recipient(), m.subject(), m.bodyText(), m.bodyHtml(), clock.instant());
                    } catch (AddressException e) {
                        error = "The address " + m.recipient() + " is not a valid e-mail address.";
                        permanent = true;
                    } catch (SendFailedException e) {
                        error = "The mail server refused the message: " + describe(e);
                        permanent = e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0;
                    } catch (MessagingException e) {
                        error = "Sending failed: " + describe(e);
                    }
                }
                Instant done = clock.instant();
                if (error == null) {
                    db.useTransaction(h -> OutboxRepository.markSent(h, m.id(), name, done));
                    sent++;
                } else {
                    boolean last = permanent || m.attempts() + 1 >= MAX_ATTEMPTS;
                    String err = error;
                    db.useTransaction(h -> OutboxRepository.markFailed(h, m.id(), name, last, done.plus(backoff(m.attempts() + 1)), err));
                    if (last) failed++; else retrying++;
                }
            }
        } finally {
            if (mailer != null) mailer.close();
        }
        return new Pass(sent, retrying, failed);
    }

    static String describe(Exception e) {
        Throwable t = e;
        StringBuilder sb = new StringBuilder();
        while (t != null) {
            String msg = t.getMessage();
            if (msg != null && !msg.isBlank() && sb.indexOf(msg.strip()) < 0) {
                if (!sb.isEmpty()) sb.append(" – ");
                sb.append(msg.strip());
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        return sb.isEmpty() ? e.getClass().getSimpleName() : sb.toString();
    }
}
