package org.devicedesk.incidents;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.devicedesk.accounts.Account;
import org.devicedesk.accounts.AccountService;
import org.devicedesk.core.AccessDenied;
import org.devicedesk.core.AppClock;
import org.devicedesk.core.Conflict;
import org.devicedesk.core.Versions;
import org.devicedesk.core.Audit;
import org.devicedesk.core.Database;
import org.devicedesk.core.Problems;
import org.devicedesk.core.Refused;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.core.Settings;
import org.devicedesk.incidents.Incident.ActionType;
import org.devicedesk.incidents.Incident.DeviceChoice;
import org.devicedesk.incidents.Incident.DeviceNeed;
import org.devicedesk.incidents.Incident.Draft;
import org.devicedesk.incidents.Incident.Guidance;
import org.devicedesk.incidents.Incident.Question;
import org.devicedesk.incidents.Incident.Reported;
import org.devicedesk.incidents.Incident.Status;
import org.devicedesk.incidents.Incident.Type;
import org.devicedesk.people.PeopleService;
import org.devicedesk.people.Person;
import org.jdbi.v3.core.Handle;

/**
 * Security incidents (SPEC section 3): reporting with the questions each type asks, the guidance the
 * reporter is shown, the device and breach-referral effects in the same transaction, the helpdesk's
 * lifecycle and timeline, and who may see and change what.
 */
public final class IncidentService {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm").withZone(AppClock.OFFICE_ZONE);
    private static final int LIST_LIMIT = 5000;

    /** The device register as incidents need it; wired to the devices feature in {@code Services}. */
    public interface DeviceRegister {
        /** Devices the person holds now (issued to them or checked out to them), for the report form. */
        List<DeviceChoice> heldBy(Session s, long personId);

        /** The device, read inside the caller's transaction. */
        Optional<RegisterDevice> find(Handle h, long deviceId);

        /** Sets the device's status inside the caller's transaction; {@code status} is a device status name (LOST, IN_SERVICE ...). */
        void setStatus(Handle h, Session s, long deviceId, String status, String reason);
    }

    /** A device as incidents see it: status is the register's status name; holder null when nobody holds it. */
    public record RegisterDevice(long id, String assetTag, String description, String status, Long holderId, String holderName) {}

    /** The DPO's breach review: a referral created in the caller's transaction (policy 56). */
    @FunctionalInterface
    public interface BreachReferral {
        /** {@code settings}: as the incident read them in the same transaction (the ICO window is one). */
        void refer(Handle h, Session s, long incidentId, String title, Instant awareAt, Settings.Values settings);
    }

    /** How far back the list looks. */
    public enum Age {
        ANY("Any time", null), DAY("Last 24 hours", Duration.ofDays(1)), WEEK("Last 7 days", Duration.ofDays(7)),
        MONTH("Last 30 days", Duration.ofDays(30)), YEAR("Last 12 months", Duration.ofDays(365));

        private final String label;
        private final Duration within;

        Age(String label, Duration within) {
            this.label = label;
            this.within = within;
        }

        public String label() { return label; }

        @Override public String toString() { return label; }
    }

    /**
     * What the list is narrowed to; null means "any". {@code statuses} empty or null: every status.
     * {@code assignee}: a username, {@link #UNASSIGNED} for nobody, null for anyone.
     */
    public record Query(String text, Type type, Set<Status> statuses, String assignee, Age age) {
        public static final String UNASSIGNED = "";

        public static Query all() { return new Query(null, null, null, null, Age.ANY); }

        public static Set<Status> open() { return EnumSet.of(Status.REPORTED, Status.ACKNOWLEDGED, Status.CONTAINED); }
    }

    /** Rows the list loads at a time; "Show more" loads the next this many. */
    public static final int PAGE = 200;

    /**
     * The list counts its matches up to this many and no further: "more than 10,000" is all a person needs to
     * know (issue 16, as the device list's {@code DeviceQuery.COUNT_CAP}).
     */
    public static final int COUNT_CAP = 10_000;

    /** The list's columns that sort in the database (issue 16); none: the queue's own order. */
    public enum Sort { REFERENCE, FLAGS, TYPE, STATUS, REPORTER, DEVICE, REPORTED, OPEN_FOR, ASSIGNEE }

    /**
     * A page of the list: {@code rows} from {@code offset}, asked for {@code limit}; how many match in all, and
     * {@code moreThanTotal} when the count stopped at {@link #COUNT_CAP}.
     */
    public record Page(List<Incident> rows, int total, boolean moreThanTotal, int offset, int limit) {
        /** "12 incidents", "more than 10,000 incidents" — the count as the list shows it. */
        public String countInWords() {
            String n = java.text.NumberFormat.getIntegerInstance(java.util.Locale.UK).format(total);
            return (moreThanTotal ? "more than " + n : n) + (total == 1 && !moreThanTotal ? " incident" : " incidents");
        }

