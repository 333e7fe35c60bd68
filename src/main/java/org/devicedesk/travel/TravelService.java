package org.devicedesk.travel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.devicedesk.core.AccessDenied;
import org.devicedesk.core.AppClock;
import org.devicedesk.core.Audit;
import org.devicedesk.core.Conflict;
import org.devicedesk.core.Csv;
import org.devicedesk.core.Database;
import org.devicedesk.core.Problems;
import org.devicedesk.core.Refused;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.core.Settings;
import org.devicedesk.devices.Device;
import org.devicedesk.devices.DeviceService;
import org.devicedesk.people.PeopleService;
import org.devicedesk.people.Person;
import org.jdbi.v3.core.Handle;

/**
 * Overseas travel notices (SPEC section 4, policy 53: "If using a device overseas, you must consult with
 * Information Security at least 7 days before travel"): the 7-day check, the encryption warning, Information
 * Security's decision and the helpdesk's post-travel device check.
 * STAFF file and see only their own notices; INFOSEC sees and decides all; HELPDESK sees all and records
 * post-travel checks.
 */
public final class TravelService {
    public static final String SHIPPED_CRYPTO_LIST = "/org/devicedesk/travel/crypto-restricted-countries.csv";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy");

    private final Database db;
    private final Clock clock;
    private final PeopleService people;
    private final DeviceService devices;
    private final TamperingIncidents tampering;
    private final TravelLoaners loaners;
    private final TravelRepository repo = new TravelRepository();

    /** {@code tampering} opens the incident when a post-travel check suspects tampering (null: not available). */
    public TravelService(Database db, Clock clock, PeopleService people, DeviceService devices, TamperingIncidents tampering) {
        this(db, clock, people, devices, tampering, null);
    }

    /** {@code loaners} books clean loaner devices when a decision requires one (null: not available). */
    public TravelService(Database db, Clock clock, PeopleService people, DeviceService devices, TamperingIncidents tampering, TravelLoaners loaners) {
        this.db = db;
        this.clock = clock;
        this.people = people;
        this.devices = devices;
        this.tampering = tampering;
        this.loaners = loaners;
    }

    /** The loaner devices booked for a notice (whoever may see the notice may see them). */
    public List<TravelLoaners.Loaner> loaners(Session s, long id) {
        get(s, id);
        return loaners == null ? List.of() : db.read(h -> loaners.ofNotice(h, id));
    }

    // ---- the 7-day check ----

    /** Today in the office's calendar (Europe/London), from the application clock. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), AppClock.OFFICE_ZONE);
    }

    /** policy 53: calendar days from the day the notice is submitted to the day of departure. */
    public static long noticeDays(LocalDate submittedOn, LocalDate departure) {
        return ChronoUnit.DAYS.between(submittedOn, departure);
    }

    /** At least {@code requiredDays} is on time; fewer is late. */
    public static NoticeCheck check(LocalDate submittedOn, LocalDate departure, int requiredDays) {
        long days = noticeDays(submittedOn, departure);
        return new NoticeCheck(days, requiredDays, days < requiredDays);
    }

    /** What the form shows before saving: the check as if submitted now. */
    public NoticeCheck preview(LocalDate departure, int requiredDays) {
        return check(today(), departure, requiredDays);
    }

    /** The days of notice the office asks for (setting, 7 by default). */
    public int requiredNoticeDays() {
        return db.read(Settings::load).travelNoticeDays();
    }

    // ---- reading ----

    private static boolean seesAll(Session s) {
        return s.hasAny(Role.INFOSEC, Role.HELPDESK);
    }

    /** The queue order: pending first, departing soonest on top; then decided ones, latest departure first. */
    public static final Comparator<TravelNotice> QUEUE_ORDER = Comparator
            .comparing((TravelNotice n) -> n.isPending() ? 0 : 1)
            .thenComparing((a, b) -> a.isPending() ? a.departureDate().compareTo(b.departureDate()) : b.departureDate().compareTo(a.departureDate()))
            .thenComparing(TravelNotice::reference);

