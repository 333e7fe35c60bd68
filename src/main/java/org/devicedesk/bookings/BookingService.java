package org.devicedesk.bookings;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.devicedesk.core.AccessDenied;
import org.devicedesk.core.AppClock;
import org.devicedesk.core.Audit;
import org.devicedesk.core.Database;
import org.devicedesk.core.Problems;
import org.devicedesk.core.Refused;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.devices.Custody;
import org.devicedesk.devices.Device;
import org.devicedesk.devices.DeviceService;
import org.devicedesk.devices.DesignatedUser;
import org.devicedesk.people.PeopleService;
import org.devicedesk.people.Person;
import org.devicedesk.travel.TravelLoaners;
import org.jdbi.v3.core.Handle;

/**
 * Pool bookings (issue 21, ADR 0013): a designated user reserves a pool device for London calendar days, both
 * inclusive. Refused when the days overlap another booking of the device, when the device cannot be used
 * (lost, stolen, quarantined, retired), when the person is not a designated user (policy 50) or has no current
 * declaration (SPEC section 1), and when a loaner that went abroad is not yet recorded as wiped and re-imaged.
 * The check-out against a booking goes through {@link DeviceService}'s check-out rules.
 * STAFF book, see and cancel their own; HELPDESK and ADMIN for anyone; INFOSEC may look.
 */
public final class BookingService implements TravelLoaners {
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMMM yyyy", Locale.UK);
    private static final Role[] MANAGE = {Role.HELPDESK, Role.ADMIN};
    private static final Role[] READ_ALL = {Role.HELPDESK, Role.ADMIN, Role.INFOSEC};

    private final Database db;
    private final Clock clock;
    private final PeopleService people;
    private final DeviceService devices;
    private final BookingRepository repo = new BookingRepository();

    public BookingService(Database db, Clock clock, PeopleService people, DeviceService devices) {
        this.db = db;
        this.clock = clock;
        this.people = people;
        this.devices = devices;
    }