        /** Whether more rows follow this page. */
        public boolean hasNext() {
            return moreThanTotal ? rows.size() == limit : offset + rows.size() < total;
        }
    }

    private final Database db;
    private final Clock clock;
    private final PeopleService people;
    private final AccountService accounts;
    private final DeviceRegister devices;
    private final BreachReferral referrals;
    private final IncidentRepository repo = new IncidentRepository();

    public IncidentService(Database db, Clock clock, PeopleService people, AccountService accounts, DeviceRegister devices, BreachReferral referrals) {
        this.db = db;
        this.clock = clock;
        this.people = people;
        this.accounts = accounts;
        this.devices = devices;
        this.referrals = referrals;
    }

    public Instant now() {
        return clock.instant();
    }

    // ---- out of hours (SPEC section 3: judged from reported at, office days and hours from settings) ----

    /** Out of hours: not an office day, or before opening, or at or after closing, in the office's time zone. */
    public static boolean isOutOfHours(Instant at, Settings.Values settings) {
        ZonedDateTime local = at.atZone(AppClock.OFFICE_ZONE);
        if (!settings.officeDays().contains(local.getDayOfWeek())) return true;
        LocalTime t = local.toLocalTime();
        return t.isBefore(settings.officeOpens()) || !t.isBefore(settings.officeCloses());
    }

    public boolean isOutOfHours(Instant at) {
        return isOutOfHours(at, db.read(Settings::load));
    }

    /** Who to call now, from the office hours and numbers in the settings and the clock (any signed-in user). */
    public Incident.CallNow callNow(Session s) {
        java.util.Objects.requireNonNull(s, "session");
        Settings.Values settings = db.read(Settings::load);
        return callNow(clock.instant(), settings);
    }

    static Incident.CallNow callNow(Instant at, Settings.Values settings) {
        if (isOutOfHours(at, settings)) {
            return new Incident.CallNow(true, settings.outOfHoursNumber(), "Lost or stolen? The help desk is closed now: phone "
                    + settings.outOfHoursNumber() + " straight away, then fill in this form. It opens " + opening(settings) + ".");
        }
        return new Incident.CallNow(false, settings.helpdeskInternal(), "Lost or stolen? Phone the help desk straight away on "
                + settings.helpdeskInternal() + " (" + settings.helpdeskExternal() + " from outside), then fill in this form.");
    }

    // ---- reporting ----

    /** The devices the reporter can pick: the ones they hold now. STAFF only their own; HELPDESK anyone's. */
    public List<DeviceChoice> devicesHeldBy(Session s, long personId) {
        s.requireSelfOr(personId, Role.HELPDESK);
        return devices.heldBy(s, personId);
    }

    /** Whether this session may report for someone else and change the reported-at time (the helpdesk taking a phone call). */
    public boolean canReportForOthers(Session s) {
        return s.has(Role.HELPDESK);
    }

    /**
     * Files a report: STAFF for themselves (reported at = now), HELPDESK for anyone (reported at as given,
     * not in the future). Sets the device status, refers the incident to the DPO, and returns the
     * reference and what to do now. All or nothing.
     */
    public Reported report(Session s, Draft draft) {
        return db.inTransaction(h -> create(h, s, draft, true));
    }

    /**
     * For the post-travel device check (SPEC section 4): opens a TAMPERING incident for the traveller's
     * device in the caller's transaction, quarantining it and referring it to the DPO. HELPDESK only.
     */
    public Reported openTamperingInTransaction(Handle h, Session s, long deviceId, long reporterPersonId, String whatHappened) {
        s.require(Role.HELPDESK);
        Instant now = clock.instant();
        Draft d = new Draft(Type.TAMPERING, reporterPersonId, deviceId, null, null, now, null, whatHappened,
                null, null, null, null, null, null);
        return create(h, s, d, false);
    }

