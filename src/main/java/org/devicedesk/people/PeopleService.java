package org.devicedesk.people;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.devicedesk.core.AccessDenied;
import org.devicedesk.core.Audit;
import org.devicedesk.core.Database;
import org.devicedesk.core.Problems;
import org.devicedesk.core.Refused;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.core.Settings;
import org.jdbi.v3.core.Handle;

/** People and the annual declaration (SPEC section 1). */
public final class PeopleService {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy");
    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final Database db;
    private final Clock clock;
    private final PeopleRepository repo = new PeopleRepository();

    public PeopleService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** What the people list can be narrowed to; null means "any". */
    public record Query(String text, Category category, String team, DeclarationState.State declaration, boolean includeLeft) {
        public static Query all() { return new Query(null, null, null, null, false); }
    }

    public record Row(Person person, DeclarationState declaration) {}

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** HELPDESK, ADMIN, INFOSEC and DPO see everyone; STAFF only themselves. */
    public List<Row> list(Session s, Query q) {
        Settings.Values settings = db.read(Settings::load);
        LocalDate today = today();
        List<Person> people = db.read(h -> repo.search(h, q.text(), q.category(), q.team(), q.includeLeft()));
        return people.stream()
                .filter(p -> canSee(s, p.id()))
                .map(p -> new Row(p, state(p.lastDeclaredOn(), today, settings)))
                .filter(r -> q.declaration() == null || matches(r.declaration().state(), q.declaration()))
                .toList();
    }

    /** Filtering by "missing" also finds expired declarations: neither lets a person be issued a device. */
    private static boolean matches(DeclarationState.State actual, DeclarationState.State wanted) {
        if (wanted == DeclarationState.State.MISSING) return actual == DeclarationState.State.MISSING || actual == DeclarationState.State.EXPIRED;
        return actual == wanted;
    }

    private boolean canSee(Session s, long personId) {
        return s.hasAny(Role.HELPDESK, Role.ADMIN, Role.INFOSEC, Role.DPO) || s.isSelf(personId);
    }

    public Person get(Session s, long id) {
        if (!canSee(s, id)) throw new AccessDenied("Your account can only see your own record.");
        return db.read(h -> repo.byId(h, id)).orElseThrow(() -> Refused.because("That person is no longer in the register."));
    }

    public List<String> teams(Session s) {
        return db.read(repo::teams);
    }

    public long create(Session s, PersonDraft draft) {
        s.require(Role.HELPDESK, Role.ADMIN);
        return db.inTransaction(h -> createInTransaction(h, s, draft));
    }

    /** Creates a person inside a caller's transaction (first-run set-up, import, demo); audited as {@code actor}. */
    public long createInTransaction(Handle h, Session actor, PersonDraft draft) {
        actor.require(Role.HELPDESK, Role.ADMIN);
        PersonDraft d = normalise(draft);
        validate(h, d, null, null);
        long id = repo.insert(h, d, clock.instant());
        Audit.record(h, actor, clock.instant(), "PERSON_CREATED", "person", id, "Created " + d.fullName() + " (" + d.category().label() + ")");
        return id;
    }

    /** Saves without a version check: for imports and callers that hold no form. */
    public void update(Session s, long id, PersonDraft draft) {
        update(s, id, null, draft);
    }

    /**
     * Saves the person form loaded at {@code expectedVersion} ({@link Person#version()}); refused with a
     * {@link org.devicedesk.core.Conflict} when the record changed since, nothing stored.
     */
    public void update(Session s, long id, Long expectedVersion, PersonDraft draft) {
        s.require(Role.HELPDESK, Role.ADMIN);
        PersonDraft d = normalise(draft);
        db.useTransaction(h -> {
            Person found = repo.byId(h, id).orElseThrow(() -> Refused.because("That person is no longer in the register."));
            org.devicedesk.core.Versions.expect(h, "person", id, expectedVersion, "person", found.fullName() + "'s record");
            Person before = repo.byId(h, id).orElseThrow(() -> Refused.because("That person is no longer in the register."));
            validate(h, d, id, before.lineManagerId());
            repo.update(h, id, d);
            Audit.record(h, s, clock.instant(), "PERSON_UPDATED", "person", id, describeChange(before.draft(), d));
        });
    }

    /** Changes a person inside a caller's transaction (the directory sync); audited as {@code actor}. */
    public void updateInTransaction(Handle h, Session actor, long id, PersonDraft draft) {
        actor.require(Role.HELPDESK, Role.ADMIN);
        PersonDraft d = normalise(draft);
        Person before = repo.byId(h, id).orElseThrow(() -> Refused.because("That person is no longer in the register."));
        validate(h, d, id, before.lineManagerId());
        repo.update(h, id, d);
        Audit.record(h, actor, clock.instant(), "PERSON_UPDATED", "person", id, describeChange(before.draft(), d));
    }

    public void markLeft(Session s, long id, LocalDate leftOn) {
        s.require(Role.HELPDESK, Role.ADMIN);
        db.useTransaction(h -> markLeftInTransaction(h, s, id, leftOn));
    }

