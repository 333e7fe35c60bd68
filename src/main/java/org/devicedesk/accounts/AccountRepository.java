package org.devicedesk.accounts;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.devicedesk.core.Role;
import org.devicedesk.core.Times;
import org.jdbi.v3.core.Handle;

/** The only SQL for accounts. */
final class AccountRepository {
    private static final String SELECT = """
            SELECT a.id, a.username, a.person_id, p.full_name, a.active, a.failed_attempts, a.locked_until, a.created_at, a.version
            FROM account a LEFT JOIN person p ON p.id = a.person_id""";

    long count(Handle h) {
        return h.createQuery("SELECT count(*) FROM account").mapTo(Long.class).one();
    }

    Optional<Account> byUsername(Handle h, String username) {
        return list(h, SELECT + " WHERE lower(a.username) = lower(:u)", Map.of("u", username)).stream().findFirst();
    }

    Optional<Account> byId(Handle h, long id) {
        return list(h, SELECT + " WHERE a.id = :id", Map.of("id", id)).stream().findFirst();
    }

    Optional<Account> byPerson(Handle h, long personId) {
        return list(h, SELECT + " WHERE a.person_id = :p", Map.of("p", personId)).stream().findFirst();
    }

    List<Account> all(Handle h) {
        return list(h, SELECT + " ORDER BY lower(a.username)", Map.of());
    }

    private List<Account> list(Handle h, String sql, Map<String, ?> params) {
        Map<Long, Set<Role>> roles = new LinkedHashMap<>();
        h.createQuery("SELECT account_id, role FROM account_role")
                .map((rs, ctx) -> Map.entry(rs.getLong(1), Role.valueOf(rs.getString(2))))
                .forEach(e -> roles.computeIfAbsent(e.getKey(), k -> EnumSet.noneOf(Role.class)).add(e.getValue()));
        return h.createQuery(sql).bindMap(params).map((rs, ctx) -> {
            long id = rs.getLong("id");
            long pid = rs.getLong("person_id");
            Long personId = rs.wasNull() ? null : pid;
            return new Account(id, rs.getString("username"), personId, rs.getString("full_name"),
                    roles.getOrDefault(id, EnumSet.noneOf(Role.class)), rs.getInt("active") == 1,
                    rs.getInt("failed_attempts"), Times.instant(rs.getString("locked_until")), Times.instant(rs.getString("created_at")), rs.getLong("version"));
        }).list();
    }

    String passwordHash(Handle h, long id) {
        return h.createQuery("SELECT password_hash FROM account WHERE id = :id").bind("id", id).mapTo(String.class).one();
    }

    long insert(Handle h, String username, Long personId, String hash, Instant now) {
        return h.createUpdate("INSERT INTO account (username, person_id, password_hash, active, failed_attempts, created_at) VALUES (:u, :p, :h, 1, 0, :at)")
                .bind("u", username).bind("p", personId).bind("h", hash).bind("at", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    void setRoles(Handle h, long id, Set<Role> roles) {
        h.createUpdate("UPDATE account SET version = version + 1 WHERE id = :id").bind("id", id).execute();
        h.createUpdate("DELETE FROM account_role WHERE account_id = :id").bind("id", id).execute();
        for (Role r : roles) {
            h.createUpdate("INSERT INTO account_role (account_id, role) VALUES (:id, :r)").bind("id", id).bind("r", r.name()).execute();
        }
    }

    void setPassword(Handle h, long id, String hash) {
        h.createUpdate("UPDATE account SET password_hash = :h, failed_attempts = 0, locked_until = NULL, version = version + 1 WHERE id = :id").bind("id", id).bind("h", hash).execute();
    }

    void setActive(Handle h, long id, boolean active) {
        h.createUpdate("UPDATE account SET active = :a, version = version + 1 WHERE id = :id").bind("id", id).bind("a", active ? 1 : 0).execute();
    }

    void setPerson(Handle h, long id, Long personId) {
        h.createUpdate("UPDATE account SET person_id = :p, version = version + 1 WHERE id = :id").bind("id", id).bind("p", personId).execute();
    }

    void recordFailure(Handle h, long id, int attempts, Instant lockedUntil) {
        h.createUpdate("UPDATE account SET failed_attempts = :n, locked_until = :l WHERE id = :id")
                .bind("id", id).bind("n", attempts).bind("l", lockedUntil).execute();
    }

    void recordSuccess(Handle h, long id) {
        h.createUpdate("UPDATE account SET failed_attempts = 0, locked_until = NULL WHERE id = :id").bind("id", id).execute();
    }

    boolean isDirectory(Handle h, long id) {
        return h.createQuery("SELECT source FROM account WHERE id = :id").bind("id", id).mapTo(String.class).findOne()
                .map("DIRECTORY"::equals).orElse(false);
    }

    /** Directory accounts keep no password: the marker below is not a hash, so no password can ever match it. */
    long insertDirectory(Handle h, String username, Long personId, Instant now) {
        return h.createUpdate("INSERT INTO account (username, person_id, password_hash, active, failed_attempts, created_at, source) VALUES (:u, :p, '!directory', 1, 0, :at, 'DIRECTORY')")
                .bind("u", username).bind("p", personId).bind("at", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    long countActiveLocalAdmins(Handle h, long exceptId) {
        return h.createQuery("""
                SELECT count(*) FROM account a JOIN account_role r ON r.account_id = a.id AND r.role = 'ADMIN'
                WHERE a.active = 1 AND a.source = 'LOCAL' AND a.id <> :id""").bind("id", exceptId).mapTo(Long.class).one();
    }
}