    private Reported create(Handle h, Session s, Draft in, boolean deviceMustBeHeld) {
        Instant now = clock.instant();
        boolean helpdesk = s.has(Role.HELPDESK);
        Long reporterId = in.reporterId() == null ? s.personId() : in.reporterId();
        if (reporterId == null) {
            throw Refused.because("reporter", "Your account is not linked to a person, so the report has no one to report it. "
                    + "Choose who is reporting, or ask an administrator to link your account.");
        }
        if (!s.isSelf(reporterId) && !helpdesk) {
            throw new AccessDenied("Your account (" + s.username() + ") can only report a problem for yourself. "
                    + "To report for someone else, call the help desk.");
        }
        Instant reportedAt = helpdesk && in.reportedAt() != null ? in.reportedAt() : now;
        Draft d = normalise(in, reporterId, reportedAt);

        Problems p = new Problems();
        p.required(d.type(), "type", "The kind of problem");
        p.required(d.whatHappened(), "what-happened", "What happened");
        p.addIf(reportedAt.isAfter(now), "reported-at", "The time the report came in cannot be in the future (it is now "
                + WHEN.format(now) + ").");
        p.addIf(d.occurredAt() != null && d.occurredAt().isAfter(reportedAt), "occurred-at",
                "When it happened cannot be after it was reported. Give your best guess of when it happened, before "
                        + WHEN.format(reportedAt) + ".");
        Person reporter = people.byId(h, reporterId);
        RegisterDevice device = null;
        if (d.type() != null) {
            switch (d.type().device()) {
                case REGISTER -> p.addIf(d.deviceId() == null, "device", "Choose the device this is about, from the devices "
                        + (s.isSelf(reporterId) ? "you hold" : reporter.fullName() + " holds") + ".");
                case DESCRIPTION -> p.required(d.deviceDescription(), "device-description",
                        "A description of the personal phone (make, model, number)");
                case OPTIONAL_REGISTER -> { }
            }
            if (d.deviceId() != null) {
                device = devices.find(h, d.deviceId()).orElse(null);
                if (device == null) {
                    p.add("device", "That device is no longer in the register. Choose another, or call the help desk.");
                } else if (deviceMustBeHeld && !reporterId.equals(device.holderId())) {
                    p.add("device", device.assetTag() + " is not held by " + reporter.fullName()
                            + (device.holderName() == null ? " (nobody holds it)" : " (it is held by " + device.holderName() + ")")
                            + ". Choose one of the devices " + reporter.fullName() + " holds.");
                }
            }
            for (Question q : d.type().questions()) {
                boolean missing = q == Question.CRIME_REFERENCE ? d.crimeReference() == null : answer(d, q) == null;
                if (missing) p.add(q.field(), requiredMessage(q));
            }
        }
        p.throwIfAny();

        Type type = d.type();
        // the settings table is read once for the whole report: the hours, the ICO window and the mail settings
        java.util.Map<String, String> storedSettings = Settings.stored(h);
        Settings.Values settings = Settings.of(storedSettings);
        boolean outOfHours = isOutOfHours(reportedAt, settings);
        // policy 56: a password compromise where the user has not always had the device is urgent
        boolean urgent = type == Type.PASSWORD_COMPROMISED && Boolean.FALSE.equals(d.alwaysInPossession());
        // policy 58: a password written down and carried with the device is a breach of policy
        boolean policyBreach = type == Type.PASSWORD_COMPROMISED && Boolean.TRUE.equals(d.passwordWrittenDown());
        int year = reportedAt.atZone(AppClock.OFFICE_ZONE).getYear();
        String reference = org.devicedesk.core.References.next(h, org.devicedesk.core.References.Kind.INCIDENT, year);
        long id = repo.insert(h, reference, d, reporterId, urgent, outOfHours, policyBreach, s.username(), now);
        Audit.record(h, s, now, "INCIDENT_REPORTED", "incident", id, reference + " " + type.label() + " reported by " + reporter.fullName()
                + (device == null ? "" : ", device " + device.assetTag()) + (urgent ? ", URGENT" : "") + (policyBreach ? ", policy breach flagged" : ""));

        if (device != null) {
            String effect = switch (type) {
                case LOST -> "LOST";
                case STOLEN -> "STOLEN";
                case TAMPERING -> "QUARANTINED";
                default -> null;
            };
            if (effect != null && !effect.equals(device.status())) {
                devices.setStatus(h, s, device.id(), effect, reference + ": " + type.label().toLowerCase());
            }
            if (type == Type.TAMPERING) {
                repo.insertAction(h, id, ActionType.DEVICE_QUARANTINED, now, s.username(), device.assetTag() + " quarantined when the tampering was reported.");
            } else if (effect != null) {
                repo.insertAction(h, id, ActionType.NOTE, now, s.username(), device.assetTag() + " marked " + effect.toLowerCase() + " in the register.");
            }
        }
        // policy 56: every incident may be a data breach, so the DPO always gets a referral
        String title = reference + " " + type.label() + " – " + (device != null ? device.assetTag() + ", " : d.deviceDescription() != null ? d.deviceDescription() + ", " : "")
                + reporter.fullName();
        referrals.refer(h, s, id, title, now, settings);
        org.devicedesk.mail.MailEvents.incidentReported(h, now, id, type.label(), settings,
                org.devicedesk.mail.MailSettings.of(storedSettings)); // SPEC 10: the DPO, the help desk, a receipt
        ReportWording.Reporting who = new ReportWording.Reporting(reporter.fullName(), !s.isSelf(reporterId), s.has(Role.DPO));
        return new Reported(id, reference, guidance(reference, d, outOfHours, urgent, policyBreach, device, settings, who));
    }

