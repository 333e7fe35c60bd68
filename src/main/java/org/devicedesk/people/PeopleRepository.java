package org.devicedesk.people;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.devicedesk.core.Times;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** The only SQL for people and declarations. */
final class PeopleRepository {
    private static final String SELECT = """
            SELECT p.id, p.full_name, p.email, p.staff_number, p.category, p.team, p.line_manager_id, m.full_name AS manager_name,
                   p.active, p.left_on, p.created_at, p.version,
                   (SELECT max(d.signed_on) FROM declaration d WHERE d.person_id = p.id) AS last_declared_on
            FROM person p LEFT JOIN person m ON m.id = p.line_manager_id""";

    private static final RowMapper<Person> PERSON = (rs, ctx) -> {
        long mid = rs.getLong("line_manager_id");
        Long managerId = rs.wasNull() ? null : mid;
        return new Person(rs.getLong("id"), rs.getString("full_name"), rs.getString("email"), rs.getString("staff_number"),
                Category.valueOf(rs.getString("category")), rs.getString("team"), managerId, rs.getString("manager_name"),
                rs.getInt("active") == 1, Times.date(rs.getString("left_on")), Times.date(rs.getString("last_declared_on")),
                Times.instant(rs.getString("created_at")), rs.getLong("version"));
    };

    private static final RowMapper<Declaration> DECLARATION = (rs, ctx) -> new Declaration(rs.getLong("id"), rs.getLong("person_id"),
            Times.date(rs.getString("signed_on")), Times.instant(rs.getString("signed_at")),
            Declaration.Method.valueOf(rs.getString("method")), rs.getString("recorded_by"));

    Optional<Person> byId(Handle h, long id) {
        return h.createQuery(SELECT + " WHERE p.id = :id").bind("id", id).map(PERSON).findOne();
    }

    /** Text matches name, email, staff number or team; null filters are ignored. */
    List<Person> search(Handle h, String text, Category category, String team, boolean includeLeft) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE 1 = 1");
        if (text != null && !text.isBlank()) {
            sql.append(" AND (lower(p.full_name) LIKE :t ESCAPE '!' OR lower(coalesce(p.email, '')) LIKE :t ESCAPE '!'"
                    + " OR lower(coalesce(p.staff_number, '')) LIKE :t ESCAPE '!' OR lower(coalesce(p.team, '')) LIKE :t ESCAPE '!')");
        }
        if (category != null) sql.append(" AND p.category = :category");
        if (team != null && !team.isBlank()) sql.append(" AND p.team = :team");
        if (!includeLeft) sql.append(" AND p.active = 1");
        sql.append(" ORDER BY lower(p.full_name), p.id");
        var q = h.createQuery(sql.toString());
        if (text != null && !text.isBlank()) q.bind("t", org.devicedesk.core.Like.contains(text));
        if (category != null) q.bind("category", category.name());
        if (team != null && !team.isBlank()) q.bind("team", team);
        return q.map(PERSON).list();
    }

    List<String> teams(Handle h) {
        return h.createQuery("SELECT DISTINCT team FROM person WHERE team IS NOT NULL AND team <> '' ORDER BY team").mapTo(String.class).list();
    }

    Optional<Long> idByEmail(Handle h, String email) {
        return h.createQuery("SELECT id FROM person WHERE lower(email) = lower(:e)").bind("e", email).mapTo(Long.class).findOne();
    }

    Optional<Long> idByStaffNumber(Handle h, String staffNumber) {
        return h.createQuery("SELECT id FROM person WHERE staff_number = :s").bind("s", staffNumber).mapTo(Long.class).findOne();
    }

    long insert(Handle h, PersonDraft d, Instant now) {
        return h.createUpdate("""
                INSERT INTO person (full_name, email, staff_number, category, team, line_manager_id, active, created_at)
                VALUES (:name, :email, :staff, :category, :team, :manager, 1, :at)""")
                .bind("name", d.fullName()).bind("email", d.email()).bind("staff", d.staffNumber())
                .bind("category", d.category().name()).bind("team", d.team()).bind("manager", d.lineManagerId()).bind("at", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    void update(Handle h, long id, PersonDraft d) {
        h.createUpdate("""
                UPDATE person SET full_name = :name, email = :email, staff_number = :staff, category = :category,
                       team = :team, line_manager_id = :manager, version = version + 1 WHERE id = :id""")
                .bind("id", id).bind("name", d.fullName()).bind("email", d.email()).bind("staff", d.staffNumber())
                .bind("category", d.category().name()).bind("team", d.team()).bind("manager", d.lineManagerId()).execute();
    }

    void markLeft(Handle h, long id, LocalDate leftOn) {
        h.createUpdate("UPDATE person SET active = 0, left_on = :d, version = version + 1 WHERE id = :id").bind("id", id).bind("d", leftOn).execute();
    }

    void insertDeclaration(Handle h, long personId, LocalDate signedOn, Instant signedAt, Declaration.Method method, String recordedBy) {
        h.createUpdate("INSERT INTO declaration (person_id, signed_on, signed_at, method, recorded_by) VALUES (:p, :on, :at, :m, :by)")
                .bind("p", personId).bind("on", signedOn).bind("at", signedAt).bind("m", method.name()).bind("by", recordedBy).execute();
    }

    Optional<LocalDate> lastDeclaredOn(Handle h, long personId) {
        return h.createQuery("SELECT max(signed_on) FROM declaration WHERE person_id = :p").bind("p", personId)
                .map((rs, ctx) -> Times.date(rs.getString(1))).findOne().filter(d -> d != null);
    }

    List<Declaration> declarations(Handle h, long personId) {
        return h.createQuery("SELECT * FROM declaration WHERE person_id = :p ORDER BY signed_on DESC, id DESC").bind("p", personId).map(DECLARATION).list();
    }
}
