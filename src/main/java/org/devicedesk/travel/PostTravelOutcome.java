package org.devicedesk.travel;

/** What the helpdesk found when it checked the devices after the trip. */
public enum PostTravelOutcome {
    NO_CONCERNS("No concerns"),
    TAMPERING_SUSPECTED("Tampering suspected");

    private final String label;

    PostTravelOutcome(String label) { this.label = label; }

    public String label() { return label; }

    @Override public String toString() { return label; }
}