    private static Boolean answer(Draft d, Question q) {
        return switch (q) {
            case DEVICE_LOCKED -> d.deviceLocked();
            case CRIME_REFERENCE -> d.crimeReference() == null ? null : Boolean.TRUE;
            case ALWAYS_IN_POSSESSION -> d.alwaysInPossession();
            case PASSWORD_WRITTEN_DOWN -> d.passwordWrittenDown();
            case PASSWORD_REUSED -> d.passwordReused();
            case PASSWORD_CHANGED -> d.passwordChanged();
        };
    }

    private static String requiredMessage(Question q) {
        return switch (q) {
            case DEVICE_LOCKED -> "Say whether the device was locked (policy 57); if you are not sure, say No.";
            case CRIME_REFERENCE -> "Enter the police crime reference for the theft. If you have not reported it yet, call 101 first "
                    + "(999 if anyone is in danger); if you cannot get one now, write \"not yet\" and the help desk will follow it up.";
            case ALWAYS_IN_POSSESSION -> "Say whether you have always been in possession of the device (policy 56).";
            case PASSWORD_WRITTEN_DOWN -> "Say whether the password was written down and carried with the device (policy 58).";
            case PASSWORD_REUSED -> "Say whether you have used the same password for any other system (policy 58).";
            case PASSWORD_CHANGED -> "Say whether you have already changed the password (policy 58).";
        };
    }

    /** Trims text, keeps only the answers this type asks for, and fixes the reporter and the time reported. */
    private static Draft normalise(Draft d, long reporterId, Instant reportedAt) {
        Type t = d.type();
        boolean description = t != null && t.device() == DeviceNeed.DESCRIPTION;
        return new Draft(t, reporterId, description ? null : d.deviceId(), description ? trim(d.deviceDescription()) : null,
                d.occurredAt(), reportedAt, trim(d.location()), trim(d.whatHappened()),
                t != null && t.asks(Question.DEVICE_LOCKED) ? d.deviceLocked() : null,
                t != null && t.asks(Question.CRIME_REFERENCE) ? trim(d.crimeReference()) : null,
                t != null && t.asks(Question.ALWAYS_IN_POSSESSION) ? d.alwaysInPossession() : null,
                t != null && t.asks(Question.PASSWORD_WRITTEN_DOWN) ? d.passwordWrittenDown() : null,
                t != null && t.asks(Question.PASSWORD_REUSED) ? d.passwordReused() : null,
                t != null && t.asks(Question.PASSWORD_CHANGED) ? d.passwordChanged() : null);
    }

    private static String trim(String s) {
        if (s == null) return null;
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    /** What the reporter must do now: who to call (in hours or out of hours), and what the type needs, worded for {@code who} ({@link ReportWording}). */
    static Guidance guidance(String reference, Draft d, boolean outOfHours, boolean urgent, boolean policyBreach,
                             RegisterDevice device, Settings.Values settings, ReportWording.Reporting who) {
        String headline = ReportWording.headline(reference, outOfHours, settings.outOfHoursNumber(), settings.helpdeskInternal(),
                settings.helpdeskExternal(), who);
        List<String> steps = new ArrayList<>();
        java.util.function.Consumer<String> tell = step -> steps.add(ReportWording.toReporter(step, who));
        if (outOfHours) {
            tell.accept("The help desk is closed now. It opens " + opening(settings) + " and will see this report then; call "
                    + settings.helpdeskInternal() + " or " + settings.helpdeskExternal() + " when it opens.");
        }
        switch (d.type()) {
            case LOST -> {
                if (Boolean.FALSE.equals(d.deviceLocked())) steps.add(ReportWording.notLocked(who));
                tell.accept("If you find the device, do not use it: tell the help desk, who will check it before it goes back into service.");
            }
            case STOLEN -> {
                if (Boolean.FALSE.equals(d.deviceLocked())) steps.add(ReportWording.notLocked(who));
                if ("not yet".equalsIgnoreCase(d.crimeReference())) tell.accept("Report the theft to the police on 101 (999 if anyone is in danger) and pass the crime reference to the help desk.");
            }
            case PASSWORD_COMPROMISED -> {
                if (urgent) steps.add(who != null && who.forSomeoneElse()
                        ? "URGENT: " + who.personName() + " has not always had the device, so someone else may have used the password."
                        : "URGENT: you have not always had the device, so someone else may have used the password. Say so on the call.");
                if (!Boolean.TRUE.equals(d.passwordChanged())) tell.accept("Change the password now; it must be changed immediately (policy 58).");
                if (Boolean.TRUE.equals(d.passwordReused())) tell.accept("Change it on every other system where you used the same password, now.");
                if (policyBreach) tell.accept("Breach of policy: the password was written down and carried with the device (policy 58). "
                        + "Destroy the written note and do not write the new password down.");
            }
            case TAMPERING -> tell.accept("Stop using " + (device == null ? "the device" : device.assetTag())
                    + " and keep it switched off. It has been quarantined; the help desk will collect and check it.");
            case MALFUNCTION -> tell.accept("Do not try to repair it yourself; the help desk will arrange a check or a replacement.");
            case SUSPECTED_VIRUS -> tell.accept("Disconnect the device from the network (turn off Wi-Fi, unplug any cable) but leave it switched on, "
                    + "and do not open any more files or links.");
            case PERSONAL_DEVICE_LOST -> tell.accept("If you can, sign out of the police social-media account from another device and change its password now (policy 28).");
        }
        steps.add(ReportWording.toTheDpo(who));
        return new Guidance(reference, d.type(), outOfHours, urgent, policyBreach, headline, List.copyOf(steps),
                ReportWording.sent(who), ReportWording.referenceCaption(who));
    }

    private static String opening(Settings.Values settings) {
        var days = settings.officeDays();
        String dayText = days.size() == 5 && days.containsAll(EnumSet.range(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.FRIDAY))
                ? "Monday to Friday" : days.stream().map(x -> x.getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.UK))
                        .reduce((a, b) -> a + ", " + b).orElse("on office days");
        return dayText + " from " + settings.officeOpens() + " to " + settings.officeCloses();
    }

