package org.devicedesk.mail;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.devicedesk.core.Settings;
import org.jdbi.v3.core.Handle;

/**
 * The transactional outbox (ADR 0011): a message is written with the handle of the transaction that makes
 * the change it tells of, so the two stand or fall together — none for a change rolled back, none lost if
 * the application dies after the commit. {@link OutboxSender} delivers what is written here.
 */
public final class Outbox {
    private Outbox() {}

    /** Someone to send to: an address (blank when not known) and who that is, for the error when it is blank. */
    public record To(String address, String who) {
        public To {
            address = address == null ? "" : address.strip();
        }
    }

    /**
     * Writes one message per distinct recipient in the caller's transaction, when mail is on and this kind is
     * not switched off. A recipient with no address is written as FAILED with the reason, so the administrator
     * sees it in the Outbox. Returns the number of messages written.
     */
    public static int enqueue(Handle h, Instant now, MailKind kind, List<To> recipients, Map<String, String> values,
                              String recordType, Object recordId) {
        MailSettings settings = MailSettings.load(h);
        if (!settings.sends(kind)) return 0;
        return write(h, now, kind, recipients, values, recordType, recordId);
    }

    static int write(Handle h, Instant now, MailKind kind, List<To> recipients, Map<String, String> values, String recordType, Object recordId) {
        Map<String, String> all = new HashMap<>(values);
        all.putIfAbsent("office", Settings.load(h).organisationName());
        Templates.Rendered m = Templates.render(kind, all);
        String rid = recordId == null ? null : recordId.toString();
        Set<String> seen = new LinkedHashSet<>();
        int n = 0;
        for (To to : recipients) {
            if (to.address().isEmpty()) {
                OutboxRepository.insert(h, kind, "", m, recordType, rid, OutboxMessage.Status.FAILED,
                        "No e-mail address for " + to.who() + ". " + (to.who().startsWith("the ")
                                ? "Set it in Settings → Mail, then resend." : "Add it to their record in People."), now);
                n++;
            } else if (seen.add(to.address().toLowerCase())) {
                OutboxRepository.insert(h, kind, to.address(), m, recordType, rid, OutboxMessage.Status.PENDING, null, now);
                n++;
            }
        }
        return n;
    }
}
