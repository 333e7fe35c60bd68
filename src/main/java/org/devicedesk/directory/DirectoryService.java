package org.devicedesk.directory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.devicedesk.accounts.Account;
import org.devicedesk.accounts.AccountService;
import org.devicedesk.accounts.DirectorySignIn;
import org.devicedesk.core.Audit;
import org.devicedesk.core.Database;
import org.devicedesk.core.Problems;
import org.devicedesk.core.Refused;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.core.Settings;
import org.devicedesk.directory.DirectoryConfig.Security;
import org.devicedesk.people.Category;
import org.devicedesk.people.PeopleService;
import org.devicedesk.people.Person;
import org.devicedesk.people.PersonDraft;
import org.jdbi.v3.core.Handle;

/**
 * The office directory (SPEC section 11): its settings (ADMIN), "test connection" and "test sign-in",
 * and sign-in with a directory password — search for the user with the service account, bind as the
 * user, roles from (nested) groups, the account and person created at the first sign-in. No
 * password of a directory user is ever stored; the lock-out counts directory sign-ins too.
 */
public final class DirectoryService implements DirectorySignIn {
    /** Who the audit trail names for what the directory does by itself (accounts created at first sign-in, people kept in step). */
    static final Session DIRECTORY_ACTOR = new Session(0, "directory", null, "Office directory", EnumSet.allOf(Role.class));
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final Database db;
    private final Clock clock;
    private final PeopleService people;
    private final AccountService accounts;
    private final Function<String, String> environment;
    private final DirectoryRepository repo = new DirectoryRepository();

    public DirectoryService(Database db, Clock clock, PeopleService people, AccountService accounts) {
        this(db, clock, people, accounts, System::getenv);
    }

    /** {@code environment} looks up the variable that holds the service account's password (tests pass their own). */
    public DirectoryService(Database db, Clock clock, PeopleService people, AccountService accounts, Function<String, String> environment) {
        this.db = db;
        this.clock = clock;
        this.people = people;
        this.accounts = accounts;
        this.environment = environment;
    }

    // ---- settings ----

    public DirectoryConfig config() {
        return db.read(this::config);
    }

    DirectoryConfig config(Handle h) {
        Map<String, String> v = repo.settings(h);
        DirectoryConfig d = DirectoryConfig.defaults();
        Security security;
        try {
            security = Security.valueOf(v.getOrDefault("security", d.security().name()));
        } catch (IllegalArgumentException e) {
            security = d.security();
        }
        return new DirectoryConfig(Boolean.parseBoolean(v.getOrDefault("enabled", "false")), v.getOrDefault("host", d.host()),
                parseInt(v.get("port"), d.port()), security, v.getOrDefault("baseDn", d.baseDn()), v.getOrDefault("userFilter", d.userFilter()),
                v.getOrDefault("usernameAttribute", d.usernameAttribute()), v.getOrDefault("bindDn", d.bindDn()),
                v.getOrDefault("bindPasswordEnv", d.bindPasswordEnv()), v.getOrDefault("bindPasswordFile", d.bindPasswordFile()),
                v.getOrDefault("trustFile", d.trustFile()), v.getOrDefault("groupBaseDn", d.groupBaseDn()),
                v.getOrDefault("disabledAttribute", d.disabledAttribute()), v.getOrDefault("disabledValue", d.disabledValue()),
                parseInt(v.get("timeoutSeconds"), d.timeoutSeconds()), repo.groupRoles(h));
    }

