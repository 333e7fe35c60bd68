package org.devicedesk.travel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An overseas travel notice (SPEC section 4). {@code createdBy}, {@code decidedBy}, {@code postCheckBy} are
 * usernames (the audit's key); the {@code …Name} ones are what screens show ({@link org.devicedesk.core.Actors}).
 */
public record TravelNotice(long id, String reference, long travellerId, String travellerName, List<String> destinations,
                           LocalDate departureDate, LocalDate returnDate, List<TravelDevice> devices, String purpose,
                           Instant submittedAt, LocalDate submittedOn, long noticeDays, boolean late, boolean cryptoWarning,
                           TravelDecision decision, String advice, String lateJustification, Instant decidedAt, String decidedBy,
                           Instant postCheckAt, String postCheckBy, PostTravelOutcome postCheckOutcome, String postCheckNotes,
                           String createdBy, long version, String createdByName, String decidedByName, String postCheckByName) {

    /** Where the notice stands, for badges and the queue. */
    public enum Status {
        PENDING("Awaiting decision"), APPROVED("Approved"), APPROVED_WITH_CONDITIONS("Approved with conditions"),
        NOT_APPROVED("Not approved");

        private final String label;

        Status(String label) { this.label = label; }

        public String label() { return label; }

        @Override public String toString() { return label; }
    }

    public Status status() {
        if (decision == null) return Status.PENDING;
        return Status.valueOf(decision.name());
    }

    public boolean isPending() {
        return decision == null;
    }

    /** After the return date, until the helpdesk has recorded the post-travel device check. */
    public boolean postCheckDue(LocalDate today) {
        return postCheckOutcome == null && !devices.isEmpty() && today.isAfter(returnDate);
    }

    /** The trip is over (the return date has passed) and Information Security has not decided on it. */
    public boolean decisionOverdue(LocalDate today) {
        return isPending() && today.isAfter(returnDate);
    }

    public String destinationNames() {
        return destinations.stream().map(Country::nameOf).collect(Collectors.joining(", "));
    }
}
