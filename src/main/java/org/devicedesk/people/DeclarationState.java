package org.devicedesk.people;

import java.time.LocalDate;

/**
 * Whether a person's declaration is current. Current for the validity (12 months) from the day it
 * was signed: signed 1 March 2025, current to 28 February 2026 inclusive. Expiring in its last 30 days.
 */
public record DeclarationState(State state, LocalDate signedOn, LocalDate expiresOn) {

    public enum State {
        CURRENT("Current"), EXPIRING("Expiring"), EXPIRED("Expired"), MISSING("Missing");
        private final String label;
        State(String label) { this.label = label; }
        public String label() { return label; }
        @Override public String toString() { return label; }
    }

    /** The rule itself, pure: used by the service, the list filter and the tests. */
    public static DeclarationState of(LocalDate signedOn, LocalDate today, int validityMonths, int expiringDays) {
        if (signedOn == null) return new DeclarationState(State.MISSING, null, null);
        LocalDate expiresOn = signedOn.plusMonths(validityMonths); // first day it is no longer current
        if (!today.isBefore(expiresOn)) return new DeclarationState(State.EXPIRED, signedOn, expiresOn);
        if (!today.isBefore(expiresOn.minusDays(expiringDays))) return new DeclarationState(State.EXPIRING, signedOn, expiresOn);
        return new DeclarationState(State.CURRENT, signedOn, expiresOn);
    }

    /** Current or expiring: the person may be issued devices. */
    public boolean isCurrent() {
        return state == State.CURRENT || state == State.EXPIRING;
    }

    /** The last day the declaration is current. */
    public LocalDate lastCurrentDay() {
        return expiresOn == null ? null : expiresOn.minusDays(1);
    }
}