    /** Today in the office's calendar (ADR 0006). */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), AppClock.OFFICE_ZONE);
    }

    // ---- booking ----

    /** Books a pool device; {@code draft.personId()} null means the signed-in person. Returns the booking's id. */
    public long book(Session s, BookingDraft draft) {
        Long personId = draft.personId() != null ? draft.personId() : s.personId();
        if (personId == null) throw Refused.because("person", "Choose the person the device is booked for.");
        s.requireSelfOr(personId, MANAGE);
        BookingDraft d = new BookingDraft(draft.deviceId(), personId, draft.from(), draft.to(), blankToNull(draft.purpose()));
        return db.inTransaction(h -> bookInTransaction(h, s, d, today()));
    }

    /**
     * The same rules inside a caller's transaction; bookings may not start before {@code earliest} (today for
     * people; the demo passes an earlier day to record bookings that began before it was made).
     */
    public long bookInTransaction(Handle h, Session s, BookingDraft d, LocalDate earliest) {
        Problems p = new Problems();
        p.required(d.deviceId(), "device", "The pool device");
        p.required(d.personId(), "person", "The person it is booked for");
        p.required(d.from(), "from", "The first day");
        p.required(d.to(), "to", "The last day");
        p.required(d.purpose(), "purpose", "The purpose");
        if (d.from() != null && d.to() != null && d.to().isBefore(d.from())) {
            p.add("to", "The last day (" + DAY.format(d.to()) + ") is before the first day (" + DAY.format(d.from()) + "). Check both dates.");
        }
        if (d.from() != null && d.from().isBefore(earliest)) {
            p.add("from", "The first day (" + DAY.format(d.from()) + ") is in the past. Book from today (" + DAY.format(earliest) + ") onwards.");
        }
        p.throwIfAny();
        repo.lockDevice(h, d.deviceId());
        Device device = devices.deviceInTransaction(h, d.deviceId());
        Person person = people.byId(h, d.personId());
        checkDevice(p, h, device);
        checkDesignated(p, h, device, person);
        checkDeclaration(p, h, person.id());
        checkFree(p, h, s, device, d.from(), d.to());
        p.throwIfAny();
        Instant now = clock.instant();
        long id = repo.insert(h, device.id(), person.id(), d.from(), d.to(), d.purpose(), null, false, now, s.username());
        Audit.record(h, s, now, "BOOKING_CREATED", "booking", id, device.assetTag() + " booked for " + person.fullName() + ", "
                + days(d.from(), d.to()) + ": " + d.purpose());
        return id;
    }

    private static void checkDevice(Problems p, Handle h, Device d) {
        if (!d.isPool()) {
            p.add("device", d.assetTag() + " is an issued device, not a pool device, so it is not booked: it stays with its holder.");
            return;
        }
        switch (d.status()) {
            case LOST -> p.add("device", d.assetTag() + " is recorded as lost, so it cannot be booked. Choose another device.");
            case STOLEN -> p.add("device", d.assetTag() + " is recorded as stolen, so it cannot be booked. Choose another device.");
            case RETIRED -> p.add("device", d.assetTag() + " is retired, so it cannot be booked. Choose another device.");
            case QUARANTINED -> p.add("device", d.assetTag() + " is quarantined (suspected tampering), so it cannot be booked until the"
                    + " help desk has checked it and cleared the quarantine.");
            default -> { }
        }
    }

    // policy 50: only named designated users share a pool device
    private void checkDesignated(Problems p, Handle h, Device d, Person person) {
        if (!d.isPool()) return;
        List<DesignatedUser> users = devices.designatedUsersInTransaction(h, d.id());
        if (users.stream().noneMatch(u -> u.personId() == person.id())) {
            p.add("person", person.fullName() + " is not a designated user of pool device " + d.assetTag()
                    + (d.team() == null ? "" : " (team " + d.team() + ")") + ", so it cannot be booked for them. "
                    + (users.isEmpty() ? "It has no designated users yet." : "Its designated users are "
                    + users.stream().map(DesignatedUser::name).collect(Collectors.joining(", ")) + ".")
                    + " The help desk can add " + person.fullName() + " to the list first.");
        }
    }

    private void checkDeclaration(Problems p, Handle h, long personId) {
        try {
            people.requireCurrentDeclaration(h, personId, "person");
        } catch (Refused r) {
            r.problems().forEach(x -> p.add(x.field(), x.message()));
        }
    }

    /** No other active booking shares a day, and no loaner of the device is waiting to be wiped. */
    private void checkFree(Problems p, Handle h, Session s, Device d, LocalDate from, LocalDate to) {
        for (Booking other : repo.overlapping(h, d.id(), from, to)) {
            // staff are told the days are taken, not by whom
            String whom = s.hasAny(READ_ALL) || s.isSelf(other.personId()) ? other.personName() : "someone else";
            p.add(null, d.assetTag() + " is already booked for " + whom + " " + days(other.from(), other.to())
                    + ". A booking holds the device on its first and last days too; choose other days or another device.");
        }
        for (Booking loaner : repo.awaitingWipe(h, d.id())) {
            p.add("device", wipeMessage(d.assetTag(), loaner));
        }
    }

    private static String wipeMessage(String assetTag, Booking loaner) {
        return assetTag + " went abroad as a travel loaner (" + loaner.purpose() + ", " + days(loaner.from(), loaner.to())
                + ") and has not been recorded as wiped and re-imaged. It cannot be booked or checked out again until the help desk records that.";
    }

    static String days(LocalDate from, LocalDate to) {
        return from.equals(to) ? "on " + DAY.format(from) : "from " + DAY.format(from) + " to " + DAY.format(to);
    }

    // ---- cancelling, checking out, the wipe ----

    /** The person it is for, or the help desk, cancels a booking not yet checked out. */
    public void cancel(Session s, long id) {
        db.useTransaction(h -> {
            Booking b = repo.byId(h, id).orElseThrow(() -> Refused.because("That booking no longer exists."));
            s.requireSelfOr(b.personId(), MANAGE);
            switch (b.status()) {
                case CANCELLED -> throw Refused.because("This booking of " + b.assetTag() + " was already cancelled by " + b.cancelledBy() + ".");
                case CHECKED_OUT -> throw Refused.because(b.assetTag() + " is already checked out against this booking; check it in instead of cancelling.");
                default -> { }
            }
            Instant now = clock.instant();
            if (!repo.cancel(h, id, now, s.username())) throw Refused.because("Someone changed this booking meanwhile; reload and try again.");
            Audit.record(h, s, now, "BOOKING_CANCELLED", "booking", id, b.assetTag() + " for " + b.personName() + " " + days(b.from(), b.to()) + " cancelled");
        });
    }

    /**
     * The help desk hands the device over against the booking: from its first day to its last, through the
     * device register's check-out rules (designated user, declaration, usable, not held).
     */
    public Custody checkOut(Session s, long id) {
        s.require(MANAGE);
        return db.inTransaction(h -> {
            Booking b = repo.byId(h, id).orElseThrow(() -> Refused.because("That booking no longer exists."));
            repo.lockDevice(h, b.deviceId());
            LocalDate today = today();
            Problems p = new Problems();
            switch (b.status()) {
                case CANCELLED -> p.add(null, "This booking was cancelled by " + b.cancelledBy() + "; make a new one.");
                case CHECKED_OUT -> p.add(null, b.assetTag() + " is already checked out against this booking.");
                default -> {
                    if (today.isBefore(b.from())) p.add(null, "This booking starts " + DAY.format(b.from()) + "; " + b.assetTag() + " can be checked out from that day.");
                    if (today.isAfter(b.to())) p.add(null, "This booking ended " + DAY.format(b.to()) + " without being collected; make a new booking.");
                }
            }
            for (Booking loaner : repo.awaitingWipe(h, b.deviceId())) p.add(null, wipeMessage(b.assetTag(), loaner));
            p.throwIfAny();
            Custody c = devices.checkOutInTransaction(h, s, b.deviceId(), b.personId());
            Instant now = clock.instant();
            repo.markCheckedOut(h, id, c.id(), now);
            Audit.record(h, s, now, "BOOKING_CHECKED_OUT", "booking", id, b.assetTag() + " checked out to " + b.personName()
                    + " against the booking " + days(b.from(), b.to()));
            return c;
        });
    }

    /** For the demo: a booking that was checked out before, against the open custody record {@code custodyId}. */
    public void recordCheckedOutInTransaction(Handle h, Session s, long id, long custodyId, Instant at) {
        Booking b = repo.byId(h, id).orElseThrow(() -> Refused.because("That booking no longer exists."));
        repo.markCheckedOut(h, id, custodyId, at);
        Audit.record(h, s, clock.instant(), "BOOKING_CHECKED_OUT", "booking", id, b.assetTag() + " checked out to " + b.personName()
                + " against the booking " + days(b.from(), b.to()));
    }

    /** The help desk records that a loaner back from travel was wiped and re-imaged: it can be booked again. */
    public void recordWiped(Session s, long id) {
        s.require(MANAGE);
        db.useTransaction(h -> {
            Booking b = repo.byId(h, id).orElseThrow(() -> Refused.because("That booking no longer exists."));
            wipe(h, s, b);
        });
    }

    private void wipe(Handle h, Session s, Booking b) {
        if (!b.wipeRequired()) throw Refused.because("This booking of " + b.assetTag() + " is not a travel loaner, so no wipe is recorded for it.");
        if (b.wipedAt() != null) throw Refused.because(b.assetTag() + " was already recorded as wiped and re-imaged by " + b.wipedBy() + ".");
        if (b.status() != Booking.Status.CHECKED_OUT) throw Refused.because(b.assetTag() + " was never checked out for this trip, so there is nothing to wipe.");
        if (b.returnedAt() == null) {
            throw Refused.because(b.assetTag() + " is still checked out to " + b.personName() + "; check it in before recording that it was wiped and re-imaged.");
        }
        Instant now = clock.instant();
        repo.markWiped(h, b.id(), now, s.username());
        Audit.record(h, s, now, "LOANER_WIPED", "booking", b.id(), b.assetTag() + " wiped and re-imaged after travel (" + b.purpose() + ")");
    }

    // ---- reading ----

    public Booking get(Session s, long id) {
        Booking b = db.read(h -> repo.byId(h, id)).orElseThrow(() -> Refused.because("That booking no longer exists."));
        if (!s.hasAny(READ_ALL) && !s.isSelf(b.personId())) throw new AccessDenied("Your account can only see your own bookings.");
        return b;
    }

    /** A person's bookings, newest first. STAFF only their own. */
    public List<Booking> ofPerson(Session s, long personId) {
        s.requireSelfOr(personId, READ_ALL);
        return db.read(h -> repo.ofPerson(h, personId));
    }

    /** Every booking of a device, newest first (the help desk and Information Security). */
    public List<Booking> ofDevice(Session s, long deviceId) {
        s.require(READ_ALL);
        return db.read(h -> repo.ofDevice(h, deviceId));
    }

    /** A pool device the session may book or look at, for the form and the calendar. */
    public record PoolDevice(long id, String assetTag, String makeModel, Device.Kind kind, String team, Device.Status status) {
        @Override public String toString() {
            return makeModel == null ? assetTag : assetTag + " (" + makeModel + ")";
        }
    }

    /** Pool devices of a team (null: all): every one for the help desk, only those the person is designated on for STAFF. */
    public List<PoolDevice> poolDevices(Session s, String team) {
        Long only = s.hasAny(READ_ALL) ? null : s.personId();
        if (!s.hasAny(READ_ALL) && only == null) return List.of();
        return db.read(h -> repo.poolDevices(h, team, only)).stream()
                .map(d -> new PoolDevice(d.id(), d.assetTag(), d.makeModel(), Device.Kind.valueOf(d.kind()), d.team(), Device.Status.valueOf(d.status())))
                .toList();
    }

    public List<String> teams(Session s) {
        if (s.hasAny(READ_ALL)) return db.read(repo::poolTeams);
        return poolDevices(s, null).stream().map(PoolDevice::team).filter(t -> t != null).distinct().sorted().toList();
    }

    /**
     * The calendar: one row per pool device of the team (or the one device), with the bookings touching
     * {@code from} and the {@code days - 1} days after. STAFF see the devices they are designated users of;
     * other people's bookings show as "Booked", without name or purpose.
     */
    public List<CalendarRow> calendar(Session s, String team, Long deviceId, LocalDate from, int days) {
        LocalDate to = from.plusDays(Math.max(1, days) - 1);
        List<PoolDevice> shown = poolDevices(s, team).stream().filter(d -> deviceId == null || d.id() == deviceId).toList();
        if (shown.isEmpty()) return List.of();
        Map<Long, List<Booking>> byDevice = db.read(h -> repo.touching(h, team, deviceId, from, to)).stream()
                .map(b -> s.hasAny(READ_ALL) || s.isSelf(b.personId()) ? b : masked(b))
                .collect(Collectors.groupingBy(Booking::deviceId));
        List<CalendarRow> rows = new ArrayList<>();
        for (PoolDevice d : shown) {
            rows.add(new CalendarRow(d.id(), d.assetTag(), d.makeModel(), d.team(), d.status().label(), byDevice.getOrDefault(d.id(), List.of())));
        }
        return rows;
    }

    private static Booking masked(Booking b) {
        return new Booking(b.id(), b.deviceId(), b.assetTag(), b.makeModel(), b.team(), -1, "Booked", b.from(), b.to(), "", b.status(),
                null, null, null, b.returnedAt(), b.createdAt(), "", null, null, false, null, null);
    }

    /** For the dashboard: bookings due out today and not collected, and checked-out ones past their last day. */
    public record Today(LocalDate today, List<Booking> dueOut, List<Booking> overdue) {}

    /** The help desk sees everyone's; anyone else their own. */
    public Today today(Session s) {
        LocalDate today = today();
        List<Booking> all = db.read(h -> repo.needingAction(h, today)).stream()
                .filter(b -> s.hasAny(READ_ALL) || s.isSelf(b.personId())).toList();
        return new Today(today, all.stream().filter(b -> b.state(today) == Booking.State.DUE_OUT).toList(),
                all.stream().filter(b -> b.state(today) == Booking.State.OVERDUE).toList());
    }

    // ---- travel loaners (TravelLoaners, called by TravelService inside its transaction) ----

    @Override
    public Loaner book(Handle h, Session s, long noticeId, String reference, long travellerId, Device.Kind kind, LocalDate from, LocalDate to) {
        LocalDate today = today();
        if (to.isBefore(today)) throw Refused.because("loaner", reference + " ended on " + DAY.format(to) + ", so a loaner can no longer be booked for it.");
        LocalDate start = from.isBefore(today) ? today : from;
        for (Booking existing : repo.ofNotice(h, noticeId)) {
            if (existing.isActive()) {
                throw Refused.because("loaner", reference + " already has a loaner: " + existing.device() + " " + days(existing.from(), existing.to()) + ".");
            }
        }
        people.requireCurrentDeclaration(h, travellerId, "loaner");
        PoolDevice chosen = null;
        for (BookingRepository.PoolDevice d : repo.poolDevices(h, null, null)) {
            if (!d.kind().equals(kind.name())) continue;
            if (!Device.Status.valueOf(d.status()).canBeHandedOut()) continue;
            if (!repo.overlapping(h, d.id(), start, to).isEmpty() || !repo.awaitingWipe(h, d.id()).isEmpty()) continue;
            if (devices.deviceInTransaction(h, d.id()).isHeld()) continue; // a clean loaner is one back with the help desk
            chosen = new PoolDevice(d.id(), d.assetTag(), d.makeModel(), kind, d.team(), Device.Status.valueOf(d.status()));
            break;
        }
        if (chosen == null) {
            throw Refused.because("loaner", "No clean pool " + kind.label().toLowerCase(Locale.UK) + " is free " + days(start, to)
                    + ": every one is booked, out of use, checked out or waiting to be wiped after travel. Ask the help desk to free or add one, or decide without a loaner.");
        }
        repo.lockDevice(h, chosen.id());
        Person traveller = people.byId(h, travellerId);
        boolean designated = devices.designatedUsersInTransaction(h, chosen.id()).stream().anyMatch(u -> u.personId() == travellerId);
        // policy 50: the traveller becomes a named designated user of the loaner, recorded like any other
        if (!designated) devices.addDesignatedUserInTransaction(h, s, chosen.id(), travellerId);
        Instant now = clock.instant();
        String purpose = "Travel loaner for " + reference;
        long id = repo.insert(h, chosen.id(), travellerId, start, to, purpose, noticeId, true, now, s.username());
        Audit.record(h, s, now, "BOOKING_CREATED", "booking", id, chosen.assetTag() + " booked for " + traveller.fullName() + ", "
                + days(start, to) + ": " + purpose);
        return loaner(repo.byId(h, id).orElseThrow());
    }

    @Override
    public List<Loaner> ofNotice(Handle h, long noticeId) {
        return repo.ofNotice(h, noticeId).stream().map(BookingService::loaner).toList();
    }

    @Override
    public void recordWiped(Handle h, Session s, long noticeId) {
        for (Booking b : repo.ofNotice(h, noticeId)) {
            if (b.awaitingWipe()) wipe(h, s, b);
        }
    }

    private static Loaner loaner(Booking b) {
        return new Loaner(b.id(), b.deviceId(), b.assetTag(), b.device(), b.from(), b.to(), b.status() == Booking.Status.CHECKED_OUT,
                b.returnedAt() != null, b.status() == Booking.Status.CANCELLED, b.wipedAt(), b.wipedBy());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
