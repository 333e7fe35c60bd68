package org.devicedesk.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.devicedesk.breaches.BreachCase;
import org.devicedesk.breaches.BreachCase.Risk;
import org.devicedesk.breaches.BreachCase.Status;
import org.devicedesk.breaches.BreachCase.SubjectsTold;
import org.devicedesk.breaches.BreachDraft;
import org.devicedesk.breaches.BreachService;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.incidents.Incident;
import org.devicedesk.incidents.Incident.Type;

/**
 * The DPO's side of the demo: the referrals of the incidents demo worked through the real breach
 * service, with a clock set to each step's time. Referrals the office has known of for two days or
 * more are assessed and decided (most not reportable, several reported to the ICO, one of them late,
 * device faults not breaches), older ones closed; newer ones wait in the queue. Cases the DPO opened
 * directly (misdirected emails, policy 46) add one due within 24 hours, one overdue and a fresh one,
 * all placed relative to the demo's clock, so the queue looks the same at {@code --now} and at the real now.
 */
final class DemoBreaches {
    private DemoBreaches() {}

    record Result(int decided, int open) {}

    static Result fill(Demo.Wired s, Random random, long dpoPersonId) {
        Instant realNow = s.clock().instant();
        StepClock clock = new StepClock(realNow);
        BreachService breaches = new BreachService(s.db(), clock);
        long accountId = s.accounts().forPerson(Session.system(), dpoPersonId).map(a -> a.id()).orElse(0L);
        Session dpo = new Session(accountId, "dpo", dpoPersonId, "Data Protection Officer", EnumSet.of(Role.DPO, Role.STAFF));

        int decided = 0;
        int open = 0;
        int reportable = 0;
        boolean lateDone = false;
        // only the referrals still waiting: a large demo's history (LargeDemo) is decided already, and deciding its
        // 50,000 cases again through the services took most of the large demo's time
        List<BreachCase> referrals = breaches.queue(dpo, null).stream().filter(BreachCase::fromIncident)
                .filter(c -> c.status() == Status.AWAITING_REVIEW)
                .sorted(java.util.Comparator.comparing(BreachCase::awareAt)).toList();
        for (BreachCase c : referrals) {
            Duration age = Duration.between(c.awareAt(), realNow);
            Incident incident = s.incidents().get(dpo, c.incidentId()).incident();
            Type type = incident.type();
            if (age.compareTo(Duration.ofHours(48)) < 0) {
                // still in the queue; the DPO has started on some of them
                if (open++ % 2 == 1 && age.compareTo(Duration.ofHours(2)) > 0) {
                    clock.now = c.awareAt().plus(Duration.ofMinutes(40 + random.nextInt(60)));
                    breaches.save(dpo, c.id(), assess(c, type, incident, random, null).withStatus(Status.ASSESSING));
                }
                continue;
            }
            // the review starts within a few hours of the referral
            Instant reviewAt = c.awareAt().plus(Duration.ofMinutes(30 + random.nextInt(240)));
            boolean toReport = isPersonalData(type) && (reportable++ % 4 == 2);
            boolean reportLate = toReport && !lateDone && age.compareTo(Duration.ofDays(20)) > 0;
            Risk risk = toReport ? (reportable % 3 == 0 ? Risk.HIGH_RISK : Risk.RISK) : isPersonalData(type) ? Risk.UNLIKELY : null;
            BreachDraft review = assess(c, type, incident, random, risk).withStatus(Status.ASSESSING);

            Instant decidedAt;
            BreachDraft d = assess(c, type, incident, random, risk);
            if (toReport) {
                Instant notified = reportLate ? c.icoDeadline().plus(Duration.ofHours(6 + random.nextInt(20)))
                        : c.awareAt().plus(Duration.ofHours(20 + random.nextInt(44)));
                // a referral only two or three days old: the notification is in the past, never after the decision
                if (notified.isAfter(realNow.minus(Duration.ofMinutes(30)))) notified = realNow.minus(Duration.ofMinutes(30));
                decidedAt = notified.plus(Duration.ofMinutes(20));
                String icoRef = "IC-" + (300000 + random.nextInt(600000)) + "-" + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26));
                d = d.withStatus(Status.REPORTED_TO_ICO).withIco(notified, icoRef, reportLate
                        ? "The device was first thought recovered; the loss of the case files on it was only confirmed by the helpdesk after the 72 hours." : null)
                        .withRationale("Unencrypted personal data may have been accessed; a risk to the people concerned cannot be ruled out.");
                if (risk == Risk.HIGH_RISK) {
                    d = d.withSubjectsTold(SubjectsTold.TOLD, notified.minus(Duration.ofMinutes(90)));
                }
                lateDone |= reportLate;
            } else if (risk == null) {
                decidedAt = reviewAt.plus(Duration.ofHours(1 + random.nextInt(20)));
                d = d.withStatus(Status.NOT_A_BREACH).withRationale(type == Type.MALFUNCTION
                        ? "A hardware fault: the device stayed in our hands and no personal data left our control."
                        : "The device was inspected and nothing was accessed or taken; no loss of confidentiality, integrity or availability of personal data.");
            } else {
                decidedAt = reviewAt.plus(Duration.ofHours(2 + random.nextInt(36)));
                d = d.withStatus(Status.NOT_REPORTABLE).withRationale(rationale(type, incident));
            }
            if (decidedAt.isAfter(realNow.minus(Duration.ofMinutes(10)))) decidedAt = realNow.minus(Duration.ofMinutes(10));
            if (decidedAt.isBefore(reviewAt)) decidedAt = reviewAt;
            decided++;
            // a month on, decided cases are closed; the register keeps the decision
            Instant closeAt = decidedAt.plus(Duration.ofDays(7 + random.nextInt(14)));
            boolean close = age.compareTo(Duration.ofDays(30)) > 0 && closeAt.isBefore(realNow);
            // the case's review, decision and closing, each at its own time and with its audit events, in one
            // transaction: the service calls join it (Database.inTransaction), so it is one commit, not three
            Instant decidedAtFinal = decidedAt;
            BreachDraft decision = d;
            s.db().useTransaction(h -> {
                clock.now = reviewAt;
                breaches.save(dpo, c.id(), review);
                clock.now = decidedAtFinal;
                BreachCase done = breaches.save(dpo, c.id(), decision);
                if (close) {
                    clock.now = closeAt;
                    // what BreachService.close does, with the case as this transaction has it (close reads it apart)
                    breaches.save(dpo, c.id(), done.version(), BreachDraft.of(done).withStatus(Status.CLOSED));
                }
            });
        }

        // cases the DPO opened directly: not from a device incident (policy 46)
        decided += direct(breaches, clock, dpo, realNow.minus(Duration.ofDays(41)).plus(Duration.ofHours(3)),
                "Email with a victim's contact details sent to the wrong partner agency",
                "A caseworker sent the referral for a domestic abuse victim to a similarly named agency. The recipient confirmed deletion the same afternoon.",
                d -> d.withAssessment(true, true, true, false, 1, 1, "Distress; the victim's new address could become known.",
                                "Recall requested; recipient confirmed deletion in writing; caseworker reminded of policy 46.", Risk.HIGH_RISK)
                        .withStatus(Status.REPORTED_TO_ICO), Duration.ofHours(30), true);
        decided += direct(breaches, clock, dpo, realNow.minus(Duration.ofDays(12)).plus(Duration.ofHours(1)),
                "Newsletter sent with every recipient in the To field",
                "The community engagement newsletter went to 214 residents with all addresses visible to each other.",
                d -> d.withAssessment(true, true, false, false, 214, 214, "Residents' email addresses seen by other residents; some spam possible.",
                                "Apology sent; recipients asked to delete; mailing now through the bulk-mail tool only.", Risk.UNLIKELY)
                        .withStatus(Status.NOT_REPORTABLE)
                        .withRationale("Email addresses only, shared with people on the same community list; no sensitive data; unlikely to result in a risk."),
                Duration.ofHours(20), false);
        // still open: one overdue, one due within 24 hours, one fresh
        clock.now = realNow.minus(Duration.ofHours(75)).minus(Duration.ofMinutes(40));
        long overdue = breaches.openDirect(dpo, "Complaints panel minutes posted to the wrong address",
                "The signed minutes, naming two complainants, were posted to a former panel member's old address. Royal Mail trace requested.",
                clock.now);
        clock.now = clock.now.plus(Duration.ofHours(2));
        breaches.save(dpo, overdue, BreachDraft.of(breaches.get(dpo, overdue)).withStatus(Status.ASSESSING)
                .withAssessment(true, true, false, false, 2, 1, "Complainants identified to a third party.", "Trace requested with Royal Mail.", Risk.RISK));
        clock.now = realNow.minus(Duration.ofHours(58)).minus(Duration.ofMinutes(25));
        long dueSoon = breaches.openDirect(dpo, "Spreadsheet of volunteers' home addresses shared in a Teams channel",
                "The volunteer co-ordinator shared the rota with home addresses in a channel that includes two external partners.", clock.now);
        clock.now = clock.now.plus(Duration.ofHours(1));
        breaches.startReview(dpo, dueSoon);
        clock.now = realNow.minus(Duration.ofHours(2)).minus(Duration.ofMinutes(50));
        breaches.openDirect(dpo, "Letter to a resident enclosed another resident's reply",
                "A resident rang to say the envelope also held a letter meant for a neighbour.", clock.now);
        open += 3;
        return new Result(decided, open);
    }

    private static int direct(BreachService breaches, StepClock clock, Session dpo, Instant awareAt, String title, String description,
                              java.util.function.UnaryOperator<BreachDraft> decision, Duration decideAfter, boolean reported) {
        clock.now = awareAt;
        long id = breaches.openDirect(dpo, title, description, awareAt);
        clock.now = awareAt.plus(decideAfter);
        BreachDraft d = decision.apply(BreachDraft.of(breaches.get(dpo, id)));
        if (reported) {
            Instant notified = clock.now.minus(Duration.ofMinutes(15));
            d = d.withIco(notified, "IC-482113-KD", null).withSubjectsTold(SubjectsTold.TOLD, notified.minus(Duration.ofHours(2)))
                    .withRationale("Special category data of a vulnerable person reached an organisation with no reason to hold it.");
        }
        breaches.save(dpo, id, d);
        return 1;
    }

    private static boolean isPersonalData(Type t) {
        return t == Type.LOST || t == Type.STOLEN || t == Type.PASSWORD_COMPROMISED || t == Type.PERSONAL_DEVICE_LOST;
    }

    /** The assessment a DPO would write for this kind of incident. */
    private static BreachDraft assess(BreachCase c, Type type, Incident i, Random random, Risk risk) {
        boolean pd = isPersonalData(type);
        int subjects = pd ? 5 + random.nextInt(180) : 0;
        String consequences = switch (type) {
            case LOST, STOLEN -> "If the device were opened: names, addresses and case notes of the people in the work files on it.";
            case PASSWORD_COMPROMISED -> "Someone with the password could read the mailbox and shared files: correspondence with residents and partners.";
            case PERSONAL_DEVICE_LOST -> "Posts or messages from the police community account; followers' messages could be read.";
            default -> "None expected for personal data.";
        };
        String measures = switch (type) {
            case LOST, STOLEN -> "Device encrypted at rest; remote wipe confirmed; SIM barred; password reset.";
            case PASSWORD_COMPROMISED -> "Password reset, sessions signed out, sign-in logs checked for the period.";
            case PERSONAL_DEVICE_LOST -> "Account password changed and sessions revoked; no posts since the loss.";
            default -> "Device checked by the helpdesk.";
        };
        return BreachDraft.of(c).withAssessment(pd, pd, false, pd && type == Type.STOLEN && random.nextInt(3) == 0,
                pd ? subjects : null, pd ? subjects * (1 + random.nextInt(4)) : null, consequences, measures, risk);
    }

    private static String rationale(Type type, Incident i) {
        return switch (type) {
            case LOST, STOLEN -> "The device was encrypted at rest" + (Boolean.FALSE.equals(i.deviceLocked()) ? "" : " and locked")
                    + ", and the remote wipe was confirmed: unlikely to result in a risk to the people in the files.";
            case PASSWORD_COMPROMISED -> "The password was reset within hours and the sign-in logs show no access by anyone else.";
            case PERSONAL_DEVICE_LOST -> "The account holds public posts only; sessions were revoked before any misuse.";
            default -> "No personal data at risk.";
        };
    }
}
