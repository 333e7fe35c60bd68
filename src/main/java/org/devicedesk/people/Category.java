package org.devicedesk.people;

/** Who a person is to the office (SPEC section 1, policy 1). */
public enum Category {
    EMPLOYEE("Employee"),
    TEMPORARY("Temporary staff"),
    WORK_EXPERIENCE("Work experience"),
    CONSULTANT("Consultant"),
    CONTRACTOR("Contractor"),
    BOARD_MEMBER("Board member"),
    VOLUNTEER("Volunteer"),
    THIRD_PARTY("Third party with access");

    private final String label;

    Category(String label) { this.label = label; }

    public String label() { return label; }

    @Override public String toString() { return label; }
}
