package org.devicedesk.travel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.time.api.constraints.DateRange;
import org.devicedesk.core.AppClock;
import org.devicedesk.testing.MutableClock;

/** The 7-day check agrees with ChronoUnit.DAYS.between on the London calendar date, whatever the time of day. */
class NoticeDaysProperties {

    @Property(tries = 2000)
    void noticeDaysAgreeWithChronoUnit(@ForAll @DateRange(min = "2000-01-01", max = "2099-12-31") LocalDate submitted,
                                       @ForAll @DateRange(min = "2000-01-01", max = "2099-12-31") LocalDate departure,
                                       @ForAll @IntRange(min = 0, max = 24 * 60 - 1) int minuteOfDay,
                                       @ForAll @IntRange(min = 1, max = 30) int required) {
        var at = submitted.atTime(LocalTime.ofSecondOfDay(minuteOfDay * 60L)).atZone(AppClock.OFFICE_ZONE).toInstant();
        TravelService travel = new TravelService(null, new MutableClock(at), null, null, null);
        long expected = ChronoUnit.DAYS.between(submitted, departure);
        NoticeCheck check = travel.preview(departure, required);
        assertEquals(expected, check.noticeDays());
        assertEquals(expected < required, check.late());
        assertEquals(expected, TravelService.noticeDays(submitted, departure));
    }
}