    private static int parseInt(String s, int otherwise) {
        try {
            return s == null ? otherwise : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    @Override
    public boolean enabled() {
        return config().enabled();
    }

    /** Checks a configuration; every problem names its field ({@code directory-<field>} on the screen). */
    public static void validate(DirectoryConfig c) {
        Problems p = new Problems();
        p.addIf(c.port() < 1 || c.port() > 65535, "port", "The port must be a number from 1 to 65535 (LDAPS is usually 636, LDAP and StartTLS 389).");
        p.addIf(c.timeoutSeconds() < 1 || c.timeoutSeconds() > 120, "timeout-seconds", "The time-out must be from 1 to 120 seconds.");
        p.addIf(c.security() == null, "security", "Choose how the connection is protected.");
        p.addIf(c.usernameAttribute() == null || c.usernameAttribute().isBlank() || !c.usernameAttribute().strip().matches("[A-Za-z][A-Za-z0-9-]*"),
                "username-attribute", "The login-name attribute is one attribute name, such as sAMAccountName, userPrincipalName or uid.");
        checkDn(p, c.baseDn(), "base-dn", "The search base", false);
        checkDn(p, c.bindDn(), "bind-dn", "The service account", true);
        checkDn(p, c.groupBaseDn(), "group-base-dn", "The group search base", true);
        if (c.userFilter() != null && !c.userFilter().isBlank()) {
            try {
                com.unboundid.ldap.sdk.Filter.create(c.userFilter().strip());
            } catch (com.unboundid.ldap.sdk.LDAPException e) {
                p.add("user-filter", "The user filter " + c.userFilter().strip() + " is not an LDAP filter; it looks like (objectClass=person).");
            }
        }
        for (String dn : c.groupRoles().keySet()) checkDn(p, dn, "group-roles", "The group " + dn, false);
        if (c.enabled()) {
            p.addIf(c.host() == null || c.host().isBlank(), "host", "Enter the directory's server name before switching directory sign-in on.");
            p.addIf(c.groupRoles().isEmpty(), "group-roles", "Map at least one directory group to a role before switching directory sign-in on; without one nobody could sign in.");
        }
        p.throwIfAny();
    }

    private static void checkDn(Problems p, String dn, String field, String label, boolean optional) {
        if (dn == null || dn.isBlank()) {
            p.addIf(!optional, field, label + " is required (a DN such as DC=office,DC=local).");
            return;
        }
        if (!com.unboundid.ldap.sdk.DN.isValidDN(dn.strip())) p.add(field, label + " (" + dn.strip() + ") is not a DN; it looks like OU=Staff,DC=office,DC=local.");
    }

    /**
     * Reads "group DN = ROLE, ROLE" lines (the settings form's text); blank lines and lines starting
     * with # are skipped. Refused with the line numbers of what is wrong.
     */
    public static Map<String, Set<Role>> parseGroupRoles(String text) {
        Map<String, Set<Role>> out = new LinkedHashMap<>();
        Problems p = new Problems();
        String[] lines = text == null ? new String[0] : text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            int eq = line.lastIndexOf('=');
            int arrow = line.lastIndexOf("->");
            int cut = arrow >= 0 ? arrow : eq;
            int width = arrow >= 0 ? 2 : 1;
            if (cut <= 0) {
                p.add("group-roles", "Line " + (i + 1) + ": write the group's DN, then -> and the roles, e.g. CN=IT Help Desk,OU=Groups,DC=office,DC=local -> HELPDESK.");
                continue;
            }
            String dn = line.substring(0, cut).strip();
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String r : line.substring(cut + width).split("[,\\s]+")) {
                if (r.isBlank()) continue;
                try {
                    roles.add(Role.valueOf(r.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    p.add("group-roles", "Line " + (i + 1) + ": " + r.strip() + " is not a role; use STAFF, HELPDESK, INFOSEC, DPO or ADMIN.");
                }
            }
            if (roles.isEmpty()) p.add("group-roles", "Line " + (i + 1) + ": give at least one role after the group.");
            else if (!com.unboundid.ldap.sdk.DN.isValidDN(dn)) p.add("group-roles", "Line " + (i + 1) + ": " + dn + " is not a DN.");
            else out.computeIfAbsent(dn, k -> EnumSet.noneOf(Role.class)).addAll(roles);
        }
        p.throwIfAny();
        return out;
    }

    /** The mapping as the form shows it, one "DN -> ROLES" line each. */
    public static String formatGroupRoles(Map<String, Set<Role>> mapping) {
        StringBuilder sb = new StringBuilder();
        mapping.forEach((dn, roles) -> sb.append(dn).append(" -> ").append(String.join(", ", roles.stream().map(Role::name).toList())).append('\n'));
        return sb.toString();
    }

    /** ADMIN saves the directory settings (all or nothing); each changed value is audited. Returns how many changed. */
    public int save(Session s, DirectoryConfig c) {
        s.require(Role.ADMIN);
        validate(c);
        Instant now = clock.instant();
        return db.inTransaction(h -> {
            DirectoryConfig before = config(h);
            Map<String, String[]> changes = new LinkedHashMap<>();
            diff(changes, "enabled", before.enabled(), c.enabled());
            diff(changes, "host", before.host(), c.host());
            diff(changes, "port", before.port(), c.port());
            diff(changes, "security", before.security().name(), c.security().name());
            diff(changes, "baseDn", before.baseDn(), c.baseDn());
            diff(changes, "userFilter", before.userFilter(), c.userFilter());
            diff(changes, "usernameAttribute", before.usernameAttribute(), c.usernameAttribute());
            diff(changes, "bindDn", before.bindDn(), c.bindDn());
            diff(changes, "bindPasswordEnv", before.bindPasswordEnv(), c.bindPasswordEnv());
            diff(changes, "bindPasswordFile", before.bindPasswordFile(), c.bindPasswordFile());
            diff(changes, "trustFile", before.trustFile(), c.trustFile());
            diff(changes, "groupBaseDn", before.groupBaseDn(), c.groupBaseDn());
            diff(changes, "disabledAttribute", before.disabledAttribute(), c.disabledAttribute());
            diff(changes, "disabledValue", before.disabledValue(), c.disabledValue());
            diff(changes, "timeoutSeconds", before.timeoutSeconds(), c.timeoutSeconds());
            for (var e : changes.entrySet()) {
                repo.storeSetting(h, e.getKey(), e.getValue()[1]);
                Audit.record(h, s, now, "DIRECTORY_SETTING_CHANGED", "setting", DirectoryRepository.PREFIX + e.getKey(),
                        "Directory " + e.getKey() + ": " + e.getValue()[0] + " → " + e.getValue()[1]);
            }
            int n = changes.size();
            if (!before.groupRoles().equals(c.groupRoles())) {
                repo.replaceGroupRoles(h, c.groupRoles());
                Audit.record(h, s, now, "DIRECTORY_GROUPS_CHANGED", "setting", "directory.groupRoles",
                        "Directory groups -> roles: " + c.groupRoles());
                n++;
            }
            return n;
        });
    }

    private static void diff(Map<String, String[]> changes, String key, Object before, Object after) {
        String a = before == null ? "" : before.toString().strip();
        String b = after == null ? "" : after.toString().strip();
        if (!a.equals(b)) changes.put(key, new String[] {a, b});
    }

    /** The service account's password: from the named environment variable, else the named file; never stored, never shown. */
    String bindPassword(DirectoryConfig c) {
        if (c.bindPasswordEnv() != null && !c.bindPasswordEnv().isBlank()) {
            String v = environment.apply(c.bindPasswordEnv().strip());
            if (v != null && !v.isEmpty()) return v;
        }
        if (c.bindPasswordFile() != null && !c.bindPasswordFile().isBlank()) {
            try {
                return Files.readString(Path.of(c.bindPasswordFile().strip())).strip();
            } catch (IOException e) {
                throw Refused.because("bind-password-file", "Device Desk cannot read the service account's password file "
                        + c.bindPasswordFile().strip() + ". Check that it exists and this computer's account may read it.");
            }
        }
        return null;
    }

    DirectoryClient open(DirectoryConfig c) {
        return DirectoryClient.open(c, bindPassword(c));
    }

    // ---- test connection and test sign-in (ADMIN, nothing stored) ----

    /** What "test connection" found: one sentence per step. */
    public record ConnectionReport(List<String> lines) {}

    public ConnectionReport testConnection(Session s, DirectoryConfig c) {
        s.require(Role.ADMIN);
        validate(withoutSwitch(c));
        List<String> lines = new ArrayList<>();
        try (DirectoryClient client = open(c)) {
            lines.add("Connected to " + c.where() + " (" + c.security().label() + ").");
            lines.add(c.bindDn() == null || c.bindDn().isBlank() ? "Bound anonymously (no service account set)."
                    : "Signed in as the service account " + c.bindDn() + ".");
            if (!client.baseExists()) throw Refused.because("base-dn", "Connected, but the directory has no entry " + c.baseDn() + ". Check the search base.");
            List<DirectoryUser> users = client.allUsers();
            long disabled = users.stream().filter(DirectoryUser::disabled).count();
            lines.add("Found " + users.size() + " user" + (users.size() == 1 ? "" : "s") + " under " + c.baseDn()
                    + " (" + disabled + " disabled).");
        }
        return new ConnectionReport(lines);
    }

    private static DirectoryConfig withoutSwitch(DirectoryConfig c) {
        return new DirectoryConfig(false, c.host(), c.port(), c.security(), c.baseDn(), c.userFilter(), c.usernameAttribute(), c.bindDn(),
                c.bindPasswordEnv(), c.bindPasswordFile(), c.trustFile(), c.groupBaseDn(), c.disabledAttribute(), c.disabledValue(),
                c.timeoutSeconds(), c.groupRoles());
    }

    /** What "test sign-in" found: the entry, its groups (nested ones included), the roles it would get. */
    public record SignInReport(DirectoryUser entry, boolean passwordChecked, List<String> groups, Set<Role> roles, String verdict) {}

    /** Looks a user up as a sign-in would (password optional); changes nothing and counts no failure. */
    public SignInReport testSignIn(Session s, DirectoryConfig c, String username, String password) {
        s.require(Role.ADMIN);
        validate(withoutSwitch(c));
        if (username == null || username.isBlank()) throw Refused.because("test-username", "Enter the login name to test.");
        try (DirectoryClient client = open(c)) {
            DirectoryUser u = client.findUser(username.strip());
            if (u == null) throw Refused.because("test-username", "No user with " + c.usernameAttribute() + " = " + username.strip() + " under " + c.baseDn() + ".");
            boolean checked = password != null && !password.isEmpty();
            String verdict;
            DirectoryClient.PasswordCheck check = checked ? client.checkPassword(u.dn(), password) : null;
            Set<String> groups = client.groupsOf(u);
            Set<Role> roles = rolesFor(c, groups);
            if (u.disabled() || check == DirectoryClient.PasswordCheck.DISABLED) verdict = "This account is disabled in the directory: sign-in would be refused.";
            else if (check == DirectoryClient.PasswordCheck.WRONG) verdict = "The password is not right: sign-in would be refused.";
            else if (check == DirectoryClient.PasswordCheck.LOCKED) verdict = "The directory has locked this account: sign-in would be refused.";
            else if (roles.isEmpty()) verdict = "None of these groups is mapped to a role: sign-in would be refused.";
            else verdict = (checked ? "The password is right. " : "Password not checked. ") + "Sign-in would give the roles " + labels(roles) + ".";
            return new SignInReport(u, checked, new ArrayList<>(groups), roles, verdict);
        }
    }

    private static String labels(Set<Role> roles) {
        return String.join(", ", roles.stream().map(Role::label).toList());
    }

    /** The roles that the mapped groups among {@code groups} (normalised DNs) give. */
    static Set<Role> rolesFor(DirectoryConfig c, Set<String> groups) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        c.groupRoles().forEach((dn, r) -> {
            if (groups.contains(DirectoryClient.normalise(dn))) roles.addAll(r);
        });
        return roles;
    }

    // ---- sign-in ----

    @Override
    public Session signIn(String username, String password) {
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            throw Refused.because("Enter your username and password.");
        }
        String name = username.strip();
        String key = name.toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        DirectoryConfig c = config();
        if (!c.enabled()) throw Refused.because("The username or password is not right.");
        Settings.Values settings = db.read(Settings::load);
        var attempt = db.read(h -> repo.attempt(h, key));
        if (attempt.isPresent() && attempt.get().isLocked(now)) throw lockedMessage(attempt.get().lockedUntil());

        DirectoryUser user;
        Set<String> groups;
        try (DirectoryClient client = open(c)) {
            user = client.findUser(name);
            if (user == null) throw failure(key, name, settings, now);
            DirectoryClient.PasswordCheck check = client.checkPassword(user.dn(), password);
            switch (check) {
                case WRONG -> throw failure(key, name, settings, now);
                case DISABLED -> throw disabledMessage();
                case LOCKED -> throw Refused.because("The office directory has locked your account after too many wrong passwords. Call the help desk to unlock it.");
                case EXPIRED -> throw Refused.because("Your directory password has expired or must be changed. Change it at a Windows sign-in first, then sign in here.");
                case RIGHT -> { }
            }
            if (user.disabled()) throw disabledMessage();
            groups = client.groupsOf(user);
        }
        Set<Role> roles = rolesFor(c, groups);
        if (roles.isEmpty()) {
            throw Refused.because("Your directory account is not in any group that gives access to Device Desk. Ask the help desk to add you to the right group.");
        }
        Object outcome = null;
        for (int tries = 1; outcome == null; tries++) {
            try {
                outcome = db.inTransaction(h -> finishSignIn(h, key, user, roles, now));
            } catch (Refused | org.devicedesk.core.AccessDenied e) {
                throw e;
            } catch (RuntimeException raced) {
                // first sign-ins at once on several computers: another made the account and person (unique
                // username and link) or held the write lock; the next try finds what it committed
                if (tries >= 5) throw raced;
            }
        }
        if (outcome instanceof Refused r) throw r;
        return (Session) outcome;
    }

