package org.devicedesk.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.devicedesk.core.AppClock;

/** A fixed clock the test moves forward by hand. */
public final class MutableClock extends Clock {
    private volatile Instant now;
    private final ZoneId zone;

    public MutableClock(Instant start) {
        this(start, AppClock.OFFICE_ZONE);
    }

    private MutableClock(Instant start, ZoneId zone) {
        this.now = start;
        this.zone = zone;
    }

    public void set(Instant instant) { now = instant; }

    public void advance(Duration d) { now = now.plus(d); }

    @Override public ZoneId getZone() { return zone; }

    @Override public Clock withZone(ZoneId z) { return new MutableClock(now, z); }

    @Override public Instant instant() { return now; }
}
