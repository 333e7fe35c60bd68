package org.devicedesk.travel;

/** Information Security's decision on a travel notice (SPEC section 4). */
public enum TravelDecision {
    APPROVED("Approved"),
    APPROVED_WITH_CONDITIONS("Approved with conditions"),
    NOT_APPROVED("Not approved");

    private final String label;

    TravelDecision(String label) { this.label = label; }

    public String label() { return label; }

    public boolean approves() { return this != NOT_APPROVED; }

    @Override public String toString() { return label; }
}