    /** INFOSEC and HELPDESK see every notice; everyone else only their own. In queue order. */
    public List<TravelNotice> list(Session s) {
        if (!seesAll(s) && s.personId() == null) return List.of();
        Long only = seesAll(s) ? null : s.personId();
        List<TravelNotice> all = new ArrayList<>(db.read(h -> repo.list(h, only)));
        all.sort(QUEUE_ORDER);
        return all;
    }

    public TravelNotice get(Session s, long id) {
        TravelNotice n = db.read(h -> repo.byId(h, id)).orElseThrow(() -> Refused.because("That travel notice no longer exists."));
        if (!seesAll(s) && !s.isSelf(n.travellerId())) throw new AccessDenied("Your account can only see your own travel notices.");
        return n;
    }

    /** The devices a traveller may take: those issued or checked out to them now. */
    public List<TravelDevice> devicesHeldBy(Session s, Long travellerId) {
        long who = traveller(s, travellerId);
        return db.read(h -> heldBy(h, who));
    }

    /** What the device register says the person holds now (issued or checked out), as the travel form lists it. */
    private List<TravelDevice> heldBy(Handle h, long personId) {
        return devices.devicesHeldByInTransaction(h, personId).stream()
                .map(d -> new TravelDevice(d.id(), d.assetTag(), d.kind().label() + (d.makeModel() == null ? "" : ", " + d.makeModel())))
                .toList();
    }

    private static long traveller(Session s, Long travellerId) {
        if (travellerId == null || s.isSelf(travellerId)) {
            if (s.personId() == null) {
                throw Refused.because("Your account is not linked to a person, so there is no traveller to file for. Ask an administrator to link it.");
            }
            return s.personId();
        }
        if (!s.hasAny(Role.INFOSEC, Role.HELPDESK)) throw new AccessDenied("Your account (" + s.username() + ") can only file travel notices for yourself.");
        return travellerId;
    }

    // ---- filing and editing ----

    /** Files a notice for the signed-in person (or, for INFOSEC and HELPDESK, for someone else); returns its id. */
    public long submit(Session s, TravelDraft draft) {
        long travellerId = traveller(s, draft.travellerId());
        TravelDraft d = normalise(draft);
        return db.inTransaction(h -> {
            ensureCryptoList(h, s);
            LocalDate today = today();
            validate(h, d, travellerId, today);
            Instant now = clock.instant();
            NoticeCheck check = check(today, d.departureDate(), Settings.load(h).travelNoticeDays());
            long id = insert(h, s, travellerId, d, now, today, check);
            org.devicedesk.mail.MailEvents.travelFiled(h, now, id, names(d.destinations())); // SPEC 10: Information Security
            return id;
        });
    }

    /**
     * For the demo and imports: stores a notice as submitted at {@code submittedAt} (which may be in the past),
     * with the 7-day check as it was then. Checks only the shape of the notice.
     */
    public long createInTransaction(Handle h, Session actor, long travellerId, TravelDraft draft, Instant submittedAt) {
        ensureCryptoList(h, actor);
        TravelDraft d = normalise(draft);
        LocalDate submittedOn = LocalDate.ofInstant(submittedAt, AppClock.OFFICE_ZONE);
        Problems p = new Problems();
        shape(p, d);
        p.throwIfAny();
        return insert(h, actor, travellerId, d, submittedAt, submittedOn, check(submittedOn, d.departureDate(), Settings.load(h).travelNoticeDays()));
    }

    private long insert(Handle h, Session s, long travellerId, TravelDraft d, Instant at, LocalDate on, NoticeCheck check) {
        boolean crypto = restrictsAny(h, d.destinations());
        String reference = org.devicedesk.core.References.next(h, org.devicedesk.core.References.Kind.TRAVEL, on.getYear());
        long id = repo.insert(h, reference, travellerId, d, at, on, check.noticeDays(), check.late(), crypto, s.username());
        Person p = people.byId(h, travellerId);
        Audit.record(h, s, at, "TRAVEL_NOTICE_FILED", "travel_notice", id, reference + ": " + p.fullName() + " to "
                + names(d.destinations()) + " departing " + d.departureDate() + ", " + check.describe()
                + (crypto ? "; encryption restricted at destination" : ""));
        return id;
    }