    // ---- reading ----

    /** HELPDESK, INFOSEC and DPO see every incident; anyone else only the incidents they reported. */
    public List<Incident> list(Session s, Query q) {
        return db.read(h -> repo.search(h, filter(s, q, null, false, 0, LIST_LIMIT)));
    }

    /**
     * One page of the list as {@link #list} narrows it, searched, sorted and paged in the database (issue 16):
     * {@code sort} null is the queue's order, for the helpdesk open first, urgent on top, then the newest; for
     * someone who sees only their own reports open first, then the newest. The count stops at {@link #COUNT_CAP}.
     */
    public Page page(Session s, Query q, Sort sort, boolean descending, int offset, int limit) {
        var f = filter(s, q, sort, descending, Math.max(0, offset), Math.max(1, limit));
        return db.read(h -> {
            List<Incident> rows = repo.search(h, f);
            int n = f.offset() == 0 && rows.size() < f.limit() ? rows.size() : repo.count(h, f, COUNT_CAP);
            boolean more = n > COUNT_CAP;
            return new Page(rows, more ? COUNT_CAP : n, more, f.offset(), f.limit());
        });
    }

    private IncidentRepository.Filter filter(Session s, Query q, Sort sort, boolean descending, int offset, int limit) {
        boolean all = canSeeAll(s);
        Long onlyReporter = all ? null : s.personId() == null ? -1L : s.personId();
        Instant since = q.age() == null || q.age().within == null ? null : clock.instant().minus(q.age().within);
        // the helpdesk's queue puts urgent ones on top; a person's own reports read open first, then newest (issue 17)
        return new IncidentRepository.Filter(q.text(), q.type(), q.statuses(), q.assignee(), since, onlyReporter, all, sort, descending,
                offset, limit);
    }

    public static final List<String> CSV_COLUMNS = List.of("reference", "type", "status", "urgent", "policy_breach", "out_of_hours",
            "reported_by", "device", "reported_at", "occurred_at", "location", "what_happened", "assignee", "closing_summary");

    /** Rows a PostgreSQL cursor fetches at a time while exporting: all the export holds of the list at once. */
    static final int EXPORT_FETCH = 500;

    /**
     * Every incident of the list as it is filtered, in the list's order, as CSV (cells a spreadsheet would run as
     * formulas are neutralised); returns the rows written. Streamed: each row is written as the database hands it
     * over (a cursor on PostgreSQL, in one read-only transaction, so the file is one moment's list), never the
     * whole list in memory, and with no cap (the list itself shows 200 at a time).
     */
    public int exportCsv(Session s, Query q, java.io.Writer out) {
        var f = filter(s, q, null, false, 0, Integer.MAX_VALUE);
        return db.read(h -> db.dialect() == Database.Dialect.POSTGRESQL
                ? h.inTransaction(t -> {
                    t.execute("SET TRANSACTION READ ONLY");
                    return writeCsv(t, f, out);
                })
                : writeCsv(h, f, out));
    }

