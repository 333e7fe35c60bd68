package org.devicedesk.bookings;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A reservation of a pool device for London calendar days {@code from} to {@code to}, both inclusive
 * (ADR 0013): a booking from the 3rd to the 5th holds the device on the 3rd, 4th and 5th. A travel loaner
 * ({@code travelNoticeId} set) must be recorded as wiped and re-imaged after use before the device is booked again.
 * {@code returnedAt} comes from the custody record of the check-out against this booking.
 */
public record Booking(long id, long deviceId, String assetTag, String makeModel, String team, long personId, String personName,
                      LocalDate from, LocalDate to, String purpose, Status status, Long travelNoticeId, Long custodyId,
                      Instant checkedOutAt, Instant returnedAt, Instant createdAt, String createdBy, Instant cancelledAt,
                      String cancelledBy, boolean wipeRequired, Instant wipedAt, String wipedBy) {

    /** What is stored. */
    public enum Status { BOOKED, CHECKED_OUT, CANCELLED }

    /** Where the booking stands on a given day, for badges and the dashboard. */
    public enum State {
        BOOKED("Booked"), DUE_OUT("Due out today"), NOT_COLLECTED("Not collected"), OUT("Checked out"),
        OVERDUE("Overdue back"), RETURNED("Returned"), CANCELLED("Cancelled");

        private final String label;

        State(String label) { this.label = label; }

        public String label() { return label; }

        @Override public String toString() { return label; }
    }

    public State state(LocalDate today) {
        return switch (status) {
            case CANCELLED -> State.CANCELLED;
            case CHECKED_OUT -> returnedAt != null ? State.RETURNED : today.isAfter(to) ? State.OVERDUE : State.OUT;
            case BOOKED -> today.isAfter(to) ? State.NOT_COLLECTED : today.isBefore(from) ? State.BOOKED : State.DUE_OUT;
        };
    }

    /** Inclusive day ranges overlap when each starts on or before the other ends. */
    public boolean overlaps(LocalDate otherFrom, LocalDate otherTo) {
        return !from.isAfter(otherTo) && !otherFrom.isAfter(to);
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    public boolean isLoaner() {
        return travelNoticeId != null;
    }

    /** A loaner that was checked out and is not yet recorded as wiped and re-imaged: the device cannot be booked or checked out again. */
    public boolean awaitingWipe() {
        return wipeRequired && wipedAt == null && status == Status.CHECKED_OUT;
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    public boolean isActive() {
        return status != Status.CANCELLED;
    }

    public String device() {
        return makeModel == null ? assetTag : assetTag + " (" + makeModel + ")";
    }
}