    /** The account and person of a directory user, made or refreshed in one transaction; a Session or the Refused. */
    private Object finishSignIn(Handle h, String key, DirectoryUser user, Set<Role> roles, Instant now) {
        repo.clearAttempts(h, key);
        Account a = accounts.byUsernameInTransaction(h, user.username()).orElse(null);
        if (a != null && !accounts.isDirectoryAccount(h, a.id())) {
            return Refused.because("The name " + a.username() + " belongs to a local Device Desk account; sign in with its own password.");
        }
        long accountId;
        Long personId;
        if (a == null) {
            long pid = personFor(h, user);
            var other = accounts.byPersonInTransaction(h, pid);
            if (other.isPresent()) {
                return Refused.because("Your directory entry matches " + (other.get().personName() == null ? "a person" : other.get().personName())
                        + ", who already has the Device Desk account " + other.get().username() + ". Sign in with that, or ask an administrator.");
            }
            accountId = accounts.createDirectoryAccountInTransaction(h, DIRECTORY_ACTOR, user.username(), pid, roles);
            personId = pid;
        } else {
            if (!a.active()) return Refused.because("This account has been deactivated. Ask an administrator if you need it back.");
            accounts.setDirectoryRolesInTransaction(h, DIRECTORY_ACTOR, a, roles);
            accountId = a.id();
            personId = a.personId();
        }
        String display = personId == null ? user.username() : people.byId(h, personId).fullName();
        Session session = new Session(accountId, user.username(), personId, display, roles);
        Audit.record(h, session, now, "SIGNED_IN", "account", accountId, user.username() + " signed in with the office directory");
        return session;
    }

