package org.devicedesk.directory;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.devicedesk.core.Role;
import org.devicedesk.core.Times;
import org.jdbi.v3.core.Handle;

/** The only SQL for the directory: its settings rows, group -> role mappings, sign-in attempts and person links. */
final class DirectoryRepository {
    static final String PREFIX = "directory.";

    /** Attempts and lock-out of one directory login name. */
    record Attempt(int failedAttempts, Instant lockedUntil) {
        boolean isLocked(Instant now) {
            return lockedUntil != null && now.isBefore(lockedUntil);
        }
    }

    Map<String, String> settings(Handle h) {
        Map<String, String> out = new HashMap<>();
        h.createQuery("SELECT key, value FROM setting WHERE key LIKE :p").bind("p", PREFIX + "%")
                .map((rs, ctx) -> Map.entry(rs.getString(1).substring(PREFIX.length()), rs.getString(2)))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    void storeSetting(Handle h, String name, String value) {
        int n = h.createUpdate("UPDATE setting SET value = :v WHERE key = :k").bind("k", PREFIX + name).bind("v", value).execute();
        if (n == 0) h.createUpdate("INSERT INTO setting (key, value) VALUES (:k, :v)").bind("k", PREFIX + name).bind("v", value).execute();
    }

    Map<String, Set<Role>> groupRoles(Handle h) {
        Map<String, Set<Role>> out = new LinkedHashMap<>();
        h.createQuery("SELECT group_dn, role FROM directory_group_role ORDER BY group_dn, role")
                .map((rs, ctx) -> Map.entry(rs.getString(1), Role.valueOf(rs.getString(2))))
                .forEach(e -> out.computeIfAbsent(e.getKey(), k -> EnumSet.noneOf(Role.class)).add(e.getValue()));
        return out;
    }

    void replaceGroupRoles(Handle h, Map<String, Set<Role>> mapping) {
        h.createUpdate("DELETE FROM directory_group_role").execute();
        mapping.forEach((dn, roles) -> roles.forEach(r -> h.createUpdate("INSERT INTO directory_group_role (group_dn, role) VALUES (:g, :r)")
                .bind("g", dn).bind("r", r.name()).execute()));
    }

    Optional<Attempt> attempt(Handle h, String username) {
        return h.createQuery("SELECT failed_attempts, locked_until FROM directory_attempt WHERE username = :u").bind("u", username)
                .map((rs, ctx) -> new Attempt(rs.getInt(1), Times.instant(rs.getString(2)))).findOne();
    }

    void storeAttempt(Handle h, String username, int failed, Instant lockedUntil) {
        String until = lockedUntil == null ? null : Times.store(lockedUntil);
        int n = h.createUpdate("UPDATE directory_attempt SET failed_attempts = :n, locked_until = :l WHERE username = :u")
                .bind("u", username).bind("n", failed).bind("l", until).execute();
        if (n == 0) {
            h.createUpdate("INSERT INTO directory_attempt (username, failed_attempts, locked_until) VALUES (:u, :n, :l)")
                    .bind("u", username).bind("n", failed).bind("l", until).execute();
        }
    }

    void clearAttempts(Handle h, String username) {
        h.createUpdate("DELETE FROM directory_attempt WHERE username = :u").bind("u", username).execute();
    }

    /** People linked to a directory account: login name (lower case) -> person id. */
    Map<String, Long> linkedPeople(Handle h) {
        Map<String, Long> out = new HashMap<>();
        h.createQuery("SELECT directory_username, id FROM person WHERE directory_username IS NOT NULL")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2))).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    Optional<Long> personByLink(Handle h, String username) {
        return h.createQuery("SELECT id FROM person WHERE directory_username = :u").bind("u", username).mapTo(Long.class).findOne();
    }

    Optional<String> linkOf(Handle h, long personId) {
        return h.createQuery("SELECT directory_username FROM person WHERE id = :id").bind("id", personId)
                .mapTo(String.class).findOne().filter(s -> s != null);
    }

    Optional<Long> personByStaffNumber(Handle h, String staffNumber) {
        return h.createQuery("SELECT id FROM person WHERE staff_number = :s").bind("s", staffNumber).mapTo(Long.class).findOne();
    }

    Optional<Long> personByEmail(Handle h, String email) {
        return h.createQuery("SELECT id FROM person WHERE lower(email) = lower(:e)").bind("e", email).mapTo(Long.class).findOne();
    }

    void link(Handle h, long personId, String username) {
        h.createUpdate("UPDATE person SET directory_username = :u WHERE id = :id").bind("id", personId).bind("u", username).execute();
    }
}
