package org.devicedesk.breaches;

import java.time.Duration;

/** Words for time left to the ICO deadline, the same in every view, the register and exports. */
public final class Deadlines {
    private Deadlines() {}

    /** "2 d 5 h left", "45 min left", "overdue by 3 h 10 min". Whole minutes, rounded towards the deadline. */
    public static String describe(Duration left) {
        if (left.isNegative() || left.isZero()) return "overdue by " + span(left.negated());
        return span(left) + " left";
    }

    /**
     * The live countdown on the DPO's screens: "41 h 12 min left", "Overdue by 3 h 05 min"; whole
     * minutes, never rounded up. Past four days overdue it turns to days ("Overdue by 12 d 4 h").
     */
    public static String countdown(Duration left) {
        return org.devicedesk.core.Durations.left(left);
    }

    /**
     * "2 d 5 h", "3 h 10 min", "45 min", "less than a minute": the older short form, kept for what still
     * asserts it; screens use {@link org.devicedesk.core.Durations}.
     */
    public static String span(Duration d) {
        long minutes = d.toMinutes();
        if (minutes < 1) return "less than a minute";
        long days = minutes / (24 * 60);
        long hours = (minutes / 60) % 24;
        long mins = minutes % 60;
        if (days > 0) return days + " d " + hours + " h";
        if (hours > 0) return hours + " h " + mins + " min";
        return mins + " min";
    }
}