    /**
     * The traveller (or Information Security) changes a notice that has not been decided yet. The notice days
     * still count from the day it was submitted, and a late notice stays late whatever is changed (policy 53).
     */
    public void update(Session s, long id, TravelDraft draft) {
        update(s, id, null, draft);
    }

    /**
     * The same from a form loaded at {@code expectedVersion} ({@link TravelNotice#version()}): refused
     * with a {@link org.devicedesk.core.Conflict} when the notice changed since, nothing stored.
     */
    public void update(Session s, long id, Long expectedVersion, TravelDraft draft) {
        TravelDraft d = normalise(draft);
        db.useTransaction(h -> {
            ensureCryptoList(h, s);
            TravelNotice found = repo.byId(h, id).orElseThrow(() -> Refused.because("That travel notice no longer exists."));
            org.devicedesk.core.Versions.expect(h, "travel_notice", id, expectedVersion, "travel_notice", "Travel notice " + found.reference());
            TravelNotice before = repo.byId(h, id).orElseThrow(() -> Refused.because("That travel notice no longer exists."));
            if (!s.has(Role.INFOSEC) && !s.isSelf(before.travellerId())) {
                throw new AccessDenied("Your account (" + s.username() + ") can only change your own travel notices.");
            }
            if (!before.isPending()) {
                throw Refused.because("Information Security has already decided on " + before.reference() + " ("
                        + before.decision().label() + "), so it can no longer be changed. File a new notice for the changed trip.");
            }
            validate(h, d, before.travellerId(), today());
            NoticeCheck now = check(before.submittedOn(), d.departureDate(), Settings.load(h).travelNoticeDays());
            boolean late = before.late() || now.late(); // late is kept late
            boolean crypto = restrictsAny(h, d.destinations());
            repo.update(h, id, d, now.noticeDays(), late, crypto);
            Audit.record(h, s, clock.instant(), "TRAVEL_NOTICE_CHANGED", "travel_notice", id, before.reference() + ": "
                    + names(d.destinations()) + " " + d.departureDate() + " to " + d.returnDate() + ", " + now.noticeDays()
                    + " days from submission" + (late ? ", late" : ", on time") + (before.late() && !now.late() ? " (late when filed, kept late)" : ""));
        });
    }

    private static TravelDraft normalise(TravelDraft d) {
        List<String> codes = d.destinations().stream().filter(c -> c != null && !c.isBlank())
                .map(c -> c.strip().toUpperCase(java.util.Locale.ROOT)).distinct().toList();
        List<Long> devices = new ArrayList<>(new LinkedHashSet<>(d.deviceIds()));
        String purpose = d.purpose() == null ? null : d.purpose().strip();
        return new TravelDraft(d.travellerId(), codes, d.departureDate(), d.returnDate(), devices, purpose == null || purpose.isEmpty() ? null : purpose);
    }

    private static void shape(Problems p, TravelDraft d) {
        p.addIf(d.destinations().isEmpty(), "destinations", "Choose at least one destination country.");
        for (String c : d.destinations()) {
            p.addIf(!Country.isKnown(c), "destinations", c + " is not an ISO 3166 country code; choose the country from the list.");
        }
        p.required(d.departureDate(), "departure-date", "The departure date");
        p.required(d.returnDate(), "return-date", "The return date");
        if (d.departureDate() != null && d.returnDate() != null && d.returnDate().isBefore(d.departureDate())) {
            p.add("return-date", "The return date (" + DAY.format(d.returnDate()) + ") is before the departure date ("
                    + DAY.format(d.departureDate()) + "). Check both dates.");
        }
        p.required(d.purpose(), "purpose", "The purpose of the trip");
    }

