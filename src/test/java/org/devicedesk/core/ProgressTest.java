package org.devicedesk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import org.devicedesk.testing.MutableClock;
import org.junit.jupiter.api.Test;

/** Issue 17: long work says what it is doing, how far it has come and about how long is left. */
class ProgressTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-04T10:00:00Z"));

    @Test
    void noEstimateUntilThereIsEnoughToGoOn() {
        Progress.Estimate e = new Progress.Estimate(clock);
        assertNull(e.left(0.5), "under two seconds in");
        assertEquals("Checking the backup: 50%", e.describe("Checking the backup", 0.5));
        clock.advance(Duration.ofSeconds(10));
        assertNull(e.left(0.01), "under 2% done");
    }

    @Test
    void theTimeLeftFollowsThePaceSoFar() {
        Progress.Estimate e = new Progress.Estimate(clock);
        clock.advance(Duration.ofSeconds(20));
        assertEquals(Duration.ofSeconds(20), e.left(0.5));
        assertEquals("Copying the backup in: 50%, about 20 seconds left", e.describe("Copying the backup in", 0.5));
        clock.advance(Duration.ofSeconds(20));
        assertEquals("Copying the backup in: 80%, about 10 seconds left", e.describe("Copying the backup in", 0.8));
        assertEquals("Done: 100%", e.describe("Done", 1.0), "no estimate once finished");
        assertEquals("Done: 100%", e.describe("Done", 1.7), "never past 100%");
    }

    @Test
    void durationsAreRoundedAsPeopleSayThem() {
        assertEquals("less than a second", Progress.Estimate.about(Duration.ofMillis(300)));
        assertEquals("about 1 second", Progress.Estimate.about(Duration.ofMillis(1200)));
        assertEquals("about 7 seconds", Progress.Estimate.about(Duration.ofSeconds(7)));
        assertEquals("about 25 seconds", Progress.Estimate.about(Duration.ofSeconds(23)));
        assertEquals("about 1 minute", Progress.Estimate.about(Duration.ofSeconds(70)));
        assertEquals("about 12 minutes", Progress.Estimate.about(Duration.ofSeconds(12 * 60 + 10)));
        assertEquals("about 2 hours 5 min", Progress.Estimate.about(Duration.ofMinutes(125)));
        assertEquals("about 1 hour", Progress.Estimate.about(Duration.ofMinutes(60)));
    }
}
