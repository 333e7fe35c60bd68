package org.devicedesk.breaches;

import java.io.Writer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.devicedesk.breaches.BreachCase.Risk;
import org.devicedesk.breaches.BreachCase.Status;
import org.devicedesk.breaches.BreachCase.SubjectsTold;
import org.devicedesk.core.AppClock;
import org.devicedesk.core.Audit;
import org.devicedesk.core.Csv;
import org.devicedesk.core.Database;
import org.devicedesk.core.Problems;
import org.devicedesk.core.Refused;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.core.Settings;
import org.jdbi.v3.core.Handle;

/**
 * The DPO's breach review (SPEC section 5; policy 56; UK GDPR Articles 33 and 34): referrals from
 * incidents, cases the DPO opens directly, the 72-hour ICO deadline, the decision and its required
 * fields, and the Article 33(5) register. Only the DPO changes cases; an administrator may read them.
 */
public final class BreachService {
    /** How times are written in messages and the register: "Tue 3 Mar 2026, 14:05" in office time. */
    public static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm");

    private final Database db;
    private final Clock clock;
    private final BreachRepository repo = new BreachRepository();

    private final org.devicedesk.core.AuditAnchors anchors;

    public BreachService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.anchors = org.devicedesk.core.AuditAnchors.forDatabase(db, clock);
    }

    public Instant now() {
        return clock.instant();
    }

    public ZoneId zone() {
        return AppClock.OFFICE_ZONE;
    }

    /** The ICO deadline window (setting ico.deadlineHours, 72 by default; Article 33(1)). */
    public Duration deadlineWindow() {
        return db.read(BreachService::window);
    }

    private static Duration window(Handle h) {
        return Duration.ofHours(Settings.load(h).icoDeadlineHours());
    }

    /** The ICO deadline for a given moment of awareness: on instants, so a clock change does not move it. */
    public static Instant icoDeadline(Instant awareAt, Duration window) {
        return awareAt.plus(window);
    }

    public static String when(Instant at) {
        return at == null ? "" : WHEN.format(ZonedDateTime.ofInstant(at, AppClock.OFFICE_ZONE));
    }

    // ---- creating cases ----

    /**
     * Policy 56: every incident "may be a data breach", so the incidents service refers it here in its
     * own transaction. The caller has already checked that {@code s} may file the incident. Returns the case id.
     */
    public long referInTransaction(Handle h, Session s, long incidentId, String title, Instant awareAt) {
        return referInTransaction(h, s, incidentId, title, awareAt, Settings.load(h));
    }

    /** The same, with the settings the caller has already read in this transaction (the ICO window is one of them). */
    public long referInTransaction(Handle h, Session s, long incidentId, String title, Instant awareAt, Settings.Values settings) {
        Problems p = new Problems();
        p.required(title, "title", "A title for the breach referral");
        p.required(awareAt, "aware-at", "The time the office became aware");
        p.addIf(awareAt != null && awareAt.isAfter(clock.instant()), "aware-at",
                "The time the office became aware cannot be in the future.");
        p.throwIfAny();
        Duration window = Duration.ofHours(settings.icoDeadlineHours());
        repo.byIncident(h, incidentId, window).ifPresent(existing -> {
            throw Refused.because("This incident was already referred to the DPO as " + existing.reference() + ".");
        });
        Instant now = clock.instant();
        String reference = nextReference(h, now);
        long id = repo.insert(h, reference, incidentId, title.strip(), null, awareAt, s.username(), now);
        Audit.record(h, s, now, "BREACH_REFERRED", "breach_case", id, reference + " referred to the DPO from incident " + incidentId
                + ": " + title.strip() + "; aware at " + when(awareAt) + ", ICO deadline " + when(icoDeadline(awareAt, window)));
        return id;
    }

    /**
     * The DPO opens a case that did not come from a device incident (e.g. a misdirected email,
     * policy 46). {@code awareAt} is when the DPO says the office became aware; not in the future.
     */
    public long openDirect(Session s, String title, String description, Instant awareAt) {
        s.require(Role.DPO);
        Problems p = new Problems();
        p.required(title, "title", "A short title (what happened)");
        p.required(awareAt, "aware-at", "The time you became aware of it");
        p.addIf(awareAt != null && awareAt.isAfter(clock.instant()), "aware-at",
                "The time you became aware cannot be in the future; the 72 hours run from when the office actually knew.");
        p.throwIfAny();
        return db.inTransaction(h -> {
            Instant now = clock.instant();
            String reference = nextReference(h, now);
            long id = repo.insert(h, reference, null, title.strip(), trim(description), awareAt, s.username(), now);
            Audit.record(h, s, now, "BREACH_OPENED", "breach_case", id, reference + " opened by the DPO: " + title.strip()
                    + "; aware at " + when(awareAt) + ", ICO deadline " + when(icoDeadline(awareAt, window(h))));
            return id;
        });
    }

    private String nextReference(Handle h, Instant now) {
        int year = now.atZone(AppClock.OFFICE_ZONE).getYear();
        return org.devicedesk.core.References.next(h, org.devicedesk.core.References.Kind.BREACH, year);
    }

    // ---- reading ----

    /**
     * The DPO's queue: open cases first, the least time left at the top; then decided and closed
     * cases, the most recently decided first. Text matches reference, title, incident or ICO reference.
     */
    public List<BreachCase> queue(Session s, String text) {
        s.require(Role.DPO, Role.ADMIN);
        return db.read(h -> repo.queue(h, text, window(h), 0)); // in QUEUE_ORDER, sorted by the database
    }

    /** The first {@code limit} cases of the queue, and the counts over all of it (the screen shows a page of a large queue). */
    public record QueuePage(List<BreachCase> cases, int total, int open, int overdue, int dueSoon) {
        public boolean truncated() { return cases.size() < total; }
    }

    public QueuePage queuePage(Session s, String text, int limit) {
        s.require(Role.DPO, Role.ADMIN);
        Instant now = clock.instant();
        return db.read(h -> {
            Duration window = window(h);
            int[] counts = repo.queueCounts(h, text, now, window);
            return new QueuePage(repo.queue(h, text, window, limit), counts[0], counts[1], counts[2], counts[3]);
        });
    }

    /** Open first by deadline; then the rest by when they were decided (or updated), newest first. */
    public static final Comparator<BreachCase> QUEUE_ORDER = Comparator
            .comparing((BreachCase c) -> c.status().isOpen() ? 0 : 1)
            .thenComparing(c -> c.status().isOpen() ? c.icoDeadline() : Instant.MAX)
            .thenComparing(c -> c.decidedAt() != null ? c.decidedAt() : c.updatedAt(), Comparator.reverseOrder())
            .thenComparing(BreachCase::id);

    public BreachCase get(Session s, long id) {
        s.require(Role.DPO, Role.ADMIN);
        return db.read(h -> find(h, id));
    }

    /** The case an incident was referred as, if any (for the incident page and the dashboard). */
    /** The names people know these users by, for screens ({@link org.devicedesk.core.Actors}; issue 17). */
    public java.util.Map<String, String> actorNames(java.util.Collection<String> usernames) {
        return db.read(h -> org.devicedesk.core.Actors.names(h, usernames));
    }

    public Optional<BreachCase> forIncident(Session s, long incidentId) {
        s.require(Role.DPO, Role.ADMIN);
        return db.read(h -> repo.byIncident(h, incidentId, window(h)));
    }

    private BreachCase find(Handle h, long id) {
        return repo.byId(h, id, window(h)).orElseThrow(() -> Refused.because("That breach case is no longer in Device Desk."));
    }

    // ---- the review and the decision ----

    /**
     * Saves the assessment and moves the case to {@code draft.status()}, refusing a move the review
     * does not allow and a decision without its required fields. Recording a decision on a case still
     * awaiting review starts the review first (both moves are audited). Returns the saved case.
     */
    public BreachCase save(Session s, long id, BreachDraft draft) {
        return save(s, id, null, draft);
    }

    /**
     * Saves the case page loaded at {@code expectedVersion} ({@link BreachCase#version()}): refused with
     * a {@link org.devicedesk.core.Conflict} when the case changed since (another DPO's measures are
     * never overwritten), nothing stored. {@code null} checks nothing.
     */
    public BreachCase save(Session s, long id, Long expectedVersion, BreachDraft draft) {
        s.require(Role.DPO);
        BreachDraft d = normalise(draft);
        return db.inTransaction(h -> {
            BreachCase found = find(h, id);
            org.devicedesk.core.Versions.expect(h, "breach_case", id, expectedVersion, "breach_case", "Breach case " + found.reference());
            BreachCase before = find(h, id);
            Instant now = clock.instant();
            Status from = before.status();
            Status to = d.status();
            if (to == null) throw Refused.because("status", "Choose the status of the case.");
            // the review starts when the DPO first records anything on a case
            if (from == Status.AWAITING_REVIEW && to == Status.AWAITING_REVIEW) to = Status.ASSESSING;
            if (from == Status.CLOSED) {
                throw Refused.because("status", before.reference() + " was closed on " + when(before.closedAt())
                        + " and can no longer be changed.");
            }
            boolean startsReview = from == Status.AWAITING_REVIEW && to.isDecision();
            if (to != from && !startsReview && !from.next().contains(to)) {
                throw Refused.because("status", "A case that is '" + from.label() + "' cannot be moved to '" + to.label() + "'. "
                        + allowedMoves(from));
            }
            Status decision = to.isDecision() ? to : (to == Status.CLOSED ? before.decision() : null);
            validate(d, decision, before, now);

            Instant decidedAt = before.decidedAt();
            String decidedBy = before.decidedBy();
            if (to.isDecision() && to != from) {
                decidedAt = now;
                decidedBy = s.username();
            } else if (!to.isDecision() && to != Status.CLOSED) {
                decidedAt = null;
                decidedBy = null;
            }
            Instant closedAt = to == Status.CLOSED ? now : null;
            BreachDraft saved = d.withStatus(to);
            repo.update(h, id, saved, decision, decidedAt, decidedBy, closedAt, now);

            String ref = before.reference();
            if (from == Status.AWAITING_REVIEW) {
                Audit.record(h, s, now, "BREACH_REVIEW_STARTED", "breach_case", id, ref + ": the DPO started the review");
            }
            List<String> changed = changes(BreachDraft.of(before).withStatus(to), d);
            if (!changed.isEmpty()) {
                Audit.record(h, s, now, "BREACH_UPDATED", "breach_case", id, ref + ": assessment updated: " + String.join(", ", changed));
            }
            if (to.isDecision() && to != from) {
                Audit.record(h, s, now, "BREACH_DECIDED", "breach_case", id, ref + ": " + describeDecision(d, before));
            } else if (to == Status.CLOSED) {
                Audit.record(h, s, now, "BREACH_CLOSED", "breach_case", id, ref + " closed (" + decision.label() + ")");
            } else if (from.isDecision() && to == Status.ASSESSING) {
                Audit.record(h, s, now, "BREACH_REOPENED", "breach_case", id, ref + " reopened for assessment (was: " + from.label() + ")");
            }
            return find(h, id);
        });
    }

    /** Starts the review of a case awaiting it (AWAITING_REVIEW -> ASSESSING). */
    public BreachCase startReview(Session s, long id) {
        s.require(Role.DPO);
        BreachCase c = get(s, id);
        return save(s, id, c.version(), BreachDraft.of(c).withStatus(Status.ASSESSING));
    }

    /** Closes a decided case, keeping its decision for the register. */
    public BreachCase close(Session s, long id) {
        s.require(Role.DPO);
        BreachCase c = get(s, id);
        return save(s, id, c.version(), BreachDraft.of(c).withStatus(Status.CLOSED));
    }

    private static String allowedMoves(Status from) {
        var next = new ArrayList<Status>(from.next());
        if (from == Status.AWAITING_REVIEW) next.addAll(Status.decisions());
        if (next.isEmpty()) return "It cannot be moved any further.";
        return "From there it can go to: " + next.stream().map(x -> "'" + x.label() + "'").collect(Collectors.joining(", ")) + ".";
    }

    private void validate(BreachDraft d, Status decision, BreachCase before, Instant now) {
        Problems p = new Problems();
        p.addIf(d.dataSubjectsApprox() != null && d.dataSubjectsApprox() < 0, "data-subjects",
                "The approximate number of data subjects cannot be negative.");
        p.addIf(d.recordsApprox() != null && d.recordsApprox() < 0, "records",
                "The approximate number of records cannot be negative.");
        if (decision == Status.NOT_A_BREACH) {
            p.required(d.rationale(), "rationale", "Your rationale for deciding this is not a personal-data breach");
        }
        if (decision == Status.NOT_REPORTABLE) {
            p.required(d.rationale(), "rationale",
                    "Your rationale for not reporting it to the ICO (kept in the breach register, Article 33(5))");
            if (d.risk() == null) {
                p.add("risk", "Assess the risk first: a breach is only not reportable when it is unlikely to result in a risk to people (Article 33(1)).");
            } else if (d.risk() != Risk.UNLIKELY) {
                p.add("risk", "You assessed the risk as '" + d.risk().label() + "': such a breach must be reported to the ICO (Article 33(1)). "
                        + "Record it as reported, or change the risk if that assessment was wrong.");
            }
        }
        if (decision == Status.REPORTED_TO_ICO) {
            p.required(d.icoNotifiedAt(), "ico-notified-at", "The time the ICO was notified");
            p.required(d.icoReference(), "ico-reference", "The ICO's reference for the report");
            if (d.icoNotifiedAt() != null) {
                p.addIf(d.icoNotifiedAt().isAfter(now), "ico-notified-at", "The ICO notification time cannot be in the future.");
                p.addIf(d.icoNotifiedAt().isBefore(before.awareAt()), "ico-notified-at",
                        "The ICO notification time is before the office became aware (" + when(before.awareAt()) + "); check the date.");
                if (d.icoNotifiedAt().isAfter(before.icoDeadline()) && isBlank(d.delayReasons())) {
                    p.add("delay-reasons", "The ICO was notified " + org.devicedesk.core.Durations.of(Duration.between(before.icoDeadline(), d.icoNotifiedAt()))
                            + " after the deadline (" + when(before.icoDeadline()) + "). Article 33(1) requires the reasons for the delay: write them in 'Reasons for the delay'.");
                }
            }
        }
        if (decision != null && decision != Status.NOT_A_BREACH && d.risk() == Risk.HIGH_RISK) {
            // Article 34: a high-risk breach needs a decision on telling the people affected, and when
            if (d.subjectsToldDecision() == null) {
                p.add("subjects-told-decision", "The risk is high, so record whether the data subjects are being told (Article 34).");
            }
            if (d.subjectsToldAt() == null) {
                p.add("subjects-told-at", "The risk is high, so record when the data subjects were (or will be) told, or when you decided not to tell them.");
            } else if (d.subjectsToldDecision() == SubjectsTold.TOLD && d.subjectsToldAt().isAfter(now)) {
                p.add("subjects-told-at", "The data subjects cannot have been told in the future; choose 'Will tell the data subjects' for a planned date.");
            }
            if (d.subjectsToldDecision() == SubjectsTold.NOT_TELLING && isBlank(d.rationale())) {
                p.add("rationale", "Not telling the data subjects of a high-risk breach needs the reason in your rationale: which Article 34(3) exception applies.");
            }
        }
        p.throwIfAny();
    }

    private static String describeDecision(BreachDraft d, BreachCase before) {
        StringBuilder sb = new StringBuilder(d.status().label());
        if (d.status() == Status.REPORTED_TO_ICO) {
            sb.append(" at ").append(when(d.icoNotifiedAt())).append(", ICO reference ").append(d.icoReference());
            if (d.icoNotifiedAt().isAfter(before.icoDeadline())) sb.append(" (after the deadline; reasons recorded)");
        }
        if (d.risk() != null) sb.append("; risk: ").append(d.risk().label());
        if (d.subjectsToldDecision() != null) sb.append("; data subjects: ").append(d.subjectsToldDecision().label())
                .append(d.subjectsToldAt() == null ? "" : " (" + when(d.subjectsToldAt()) + ")");
        if (d.rationale() != null) sb.append("; rationale: ").append(abbreviate(d.rationale()));
        return sb.toString();
    }

    private static List<String> changes(BreachDraft a, BreachDraft b) {
        List<String> out = new ArrayList<>();
        diff(out, "status", a.status(), b.status());
        diff(out, "personal data involved", a.personalDataInvolved(), b.personalDataInvolved());
        diff(out, "ordinary data", a.categoryOrdinary(), b.categoryOrdinary());
        diff(out, "special category data", a.categorySpecial(), b.categorySpecial());
        diff(out, "criminal offence data", a.categoryCriminalOffence(), b.categoryCriminalOffence());
        diff(out, "data subjects", a.dataSubjectsApprox(), b.dataSubjectsApprox());
        diff(out, "records", a.recordsApprox(), b.recordsApprox());
        diffText(out, "likely consequences", a.likelyConsequences(), b.likelyConsequences());
        diffText(out, "measures", a.measures(), b.measures());
        diff(out, "risk", a.risk(), b.risk());
        diffText(out, "rationale", a.rationale(), b.rationale());
        diff(out, "ICO notified at", when(a.icoNotifiedAt()), when(b.icoNotifiedAt()));
        diff(out, "ICO reference", a.icoReference(), b.icoReference());
        diffText(out, "reasons for the delay", a.delayReasons(), b.delayReasons());
        diff(out, "telling the data subjects", a.subjectsToldDecision(), b.subjectsToldDecision());
        diff(out, "told at", when(a.subjectsToldAt()), when(b.subjectsToldAt()));
        return out;
    }

    private static void diff(List<String> out, String label, Object a, Object b) {
        if (!Objects.equals(a, b)) out.add(label + " " + (a == null ? "(none)" : a) + " -> " + (b == null ? "(none)" : b));
    }

    private static void diffText(List<String> out, String label, String a, String b) {
        if (!Objects.equals(a, b)) out.add(label + " changed");
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }

    private static BreachDraft normalise(BreachDraft d) {
        return new BreachDraft(d.status(), d.personalDataInvolved(), d.categoryOrdinary(), d.categorySpecial(),
                d.categoryCriminalOffence(), d.dataSubjectsApprox(), d.recordsApprox(), trim(d.likelyConsequences()),
                trim(d.measures()), d.risk(), trim(d.rationale()), d.icoNotifiedAt(), trim(d.icoReference()),
                trim(d.delayReasons()), d.subjectsToldDecision(), d.subjectsToldAt());
    }

    private static String trim(String s) {
        if (s == null) return null;
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    // ---- the breach register (Article 33(5)) ----

    /** What the register shows: undecided cases, or one decision. */
    public enum Outcome {
        UNDECIDED("Not yet decided"),
        NOT_A_BREACH("Not a personal-data breach"),
        NOT_REPORTABLE("Not reportable to the ICO"),
        REPORTED_TO_ICO("Reported to the ICO");

        private final String label;

        Outcome(String label) { this.label = label; }

        public String label() { return label; }

        @Override public String toString() { return label; }

        public static Outcome of(BreachCase c) {
            Status d = c.decision();
            return d == null ? UNDECIDED : Outcome.valueOf(d.name());
        }
    }

    /** A period of awareness (office dates, both inclusive; null = open-ended) and an outcome (null = any). */
    public record RegisterQuery(LocalDate from, LocalDate to, Outcome outcome) {
        public static RegisterQuery all() { return new RegisterQuery(null, null, null); }
    }

    /** Every case, reported or not, in the order the office became aware of them. */
    public List<BreachCase> register(Session s, RegisterQuery q) {
        return registerPage(s, q, 0, 0).cases();
    }

    /** One page of the register and how many cases the filters match in all. */
    public record RegisterPage(List<BreachCase> cases, int total, int offset) {
        public boolean hasNext() { return offset + cases.size() < total; }
    }

    /**
     * A page of the register ({@code limit} below 1: every case from {@code offset}), filtered by period and
     * outcome, ordered and cut in SQL (issue 16: at 50,000 cases the screen maps only what it shows).
     */
    public RegisterPage registerPage(Session s, RegisterQuery q, int offset, int limit) {
        s.require(Role.DPO, Role.ADMIN);
        if (q.from() != null && q.to() != null && q.to().isBefore(q.from())) {
            throw Refused.because("register-to", "The end of the period is before its start.");
        }
        Instant from = q.from() == null ? null : q.from().atStartOfDay(AppClock.OFFICE_ZONE).toInstant();
        Instant to = q.to() == null ? null : q.to().plusDays(1).atStartOfDay(AppClock.OFFICE_ZONE).toInstant();
        String outcome = q.outcome() == null ? null : q.outcome().name();
        int start = Math.max(0, offset);
        return db.read(h -> new RegisterPage(repo.registerPage(h, from, to, outcome, start, limit, window(h)),
                repo.registerCount(h, from, to, outcome), start));
    }

    public static final List<String> REGISTER_HEADER = List.of("Reference", "Source", "Title", "Aware at", "ICO deadline",
            "Status", "Outcome", "Personal data involved", "Data categories", "Data subjects (approx.)", "Records (approx.)",
            "Likely consequences", "Measures taken or proposed", "Risk", "Rationale", "ICO notified at", "ICO reference",
            "Reported late", "Reasons for the delay", "Telling the data subjects", "Told at", "Decided at", "Decided by", "Closed at");

    /** One register line, as shown in the printed register and the CSV export. */
    public static List<String> registerRow(BreachCase c) {
        return List.of(c.reference(), c.source(), c.title() + (c.description() == null ? "" : " — " + c.description()),
                when(c.awareAt()), when(c.icoDeadline()), c.status().label(), Outcome.of(c).label(),
                c.personalDataInvolved() == null ? "" : (c.personalDataInvolved() ? "Yes" : "No"), c.categories(),
                c.dataSubjectsApprox() == null ? "" : c.dataSubjectsApprox().toString(),
                c.recordsApprox() == null ? "" : c.recordsApprox().toString(),
                nz(c.likelyConsequences()), nz(c.measures()), c.risk() == null ? "" : c.risk().label(), nz(c.rationale()),
                when(c.icoNotifiedAt()), nz(c.icoReference()), c.icoNotifiedAt() == null ? "" : (c.reportedLate() ? "Yes" : "No"),
                nz(c.delayReasons()), c.subjectsToldDecision() == null ? "" : c.subjectsToldDecision().label(),
                when(c.subjectsToldAt()), when(c.decidedAt()), nz(c.decidedBy()), when(c.closedAt()));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Writes the register as CSV (cells a spreadsheet would run are neutralised); the export is audited. Returns the rows written. */
    public int exportRegister(Session s, RegisterQuery q, Writer out) {
        return exportRegisterAnchored(s, q, out).rows();
    }

    /** An export of the register and the audit anchor taken with it (ADR 0009), which the DPO is shown to note. */
    public record RegisterExport(int rows, org.devicedesk.core.AuditAnchors.Anchor anchor) {}

    /**
     * The same, returning also the audit chain's head after the export's own event, anchored outside the
     * database (the anchors file) with every register export.
     */
    public RegisterExport exportRegisterAnchored(Session s, RegisterQuery q, Writer out) {
        List<BreachCase> cases = register(s, q);
        Csv.write(out, REGISTER_HEADER, cases.stream().map(BreachService::registerRow).toList());
        org.devicedesk.core.AuditAnchors.Anchor anchor = db.inTransaction(h -> {
            Audit.record(h, s, clock.instant(), "BREACH_REGISTER_EXPORTED", "breach_case", "",
                    "Breach register exported: " + cases.size() + " case(s)" + describe(q));
            return anchors.head(h, "breach register exported by " + s.username());
        });
        anchors.append(anchor);
        return new RegisterExport(cases.size(), anchor);
    }

    /** ", aware 1 Mar 2026 to 31 Mar 2026, outcome: Not reportable" — the filters in words. */
    public static String describe(RegisterQuery q) {
        StringBuilder sb = new StringBuilder();
        DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMM yyyy");
        if (q.from() != null || q.to() != null) {
            sb.append(", aware ").append(q.from() == null ? "any time" : day.format(q.from())).append(" to ")
                    .append(q.to() == null ? "now" : day.format(q.to()));
        }
        if (q.outcome() != null) sb.append(", outcome: ").append(q.outcome().label());
        return sb.toString();
    }
}