    /** The person behind a directory user: linked before, else matched by staff number (employeeID) or email, else created. */
    private long personFor(Handle h, DirectoryUser u) {
        var linked = repo.personByLink(h, u.key());
        if (linked.isPresent()) return linked.get();
        Long match = match(h, u);
        if (match != null) {
            Person p = people.byId(h, match);
            if (!p.active()) {
                throw Refused.because("You are recorded in Device Desk as having left. If that is wrong, call the help desk.");
            }
            repo.link(h, match, u.key());
            Audit.record(h, DIRECTORY_ACTOR, clock.instant(), "PERSON_LINKED", "person", match, p.fullName() + " linked to directory account " + u.username());
            return match;
        }
        long id = people.createInTransaction(h, DIRECTORY_ACTOR, new PersonDraft(u.fullName() == null ? u.username() : u.fullName(), u.email(),
                u.staffNumber(), Category.EMPLOYEE, u.team(), null));
        repo.link(h, id, u.key());
        return id;
    }

    /** An unlinked person with the same staff number, else the same email. */
    Long match(Handle h, DirectoryUser u) {
        if (u.staffNumber() != null) {
            var byStaff = repo.personByStaffNumber(h, u.staffNumber()).filter(id -> repo.linkOf(h, id).isEmpty());
            if (byStaff.isPresent()) return byStaff.get();
        }
        if (u.email() != null) {
            var byEmail = repo.personByEmail(h, u.email()).filter(id -> repo.linkOf(h, id).isEmpty());
            if (byEmail.isPresent()) return byEmail.get();
        }
        return null;
    }

