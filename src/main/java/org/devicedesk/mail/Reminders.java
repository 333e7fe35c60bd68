package org.devicedesk.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.devicedesk.core.AppClock;
import org.devicedesk.core.Database;
import org.devicedesk.core.Settings;
import org.jdbi.v3.core.Handle;

/**
 * The scheduled reminders (SPEC section 10), run by {@code devicedesk service}: the ICO deadline 24 h and 6 h
 * before and when overdue; declarations expiring in 30 and 7 days and expired (and the line manager once expired
 * while the person holds devices); post-travel checks due. Each fires once per threshold and record: its key is
 * recorded in {@code mail_reminder} in the transaction that writes its messages, so a second pass or a second
 * service writes nothing. A pass that finds a record past several thresholds sends only the latest one.
 */
public final class Reminders {
    /** Older than this, an expiry or a return is not reminded of on a first run (no flood of stale mail). */
    static final int LOOK_BACK_DAYS = 30;

    private final Database db;
    private final Clock clock;

    public Reminders(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** One pass; returns the number of messages written. */
    public int run() {
        Instant now = clock.instant();
        MailSettings ms = db.read(MailSettings::load);
        if (!ms.enabled()) return 0;
        int written = 0;
        written += icoDeadlines(now, ms);
        written += declarations(now, ms);
        written += postTravel(now, ms);
        return written;
    }

    private int icoDeadlines(Instant now, MailSettings ms) {
        Settings.Values settings = db.read(Settings::load);
        Duration window = Duration.ofHours(settings.icoDeadlineHours());
        int n = 0;
        for (var c : db.read(MailLookupRepository::undecidedCases)) {
            Instant deadline = c.awareAt().plus(window);
            List<MailKind> passed = new ArrayList<>();
            if (!now.isBefore(deadline.minus(Duration.ofHours(24)))) passed.add(MailKind.ICO_24H);
            if (!now.isBefore(deadline.minus(Duration.ofHours(6)))) passed.add(MailKind.ICO_6H);
            if (!now.isBefore(deadline)) passed.add(MailKind.ICO_OVERDUE);
            if (passed.isEmpty()) continue;
            Map<String, String> v = new HashMap<>();
            v.put("breach", c.reference());
            v.put("source", c.incidentReference() == null ? "" : " (from incident " + c.incidentReference() + ")");
            v.put("deadline", MailFormat.when(deadline));
            v.put("timeLeft", MailFormat.timeLeft(now, deadline));
            v.put("status", c.status().equals("ASSESSING") ? "Assessing" : "Awaiting review");
            n += fire(passed, "breach_case:" + c.id(), now, kind -> List.of(new Outbox.To(ms.dpoMailbox(), "the DPO")), v, "breach_case", c.id());
        }
        return n;
    }

    private int declarations(Instant now, MailSettings ms) {
        Settings.Values settings = db.read(Settings::load);
        LocalDate today = LocalDate.ofInstant(now, AppClock.OFFICE_ZONE);
        int firstWarning = settings.declarationExpiringDays();
        int n = 0;
        for (var d : db.read(MailLookupRepository::declarations)) {
            LocalDate expires = d.lastSigned().plusMonths(settings.declarationValidityMonths());
            long daysLeft = ChronoUnit.DAYS.between(today, expires);
            if (daysLeft > firstWarning || daysLeft < -LOOK_BACK_DAYS) continue;
            List<MailKind> passed = new ArrayList<>();
            passed.add(MailKind.DECLARATION_30D);
            if (daysLeft <= 7) passed.add(MailKind.DECLARATION_7D);
            if (daysLeft <= 0) passed.add(MailKind.DECLARATION_EXPIRED);
            Map<String, String> v = new HashMap<>();
            v.put("person", d.person());
            v.put("expires", MailFormat.date(expires));
            v.put("daysLeft", Long.toString(Math.max(daysLeft, 0)));
            String key = "person:" + d.personId() + ":" + expires;
            n += fire(passed, key, now, kind -> List.of(new Outbox.To(d.email(), d.person())), v, "person", d.personId());
            if (daysLeft <= 0) { // policy 50: the line manager hears once the person holds devices without a current declaration
                List<String> held = db.read(h -> MailLookupRepository.devicesHeld(h, d.personId()));
                if (!held.isEmpty() && d.managerName() != null) {
                    Map<String, String> mv = new HashMap<>(v);
                    mv.put("devices", held.size() == 1 ? held.get(0) : held.size() + " devices (" + String.join(", ", held) + ")");
                    n += fire(List.of(MailKind.DECLARATION_EXPIRED_MANAGER), key, now,
                            kind -> List.of(new Outbox.To(d.managerEmail(), d.managerName())), mv, "person", d.personId());
                }
            }
        }
        return n;
    }

    private int postTravel(Instant now, MailSettings ms) {
        LocalDate today = LocalDate.ofInstant(now, AppClock.OFFICE_ZONE);
        int n = 0;
        for (var notice : db.read(h -> MailLookupRepository.awaitingPostCheck(h, today, today.minusDays(LOOK_BACK_DAYS)))) {
            n += fire(List.of(MailKind.POST_TRAVEL_DUE), "travel_notice:" + notice.id(), now,
                    kind -> List.of(new Outbox.To(ms.helpdeskMailbox(), "the help desk")), MailEvents.noticeValues(notice), "travel_notice", notice.id());
        }
        return n;
    }

    /**
     * Records every threshold passed (each once) and writes the message of the latest newly passed one, all in
     * one transaction. Returns the messages written.
     */
    private int fire(List<MailKind> passed, String key, Instant now, java.util.function.Function<MailKind, List<Outbox.To>> to,
                     Map<String, String> values, String recordType, Object recordId) {
        return db.inTransaction(h -> {
            MailKind latestNew = null;
            for (MailKind k : passed) {
                if (OutboxRepository.recordReminder(h, k.name() + ":" + key, now)) latestNew = k;
            }
            if (latestNew == null) return 0;
            return Outbox.enqueue(h, now, latestNew, to.apply(latestNew), values, recordType, recordId);
        });
    }

    /** For tests and the service's log: whether a threshold was recorded. */
    static boolean fired(Handle h, String key) {
        return h.createQuery("SELECT count(*) FROM mail_reminder WHERE reminder_key = :k").bind("k", key).mapTo(Integer.class).one() > 0;
    }
}
