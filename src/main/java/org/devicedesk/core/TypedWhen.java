package org.devicedesk.core;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one set of rules for a date or a time of day typed into a form (issue 15). Every date field and every
 * date-and-time field reads through here, so "1430" means the same on every screen.
 *
 * <p>Dates are British, day first: {@code 4/3/2026}, {@code 04/03/2026}, {@code 4.3.2026}, {@code 4-3-2026}
 * (all 4 March 2026), a two-digit year is this century ({@code 4/3/26}), the month in words ({@code 4 Mar 2026},
 * {@code 4 March 2026}) and ISO {@code 2026-03-04}. A day that does not exist (31/02/2026) is not a date.
 *
 * <p>Times of day: {@code 14:30}, {@code 14.30}, {@code 1430}, {@code 930} (09:30), {@code 9} or {@code 14}
 * (on the hour), and the twelve-hour clock {@code 2:30 pm}, {@code 2.30pm}, {@code 2pm}, {@code 12 am}
 * (midnight). Hours 0–23, minutes 0–59; {@code 24:00}, {@code 14:60} or {@code 13 pm} are not times.
 */
public final class TypedWhen {
    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})[/.\\-](\\d{1,2})[/.\\-](\\d{2}|\\d{4})");
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern WORDS = Pattern.compile("(\\d{1,2})\\s+([a-z]{3,9})\\.?,?\\s+(\\d{4})");
    private static final java.util.List<String> MONTHS = java.util.List.of("january", "february", "march", "april", "may", "june",
            "july", "august", "september", "october", "november", "december");
    private static final Pattern CLOCK = Pattern.compile("(\\d{1,2})(?:[:.](\\d{2}))?");
    private static final Pattern DIGITS = Pattern.compile("(\\d{1,2})(\\d{2})");
    private static final Pattern TWELVE = Pattern.compile("(\\d{1,2})(?:[:.]?(\\d{2}))?\\s*([ap])\\.?\\s*m\\.?");

    /** How a date is asked for in a message: "like 4 Mar 2026", the way a date field shows one (ui/DatePickers). */
    public static final String DATE_EXAMPLE = "4 Mar 2026";
    /** How a time is asked for in a message: "like 14:30". */
    public static final String TIME_EXAMPLE = "14:30";

    private TypedWhen() {}

    /** The date in the text, or null when it is empty, incomplete or not a date. */
    public static LocalDate date(String text) {
        if (text == null) return null;
        String t = text.strip();
        if (t.isEmpty()) return null;
        try {
            Matcher iso = ISO.matcher(t);
            if (iso.matches()) return LocalDate.of(num(iso, 1), num(iso, 2), num(iso, 3));
            Matcher m = DAY_FIRST.matcher(t);
            if (m.matches()) {
                int year = num(m, 3);
                if (m.group(3).length() == 2) year += 2000;
                return LocalDate.of(year, num(m, 2), num(m, 1));
            }
            Matcher w = WORDS.matcher(t.toLowerCase(Locale.ROOT));
            if (w.matches()) {
                int month = month(w.group(2));
                return month == 0 ? null : LocalDate.of(num(w, 3), month, num(w, 1));
            }
        } catch (DateTimeException e) {
            return null; // 31/02, month 13
        }
        return null;
    }

    /** The time of day in the text, or null when it is empty or not a time of day. */
    public static LocalTime time(String text) {
        if (text == null) return null;
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.isEmpty()) return null;
        Matcher twelve = TWELVE.matcher(t);
        if (twelve.matches()) {
            int h = num(twelve, 1), min = twelve.group(2) == null ? 0 : num(twelve, 2);
            if (h < 1 || h > 12 || min > 59) return null;
            boolean pm = twelve.group(3).equals("p");
            return LocalTime.of(h % 12 + (pm ? 12 : 0), min);
        }
        Matcher m = CLOCK.matcher(t);
        if (!m.matches()) m = DIGITS.matcher(t);
        if (!m.matches()) return null;
        int h = num(m, 1), min = m.group(2) == null ? 0 : num(m, 2);
        if (h > 23 || min > 59) return null;
        return LocalTime.of(h, min);
    }

    /** 1–12 for a month's name or its first three letters ("Sept" too), 0 for anything else. */
    private static int month(String word) {
        for (int i = 0; i < MONTHS.size(); i++) {
            String m = MONTHS.get(i);
            if (m.equals(word) || (word.length() >= 3 && m.startsWith(word))) return i + 1;
        }
        return 0;
    }

    private static int num(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }
}