    /** Counts a failed directory sign-in; locks the name for a while after too many, as for local accounts. */
    private Refused failure(String key, String name, Settings.Values settings, Instant now) {
        return db.inTransaction(h -> {
            Session actor = new Session(0, name, null, name, Set.of());
            int attempts = repo.attempt(h, key).map(DirectoryRepository.Attempt::failedAttempts).orElse(0) + 1;
            if (attempts >= settings.lockoutAttempts()) {
                Instant until = now.plus(Duration.ofMinutes(settings.lockoutMinutes()));
                repo.storeAttempt(h, key, 0, until);
                Audit.record(h, actor, now, "ACCOUNT_LOCKED", "directory-user", key,
                        "Directory sign-in for " + name + " locked for " + settings.lockoutMinutes() + " minutes after " + attempts + " failed sign-ins");
                return Refused.because("After " + attempts + " failed sign-ins the account is now locked for " + settings.lockoutMinutes()
                        + " minutes. Try again after " + HH_MM.format(until.atZone(clock.getZone())) + ".");
            }
            repo.storeAttempt(h, key, attempts, null);
            Audit.record(h, actor, now, "SIGN_IN_FAILED", "directory-user", key, "Failed directory sign-in " + attempts + " of " + settings.lockoutAttempts());
            return Refused.because("The username or password is not right.");
        });
    }

    private Refused lockedMessage(Instant until) {
        return Refused.because("This account is locked after too many failed sign-ins. Try again after "
                + HH_MM.format(until.atZone(clock.getZone())) + ".");
    }

    private static Refused disabledMessage() {
        return Refused.because("Your directory account is disabled, so Device Desk cannot let you in. If you still work here, call the help desk.");
    }

}
