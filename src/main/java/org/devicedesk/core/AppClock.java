package org.devicedesk.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The application clock every rule reads. With {@code --now} it starts at that instant and runs
 * forward; tests pass a fixed clock. Rules that depend on the calendar (office hours, the 7-day
 * check) judge in the office's zone.
 */
public final class AppClock {
    public static final ZoneId OFFICE_ZONE = ZoneId.of("Europe/London");

    private AppClock() {}

    public static Clock system() {
        return Clock.system(OFFICE_ZONE);
    }

    /** A clock that reads {@code start} now and then runs forward at normal speed. */
    public static Clock startingAt(Instant start) {
        Clock base = Clock.system(OFFICE_ZONE);
        return Clock.offset(base, Duration.between(base.instant(), start));
    }

    public static Clock fixed(Instant at) {
        return Clock.fixed(at, OFFICE_ZONE);
    }
}