    private void validate(Handle h, TravelDraft d, long travellerId, LocalDate today) {
        Problems p = new Problems();
        shape(p, d);
        if (d.departureDate() != null && d.departureDate().isBefore(today)) {
            p.add("departure-date", "The departure date (" + DAY.format(d.departureDate()) + ") is in the past. A travel notice is for a trip"
                    + " that has not started yet; if you are already abroad, phone the help desk.");
        }
        if (d.deviceIds().isEmpty()) {
            p.add("devices", "Choose the devices you are taking. A travel notice is needed only when you take a work device overseas (policy 53).");
        } else {
            Set<Long> held = heldBy(h, travellerId).stream().map(TravelDevice::id).collect(Collectors.toSet());
            Person traveller = people.byId(h, travellerId);
            for (Long id : d.deviceIds()) {
                if (!held.contains(id)) {
                    p.add("devices", "One of the chosen devices (" + assetTag(h, id) + ") is not issued or checked out to " + traveller.fullName()
                            + ". Only devices the traveller holds can be taken; ask the help desk to issue or check it out first.");
                }
            }
        }
        p.throwIfAny();
    }

    private String assetTag(Handle h, long deviceId) {
        try {
            return devices.deviceInTransaction(h, deviceId).assetTag();
        } catch (Refused gone) {
            return "a device no longer in the register";
        }
    }

    private static String names(List<String> codes) {
        return codes.stream().map(Country::nameOf).collect(Collectors.joining(", "));
    }

    // ---- Information Security's decision ----

    /**
     * INFOSEC decides, with advice. A late notice cannot be approved (with or without conditions) without a
     * written justification of why it is late.
     */
    public void decide(Session s, long id, TravelDecision decision, String advice, String lateJustification) {
        decide(s, id, null, decision, advice, lateJustification, null);
    }

    /** The same from a page loaded at {@code expectedVersion}: two decisions from pages opened together cannot both stand. */
    public void decide(Session s, long id, Long expectedVersion, TravelDecision decision, String advice, String lateJustification) {
        decide(s, id, expectedVersion, decision, advice, lateJustification, null);
    }

    /**
     * The decision, requiring a clean loaner of {@code loanerKind} (null: none) instead of the traveller's own device:
     * in the same transaction a free, clean pool device of that kind is booked for the travel dates (issue 21).
     */
    public void decide(Session s, long id, TravelDecision decision, String advice, String lateJustification, Device.Kind loanerKind) {
        decide(s, id, null, decision, advice, lateJustification, loanerKind);
    }

    /** The decision from a page loaded at {@code expectedVersion} (null checks nothing), with an optional loaner. */
    public void decide(Session s, long id, Long expectedVersion, TravelDecision decision, String advice, String lateJustification,
                       Device.Kind loanerKind) {
        s.require(Role.INFOSEC);
        db.useTransaction(h -> {
            TravelNotice found = repo.byId(h, id).orElseThrow(() -> Refused.because("That travel notice no longer exists."));
            org.devicedesk.core.Versions.expect(h, "travel_notice", id, expectedVersion, "travel_notice", "Travel notice " + found.reference());
            decideInTransaction(h, s, id, decision, advice, lateJustification, loanerKind, clock.instant());
            org.devicedesk.mail.MailEvents.travelDecided(h, clock.instant(), id, decision.label()); // SPEC 10: the traveller
        });
    }

    /** The decision inside a caller's transaction (the demo records past decisions with their time). */
    public void decideInTransaction(Handle h, Session s, long id, TravelDecision decision, String advice, String lateJustification, Instant at) {
        decideInTransaction(h, s, id, decision, advice, lateJustification, null, at);
    }