    /** Marks a person as having left, inside a caller's transaction (import, demo); HELPDESK or ADMIN only. */
    public void markLeftInTransaction(Handle h, Session s, long id, LocalDate leftOn) {
        s.require(Role.HELPDESK, Role.ADMIN);
        if (leftOn == null) throw Refused.because("left-on", "Enter the date the person left.");
        if (leftOn.isAfter(today())) {
            throw Refused.because("left-on", "The leaving date " + DAY.format(leftOn) + " is in the future. Mark the person as left on or after their last day.");
        }
        Person p = repo.byId(h, id).orElseThrow(() -> Refused.because("That person is no longer in the register."));
        if (!p.active()) {
            throw Refused.because("left-on", p.fullName() + " is already marked as having left"
                    + (p.leftOn() == null ? "" : " on " + DAY.format(p.leftOn())) + "; there is nothing more to do.");
        }
        repo.markLeft(h, id, leftOn);
        Audit.record(h, s, clock.instant(), "PERSON_LEFT", "person", id, p.fullName() + " left on " + leftOn);
    }

    private static PersonDraft normalise(PersonDraft d) {
        return new PersonDraft(trim(d.fullName()), trim(d.email()), trim(d.staffNumber()), d.category(), trim(d.team()), d.lineManagerId());
    }

