package org.devicedesk.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.devicedesk.core.Audit;
import org.devicedesk.core.Database;
import org.devicedesk.core.Problems;
import org.devicedesk.core.Refused;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.core.Settings;
import org.devicedesk.people.Category;
import org.devicedesk.people.PeopleService;
import org.devicedesk.people.PersonDraft;
import org.jdbi.v3.core.Handle;

/** First-run set-up, sign-in with lock-out, and ADMIN's management of accounts (SPEC section 6). */
public final class AccountService {
    public static final int MIN_PASSWORD_LENGTH = PasswordRules.MIN_LENGTH;
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final Database db;
    private final Clock clock;
    private final PeopleService people;
    private final AccountRepository repo = new AccountRepository();
    private volatile DirectorySignIn directory;

    public AccountService(Database db, Clock clock, PeopleService people) {
        this.db = db;
        this.clock = clock;
        this.people = people;
    }

    /** Lets directory accounts sign in (issue 19); local accounts keep signing in whether or not the directory is up. */
    public void useDirectory(DirectorySignIn directory) {
        this.directory = directory;
    }

    /** True on an empty database: the first administrator must be created before anything else. */
    public boolean needsFirstAdministrator() {
        return db.read(h -> repo.count(h) == 0);
    }

    /**
     * Creates the first administrator and the person record behind it; refused once any account exists.
     * Returns the signed-in session.
     */
    public Session createFirstAdministrator(String fullName, String username, String password, String confirmation) {
        Problems p = new Problems();
        p.required(fullName, "full-name", "Your full name");
        checkNewCredentials(p, username, fullName, password);
        p.addIf(password != null && !password.equals(confirmation), "password-confirm", "The two passwords do not match.");
        p.throwIfAny();
        Instant now = clock.instant();
        String hash = PasswordHasher.hash(password); // Argon2 before the write lock is taken, not while holding it
        return db.inTransaction(h -> {
            // the one first_run row is the guard: of several clients starting together on an empty database,
            // exactly one inserts it; the others find it taken (on PostgreSQL they wait for the winner's commit)
            int claimed = h.createUpdate("INSERT INTO first_run (id, done_at, done_by) VALUES (1, :at, :by) ON CONFLICT (id) DO NOTHING")
                    .bind("at", now).bind("by", username.strip()).execute();
            if (claimed == 0 || repo.count(h) > 0) {
                String by = h.createQuery("SELECT done_by FROM first_run WHERE id = 1").mapTo(String.class).findOne().orElse(null);
                throw Refused.because("Device Desk already has an administrator" + (by == null || "migration".equals(by) ? "" : " (" + by
                        + ", set up from another computer a moment ago)") + ". Sign in instead.");
            }
            Set<Role> roles = EnumSet.of(Role.ADMIN, Role.STAFF);
            long id = repo.insert(h, username.strip(), null, hash, now);
            repo.setRoles(h, id, roles);
            Session bootstrap = new Session(id, username.strip(), null, fullName.strip(), roles);
            long personId = people.createInTransaction(h, bootstrap, new PersonDraft(fullName.strip(), null, null,
                    Category.EMPLOYEE, null, null));
            repo.setPerson(h, id, personId);
            Session s = new Session(id, username.strip(), personId, fullName.strip(), roles);
            Audit.record(h, s, now, "ACCOUNT_CREATED", "account", id, "First administrator " + username.strip() + " created at first run");
            return s;
        });
    }

    private void checkNewCredentials(Problems p, String username, String personName, String password) {
        p.required(username, "username", "A username");
        if (username != null && !username.isBlank() && !username.strip().matches("[A-Za-z0-9._-]{2,40}")) {
            p.add("username", "A username uses 2 to 40 letters, digits, dots, hyphens or underscores.");
        }
        PasswordRules.check(p, username, personName, password, "password");
    }