    public void decideInTransaction(Handle h, Session s, long id, TravelDecision decision, String advice, String lateJustification,
                                    Device.Kind loanerKind, Instant at) {
        String adv = blankToNull(advice);
        String just = blankToNull(lateJustification);
        TravelNotice n = repo.byId(h, id).orElseThrow(() -> Refused.because("That travel notice no longer exists."));
        Problems p = new Problems();
        p.required(decision, "decision", "The decision");
        p.required(adv, "advice", "The advice given to " + n.travellerName());
        if (decision != null && decision.approves() && n.late() && just == null) {
            p.add("late-justification", lateSentence(n, Settings.load(h).travelNoticeDays()) + " Write down why it is late before approving it.");
        }
        if (loanerKind != null) {
            p.addIf(decision == TravelDecision.NOT_APPROVED, "loaner", "A loaner goes with an approval: choose \"No loaner\" when the trip is not approved.");
            p.addIf(loaners == null, "loaner", "Loaners cannot be booked from here in this version; ask the help desk to book a pool device.");
        }
        p.throwIfAny();
        repo.decide(h, id, decision, adv, just == null ? n.lateJustification() : just, at, s.username());
        TravelLoaners.Loaner loaner = loanerKind == null ? null
                : loaners.book(h, s, id, n.reference(), n.travellerId(), loanerKind, n.departureDate(), n.returnDate());
        Audit.record(h, s, at, "TRAVEL_NOTICE_DECIDED", "travel_notice", id, n.reference() + ": " + decision.label()
                + (n.isPending() ? "" : " (was " + n.decision().label() + ")") + (n.late() ? "; late notice" : "")
                + (loaner == null ? "" : "; clean loaner " + loaner.assetTag() + " booked"));
    }

    /**
     * Why a notice is late, in words that stay true after its departure has moved (issue 17): a notice
     * filed late stays late (policy 53), but its notice days are counted to the departure as it is now.
     * "TRV-2026-0004 was filed with 4 days' notice, fewer than 7." or, once its departure has moved
     * further off, "TRV-2026-0004 was filed late (fewer than 7 days' notice); its departure has since moved."
     * (never "filed with 20 days' notice, fewer than 7"). Short: it stands above the decision buttons.
     */
    static String lateSentence(TravelNotice n, int requiredDays) {
        if (n.noticeDays() < requiredDays) return n.reference() + " was filed with " + NoticeCheck.days(n.noticeDays()) + ", fewer than " + requiredDays + ".";
        return n.reference() + " was filed late (fewer than " + requiredDays + " days' notice); its departure has since moved.";
    }

    /**
     * Trips that are over — the return date has passed — with no decision from Information Security
     * (issue 17, SPEC 4): flagged in the queue so that they are decided or followed up, never left silent.
     */
    public List<TravelNotice> overdueUndecided(Session s) {
        LocalDate today = today();
        return list(s).stream().filter(n -> n.decisionOverdue(today)).toList();
    }

    // ---- the post-travel device check ----

    /**
     * After the return date the helpdesk checks the devices that travelled. "Tampering suspected" names the
     * devices and opens a TAMPERING incident for each, in the same transaction. Returns the incident ids.
     */
    public List<Long> recordPostTravelCheck(Session s, long id, PostTravelOutcome outcome, List<Long> suspectedDeviceIds, String notes) {
        return recordPostTravelCheck(s, id, outcome, suspectedDeviceIds, notes, false);
    }

    /**
     * The check, and for a trip with a loaner whether it was "wiped and re-imaged before its next use": until that is
     * recorded (here or later on the bookings screen) the loaner cannot be booked again.
     */
    public List<Long> recordPostTravelCheck(Session s, long id, PostTravelOutcome outcome, List<Long> suspectedDeviceIds, String notes, boolean loanersWiped) {
        s.require(Role.HELPDESK);
        return db.inTransaction(h -> recordPostTravelCheckInTransaction(h, s, id, outcome, suspectedDeviceIds, notes, loanersWiped, clock.instant()));
    }

    /** The post-travel check inside a caller's transaction, as of {@code now}. */
    public List<Long> recordPostTravelCheckInTransaction(Handle h, Session s, long id, PostTravelOutcome outcome, List<Long> suspectedDeviceIds,
                                                         String notes, Instant now) {
        return recordPostTravelCheckInTransaction(h, s, id, outcome, suspectedDeviceIds, notes, false, now);
    }

