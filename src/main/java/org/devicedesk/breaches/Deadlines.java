package org.devicedesk.breaches;

import java.time.Duration;
import java.time.Instant;

/** Words for time left to the ICO deadline, the same in every view, the register and exports. */
public final class Deadlines {
    private Deadlines() {}

    /**
     * The live countdown on the DPO's screens: "41 h 12 min left", "Overdue by 3 h 05 min"; whole
     * minutes, never rounded up. Past four days overdue it turns to days ("Overdue by 12 d 4 h"). The one
     * duration format of every screen ({@link org.devicedesk.core.Durations}).
     */
    public static String countdown(Duration left) {
        return org.devicedesk.core.Durations.left(left);
    }

    /** What a case's deadline badge says and its style class ("badge-warning" …). */
    public record Badge(String text, String style) {}

    /**
     * The deadline badge of a case at {@code now}: while the clock runs, the time left, neutral, amber in the last
     * 24 hours, red once overdue; once decided, "Reported in time" (green), "Reported late" (amber) or "Decided".
     */
    public static Badge badge(BreachCase c, Instant now) {
        BreachCase.DeadlineState state = c.deadlineState(now);
        if (state != BreachCase.DeadlineState.STOPPED) return new Badge(countdown(c.timeLeft(now)), "badge-" + state.badge());
        if (c.decision() != BreachCase.Status.REPORTED_TO_ICO) return new Badge("Decided", "badge-neutral");
        return c.reportedLate() ? new Badge("Reported late", "badge-warning") : new Badge("Reported in time", "badge-success");
    }
}
