package org.devicedesk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class TimesTest {

    @Property(tries = 500)
    void storedTextSortsInTimeOrder(@ForAll @LongRange(min = 0, max = 4_102_444_800_000L) long a,
                                    @ForAll @LongRange(min = 0, max = 4_102_444_800_000L) long b) {
        Instant x = Instant.ofEpochMilli(a), y = Instant.ofEpochMilli(b);
        assertEquals(Integer.signum(x.compareTo(y)), Integer.signum(Times.store(x).compareTo(Times.store(y))));
        assertEquals(x, Times.instant(Times.store(x)));
    }

    @org.junit.jupiter.api.Test
    void wholeSecondsAndMillisecondsHaveTheSameWidth() {
        assertEquals(Times.store(Instant.parse("2026-01-01T10:00:00Z")).length(),
                Times.store(Instant.parse("2026-01-01T10:00:00.5Z")).length());
        assertTrue(Times.store(Instant.parse("2026-01-01T10:00:00Z")).compareTo(Times.store(Instant.parse("2026-01-01T10:00:00.5Z"))) < 0);
    }
}