    public List<Long> recordPostTravelCheckInTransaction(Handle h, Session s, long id, PostTravelOutcome outcome, List<Long> suspectedDeviceIds,
                                                         String notes, boolean loanersWiped, Instant now) {
        String note = blankToNull(notes);
        List<Long> suspected = suspectedDeviceIds == null ? List.of() : List.copyOf(new LinkedHashSet<>(suspectedDeviceIds));
        TravelNotice n = repo.byId(h, id).orElseThrow(() -> Refused.because("That travel notice no longer exists."));
        Problems p = new Problems();
        p.required(outcome, "post-check-outcome", "The outcome of the check");
        if (!LocalDate.ofInstant(now, AppClock.OFFICE_ZONE).isAfter(n.returnDate())) {
            p.add("post-check-outcome", n.travellerName() + " returns on " + DAY.format(n.returnDate())
                    + "; the post-travel check can be recorded from the day after.");
        }
        if (n.postCheckOutcome() != null) {
            p.add("post-check-outcome", "The post-travel check for " + n.reference() + " was already recorded ("
                    + n.postCheckOutcome().label() + ") by " + n.postCheckBy() + ".");
        }
        List<TravelLoaners.Loaner> lent = loaners == null ? List.of()
                : loaners.ofNotice(h, id).stream().filter(TravelLoaners.Loaner::checkedOut).toList();
        if (n.devices().isEmpty() && lent.isEmpty()) p.add("post-check-outcome", n.reference() + " took no devices, so there is nothing to check.");
        Set<Long> taken = n.devices().stream().map(TravelDevice::id).collect(Collectors.toCollection(java.util.HashSet::new));
        lent.forEach(l -> taken.add(l.deviceId()));
        p.addIf(loanersWiped && lent.isEmpty(), "post-check-loaner-wiped", n.reference() + " had no loaner checked out, so there is no wipe to record.");
        if (outcome == PostTravelOutcome.TAMPERING_SUSPECTED) {
            p.addIf(suspected.isEmpty(), "post-check-devices", "Tick the device you suspect was tampered with.");
            p.addIf(suspected.stream().anyMatch(d -> !taken.contains(d)), "post-check-devices", "Only devices that went on this trip can be named.");
            p.required(note, "post-check-notes", "What was found");
            p.addIf(tampering == null, "post-check-outcome", "Incidents cannot be opened from here in this version; report the tampering on the Incidents screen.");
        } else if (outcome == PostTravelOutcome.NO_CONCERNS) {
            p.addIf(!suspected.isEmpty(), "post-check-devices", "With no concerns, no device should be ticked as suspect.");
        }
        p.throwIfAny();
        repo.recordPostCheck(h, id, outcome, note, now, s.username());
        if (loanersWiped) loaners.recordWiped(h, s, id); // refuses, and so undoes the check, while a loaner is still out
        List<Long> incidents = new ArrayList<>();
        for (Long deviceId : suspected) {
            String tag = assetTag(h, deviceId);
            long reporter = s.personId() != null ? s.personId() : n.travellerId();
            long incident = tampering.open(h, s, deviceId, reporter, "Post-travel check of " + n.reference() + " (" + n.travellerName()
                    + ", " + n.destinationNames() + ", " + n.departureDate() + " to " + n.returnDate() + "): tampering suspected on "
                    + tag + ". " + note);
            repo.markTampering(h, id, deviceId, incident);
            incidents.add(incident);
        }
        Audit.record(h, s, now, "TRAVEL_POST_CHECK", "travel_notice", id, n.reference() + ": " + outcome.label()
                + (incidents.isEmpty() ? "" : "; " + incidents.size() + " tampering incident(s) opened")
                + (lent.isEmpty() ? "" : loanersWiped ? "; loaner wiped and re-imaged" : "; loaner not yet recorded as wiped"));
        return incidents;
    }

    // ---- the encryption warning list ----

