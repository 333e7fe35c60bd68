package org.devicedesk.core;

import org.jdbi.v3.core.Handle;

/**
 * Reference numbers that never collide (ADR 0008): INC-2026-0001, BRE-2026-0001, TRV-2026-0001. The
 * next number of a kind and year is taken from its row in {@code reference_counter} with
 * {@code UPDATE ... RETURNING}, inside the transaction that saves the record: the row stays locked until
 * that transaction ends, so two clients filing at the same moment get consecutive numbers, on SQLite and
 * PostgreSQL alike; a rolled-back save gives its number back.
 */
public final class References {
    /** A kind of reference: its prefix and the table and column that hold it. */
    public enum Kind {
        INCIDENT("INC", "incident"), BREACH("BRE", "breach_case"), TRAVEL("TRV", "travel_notice");

        final String prefix;
        final String table;

        Kind(String prefix, String table) {
            this.prefix = prefix;
            this.table = table;
        }
    }

    private References() {}

    /** The next reference of the kind in the year, e.g. {@code INC-2026-0042}; call inside the saving transaction. */
    public static String next(Handle h, Kind kind, int year) {
        return "%s-%d-%04d".formatted(kind.prefix, year, nextNumber(h, kind, year));
    }

    static int nextNumber(Handle h, Kind kind, int year) {
        var taken = take(h, kind, year);
        if (taken != null) return taken;
        // first reference of this kind in this year: start after the highest one already stored (older
        // databases, bulk demo data). ON CONFLICT DO NOTHING: a second client doing the same waits for the
        // first's row, then takes the next number from it.
        h.createUpdate("INSERT INTO reference_counter (kind, year, last_number) VALUES (:k, :y, :n) ON CONFLICT (kind, year) DO NOTHING")
                .bind("k", kind.prefix).bind("y", year).bind("n", highestStored(h, kind, year)).execute();
        taken = take(h, kind, year);
        if (taken == null) throw new IllegalStateException("reference counter row missing for " + kind + " " + year);
        return taken;
    }

    private static Integer take(Handle h, Kind kind, int year) {
        return h.createQuery("UPDATE reference_counter SET last_number = last_number + 1 WHERE kind = :k AND year = :y RETURNING last_number")
                .bind("k", kind.prefix).bind("y", year).mapTo(Integer.class).findOne().orElse(null);
    }

    /** The highest number stored for the year (0 when none), walking the reference index backwards (V72). */
    private static int highestStored(Handle h, Kind kind, int year) {
        String prefix = kind.prefix + "-" + year + "-";
        // table names are the enum's constants, never input
        return h.createQuery("SELECT reference FROM " + kind.table + " WHERE substr(reference, 1, " + prefix.length() + ") = :p"
                        + " ORDER BY length(reference) DESC, reference DESC LIMIT 1")
                .bind("p", prefix).mapTo(String.class).findOne()
                .map(ref -> Integer.parseInt(ref.substring(prefix.length()))).orElse(0);
    }
}
