package org.devicedesk.mail;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.devicedesk.core.AppClock;

/** British dates and times in office time for messages: "Wed 4 March 2026, 10:00", "4 March 2026". */
public final class MailFormat {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMMM yyyy, HH:mm", Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private MailFormat() {}

    public static String when(Instant at) {
        return at == null ? "" : WHEN.format(at.atZone(AppClock.OFFICE_ZONE));
    }

    public static String date(LocalDate d) {
        return d == null ? "" : DAY.format(d);
    }

    /** "2 days 5 hours left", "40 minutes left", "overdue by 3 hours". */
    public static String timeLeft(Instant now, Instant deadline) {
        Duration d = Duration.between(now, deadline);
        boolean overdue = !d.isPositive();
        String text = span(d.abs());
        return overdue ? "overdue by " + text : text + " left";
    }

    private static String span(Duration d) {
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        if (days > 0) return plural(days, "day") + (hours > 0 ? " " + plural(hours, "hour") : "");
        if (hours > 0) return plural(hours, "hour") + (minutes > 0 ? " " + plural(minutes, "minute") : "");
        return plural(Math.max(minutes, 0), "minute");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