    /** The list as it stands (anyone signed in may read it: the form warns from it). */
    public CryptoList cryptoList(Session s) {
        return db.inTransaction(h -> {
            ensureCryptoList(h, s);
            return loadCryptoList(h);
        });
    }

    private CryptoList loadCryptoList(Handle h) {
        String[] header = repo.cryptoListHeader(h).orElse(new String[] {"", null, "0", null, null});
        List<CryptoList.Entry> entries = repo.cryptoCountries(h).stream()
                .map(r -> new CryptoList.Entry(r[0], Country.nameOf(r[0]), r[1]))
                .sorted(Comparator.comparing(CryptoList.Entry::name)).toList();
        String by = "system".equals(header[4]) ? "Device Desk (the shipped list)" : header[4];
        return new CryptoList(header[0], org.devicedesk.core.Times.date(header[1]), entries, Long.parseLong(header[2]), by,
                org.devicedesk.core.Times.instant(header[3]));
    }

    /** Whether any of these destinations restricts encryption (for the form's warning, before saving). */
    public static boolean restrictsAny(CryptoList list, List<String> codes) {
        return codes.stream().anyMatch(list::restricts);
    }

    private boolean restrictsAny(Handle h, List<String> codes) {
        return codes.stream().anyMatch(c -> repo.cryptoCountryListed(h, c));
    }

    /** ADMIN adds a country to the list or changes its note. */
    public void saveCryptoCountry(Session s, String code, String note) {
        saveCryptoCountry(s, null, code, note);
    }

    /**
     * The same from an editor loaded at {@code expectedVersion} ({@link CryptoList#version()}): refused with a
     * {@link org.devicedesk.core.Conflict} when another administrator changed the list since.
     */
    public void saveCryptoCountry(Session s, Long expectedVersion, String code, String note) {
        s.require(Role.ADMIN);
        String c = code == null ? null : code.strip().toUpperCase(java.util.Locale.ROOT);
        if (!Country.isKnown(c)) throw Refused.because("crypto-country", "Choose a country from the list.");
        db.useTransaction(h -> {
            ensureCryptoList(h, s);
            expectCryptoList(h, s, expectedVersion, clock.instant());
            boolean existed = repo.cryptoCountryListed(h, c);
            Instant now = clock.instant();
            repo.upsertCryptoCountry(h, c, blankToNull(note), now, s.username());
            Audit.record(h, s, now, existed ? "CRYPTO_COUNTRY_CHANGED" : "CRYPTO_COUNTRY_ADDED", "crypto_country", c,
                    Country.nameOf(c) + (existed ? " note changed" : " added to the encryption warning list"));
        });
    }

    public void removeCryptoCountry(Session s, String code) {
        removeCryptoCountry(s, null, code);
    }

    /** The same from an editor loaded at {@code expectedVersion}. */
    public void removeCryptoCountry(Session s, Long expectedVersion, String code) {
        s.require(Role.ADMIN);
        db.useTransaction(h -> {
            ensureCryptoList(h, s);
            expectCryptoList(h, s, expectedVersion, clock.instant());
            if (!repo.deleteCryptoCountry(h, code)) throw Refused.because(Country.nameOf(code) + " is not on the list.");
            Audit.record(h, s, clock.instant(), "CRYPTO_COUNTRY_REMOVED", "crypto_country", code, Country.nameOf(code) + " removed from the encryption warning list");
        });
    }

    /** ADMIN records where the list comes from and when it was last reviewed. */
    public void saveCryptoListDetails(Session s, String source, LocalDate reviewedOn) {
        saveCryptoListDetails(s, null, source, reviewedOn);
    }