    private static String trim(String s) {
        if (s == null) return null;
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    private void validate(Handle h, PersonDraft d, Long self, Long previousManager) {
        Problems p = new Problems();
        p.required(d.fullName(), "full-name", "The full name");
        p.required(d.category(), "category", "The category");
        if (d.email() != null) {
            if (!EMAIL.matcher(d.email()).matches()) p.add("email", "The email address " + d.email() + " does not look right.");
            else repo.idByEmail(h, d.email()).filter(other -> !other.equals(self)).ifPresent(other ->
                    p.add("email", "The email " + d.email() + " already belongs to " + name(h, other) + "."));
        }
        if (d.staffNumber() != null) {
            repo.idByStaffNumber(h, d.staffNumber()).filter(other -> !other.equals(self)).ifPresent(other ->
                    p.add("staff-number", "The staff number " + d.staffNumber() + " already belongs to " + name(h, other) + "."));
        }
        if (d.lineManagerId() != null) {
            var manager = repo.byId(h, d.lineManagerId());
            if (d.lineManagerId().equals(self)) p.add("line-manager", "A person cannot be their own line manager. Choose someone else, or leave it empty.");
            else if (manager.isEmpty()) p.add("line-manager", "The chosen line manager is not in the register.");
            else if (!manager.get().active() && !d.lineManagerId().equals(previousManager)) {
                p.add("line-manager", manager.get().fullName() + " has left" + (manager.get().leftOn() == null ? "" : " (on " + DAY.format(manager.get().leftOn()) + ")")
                        + " and cannot become a line manager. Choose someone who is still here.");
            } else if (self != null && managedBy(h, d.lineManagerId(), self)) {
                p.add("line-manager", manager.get().fullName() + " reports to " + (d.fullName() == null ? "this person" : d.fullName())
                        + " (directly or through others), so cannot also be their line manager.");
            }
        }
        p.throwIfAny();
    }

    /** True when {@code boss} appears in {@code personId}'s chain of line managers. */
    private boolean managedBy(Handle h, long personId, long boss) {
        Long next = personId;
        for (int depth = 0; next != null && depth < 100; depth++) {
            if (next == boss) return true;
            next = repo.byId(h, next).map(Person::lineManagerId).orElse(null);
        }
        return false;
    }

    private String name(Handle h, long id) {
        return repo.byId(h, id).map(Person::fullName).orElse("someone else");
    }

    private static String describeChange(PersonDraft a, PersonDraft b) {
        StringBuilder sb = new StringBuilder(b.fullName()).append(':');
        diff(sb, "name", a.fullName(), b.fullName());
        diff(sb, "email", a.email(), b.email());
        diff(sb, "staff number", a.staffNumber(), b.staffNumber());
        diff(sb, "category", a.category(), b.category());
        diff(sb, "team", a.team(), b.team());
        diff(sb, "line manager", a.lineManagerId(), b.lineManagerId());
        return sb.toString();
    }

    private static void diff(StringBuilder sb, String label, Object a, Object b) {
        if (!java.util.Objects.equals(a, b)) sb.append(' ').append(label).append(' ').append(a).append(" → ").append(b).append(';');
    }

    // ---- the annual declaration (policy 1, 50) ----

    public DeclarationState declaration(Session s, long personId) {
        if (!canSee(s, personId)) throw new AccessDenied("Your account can only see your own declaration.");
        return db.read(h -> declarationState(h, personId));
    }

    public List<Declaration> declarations(Session s, long personId) {
        if (!canSee(s, personId)) throw new AccessDenied("Your account can only see your own declarations.");
        return db.read(h -> repo.declarations(h, personId));
    }

    /** Inside another service's transaction. */
    public DeclarationState declarationState(Handle h, long personId) {
        return state(repo.lastDeclaredOn(h, personId).orElse(null), today(), Settings.load(h));
    }

    private static DeclarationState state(LocalDate signedOn, LocalDate today, Settings.Values settings) {
        return DeclarationState.of(signedOn, today, settings.declarationValidityMonths(), settings.declarationExpiringDays());
    }

    /** A staff member signs for themselves in the app, after ticking the confirmation. */
    public void signDeclaration(Session s, boolean confirmed) {
        if (s.personId() == null) throw Refused.because("Your account is not linked to a person, so there is no one to sign for. Ask an administrator to link it.");
        if (!confirmed) throw Refused.because("confirm", "Tick the box to confirm you have read and understood the policy and will comply with it.");
        Instant now = clock.instant();
        db.useTransaction(h -> {
            Person p = repo.byId(h, s.personId()).orElseThrow(() -> Refused.because("Your person record is missing."));
            if (!p.active()) throw Refused.because("You are recorded as having left on " + DAY.format(p.leftOn()) + ", so there is no declaration to sign. If that is wrong, call the help desk.");
            repo.insertDeclaration(h, p.id(), LocalDate.ofInstant(now, clock.getZone()), now, Declaration.Method.IN_APP, s.username());
            Audit.record(h, s, now, "DECLARATION_SIGNED", "person", p.id(), p.fullName() + " signed the annual declaration in the app");
        });
    }

    /** The helpdesk records a declaration signed on paper, with the date on the paper. */
    public void recordPaperDeclaration(Session s, long personId, LocalDate signedOn) {
        s.require(Role.HELPDESK, Role.ADMIN);
        Problems p = new Problems();
        p.required(signedOn, "signed-on", "The date on the paper declaration");
        p.addIf(signedOn != null && signedOn.isAfter(today()), "signed-on",
                signedOn == null ? "" : "The date signed, " + DAY.format(signedOn) + ", is in the future. Enter the date written on the paper form.");
        p.throwIfAny();
        Instant now = clock.instant();
        db.useTransaction(h -> recordDeclarationInTransaction(h, s, personId, signedOn, Declaration.Method.PAPER));
    }

    /**
     * Records a declaration signed on {@code signedOn} inside a caller's transaction (paper forms,
     * import, demo); HELPDESK or ADMIN only, audited as {@code actor}. The date may not be in the future.
     */
    public void recordDeclarationInTransaction(Handle h, Session actor, long personId, LocalDate signedOn, Declaration.Method method) {
        actor.require(Role.HELPDESK, Role.ADMIN);
        if (signedOn == null) throw Refused.because("signed-on", "The date on the paper declaration is required.");
        if (signedOn.isAfter(today())) {
            throw Refused.because("signed-on", "The date signed, " + DAY.format(signedOn) + ", is in the future. Enter the date written on the paper form.");
        }
        Instant now = clock.instant();
        Person person = repo.byId(h, personId).orElseThrow(() -> Refused.because("That person is no longer in the register."));
        // a declaration signed in the past is stamped at noon that day, so the stored time never runs ahead of the date
        Instant signedAt = signedOn.equals(today()) ? now : signedOn.atTime(12, 0).atZone(clock.getZone()).toInstant();
        repo.insertDeclaration(h, personId, signedOn, signedAt, method, actor.username());
        Audit.record(h, actor, now, method == Declaration.Method.PAPER ? "DECLARATION_RECORDED" : "DECLARATION_SIGNED", "person", personId,
                (method == Declaration.Method.PAPER ? "Paper declaration signed by " : "Declaration signed in the app by ") + person.fullName() + " on " + signedOn);
    }

    /**
     * For other services (devices, pools): refuses, saying why and what to do, unless the person is
     * active and has a current declaration. {@code field} is the form field to attach the message to.
     */
    public void requireCurrentDeclaration(Handle h, long personId, String field) {
        Person p = repo.byId(h, personId).orElseThrow(() -> Refused.because(field, "That person is no longer in the register."));
        if (!p.active()) {
            throw Refused.because(field, p.fullName() + " left on " + (p.leftOn() == null ? "an earlier date" : DAY.format(p.leftOn()))
                    + " and cannot be given a device.");
        }
        DeclarationState st = state(p.lastDeclaredOn(), today(), Settings.load(h));
        if (!st.isCurrent()) {
            String why = st.state() == DeclarationState.State.MISSING
                    ? p.fullName() + " has not signed the annual IT policy declaration"
                    : p.fullName() + "'s annual IT policy declaration expired on " + DAY.format(st.lastCurrentDay());
            throw Refused.because(field, why + ". They must sign it in Device Desk (My page) or on paper, recorded by the helpdesk, first.");
        }
    }

    /** For other services: the person's name, or throws if they are not in the register. */
    public Person byId(Handle h, long personId) {
        return repo.byId(h, personId).orElseThrow(() -> Refused.because("That person is no longer in the register."));
    }
}
