package org.devicedesk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.devicedesk.Services;
import org.devicedesk.core.Database;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.people.Category;
import org.devicedesk.people.PersonDraft;

/**
 * A real database for a test: a temporary SQLite file through the real migrations, the real
 * services, and a clock the test controls. No mocks of the database.
 */
public final class TestDb implements AutoCloseable {
    public static final String PASSWORD = "correct-horse-battery";
    public static final Instant DEFAULT_NOW = Instant.parse("2026-03-04T10:00:00Z"); // a Wednesday, in office hours

    public final Path dir;
    public final Database db;
    public final MutableClock clock;
    public final Services services;
    private int counter;

    private TestDb(Path dir, Instant now) {
        this.dir = dir;
        this.db = Database.openSqlite(dir.resolve("test.db"));
        this.clock = new MutableClock(now);
        this.services = new Services(db, clock);
    }

    public static TestDb create() {
        return create(DEFAULT_NOW);
    }

    public static TestDb create(Instant now) {
        try {
            return new TestDb(Files.createTempDirectory("devicedesk-test"), now);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A person with an account holding the roles, and a current declaration; returns their session. */
    public Session session(String username, Role... roles) {
        return session(username, true, roles);
    }

    public Session session(String username, boolean declared, Role... roles) {
        long personId = person(displayName(username), declared);
        EnumSet<Role> set = roles.length == 0 ? EnumSet.of(Role.STAFF) : EnumSet.copyOf(List.of(roles));
        long accountId = db.inTransaction(h -> services.accounts.createInTransaction(h, Session.system(), username, PASSWORD, personId, set));
        return new Session(accountId, username, personId, displayName(username), set);
    }

    /** A person in the register, with a declaration signed today when {@code declared}. */
    public long person(String fullName, boolean declared) {
        return person(fullName, declared ? services.people.today() : null);
    }

    /** A person whose declaration was signed on {@code signedOn} (null: never). */
    public long person(String fullName, LocalDate signedOn) {
        Session system = Session.system();
        long id = db.inTransaction(h -> services.people.createInTransaction(h, system,
                new PersonDraft(fullName, null, "T" + (++counter), Category.EMPLOYEE, "Team " + (counter % 3), null)));
        if (signedOn != null) services.people.recordPaperDeclaration(system, id, signedOn);
        return id;
    }

    private static String displayName(String username) {
        return Character.toUpperCase(username.charAt(0)) + username.substring(1) + " Tester";
    }

    @Override
    public void close() {
        db.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