    /** The same from an editor loaded at {@code expectedVersion}. */
    public void saveCryptoListDetails(Session s, Long expectedVersion, String source, LocalDate reviewedOn) {
        s.require(Role.ADMIN);
        Problems p = new Problems();
        p.required(blankToNull(source), "crypto-source", "The source of the list");
        p.required(reviewedOn, "crypto-reviewed-on", "The date the list was last reviewed");
        p.addIf(reviewedOn != null && reviewedOn.isAfter(today()), "crypto-reviewed-on", "The review date cannot be in the future.");
        p.throwIfAny();
        db.useTransaction(h -> {
            ensureCryptoList(h, s);
            expectCryptoList(h, s, expectedVersion, clock.instant());
            Instant now = clock.instant();
            repo.updateCryptoListHeader(h, source.strip(), reviewedOn, now, s.username());
            Audit.record(h, s, now, "CRYPTO_LIST_REVIEWED", "crypto_list", 1, "Source: " + source.strip() + "; reviewed on " + reviewedOn);
        });
    }

    /** Checks the editor's version of the list and raises it (every change to the list is a change to its version). */
    private static void expectCryptoList(Handle h, Session s, Long expectedVersion, Instant now) {
        try {
            org.devicedesk.core.Versions.expect(h, "crypto_list", 1, expectedVersion, "crypto_list", "The encryption warning list");
        } catch (org.devicedesk.core.Conflict c) {
            // a country's edit is audited under crypto_country, so the list's latest change is the latest of both
            Conflict.Change last = h.createQuery("""
                    SELECT actor, at, summary FROM audit_event WHERE record_type IN ('crypto_list', 'crypto_country')
                    ORDER BY seq DESC LIMIT 1""")
                    .map((rs, ctx) -> new Conflict.Change(rs.getString(1), org.devicedesk.core.Times.instant(rs.getString(2)), rs.getString(3)))
                    .findOne().orElse(c.change());
            throw new Conflict("crypto_list", 1, c.what(), last);
        }
        // who changed the list last and when (shown in Settings), with the version every change raises
        h.createUpdate("UPDATE crypto_list SET version = version + 1, updated_at = :at, updated_by = :by WHERE id = 1")
                .bind("at", now).bind("by", s.username()).execute();
    }

    /** The shipped file is loaded into the table the first time the list is needed (once per database). */
    private void ensureCryptoList(Handle h, Session s) {
        if (repo.cryptoListLoaded(h)) return;
        Shipped shipped = readShipped();
        Instant now = clock.instant();
        if (!repo.insertCryptoListHeader(h, shipped.source(), shipped.reviewedOn(), now, "system")) return;
        for (String[] row : shipped.rows()) repo.upsertCryptoCountry(h, row[0], row[1], now, "system");
        Audit.record(h, Session.system(), now, "CRYPTO_LIST_LOADED", "crypto_list", 1, shipped.rows().size()
                + " countries loaded from the shipped list (reviewed " + shipped.reviewedOn() + ")");
    }

    record Shipped(String source, LocalDate reviewedOn, List<String[]> rows) {}

    /** Reads the shipped file: '#' lines carry "source:" and "reviewed:", then a CSV of country_code,note. */
    static Shipped readShipped() {
        try (InputStream in = TravelService.class.getResourceAsStream(SHIPPED_CRYPTO_LIST)) {
            if (in == null) throw new IllegalStateException("The shipped encryption list " + SHIPPED_CRYPTO_LIST + " is missing");
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String source = null;
            LocalDate reviewed = null;
            StringBuilder csv = new StringBuilder();
            for (String line : text.split("\n")) {
                String l = line.strip();
                if (l.startsWith("#")) {
                    String c = l.substring(1).strip();
                    if (c.startsWith("source:")) source = c.substring(7).strip();
                    if (c.startsWith("reviewed:")) reviewed = LocalDate.parse(c.substring(9).strip());
                } else {
                    csv.append(line).append('\n');
                }
            }
            List<String[]> rows = new ArrayList<>();
            for (Csv.Row r : Csv.read(new java.io.StringReader(csv.toString()))) {
                if (r.get(0).equals("country_code")) continue;
                rows.add(new String[] {r.get(0).strip(), blankToNull(r.get(1))});
            }
            if (source == null || reviewed == null) throw new IllegalStateException("The shipped encryption list must name its source and review date");
            return new Shipped(source, reviewed, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
