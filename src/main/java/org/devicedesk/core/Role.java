package org.devicedesk.core;

/** SPEC section 6. */
public enum Role {
    STAFF("Staff"),
    HELPDESK("IT&D helpdesk"),
    INFOSEC("Information Security"),
    DPO("Data Protection Officer"),
    ADMIN("Administrator");

    private final String label;

    Role(String label) { this.label = label; }

    public String label() { return label; }

    @Override public String toString() { return label; }
}
