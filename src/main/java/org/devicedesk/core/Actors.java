package org.devicedesk.core;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Handle;

/**
 * Who did something, in the words people use (issue 17): the person's register name for a username,
 * "Device Desk" for the application's own work (imports, demo data, reminders: the username "system"),
 * the username itself only for an account with no person behind it. Records keep the username (the
 * audit trail's key); screens show these names.
 */
public final class Actors {
    /** The name shown for work the application did itself. */
    public static final String APPLICATION = "Device Desk";

    private Actors() {}

    /**
     * A portable SQL expression for the name behind a username column, e.g. {@code sql("t.decided_by")}:
     * NULL stays NULL, "system" reads "Device Desk", an account's person's full name, else the username.
     */
    public static String sql(String usernameColumn) {
        return "CASE WHEN " + usernameColumn + " IS NULL THEN NULL WHEN " + usernameColumn + " = 'system' THEN '" + APPLICATION + "' "
                + "ELSE COALESCE((SELECT ap.full_name FROM account aa JOIN person ap ON ap.id = aa.person_id "
                + "WHERE lower(aa.username) = lower(" + usernameColumn + ")), " + usernameColumn + ") END";
    }

    /** The names behind these usernames (nulls skipped), in one query. */
    public static Map<String, String> names(Handle h, Collection<String> usernames) {
        Map<String, String> out = new HashMap<>();
        List<String> wanted = usernames.stream().filter(Objects::nonNull).distinct().toList();
        for (String u : wanted) {
            if ("system".equals(u)) out.put(u, APPLICATION);
        }
        List<String> looked = wanted.stream().filter(u -> !"system".equals(u)).map(u -> u.toLowerCase(java.util.Locale.ROOT)).toList();
        if (!looked.isEmpty()) {
            h.createQuery("SELECT a.username, p.full_name FROM account a JOIN person p ON p.id = a.person_id WHERE lower(a.username) IN (<u>)")
                    .bindList("u", looked)
                    .map((rs, ctx) -> Map.entry(rs.getString("username").toLowerCase(java.util.Locale.ROOT), rs.getString("full_name")))
                    .forEach(e -> {
                        for (String u : wanted) if (u.toLowerCase(java.util.Locale.ROOT).equals(e.getKey()) && e.getValue() != null) out.put(u, e.getValue());
                    });
        }
        for (String u : wanted) out.putIfAbsent(u, u);
        return out;
    }
}
