package org.devicedesk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one set of typing rules for dates and times of day (issue 15: three forms used to disagree on 2115, 1405 and 1430). */
class TypedWhenTest {
    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', value = {
            "14:30|14:30", "1430|14:30", "14.30|14:30", "2115|21:15", "1405|14:05", "0905|09:05", "930|09:30",
            "9:05|09:05", "9|09:00", "14|14:00", "0:00|00:00", "23:59|23:59", " 14:30 |14:30",
            "2:30 pm|14:30", "2:30pm|14:30", "2.30 PM|14:30", "2pm|14:00", "2 p.m.|14:00", "230pm|14:30",
            "11:45 am|11:45", "12 am|00:00", "12:15 am|00:15", "12 pm|12:00", "12:30pm|12:30"})
    void readsTimesOfDay(String typed, String expected) {
        assertEquals(LocalTime.parse(expected), TypedWhen.time(typed));
    }

    @ParameterizedTest(name = "\"{0}\" is not a time")
    @ValueSource(strings = {"", "  ", "24:00", "14:60", "2460", "13 pm", "0 am", "14:3", "12345", "noon", "14:30:00", "1-30", "ten", "14:30 x"})
    void refusesWhatIsNoTime(String typed) {
        assertNull(TypedWhen.time(typed));
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', value = {
            "4/3/2026|2026-03-04", "04/03/2026|2026-03-04", "4.3.2026|2026-03-04", "4-3-2026|2026-03-04",
            "4/3/26|2026-03-04", "4 Mar 2026|2026-03-04", "4 March 2026|2026-03-04", "04 sept 2026|2026-09-04", "2026-03-04|2026-03-04", "29/02/2028|2028-02-29", " 31/12/2026 |2026-12-31"})
    void readsBritishDates(String typed, String expected) {
        assertEquals(LocalDate.parse(expected), TypedWhen.date(typed));
    }

    @ParameterizedTest(name = "\"{0}\" is not a date")
    @ValueSource(strings = {"", "31/02/2026", "29/02/2026", "13/13/2026", "4/3", "4/3/202", "2026-13-01", "yesterday", "04032026", "0/3/2026", "31 Apr 2026", "4 Mar"})
    void refusesWhatIsNoDate(String typed) {
        assertNull(TypedWhen.date(typed));
    }
}
