package org.devicedesk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void hoursAndMinutesUpToFourDaysThenDaysAndHours() {
        assertEquals("26 h 53 min", Durations.of(Duration.ofHours(26).plusMinutes(53).plusSeconds(59)));
        assertEquals("0 h 05 min", Durations.of(Duration.ofMinutes(5)));
        assertEquals("95 h 59 min", Durations.of(Duration.ofHours(96).minusSeconds(1)));
        assertEquals("4 d 0 h", Durations.of(Duration.ofHours(96)));
        assertEquals("12 d 4 h", Durations.of(Duration.ofDays(12).plusHours(4)));
        assertEquals("3 h 05 min", Durations.of(Duration.ofHours(-3).minusMinutes(5)), "a negative span is written as its length");
    }

    @Test
    void timeLeftSaysOverdueOnceTheDeadlineHasPassed() {
        assertEquals("26 h 53 min left", Durations.left(Duration.ofHours(26).plusMinutes(53)));
        assertEquals("Under a minute left", Durations.left(Duration.ofSeconds(20)));
        assertEquals("Overdue by 0 h 00 min", Durations.left(Duration.ZERO));
        assertEquals("Overdue by 12 d 4 h", Durations.left(Duration.ofDays(-12).minusHours(4)));
    }
}
