package org.devicedesk.breaches;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * A possible personal-data breach the DPO reviews (SPEC section 5; policy 56; UK GDPR Articles 33, 34).
 * {@code incidentId} is null for a case the DPO opened directly (e.g. a misdirected email, policy 46).
 * {@code outcome} keeps the decision once the case is closed. {@code icoDeadline} is aware-at plus the
 * ICO deadline setting, computed on instants so a clock change does not move it.
 */
public record BreachCase(
        long id,
        String reference,
        Long incidentId,
        String incidentReference,
        String title,
        String description,
        Instant awareAt,
        Instant icoDeadline,
        Status status,
        Status outcome,
        Boolean personalDataInvolved,
        boolean categoryOrdinary,
        boolean categorySpecial,
        boolean categoryCriminalOffence,
        Integer dataSubjectsApprox,
        Integer recordsApprox,
        String likelyConsequences,
        String measures,
        Risk risk,
        String rationale,
        Instant icoNotifiedAt,
        String icoReference,
        String delayReasons,
        SubjectsTold subjectsToldDecision,
        Instant subjectsToldAt,
        Instant decidedAt,
        String decidedBy,
        Instant closedAt,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    /** The case's status (SPEC section 5). */
    public enum Status {
        AWAITING_REVIEW("Awaiting review"),
        ASSESSING("Assessing"),
        NOT_A_BREACH("Not a personal-data breach"),
        NOT_REPORTABLE("Not reportable to the ICO"),
        REPORTED_TO_ICO("Reported to the ICO"),
        CLOSED("Closed");

        private final String label;

        Status(String label) { this.label = label; }

        public String label() { return label; }

        @Override public String toString() { return label; }

        /** The three decisions the DPO can record. */
        public boolean isDecision() {
            return this == NOT_A_BREACH || this == NOT_REPORTABLE || this == REPORTED_TO_ICO;
        }

        /** Still waiting for a decision: the ICO clock is running. */
        public boolean isOpen() {
            return this == AWAITING_REVIEW || this == ASSESSING;
        }

        /** AWAITING_REVIEW -> ASSESSING -> a decision -> CLOSED; a decision other than reporting can be reopened. */
        public Set<Status> next() {
            return switch (this) {
                case AWAITING_REVIEW -> EnumSet.of(ASSESSING);
                case ASSESSING -> EnumSet.of(NOT_A_BREACH, NOT_REPORTABLE, REPORTED_TO_ICO);
                case NOT_A_BREACH, NOT_REPORTABLE -> EnumSet.of(ASSESSING, CLOSED);
                case REPORTED_TO_ICO -> EnumSet.of(CLOSED);
                case CLOSED -> EnumSet.noneOf(Status.class);
            };
        }

        public static Set<Status> decisions() {
            return EnumSet.of(NOT_A_BREACH, NOT_REPORTABLE, REPORTED_TO_ICO);
        }
    }

    /** The DPO's view of the risk to people's rights and freedoms (Article 33(1), 34(1)). */
    public enum Risk {
        UNLIKELY("Unlikely to result in a risk"),
        RISK("Likely to result in a risk"),
        HIGH_RISK("Likely to result in a high risk");

        private final String label;

        Risk(String label) { this.label = label; }

        public String label() { return label; }

        @Override public String toString() { return label; }
    }

    /** Article 34: the recorded decision on telling the data subjects of a high-risk breach. */
    public enum SubjectsTold {
        TOLD("Told the data subjects"),
        WILL_TELL("Will tell the data subjects"),
        NOT_TELLING("Not telling them (an Article 34(3) exception applies)");

        private final String label;

        SubjectsTold(String label) { this.label = label; }

        public String label() { return label; }

        @Override public String toString() { return label; }
    }

    /** Where the ICO clock stands for this case at a given moment. */
    public enum DeadlineState {
        RUNNING("Time left", "neutral"),
        DUE_SOON("Due within 24 hours", "warning"),
        OVERDUE("Overdue", "danger"),
        STOPPED("Decided", "success");

        private final String label;
        private final String badge;

        DeadlineState(String label, String badge) {
            this.label = label;
            this.badge = badge;
        }

        public String label() { return label; }

        /** The badge style suffix (badge-neutral, badge-warning, ...). */
        public String badge() { return badge; }

        @Override public String toString() { return label; }
    }

    /** Cases within this of the deadline are shown amber. */
    public static final Duration DUE_SOON = Duration.ofHours(24);

    public boolean fromIncident() {
        return incidentId != null;
    }

    /** Time left to the ICO deadline at {@code now}; negative once overdue. */
    public Duration timeLeft(Instant now) {
        return Duration.between(now, icoDeadline);
    }

    public DeadlineState deadlineState(Instant now) {
        if (!status.isOpen()) return DeadlineState.STOPPED;
        Duration left = timeLeft(now);
        if (left.isNegative() || left.isZero()) return DeadlineState.OVERDUE;
        if (left.compareTo(DUE_SOON) <= 0) return DeadlineState.DUE_SOON;
        return DeadlineState.RUNNING;
    }

    /** Article 33(1): notified after the deadline (reasons for the delay are then required). */
    public boolean reportedLate() {
        return icoNotifiedAt != null && icoNotifiedAt.isAfter(icoDeadline);
    }

    /** The decision, whether the case is still in that status or has since been closed. */
    public Status decision() {
        if (status.isDecision()) return status;
        return outcome;
    }

    /** "Ordinary, special category" — the data categories ticked, or "" when none. */
    public String categories() {
        StringBuilder sb = new StringBuilder();
        if (categoryOrdinary) sb.append("Ordinary");
        if (categorySpecial) sb.append(sb.isEmpty() ? "" : ", ").append("Special category");
        if (categoryCriminalOffence) sb.append(sb.isEmpty() ? "" : ", ").append("Criminal offence");
        return sb.toString();
    }

    /** The source for lists: the incident reference, or that the DPO opened it directly. */
    public String source() {
        return incidentId == null ? "Opened by the DPO" : (incidentReference == null ? "Incident " + incidentId : incidentReference);
    }
}
