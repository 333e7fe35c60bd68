package org.devicedesk.core;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Instants are stored as fixed-width ISO-8601 UTC text ({@code 2026-01-31T09:05:00.000Z}) so that
 * text order is time order on SQLite and PostgreSQL alike; dates as {@code yyyy-MM-dd}.
 */
public final class Times {
    private static final DateTimeFormatter STORED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Times() {}

    public static String store(Instant instant) {
        return instant == null ? null : STORED.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    public static Instant instant(String stored) {
        return stored == null || stored.isBlank() ? null : Instant.parse(stored);
    }

    public static String store(LocalDate date) {
        return date == null ? null : date.toString();
    }

    public static LocalDate date(String stored) {
        return stored == null || stored.isBlank() ? null : LocalDate.parse(stored);
    }
}
