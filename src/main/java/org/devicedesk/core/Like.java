package org.devicedesk.core;

import java.util.Locale;

/**
 * Text a person types into a search is searched for literally: LIKE's wildcards {@code %} and
 * {@code _} (and the escape character itself) are escaped. Every {@code LIKE :t} on typed text is
 * written {@code LIKE :t ESCAPE '!'} ({@link #ESCAPE}) and bound to {@link #contains}.
 */
public final class Like {
    /** Appended to every LIKE whose pattern comes from {@link #contains}; portable (SQLite and PostgreSQL). */
    public static final String ESCAPE = " ESCAPE '!'";

    private Like() {}

    /** The pattern "contains this text", lower-cased and stripped, with the wildcards escaped. */
    public static String contains(String text) {
        return "%" + escape(text.strip().toLowerCase(Locale.ROOT)) + "%";
    }

    public static String escape(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
