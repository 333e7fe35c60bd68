package org.devicedesk.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.devicedesk.core.AppClock;

/** A clock the demo moves by hand, so each step's records carry that step's time; never set later than the demo's now. */
final class StepClock extends Clock {
    Instant now;

    StepClock(Instant now) { this.now = now; }

    @Override public ZoneId getZone() { return AppClock.OFFICE_ZONE; }

    @Override public Clock withZone(ZoneId zone) { return this; }

    @Override public Instant instant() { return now; }
}