    /**
     * Signs in. Wrong passwords count towards the lock-out (setting, 5 by default) which then holds
     * for 15 minutes (setting); both are audited.
     */
    public Session signIn(String username, String password) {
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            throw Refused.because("Enter your username and password.");
        }
        DirectorySignIn dir = directory;
        if (dir != null && dir.enabled() && db.read(h -> repo.byUsername(h, username.strip()).map(a -> repo.isDirectory(h, a.id())).orElse(true))) {
            return dir.signIn(username, password);
        }
        Instant now = clock.instant();
        Settings.Values settings = db.read(Settings::load);
        // Argon2 runs before any write transaction (it takes seconds under load; holding SQLite's write
        // lock meanwhile would stop everyone's saves), and for an unknown username no transaction at all
        Account found = db.read(h -> repo.byUsername(h, username.strip()).orElse(null));
        if (found == null) {
            PasswordHasher.matches(password, DummyHash.VALUE); // same time as a real check: no hint that the name is unknown
            throw Refused.because("The username or password is not right.");
        }
        String storedHash = db.read(h -> repo.passwordHash(h, found.id()));
        // an account without a local password (a directory account while the directory is off) never matches, in the same time
        boolean passwordRight = PasswordHasher.matches(password, storedHash == null ? DummyHash.VALUE : storedHash) && storedHash != null;
        // the outcome is decided and stored in one transaction so two tries cannot both slip under the limit
        Object outcome = db.inTransaction(h -> {
            Account a = repo.byUsername(h, username.strip()).orElse(null);
            if (a == null || a.id() != found.id()) return Refused.because("The username or password is not right.");
            Session actor = new Session(a.id(), a.username(), a.personId(), displayName(a), a.roles());
            if (a.isLocked(now)) {
                return Refused.because("This account is locked after too many failed sign-ins. Try again after "
                        + HH_MM.format(a.lockedUntil().atZone(zone())) + ", or ask an administrator to reset your password.");
            }
            // a password reset between the check and now: judge against the hash stored now, without hashing again
            boolean right = passwordRight && java.util.Objects.equals(storedHash, repo.passwordHash(h, a.id()));
            if (!right) {
                int attempts = a.failedAttempts() + 1;
                if (attempts >= settings.lockoutAttempts()) {
                    Instant until = now.plus(Duration.ofMinutes(settings.lockoutMinutes()));
                    repo.recordFailure(h, a.id(), 0, until);
                    Audit.record(h, actor, now, "ACCOUNT_LOCKED", "account", a.id(),
                            "Locked for " + settings.lockoutMinutes() + " minutes after " + attempts + " failed sign-ins");
                    org.devicedesk.mail.MailEvents.accountLocked(h, now, a.id(), attempts, until); // SPEC 10: the administrators
                    return Refused.because("After " + attempts + " failed sign-ins the account is now locked for "
                            + settings.lockoutMinutes() + " minutes. Try again after " + HH_MM.format(until.atZone(zone()))
                            + ", or ask an administrator to reset your password.");
                }
                repo.recordFailure(h, a.id(), attempts, null);
                Audit.record(h, actor, now, "SIGN_IN_FAILED", "account", a.id(), "Failed sign-in " + attempts + " of " + settings.lockoutAttempts());
                return Refused.because("The username or password is not right.");
            }
            if (!a.active()) return Refused.because("This account has been deactivated. Ask an administrator if you need it back.");
            repo.recordSuccess(h, a.id());
            Audit.record(h, actor, now, "SIGNED_IN", "account", a.id(), a.username() + " signed in");
            return actor;
        });
        if (outcome instanceof Refused r) throw r;
        return (Session) outcome;
    }

    /**
     * Hashed on first use, not when the class loads: it is the first Argon2 (and Bouncy Castle, a signed
     * jar the JVM verifies) of the run, which start-up leaves until the sign-in screen is drawn; see {@link #prepare()}.
     */
    private static final class DummyHash {
        static final String VALUE = PasswordHasher.hash("not-a-real-password-for-timing");
    }

    /**
     * Does the first Argon2 ahead of the first sign-in (Device Desk calls it in the background once the
     * sign-in screen is shown), so every sign-in attempt takes the same time, the first one included.
     */
    public static void prepare() {
        DummyHash.VALUE.length();
    }

    private static String displayName(Account a) {
        return a.personName() != null ? a.personName() : a.username();
    }

    private ZoneId zone() {
        return clock.getZone();
    }

    public void signOut(Session s) {
        Instant now = clock.instant();
        db.useTransaction(h -> Audit.record(h, s, now, "SIGNED_OUT", "account", s.accountId(), s.username() + " signed out"));
    }

    /** The name a person knows this user by (their register name), for "Changed by …"; the username when none. */
    public String displayName(String username) {
        if (username == null || username.isBlank()) return "someone";
        if ("system".equals(username)) return "Device Desk";
        return db.read(h -> repo.byUsername(h, username)).map(a -> a.personName() == null || a.personName().isBlank() ? a.username() : a.personName())
                .orElse(username);
    }

    public List<Account> list(Session s) {
        s.require(Role.ADMIN);
        return db.read(repo::all);
    }

    /** The account linked to a person, if any (ADMIN or HELPDESK). */
    public java.util.Optional<Account> forPerson(Session s, long personId) {
        s.require(Role.ADMIN, Role.HELPDESK);
        return db.read(h -> repo.byPerson(h, personId));
    }

    public long create(Session s, String username, String password, Long personId, Set<Role> roles) {
        s.require(Role.ADMIN);
        Problems p = new Problems();
        String personName = personId == null ? null : db.read(h -> people.byId(h, personId).fullName());
        checkNewCredentials(p, username, personName, password);
        p.addIf(roles == null || roles.isEmpty(), "roles", "Give the account at least one role.");
        p.throwIfAny();
        Instant now = clock.instant();
        String hash = PasswordHasher.hash(password); // outside the write transaction
        return db.inTransaction(h -> {
            if (repo.byUsername(h, username.strip()).isPresent()) {
                throw Refused.because("username", "The username " + username.strip() + " is already taken.");
            }
            if (personId != null) {
                people.byId(h, personId);
                repo.byPerson(h, personId).ifPresent(o -> {
                    throw Refused.because("person", (o.personName() == null ? "That person" : o.personName())
                            + " already has the account " + o.username() + "; change that account instead, or pick someone else.");
                });
            }
            long id = repo.insert(h, username.strip(), personId, hash, now);
            repo.setRoles(h, id, roles);
            Audit.record(h, s, now, "ACCOUNT_CREATED", "account", id, "Created account " + username.strip() + " with roles " + roles);
            return id;
        });
    }

    public void setRoles(Session s, long accountId, Set<Role> roles) {
        s.require(Role.ADMIN);
        if (roles == null || roles.isEmpty()) throw Refused.because("roles", "Give the account at least one role.");
        Instant now = clock.instant();
        db.useTransaction(h -> {
            Account a = repo.byId(h, accountId).orElseThrow(() -> Refused.because("That account no longer exists."));
            if (a.id() == s.accountId() && a.roles().contains(Role.ADMIN) && !roles.contains(Role.ADMIN)) {
                throw Refused.because("roles", "You cannot remove the administrator role from your own account.");
            }
            if (!roles.contains(Role.ADMIN)) requireAnotherLocalAdmin(h, a, "remove the administrator role from");
            repo.setRoles(h, accountId, roles);
            Audit.record(h, s, now, "ACCOUNT_ROLES_CHANGED", "account", accountId, a.username() + ": roles " + a.roles() + " → " + roles);
        });
    }

    public void setActive(Session s, long accountId, boolean active) {
        s.require(Role.ADMIN);
        if (!active && accountId == s.accountId()) throw Refused.because("You cannot deactivate your own account.");
        Instant now = clock.instant();
        db.useTransaction(h -> {
            Account a = repo.byId(h, accountId).orElseThrow(() -> Refused.because("That account no longer exists."));
            if (!active) requireAnotherLocalAdmin(h, a, "deactivate");
            repo.setActive(h, accountId, active);
            Audit.record(h, s, now, active ? "ACCOUNT_REACTIVATED" : "ACCOUNT_DEACTIVATED", "account", accountId, a.username());
        });
    }

    /** ADMIN sets a new password; this also clears a lock-out. */
    public void resetPassword(Session s, long accountId, String newPassword) {
        s.require(Role.ADMIN);
        Instant now = clock.instant();
        Account named = db.read(h -> repo.byId(h, accountId)).orElseThrow(() -> Refused.because("That account no longer exists."));
        Problems problems = new Problems();
        PasswordRules.check(problems, named.username(), named.personName(), newPassword, "password");
        problems.throwIfAny();
        String hash = PasswordHasher.hash(newPassword); // outside the write transaction
        db.useTransaction(h -> {
            Account a = repo.byId(h, accountId).orElseThrow(() -> Refused.because("That account no longer exists."));
            if (repo.isDirectory(h, accountId)) {
                throw Refused.because("password", a.username() + " signs in with the office directory; Device Desk keeps no password for it. Change it in the directory.");
            }
            repo.setPassword(h, accountId, hash);
            Audit.record(h, s, now, "PASSWORD_RESET", "account", accountId, "Password reset for " + a.username());
        });
    }

    public void linkPerson(Session s, long accountId, Long personId) {
        s.require(Role.ADMIN);
        Instant now = clock.instant();
        db.useTransaction(h -> {
            Account a = repo.byId(h, accountId).orElseThrow(() -> Refused.because("That account no longer exists."));
            if (personId != null) {
                repo.byPerson(h, personId).filter(o -> o.id() != accountId).ifPresent(o -> {
                    throw Refused.because("person", (o.personName() == null ? "That person" : o.personName())
                            + " is already linked to the account " + o.username() + "; unlink it there first.");
                });
            }
            repo.setPerson(h, accountId, personId);
            String summary = personId == null
                    ? a.username() + " no longer linked to " + (a.personName() == null ? "anyone" : a.personName())
                    : a.username() + " linked to " + people.byId(h, personId).fullName() + " (person " + personId + ")";
            Audit.record(h, s, now, "ACCOUNT_LINKED", "account", accountId, summary);
        });
    }

    /**
     * ADMIN changes an account's linked person and roles together (the accounts form), in one
     * transaction; only what changed is audited. Returns how many things changed.
     */
    public int update(Session s, long accountId, Long personId, Set<Role> roles) {
        return update(s, accountId, null, personId, roles);
    }

    /**
     * The accounts form loaded at {@code expectedVersion} ({@link Account#version()}): refused with a
     * {@link org.devicedesk.core.Conflict} when the account changed since, nothing stored.
     */
    public int update(Session s, long accountId, Long expectedVersion, Long personId, Set<Role> roles) {
        s.require(Role.ADMIN);
        if (roles == null || roles.isEmpty()) throw Refused.because("roles", "Give the account at least one role.");
        Instant now = clock.instant();
        return db.inTransaction(h -> {
            Account found = repo.byId(h, accountId).orElseThrow(() -> Refused.because("That account no longer exists."));
            org.devicedesk.core.Versions.expect(h, "account", accountId, expectedVersion, "account", "The account " + found.username());
            Account a = repo.byId(h, accountId).orElseThrow(() -> Refused.because("That account no longer exists."));
            int changed = 0;
            if (!a.roles().equals(roles)) {
                if (a.id() == s.accountId() && a.roles().contains(Role.ADMIN) && !roles.contains(Role.ADMIN)) {
                    throw Refused.because("roles", "You cannot remove the administrator role from your own account.");
                }
                if (!roles.contains(Role.ADMIN)) requireAnotherLocalAdmin(h, a, "remove the administrator role from");
                repo.setRoles(h, accountId, roles);
                Audit.record(h, s, now, "ACCOUNT_ROLES_CHANGED", "account", accountId, a.username() + ": roles " + a.roles() + " → " + roles);
                changed++;
            }
            if (!java.util.Objects.equals(a.personId(), personId)) {
                String name = null;
                if (personId != null) {
                    name = people.byId(h, personId).fullName();
                    repo.byPerson(h, personId).filter(o -> o.id() != accountId).ifPresent(o -> {
                        throw Refused.because("person", (o.personName() == null ? "That person" : o.personName())
                                + " is already linked to the account " + o.username() + "; unlink it there first.");
                    });
                }
                repo.setPerson(h, accountId, personId);
                Audit.record(h, s, now, "ACCOUNT_LINKED", "account", accountId, personId == null
                        ? a.username() + " no longer linked to " + (a.personName() == null ? "anyone" : a.personName())
                        : a.username() + " linked to " + name + " (person " + personId + ")");
                changed++;
            }
            return changed;
        });
    }

    /** Used by the demo and import: creates without a session check, audited as the given actor. */
    public long createInTransaction(Handle h, Session actor, String username, String password, Long personId, Set<Role> roles) {
        Instant now = clock.instant();
        long id = repo.insert(h, username, personId, PasswordHasher.hash(password), now);
        repo.setRoles(h, id, roles);
        Audit.record(h, actor, now, "ACCOUNT_CREATED", "account", id, "Created account " + username + " with roles " + roles);
        return id;
    }

    // ---- the office directory (issue 19) ----

    /**
     * At least one active local administrator always remains, so the office can get in when the directory
     * is down or misconfigured (SPEC section 11).
     */
    private void requireAnotherLocalAdmin(Handle h, Account a, String action) {
        if (!a.active() || !a.roles().contains(Role.ADMIN) || repo.isDirectory(h, a.id())) return;
        if (repo.countActiveLocalAdmins(h, a.id()) == 0) {
            throw Refused.because("roles", "You cannot " + action + " " + a.username() + ": it is the last active local administrator,"
                    + " the way in when the office directory is down. Give another local account the administrator role first.");
        }
    }

    /** The account with this username, inside a caller's transaction (the directory's sign-in). */
    public java.util.Optional<Account> byUsernameInTransaction(Handle h, String username) {
        return repo.byUsername(h, username);
    }

    public java.util.Optional<Account> byPersonInTransaction(Handle h, long personId) {
        return repo.byPerson(h, personId);
    }

    /** True for an account that signs in with the office directory. */
    public boolean isDirectoryAccount(Handle h, long accountId) {
        return repo.isDirectory(h, accountId);
    }

    /** The first sign-in of a directory user creates their account; no password is stored for it. */
    public long createDirectoryAccountInTransaction(Handle h, Session actor, String username, long personId, Set<Role> roles) {
        Instant now = clock.instant();
        long id = repo.insertDirectory(h, username, personId, now);
        repo.setRoles(h, id, roles);
        Audit.record(h, actor, now, "ACCOUNT_CREATED", "account", id, "Directory account " + username + " created at first sign-in with roles " + roles);
        return id;
    }

    /** Roles follow the directory's groups at each sign-in; audited when they change. */
    public void setDirectoryRolesInTransaction(Handle h, Session actor, Account a, Set<Role> roles) {
        if (a.roles().equals(roles)) return;
        repo.setRoles(h, a.id(), roles);
        Audit.record(h, actor, clock.instant(), "ACCOUNT_ROLES_CHANGED", "account", a.id(),
                a.username() + ": roles " + a.roles() + " → " + roles + " (from directory groups)");
    }
}
