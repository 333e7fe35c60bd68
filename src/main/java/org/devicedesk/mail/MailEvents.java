package org.devicedesk.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.devicedesk.core.Settings;
import org.jdbi.v3.core.Handle;

/**
 * What the services call, one line each, inside the transaction of the change (SPEC section 10): each method
 * reads what the messages need and writes them to the {@link Outbox}. Nothing is written while mail is off.
 */
public final class MailEvents {
    private MailEvents() {}

    /**
     * A new incident (and its referral, made in the same transaction): the DPO at once, with the minimum of
     * personal data (reference, kind, time left); the help desk; and a receipt to the reporter.
     */
    public static void incidentReported(Handle h, Instant now, long incidentId, String typeLabel) {
        Map<String, String> stored = Settings.stored(h);
        incidentReported(h, now, incidentId, typeLabel, Settings.of(stored), MailSettings.of(stored));
    }

    /** The same, with the settings the caller has already read in this transaction. */
    public static void incidentReported(Handle h, Instant now, long incidentId, String typeLabel, Settings.Values settings, MailSettings ms) {
        if (!ms.enabled()) return;
        var facts = MailLookupRepository.incident(h, incidentId).orElse(null);
        if (facts == null) return;
        MailLookupRepository.caseForIncident(h, incidentId).ifPresent(c -> {
            Instant deadline = c.awareAt().plus(Duration.ofHours(settings.icoDeadlineHours()));
            Map<String, String> v = new HashMap<>();
            v.put("breach", c.reference());
            v.put("incident", facts.reference());
            v.put("type", typeLabel);
            v.put("aware", MailFormat.when(c.awareAt()));
            v.put("deadline", MailFormat.when(deadline));
            v.put("timeLeft", MailFormat.timeLeft(now, deadline));
            Outbox.enqueue(h, now, MailKind.REFERRAL, List.of(new Outbox.To(ms.dpoMailbox(), "the DPO")), v, "breach_case", c.id());
        });

        Map<String, String> v = new HashMap<>();
        v.put("incident", facts.reference());
        v.put("type", typeLabel);
        v.put("typeLower", typeLabel.substring(0, 1).toLowerCase(Locale.UK) + typeLabel.substring(1));
        v.put("reporter", facts.reporter());
        v.put("device", facts.device() == null ? "none given" : facts.device());
        v.put("reported", MailFormat.when(facts.reportedAt()));
        v.put("urgent", facts.urgent() ? "URGENT: " : "");
        v.put("outOfHours", facts.outOfHours() ? " (out of office hours)" : "");
        List<String> flags = new ArrayList<>();
        if (facts.urgent()) flags.add("URGENT: the reporter has not always had the device (policy 56).");
        if (facts.policyBreach()) flags.add("Breach of policy: the password was written down and carried with the device (policy 58).");
        v.put("flags", flags.isEmpty() ? "" : String.join("\n", flags) + "\n");
        v.put("helpdeskInternal", settings.helpdeskInternal());
        v.put("helpdeskExternal", settings.helpdeskExternal());
        v.put("outOfHoursNumber", settings.outOfHoursNumber());
        Outbox.enqueue(h, now, MailKind.INCIDENT_HELPDESK, List.of(new Outbox.To(ms.helpdeskMailbox(), "the help desk")), v, "incident", incidentId);
        Outbox.enqueue(h, now, MailKind.INCIDENT_RECEIPT, List.of(new Outbox.To(facts.reporterEmail(), facts.reporter())), v, "incident", incidentId);
    }

    /** A travel notice filed: Information Security, late ones marked (policy 53). */
    public static void travelFiled(Handle h, Instant now, long noticeId, String destinationNames) {
        MailSettings ms = MailSettings.load(h);
        if (!ms.sends(MailKind.TRAVEL_FILED)) return;
        MailLookupRepository.notice(h, noticeId).ifPresent(n -> {
            Map<String, String> v = noticeValues(n);
            v.put("destinations", destinationNames);
            v.put("lateMark", n.late() ? "LATE " : "");
            v.put("lateText", n.late() ? " – LATE: fewer than " + Settings.load(h).travelNoticeDays() + " days; a written justification is needed before approval" : "");
            v.put("cryptoText", n.crypto() ? "\nEncryption: a destination restricts the import or use of encryption." : "");
            Outbox.enqueue(h, now, MailKind.TRAVEL_FILED, List.of(new Outbox.To(ms.infosecMailbox(), "the Information Security mailbox")), v, "travel_notice", noticeId);
        });
    }

    /** Information Security's decision: the traveller. */
    public static void travelDecided(Handle h, Instant now, long noticeId, String decisionLabel) {
        MailSettings ms = MailSettings.load(h);
        if (!ms.sends(MailKind.TRAVEL_DECISION)) return;
        MailLookupRepository.notice(h, noticeId).ifPresent(n -> {
            Map<String, String> v = noticeValues(n);
            v.put("decision", decisionLabel);
            v.put("advice", n.advice() == null ? "none given" : n.advice());
            Outbox.enqueue(h, now, MailKind.TRAVEL_DECISION, List.of(new Outbox.To(n.travellerEmail(), n.traveller())), v, "travel_notice", noticeId);
        });
    }

    /** An account locked after failed sign-ins: every active administrator with an address. */
    public static void accountLocked(Handle h, Instant now, long accountId, int attempts, Instant until) {
        MailSettings ms = MailSettings.load(h);
        if (!ms.sends(MailKind.ACCOUNT_LOCKED)) return;
        Map<String, String> v = new HashMap<>();
        v.put("username", MailLookupRepository.username(h, accountId).orElse("#" + accountId));
        v.put("at", MailFormat.when(now));
        v.put("until", MailFormat.when(until));
        v.put("attempts", Integer.toString(attempts));
        List<Outbox.To> to = MailLookupRepository.administratorAddresses(h).stream().map(a -> new Outbox.To(a, "an administrator")).toList();
        if (to.isEmpty()) to = List.of(new Outbox.To("", "any administrator (link the administrators' accounts to people with an e-mail address)"));
        Outbox.enqueue(h, now, MailKind.ACCOUNT_LOCKED, to, v, "account", accountId);
    }

    static Map<String, String> noticeValues(MailLookupRepository.NoticeFacts n) {
        Map<String, String> v = new HashMap<>();
        v.put("notice", n.reference());
        v.put("traveller", n.traveller());
        v.put("departure", MailFormat.date(n.departure()));
        v.put("return", MailFormat.date(n.returns()));
        v.put("noticeDays", Integer.toString(n.noticeDays()));
        v.put("destinations", countries(n.countries()));
        v.put("devices", n.devices().isEmpty() ? "none listed" : String.join(", ", n.devices()));
        return v;
    }

    /** ISO 3166 codes as English names ("FR" → "France"). */
    static String countries(List<String> codes) {
        return codes.stream().map(c -> {
            String name = Locale.of("", c).getDisplayCountry(Locale.UK);
            return name.isBlank() || name.equals(c) ? c : name;
        }).collect(Collectors.joining(", "));
    }
}
