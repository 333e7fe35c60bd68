package org.devicedesk.mail;

import java.time.Instant;

/** One row of the outbox, as the administrator's Outbox screen shows it and the sender delivers it. */
public record OutboxMessage(long id, MailKind kind, String recipient, String subject, String bodyText, String bodyHtml,
                            String recordType, String recordId, Status status, int attempts, Instant nextAttemptAt,
                            String lastError, Instant createdAt, Instant sentAt) {

    public enum Status {
        PENDING("Waiting to be sent"), SENDING("Being sent"), SENT("Sent"), FAILED("Failed");

        private final String label;
        Status(String label) { this.label = label; }
        public String label() { return label; }
        @Override public String toString() { return label; }
    }
}