    private int writeCsv(Handle h, IncidentRepository.Filter f, java.io.Writer out) {
        int[] written = {0};
        try (var rows = repo.every(h, f, EXPORT_FETCH)) {
            java.util.Iterator<List<String>> cells = rows.map(i -> {
                written[0]++;
                return List.of(i.reference(), i.type().label(), i.status().label(),
                        i.urgent() ? "yes" : "no", i.policyBreach() ? "yes" : "no", i.outOfHours() ? "yes" : "no", i.reporterName(), i.deviceText(),
                        org.devicedesk.core.Times.store(i.reportedAt()), nz(org.devicedesk.core.Times.store(i.occurredAt())), nz(i.location()),
                        i.whatHappened(), nz(i.assignee()), nz(i.closingSummary()));
            }).iterator();
            org.devicedesk.core.Csv.write(out, CSV_COLUMNS, () -> cells);
        }
        return written[0];
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** The incident and its timeline; readable by HELPDESK, INFOSEC, DPO (for the breach case page) and the reporter. */
    public Incident.Detail get(Session s, long id) {
        return db.read(h -> {
            Incident i = repo.byId(h, id).orElseThrow(() -> Refused.because("That incident is no longer in Device Desk."));
            requireCanSee(s, i);
            return new Incident.Detail(i, repo.timeline(h, id));
        });
    }

    /** For another feature inside its transaction (the DPO's case page, the dashboard): no access check beyond the caller's. */
    public Optional<Incident> byIdInTransaction(Handle h, long id) {
        return repo.byId(h, id);
    }

    public boolean canSeeAll(Session s) {
        return s.hasAny(Role.HELPDESK, Role.INFOSEC, Role.DPO);
    }

    /** Only the helpdesk changes incidents. */
    public boolean canChange(Session s) {
        return s.has(Role.HELPDESK);
    }

    private void requireCanSee(Session s, Incident i) {
        if (!canSeeAll(s) && !s.isSelf(i.reporterId())) {
            throw new AccessDenied("Your account (" + s.username() + ") can only see incidents you reported.");
        }
    }

    /** The names people know these users by, for screens ({@link org.devicedesk.core.Actors}; issue 17). */
    public java.util.Map<String, String> actorNames(java.util.Collection<String> usernames) {
        return db.read(h -> org.devicedesk.core.Actors.names(h, usernames));
    }

    /** Active helpdesk accounts, for assigning and filtering. */
    public List<String> assignees(Session s) {
        if (!canSeeAll(s)) throw new AccessDenied("Your account (" + s.username() + ") cannot see who incidents are assigned to.");
        return helpdeskUsernames();
    }

    private List<String> helpdeskUsernames() {
        // read through the accounts service as the application; the caller's access was checked above
        return accounts.list(Session.system()).stream().filter(a -> a.active() && a.roles().contains(Role.HELPDESK))
                .map(Account::username).sorted().toList();
    }

    // ---- the helpdesk's work: acknowledge, assign, record actions, move on, close ----

    /** REPORTED to ACKNOWLEDGED; an unassigned incident is assigned to whoever acknowledges it. */
    public void acknowledge(Session s, long id) {
        acknowledge(s, id, null);
    }

    /**
     * The same from a page loaded at {@code expectedVersion} ({@link Incident#version()}; null checks
     * nothing). The move is conditional ({@code WHERE status = 'REPORTED'}): of two acknowledges at the
     * same moment one wins and the other is told who acknowledged it and when.
     */
    public void acknowledge(Session s, long id, Long expectedVersion) {
        s.require(Role.HELPDESK);
        db.useTransaction(h -> {
            Incident i = load(h, id);
            if (i.status() != Status.REPORTED) throw alreadyMoved(h, i, "INCIDENT_ACKNOWLEDGED", "acknowledged");
            expect(h, i, expectedVersion);
            Instant now = clock.instant();
            if (!repo.setStatus(h, id, Status.REPORTED, Status.ACKNOWLEDGED, now)) throw alreadyMoved(h, load(h, id), "INCIDENT_ACKNOWLEDGED", "acknowledged");
            String detail = "";
            if (i.assignee() == null) {
                if (!repo.setAssignee(h, id, null, s.username(), now)) throw changedMeanwhile(h, i);
                detail = ", assigned to " + s.username();
            }
            Audit.record(h, s, now, "INCIDENT_ACKNOWLEDGED", "incident", id, i.reference() + " acknowledged" + detail);
        });
    }

    /** Assigns to an active helpdesk account, or to nobody (null). */
    public void assign(Session s, long id, String username) {
        assign(s, id, username, null);
    }

    /** The same from a page loaded at {@code expectedVersion}; refused with a {@link Conflict} when the incident changed since. */
    public void assign(Session s, long id, String username, Long expectedVersion) {
        s.require(Role.HELPDESK);
        String who = trim(username);
        if (who != null && !helpdeskUsernames().contains(who)) {
            throw Refused.because("assignee", who + " is not an active helpdesk account, so cannot be given an incident. Choose someone from the list.");
        }
        db.useTransaction(h -> {
            Incident i = load(h, id);
            requireNotClosed(i);
            expect(h, i, expectedVersion);
            if (java.util.Objects.equals(i.assignee(), who)) return;
            Instant now = clock.instant();
            if (!repo.setAssignee(h, id, i.assignee(), who, now)) throw changedMeanwhile(h, i);
            Audit.record(h, s, now, "INCIDENT_ASSIGNED", "incident", id, i.reference() + " assigned to " + (who == null ? "nobody" : who)
                    + (i.assignee() == null ? "" : " (was " + i.assignee() + ")"));
        });
    }

    /**
     * Moves one step on: REPORTED → ACKNOWLEDGED → CONTAINED → RESOLVED. Closing is {@link #close}, which
     * needs a summary. Any other move is refused.
     */
    public void move(Session s, long id, Status to) {
        move(s, id, to, null);
    }

    /** The same from a page loaded at {@code expectedVersion}; the move itself is conditional on the status it starts from. */
    public void move(Session s, long id, Status to, Long expectedVersion) {
        s.require(Role.HELPDESK);
        if (to == null) throw Refused.because("status", "Choose the status to move the incident to.");
        if (to == Status.ACKNOWLEDGED) {
            acknowledge(s, id, expectedVersion);
            return;
        }
        if (to == Status.CLOSED) throw Refused.because("closing-summary", "Closing an incident needs a closing summary; use Close.");
        db.useTransaction(h -> {
            Incident i = load(h, id);
            requireNotClosed(i);
            if (i.status() == to) throw alreadyMoved(h, i, "INCIDENT_" + to.name(), to.label().toLowerCase());
            expect(h, i, expectedVersion);
            if (i.status().next() != to) throw Refused.because("status", refusedMove(i, to));
            Instant now = clock.instant();
            if (!repo.setStatus(h, id, i.status(), to, now)) throw changedMeanwhile(h, i);
            Audit.record(h, s, now, "INCIDENT_" + to.name(), "incident", id, i.reference() + " " + i.status().label().toLowerCase()
                    + " → " + to.label().toLowerCase());
        });
    }

    private static String refusedMove(Incident i, Status to) {
        if (to == i.status()) return i.reference() + " is already " + to.label().toLowerCase() + ".";
        if (to.ordinal() < i.status().ordinal()) {
            return i.reference() + " is " + i.status().label().toLowerCase() + " and cannot go back to " + to.label().toLowerCase()
                    + ". Record a note on the timeline to explain what changed.";
        }
        return i.reference() + " is " + i.status().label().toLowerCase() + "; it must be " + i.status().next().label().toLowerCase()
                + " before it can be " + to.label().toLowerCase() + ".";
    }

    /** RESOLVED to CLOSED, with the closing summary the DPO and the register will read. */
    public void close(Session s, long id, String summary) {
        close(s, id, summary, null);
    }

    /** The same from a page loaded at {@code expectedVersion}. */
    public void close(Session s, long id, String summary, Long expectedVersion) {
        s.require(Role.HELPDESK);
        String text = trim(summary);
        if (text == null) throw Refused.because("closing-summary", "Write a closing summary: what happened, what was done, and the outcome.");
        db.useTransaction(h -> {
            Incident i = load(h, id);
            if (i.status() == Status.CLOSED) throw alreadyMoved(h, i, "INCIDENT_CLOSED", "closed");
            expect(h, i, expectedVersion);
            if (i.status() != Status.RESOLVED) throw Refused.because("status", refusedMove(i, Status.CLOSED));
            Instant now = clock.instant();
            if (!repo.close(h, id, text, now)) throw changedMeanwhile(h, i);
            Audit.record(h, s, now, "INCIDENT_CLOSED", "incident", id, i.reference() + " closed: " + text);
        });
    }

    private static void expect(Handle h, Incident i, Long expectedVersion) {
        Versions.check(h, "incident", i.id(), expectedVersion, i.version(), i.reference());
    }

    /** Refusal for a move someone else already made: who made it and when, from the audit trail. */
    private static Conflict alreadyMoved(Handle h, Incident i, String action, String done) {
        Conflict.Change c = h.createQuery("SELECT actor, at, summary FROM audit_event WHERE record_type = 'incident' AND record_id = :id"
                        + " AND action = :a ORDER BY seq DESC LIMIT 1")
                .bind("id", String.valueOf(i.id())).bind("a", action)
                .map((rs, ctx) -> new Conflict.Change(rs.getString(1), org.devicedesk.core.Times.instant(rs.getString(2)), rs.getString(3)))
                .findOne().orElse(Versions.lastChange(h, "incident", i.id()));
        String who = c == null ? "" : " by " + c.actor() + " at " + WHEN.format(c.at());
        return new Conflict("incident", i.id(), i.reference(), c, i.reference() + " was already " + done + who
                + "; it is " + i.status().label().toLowerCase() + ". Nothing was saved.");
    }

    private static Conflict changedMeanwhile(Handle h, Incident i) {
        return Versions.conflict(h, "incident", i.id(), i.reference());
    }

    /**
     * Adds an action to the timeline at the current time. Device actions change the register:
     * recovered → quarantined (checked before use), quarantined, cleared → back in service.
     * A lost or stolen device returns to service only through "recovered" and then "cleared".
     */
    public long recordAction(Session s, long id, ActionType type, String note) {
        s.require(Role.HELPDESK);
        if (type == null) throw Refused.because("action-type", "Choose what was done.");
        String text = trim(note);
        if (type == ActionType.NOTE && text == null) throw Refused.because("action-note", "Write the note.");
        return db.inTransaction(h -> {
            Incident i = load(h, id);
            if (i.status() == Status.CLOSED) {
                throw Refused.because("action-type", i.reference() + " is closed, so nothing more can be recorded on it.");
            }
            Instant now = clock.instant();
            String summary = type.label();
            if (type.needsDevice()) summary = deviceAction(h, s, i, type);
            long actionId = repo.insertAction(h, id, type, now, s.username(), text == null && type.needsDevice() ? summary : text);
            repo.touch(h, id, now);
            Audit.record(h, s, now, "INCIDENT_ACTION", "incident", id, i.reference() + ": " + summary + (text == null ? "" : " – " + text));
            return actionId;
        });
    }

    private String deviceAction(Handle h, Session s, Incident i, ActionType type) {
        if (i.deviceId() == null) {
            throw Refused.because("action-type", i.reference() + " is not about a device in the register, so "
                    + type.label().toLowerCase() + " cannot be recorded. Record a note instead.");
        }
        RegisterDevice d = devices.find(h, i.deviceId())
                .orElseThrow(() -> Refused.because("action-type", "The device of " + i.reference() + " is no longer in the register."));
        String status = d.status();
        boolean missing = "LOST".equals(status) || "STOLEN".equals(status);
        String reason = i.reference() + ": " + type.label().toLowerCase();
        return switch (type) {
            case DEVICE_RECOVERED -> {
                if (!missing) throw Refused.because("action-type", d.assetTag() + " is not recorded as lost or stolen (it is "
                        + label(status) + "), so it cannot be recovered.");
                // a device that was out of our hands is checked before anyone uses it again
                devices.setStatus(h, s, d.id(), "QUARANTINED", reason);
                yield d.assetTag() + " recovered; quarantined until it has been checked and cleared.";
            }
            case DEVICE_QUARANTINED -> {
                if (missing) throw Refused.because("action-type", d.assetTag() + " is recorded as " + label(status)
                        + ". Record that it was recovered first; that quarantines it.");
                if ("QUARANTINED".equals(status)) throw Refused.because("action-type", d.assetTag() + " is already quarantined.");
                devices.setStatus(h, s, d.id(), "QUARANTINED", reason);
                yield d.assetTag() + " quarantined.";
            }
            case DEVICE_CLEARED -> {
                if (missing) throw Refused.because("action-type", d.assetTag() + " is recorded as " + label(status)
                        + ". Record that it was recovered before clearing it.");
                if (!"QUARANTINED".equals(status)) throw Refused.because("action-type", d.assetTag() + " is not quarantined (it is "
                        + label(status) + "), so there is nothing to clear.");
                String back = d.holderId() != null ? "IN_SERVICE" : "IN_STOCK";
                devices.setStatus(h, s, d.id(), back, reason);
                yield d.assetTag() + " checked and cleared; back " + (d.holderId() != null ? "in service with " + d.holderName() : "in stock") + ".";
            }
            default -> throw new IllegalStateException(type.name());
        };
    }

    private static String label(String status) {
        return status == null ? "unknown" : status.toLowerCase().replace('_', ' ');
    }

    private Incident load(Handle h, long id) {
        return repo.byId(h, id).orElseThrow(() -> Refused.because("That incident is no longer in Device Desk."));
    }

    private static void requireNotClosed(Incident i) {
        if (i.status() == Status.CLOSED) throw Refused.because(i.reference() + " is closed, so it cannot be changed.");
    }
}
