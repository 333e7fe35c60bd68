package org.devicedesk.core;

import java.time.Duration;

/**
 * The one way Device Desk writes a length of time on screen — time left to a deadline, how long an
 * incident has been open, how overdue a case is (issue 17: one screen said "26 h 53 min", another "1 d 2 h").
 * Hours and minutes up to four days ("26 h 53 min", "0 h 05 min"), so the 72-hour ICO clock always reads
 * in hours; days and hours beyond ("12 d 4 h"). Whole minutes, never rounded up. No JavaFX: the breach
 * screens, the incident queue and the dashboard all call this.
 */
public final class Durations {
    /** From this many hours on, a span is written in days and hours. */
    public static final long DAYS_FROM_HOURS = 96;

    private Durations() {}

    /** "26 h 53 min", "0 h 05 min", "12 d 4 h"; a negative span is written as its length. */
    public static String of(Duration d) {
        Duration abs = d.isNegative() ? d.negated() : d;
        long minutes = abs.toMinutes();
        long hours = minutes / 60;
        if (hours >= DAYS_FROM_HOURS) return (hours / 24) + " d " + (hours % 24) + " h";
        return hours + " h " + String.format("%02d", minutes % 60) + " min";
    }

    /** Time left to a deadline: "26 h 53 min left", "Under a minute left", or "Overdue by 3 h 05 min". */
    public static String left(Duration left) {
        if (left.isNegative() || left.isZero()) return "Overdue by " + of(left);
        if (left.toMinutes() < 1) return "Under a minute left";
        return of(left) + " left";
    }
}
