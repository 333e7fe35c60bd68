package org.devicedesk.devices;

import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.devicedesk.core.AccessDenied;
import org.devicedesk.core.AppClock;
import org.devicedesk.core.Audit;
import org.devicedesk.core.Csv;
import org.devicedesk.core.Database;
import org.devicedesk.core.Problems;
import org.devicedesk.core.Refused;
import org.devicedesk.core.Versions;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.people.PeopleService;
import org.devicedesk.people.Person;
import org.jdbi.v3.core.Handle;

/**
 * The device register (SPEC section 2): devices, issue and return, pool check-out and check-in,
 * designated pool users and the custody history that answers "who held this device at T" (policy 50).
 * HELPDESK and ADMIN manage devices; INFOSEC and the DPO may look; STAFF see only what they hold.
 */
public final class DeviceService {
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm").withZone(AppClock.OFFICE_ZONE);
    private static final Role[] MANAGE = {Role.HELPDESK, Role.ADMIN};
    private static final Role[] READ_ALL = {Role.HELPDESK, Role.ADMIN, Role.INFOSEC, Role.DPO};

    /** The columns of the CSV export, which the device import reads back. */
    public static final List<String> CSV_COLUMNS = List.of("asset_tag", "kind", "make_model", "serial_number", "imei",
            "phone_number", "encrypted", "mode", "status", "team", "notes", "holder", "held_since");

    private final Database db;
    private final Clock clock;
    private final PeopleService people;
    private final DeviceRepository repo;
    private final DeviceImport importer;

    public DeviceService(Database db, Clock clock, PeopleService people) {
        this.db = db;
        this.clock = clock;
        this.people = people;
        this.repo = new DeviceRepository(db.dialect() == Database.Dialect.SQLITE);
        this.importer = new DeviceImport(db, clock, this);
    }

    /** CSV import of devices: preview, then all rows or none. */
    public DeviceImport importer() {
        return importer;
    }

    // ---- reading ----

    /** One page of the register, filtered and sorted in the database. */
    public DeviceQuery.Page list(Session s, DeviceQuery q) {
        s.require(READ_ALL);
        return db.read(h -> repo.page(h, q));
    }

    /** A device, if the session may see it: STAFF only a device they hold now. */
    public Optional<Device> get(Session s, long id) {
        Optional<Device> d = db.read(h -> repo.byId(h, id));
        d.ifPresent(device -> requireCanSee(s, device));
        return d;
    }

    private static void requireCanSee(Session s, Device d) {
        if (s.hasAny(READ_ALL)) return;
        if (d.holder() != null && s.isSelf(d.holder().personId())) return;
        throw new AccessDenied("Your account (" + s.username() + ") can only see the devices you hold.");
    }

    /**
     * Scan-to-open: the device whose asset tag is exactly {@code tag} (asset tags are unique whatever the case),
     * if the session may see it; empty for anything else, so a typed search carries on as a search.
     */
    public Optional<Device> byAssetTag(Session s, String tag) {
        if (tag == null || tag.isBlank()) return Optional.empty();
        Optional<Device> d = db.read(h -> repo.byAssetTag(h, tag.strip()));
        return d.filter(device -> s.hasAny(READ_ALL) || (device.holder() != null && s.isSelf(device.holder().personId())));
    }

    /** For other services, inside their transaction: the device, or a refusal if it is not in the register. */
    public Device deviceInTransaction(Handle h, long id) {
        return repo.byId(h, id).orElseThrow(() -> Refused.because("device", "That device is no longer in the register."));
    }

    /** Devices issued to the person or checked out to them now. STAFF only for themselves. */
    public List<Device> devicesHeldBy(Session s, long personId) {
        s.requireSelfOr(personId, READ_ALL);
        return db.read(h -> repo.heldBy(h, personId));
    }

    /** For other services, inside their transaction. */
    public List<Device> devicesHeldByInTransaction(Handle h, long personId) {
        return repo.heldBy(h, personId);
    }

    /** "My devices": what the signed-in person holds now. */
    public List<Device> myDevices(Session s) {
        if (s.personId() == null) return List.of();
        return devicesHeldBy(s, s.personId());
    }

    /** Every custody record of a person, newest first: what they hold now and held before. */
    public List<Custody> custodyOfPerson(Session s, long personId) {
        s.requireSelfOr(personId, READ_ALL);
        return db.read(h -> repo.custodyOfPerson(h, personId));
    }

    /**
     * A person's devices for their page: held now and held before. HELPDESK, ADMIN and those who may
     * read the register (INFOSEC, DPO) for anyone; everyone else only for themselves (My page).
     */
    public PersonCustody personCustody(Session s, long personId) {
        s.requireSelfOr(personId, READ_ALL);
        return db.read(h -> new PersonCustody(repo.heldBy(h, personId),
                repo.custodyOfPerson(h, personId).stream().filter(c -> !c.isOpen()).toList()));
    }

    /** Pool devices the person is a designated user of. */
    public List<Device> poolDevicesOf(Session s, long personId) {
        s.requireSelfOr(personId, READ_ALL);
        return db.read(h -> repo.poolDevicesOf(h, personId));
    }

    /** The custody history of a device, newest first. */
    public List<Custody> custodyHistory(Session s, long deviceId) {
        s.require(READ_ALL);
        return db.read(h -> repo.custodyOfDevice(h, deviceId));
    }

    /** Policy 50: who held the device at {@code at} (held from inclusive, returned at exclusive). */
    public Optional<Custody> whoHeldAt(Session s, long deviceId, Instant at) {
        s.require(READ_ALL);
        return db.read(h -> repo.custodyAt(h, deviceId, at));
    }

    /** For other services, inside their transaction: the person who held the device at {@code at}. */
    public Optional<Long> holderAt(Handle h, long deviceId, Instant at) {
        return repo.custodyAt(h, deviceId, at).map(Custody::personId);
    }

    public List<DesignatedUser> designatedUsers(Session s, long deviceId) {
        s.require(READ_ALL);
        return db.read(h -> repo.designatedUsers(h, deviceId));
    }

    public List<String> teams(Session s) {
        s.require(READ_ALL);
        return db.read(repo::teams);
    }

    /** How many devices have each status (for the dashboard). */
    public java.util.Map<Device.Status, Integer> countByStatus(Session s) {
        s.require(READ_ALL);
        java.util.Map<Device.Status, Integer> out = new java.util.EnumMap<>(Device.Status.class);
        for (Device.Status st : Device.Status.values()) out.put(st, 0);
        db.read(repo::countByStatus).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** Writes every device matching the filters (not just the page) as CSV; cells that could run as formulas are neutralised. */
    public int exportCsv(Session s, DeviceQuery q, Writer out) {
        s.require(READ_ALL);
        List<List<String>> rows = new ArrayList<>();
        db.read(h -> {
            repo.forEach(h, q.page(0, 0), d -> rows.add(csvRow(d)));
            return null;
        });
        Csv.write(out, CSV_COLUMNS, rows);
        return rows.size();
    }

    private static List<String> csvRow(Device d) {
        return List.of(d.assetTag(), d.kind().name(), nz(d.makeModel()), nz(d.serialNumber()), nz(d.imei()), nz(d.phoneNumber()),
                d.encrypted() ? "yes" : "no", d.mode().name(), d.status().name(), nz(d.team()), nz(d.notes()),
                d.holder() == null ? "" : d.holder().name(), d.holder() == null ? "" : d.holder().since().toString());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    // ---- creating and editing ----

    public long create(Session s, DeviceDraft draft) {
        s.require(MANAGE);
        return db.inTransaction(h -> createInTransaction(h, s, draft));
    }

    /** Creates a device inside a caller's transaction (import, demo); audited as {@code actor}. */
    public long createInTransaction(Handle h, Session actor, DeviceDraft draft) {
        DeviceDraft d = normalise(draft);
        validate(h, d, null);
        Instant now = clock.instant();
        long id = repo.insert(h, d, now);
        Audit.record(h, actor, now, "DEVICE_CREATED", "device", id, createdSummary(d));
        return id;
    }

    /** Saves the device form without a version check: for imports and other callers that hold no form. */
    public void update(Session s, long id, DeviceDraft draft) {
        update(s, id, null, draft);
    }

    /**
     * Saves the device form loaded at {@code expectedVersion} ({@link Device#version()}); refused with a
     * {@link org.devicedesk.core.Conflict} when the device changed since, nothing stored.
     */
    public void update(Session s, long id, Long expectedVersion, DeviceDraft draft) {
        s.require(MANAGE);
        DeviceDraft d = normalise(draft);
        db.useTransaction(h -> {
            Device before = repo.byIdForUpdate(h, id).orElseThrow(() -> Refused.because("That device is no longer in the register."));
            Versions.check(h, "device", id, expectedVersion, before.version(), "Device " + before.assetTag());
            validate(h, d, id);
            Problems p = new Problems();
            if (before.holder() != null) {
                p.addIf(d.mode() != before.mode(), "mode", before.assetTag() + " is " + heldPhrase(before)
                        + "; " + (before.isPool() ? "check it in" : "return it") + " before changing its mode.");
                p.addIf(d.status() == Device.Status.RETIRED || d.status() == Device.Status.IN_STOCK, "status", before.assetTag() + " is "
                        + heldPhrase(before) + ", so it cannot be " + d.status().label().toLowerCase() + "; "
                        + (before.isPool() ? "check it in" : "return it") + " first.");
            }
            p.throwIfAny();
            Instant now = clock.instant();
            repo.update(h, id, d, now);
            String change = describeChange(before.draft(), d);
            if (before.isPool() && d.mode() == Device.Mode.ISSUED) {
                int n = repo.designatedUsers(h, id).size();
                repo.removeAllDesignated(h, id);
                if (n > 0) change += " removed " + n + " designated pool user" + (n == 1 ? "" : "s") + ";";
            }
            Audit.record(h, s, now, "DEVICE_UPDATED", "device", id, change);
        });
    }

    /** Takes a device out of use for good (it stays in the register and its history is kept). */
    public void retire(Session s, long id, String reason) {
        s.require(MANAGE);
        db.useTransaction(h -> setStatusInTransaction(h, s, id, Device.Status.RETIRED, reason));
    }

    /** The helpdesk changes a device's status by hand, for example clearing a quarantined device after checking it. */
    public void setStatus(Session s, long id, Device.Status status, String reason) {
        s.require(MANAGE);
        db.useTransaction(h -> setStatusInTransaction(h, s, id, status, reason));
    }

    /** Clears a quarantined device after the helpdesk has checked it: it goes back to stock (or service, if held). */
    public void clearQuarantine(Session s, long id, String note) {
        s.require(MANAGE);
        db.useTransaction(h -> {
            Device d = repo.byIdForUpdate(h, id).orElseThrow(() -> Refused.because("That device is no longer in the register."));
            if (d.status() != Device.Status.QUARANTINED) {
                throw Refused.because(d.assetTag() + " is not quarantined (it is " + d.status().label().toLowerCase() + "), so there is nothing to clear.");
            }
            setStatusInTransaction(h, s, id, d.isHeld() ? Device.Status.IN_SERVICE : Device.Status.IN_STOCK,
                    "Quarantine cleared by the helpdesk" + (note == null || note.isBlank() ? "" : ": " + note.strip()));
        });
    }

    /**
     * For other services inside their transaction (incidents: lost, stolen, quarantined, recovered);
     * the caller has checked the session may do this. Audited with the reason.
     */
    public void setStatusInTransaction(Handle h, Session s, long deviceId, Device.Status status, String reason) {
        Objects.requireNonNull(status, "status");
        Device d = repo.byIdForUpdate(h, deviceId).orElseThrow(() -> Refused.because("device", "That device is no longer in the register."));
        if (d.status() == status) return;
        if (status == Device.Status.RETIRED && d.isHeld()) {
            throw Refused.because("status", d.describe() + " is " + heldPhrase(d) + "; "
                    + (d.isPool() ? "check it in" : "return it") + " before retiring it.");
        }
        Instant now = clock.instant();
        repo.setStatus(h, deviceId, status, now);
        Audit.record(h, s, now, "DEVICE_STATUS_CHANGED", "device", deviceId, d.assetTag() + ": " + d.status().label() + " → "
                + status.label() + (reason == null || reason.isBlank() ? "" : " (" + reason.strip() + ")"));
    }

    // ---- issue and return (policy 50: one holder at a time, never shared) ----

    public Custody issue(Session s, long deviceId, Long personId) {
        s.require(MANAGE);
        if (personId == null) throw Refused.because("person", "Choose the person to issue the device to.");
        return db.inTransaction(h -> {
            Device d = repo.byIdForUpdate(h, deviceId).orElseThrow(() -> Refused.because("That device is no longer in the register."));
            Problems p = new Problems();
            if (d.isPool()) {
                p.add(null, d.assetTag() + " is a pool device of " + teamName(d) + ", so it is not issued to one person."
                        + " Check it out to one of its designated users instead.");
            }
            refuseUnlessHandable(p, d, "issued");
            refuseIfHeld(p, d, personId);
            requirePerson(h, p, personId);
            p.throwIfAny();
            return handOut(h, s, d, personId, Custody.Kind.ISSUE, "DEVICE_ISSUED", "Issued ");
        });
    }

    public void returnDevice(Session s, long deviceId) {
        s.require(MANAGE);
        db.useTransaction(h -> {
            Device d = repo.byIdForUpdate(h, deviceId).orElseThrow(() -> Refused.because("That device is no longer in the register."));
            if (d.isPool()) throw Refused.because(d.assetTag() + " is a pool device; check it in instead of returning it.");
            takeBack(h, s, d, "DEVICE_RETURNED", " returned by ", "is not issued to anyone, so there is nothing to return.");
        });
    }

    // ---- pool devices ----

    public Custody checkOut(Session s, long deviceId, Long personId) {
        s.require(MANAGE);
        if (personId == null) throw Refused.because("person", "Choose the designated user who is taking the device.");
        return db.inTransaction(h -> checkOutInTransaction(h, s, deviceId, personId));
    }

    /**
     * The pool check-out rules inside a caller's transaction (a check-out against a booking); the caller has
     * checked the session may hand devices out.
     */
    public Custody checkOutInTransaction(Handle h, Session s, long deviceId, long personId) {
        {
            Device d = repo.byIdForUpdate(h, deviceId).orElseThrow(() -> Refused.because("That device is no longer in the register."));
            Problems p = new Problems();
            if (!d.isPool()) {
                p.add(null, d.assetTag() + " is not a pool device; issue it to its holder instead of checking it out.");
                p.throwIfAny();
            }
            refuseUnlessHandable(p, d, "checked out");
            refuseIfHeld(p, d, personId);
            if (!repo.isDesignated(h, deviceId, personId)) {
                List<DesignatedUser> users = repo.designatedUsers(h, deviceId);
                String name = people.byId(h, personId).fullName();
                p.add("person", name + " is not a designated user of pool device " + d.assetTag() + " (" + teamName(d) + "). "
                        + (users.isEmpty() ? "It has no designated users yet: add them to its designated users first."
                        : "Choose one of its designated users (" + users.stream().map(DesignatedUser::name).collect(Collectors.joining(", "))
                        + "), or add " + name + " to the list first."));
            }
            requirePerson(h, p, personId);
            p.throwIfAny();
            return handOut(h, s, d, personId, Custody.Kind.POOL_CHECKOUT, "POOL_CHECKED_OUT", "Checked out ");
        }
    }

    public void checkIn(Session s, long deviceId) {
        s.require(MANAGE);
        db.useTransaction(h -> {
            Device d = repo.byIdForUpdate(h, deviceId).orElseThrow(() -> Refused.because("That device is no longer in the register."));
            if (!d.isPool()) throw Refused.because(d.assetTag() + " is an issued device; return it instead of checking it in.");
            takeBack(h, s, d, "POOL_CHECKED_IN", " checked in from ", "is not checked out, so there is nothing to check in.");
        });
    }

    /** Adds a named designated user to a pool device; they need a current declaration (SPEC section 1). */
    public void addDesignatedUser(Session s, long deviceId, Long personId) {
        s.require(MANAGE);
        if (personId == null) throw Refused.because("designated-person", "Choose the person to add as a designated user.");
        db.useTransaction(h -> addDesignatedUserInTransaction(h, s, deviceId, personId));
    }

    /** For import and demo data, inside the caller's transaction; the same rules. */
    public void addDesignatedUserInTransaction(Handle h, Session s, long deviceId, long personId) {
        Device d = repo.byIdForUpdate(h, deviceId).orElseThrow(() -> Refused.because("That device is no longer in the register."));
        if (!d.isPool()) throw Refused.because("designated-person", d.assetTag() + " is an issued device; only pool devices have designated users.");
        if (d.status() == Device.Status.RETIRED) throw Refused.because("designated-person", d.assetTag() + " is retired, so it no longer has designated users.");
        Person person = people.byId(h, personId);
        if (repo.isDesignated(h, deviceId, personId)) {
            throw Refused.because("designated-person", person.fullName() + " is already a designated user of " + d.assetTag() + ".");
        }
        people.requireCurrentDeclaration(h, personId, "designated-person");
        Instant now = clock.instant();
        repo.addDesignated(h, deviceId, personId, now);
        Audit.record(h, s, now, "POOL_USER_ADDED", "device", deviceId, person.fullName() + " added as a designated user of pool device " + d.assetTag());
    }

    /** For other services, inside their transaction. */
    public List<DesignatedUser> designatedUsersInTransaction(Handle h, long deviceId) {
        return repo.designatedUsers(h, deviceId);
    }

    public void removeDesignatedUser(Session s, long deviceId, long personId) {
        s.require(MANAGE);
        db.useTransaction(h -> {
            Device d = repo.byIdForUpdate(h, deviceId).orElseThrow(() -> Refused.because("That device is no longer in the register."));
            Person person = people.byId(h, personId);
            if (!repo.isDesignated(h, deviceId, personId)) {
                throw Refused.because(person.fullName() + " is not a designated user of " + d.assetTag() + ".");
            }
            if (d.holder() != null && d.holder().personId() == personId) {
                throw Refused.because(d.assetTag() + " is checked out to " + person.fullName() + "; check it in before removing them from its designated users.");
            }
            repo.removeDesignated(h, deviceId, personId);
            Audit.record(h, s, clock.instant(), "POOL_USER_REMOVED", "device", deviceId, person.fullName() + " removed from the designated users of pool device " + d.assetTag());
        });
    }

    /**
     * Records custody that happened before (import of paper records, demo data): {@code to} null means
     * still held. Refused if it overlaps another record of the same device, so "who held it at T" keeps one answer.
     */
    public long recordPastCustodyInTransaction(Handle h, Session actor, long deviceId, long personId, Custody.Kind kind, Instant from, Instant to) {
        Device d = repo.byIdForUpdate(h, deviceId).orElseThrow(() -> Refused.because("That device is no longer in the register."));
        Person person = people.byId(h, personId);
        if (from == null) throw Refused.because("from", "Enter when the custody began.");
        if (to != null && to.isBefore(from)) throw Refused.because("to", "The custody cannot end before it began.");
        if (from.isAfter(clock.instant())) throw Refused.because("from", "Custody cannot begin in the future.");
        if (repo.overlaps(h, deviceId, from, to)) {
            throw Refused.because("from", d.assetTag() + " was already held by someone else during that time; custody records of a device cannot overlap.");
        }
        long id = repo.insertCustody(h, deviceId, personId, kind, from, to, actor.username());
        Audit.record(h, actor, clock.instant(), "CUSTODY_RECORDED", "device", deviceId, kind.label() + " " + d.assetTag() + " to "
                + person.fullName() + " from " + WHEN.format(from) + (to == null ? " (still held)" : " to " + WHEN.format(to)));
        return id;
    }

    // ---- the rules shared by issue and check-out ----

    private static void refuseUnlessHandable(Problems p, Device d, String verb) {
        switch (d.status()) {
            case LOST -> p.add(null, d.assetTag() + " is recorded as lost, so it cannot be " + verb + ". If it has been found, "
                    + "record its recovery on the incident (or set its status back to In stock) first.");
            case STOLEN -> p.add(null, d.assetTag() + " is recorded as stolen, so it cannot be " + verb + ". If it has been recovered, "
                    + "record the recovery on the incident and have the helpdesk check it first.");
            case RETIRED -> p.add(null, d.assetTag() + " is retired, so it cannot be " + verb + ". Choose another device.");
            case QUARANTINED -> p.add(null, d.assetTag() + " is quarantined (suspected tampering), so it cannot be " + verb
                    + " until the helpdesk has checked it and cleared the quarantine.");
            default -> { }
        }
    }

    private static void refuseIfHeld(Problems p, Device d, long personId) {
        Device.Holder holder = d.holder();
        if (holder == null) return;
        if (holder.personId() == personId) {
            p.add(null, d.assetTag() + " is already " + heldPhrase(d) + ".");
        } else if (d.isPool()) {
            p.add(null, d.assetTag() + " is already checked out to " + holder.name() + " (since " + WHEN.format(holder.since())
                    + "). A pool device goes to one designated user at a time: check it in first.");
        } else {
            p.add(null, d.assetTag() + " is already issued to " + holder.name() + " (since " + WHEN.format(holder.since())
                    + "). A device is never shared (policy 50): return it from " + holder.name() + " first, then issue it.");
        }
    }

    private void requirePerson(Handle h, Problems p, long personId) {
        try {
            people.requireCurrentDeclaration(h, personId, "person");
        } catch (Refused r) {
            r.problems().forEach(pr -> p.add(pr.field(), pr.message()));
        }
    }

    private Custody handOut(Handle h, Session s, Device d, long personId, Custody.Kind kind, String action, String verb) {
        Instant now = clock.instant();
        Person person = people.byId(h, personId);
        repo.openCustody(h, d.id(), personId, kind, now, s.username());
        if (d.status() == Device.Status.IN_STOCK) repo.setStatus(h, d.id(), Device.Status.IN_SERVICE, now);
        Audit.record(h, s, now, action, "device", d.id(), verb + d.describe() + " to " + person.fullName());
        return repo.openCustodyOf(h, d.id()).orElseThrow();
    }

    private void takeBack(Handle h, Session s, Device d, String action, String verb, String nothingToDo) {
        Custody open = repo.openCustodyOf(h, d.id()).orElseThrow(() -> Refused.because(d.assetTag() + " " + nothingToDo));
        Instant now = clock.instant();
        repo.closeCustody(h, open.id(), now, s.username());
        if (d.status() == Device.Status.IN_SERVICE) repo.setStatus(h, d.id(), Device.Status.IN_STOCK, now);
        Audit.record(h, s, now, action, "device", d.id(), d.describe() + verb + open.personName());
    }

    private static String heldPhrase(Device d) {
        Device.Holder holder = d.holder();
        return (holder.kind() == Custody.Kind.POOL_CHECKOUT ? "checked out to " : "issued to ") + holder.name()
                + " (since " + WHEN.format(holder.since()) + ")";
    }

    private static String teamName(Device d) {
        return d.team() == null ? "no team" : "team " + d.team();
    }

    // ---- validation ----

    static DeviceDraft normalise(DeviceDraft d) {
        String imei = trim(d.imei());
        if (imei != null) imei = imei.replace(" ", "").replace("-", "");
        return new DeviceDraft(trim(d.assetTag()), d.kind(), trim(d.makeModel()), trim(d.serialNumber()), imei, trim(d.phoneNumber()),
                d.encrypted(), d.mode(), d.status() == null ? Device.Status.IN_STOCK : d.status(), trim(d.team()), trim(d.notes()));
    }

    private static String trim(String s) {
        if (s == null) return null;
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    private void validate(Handle h, DeviceDraft d, Long self) {
        validate(d, inRegister(h, self));
    }

    /** The device already using an asset tag: its tag and model, for the refusal. */
    record TakenBy(String assetTag, String makeModel) {}

    /** Where the uniqueness checks look: the register one query at a time, or (an import) a bulk look-up plus the file's earlier rows. */
    interface Taken {
        Optional<TakenBy> assetTag(String assetTag);

        /** The asset tag of the device that has this serial number (any case). */
        Optional<String> serial(String serialNumber);

        Optional<String> imei(String imei);
    }

    private Taken inRegister(Handle h, Long self) {
        return new Taken() {
            @Override public Optional<TakenBy> assetTag(String assetTag) {
                return repo.byAssetTag(h, assetTag).filter(other -> !Long.valueOf(other.id()).equals(self))
                        .map(other -> new TakenBy(other.assetTag(), other.makeModel()));
            }
            @Override public Optional<String> serial(String serialNumber) { return repo.assetTagBySerial(h, serialNumber, self); }
            @Override public Optional<String> imei(String imei) { return repo.assetTagByImei(h, imei, self); }
        };
    }

    /** The rules of the device form for a draft already normalised; every problem at once. */
    static void validate(DeviceDraft d, Taken taken) {
        Problems p = new Problems();
        if (d.assetTag() == null) {
            p.add("asset-tag", "The asset tag is required: it is the number on the label stuck to the device.");
        } else {
            taken.assetTag(d.assetTag()).ifPresent(other ->
                    p.add("asset-tag", "The asset tag " + d.assetTag() + " is already used by " + describeOther(other.makeModel())
                            + ". Each device needs its own asset tag."));
        }
        p.required(d.kind(), "kind", "The kind of device");
        p.required(d.mode(), "mode", "Whether the device is issued or in a pool");
        if (d.serialNumber() != null) {
            taken.serial(d.serialNumber()).ifPresent(tag ->
                    p.add("serial-number", "The serial number " + d.serialNumber() + " is already recorded for device " + tag
                            + ". Check the serial number on the device; if it is the same device, edit " + tag + " instead."));
        }
        if (d.imei() != null) {
            String imeiProblem = imeiProblem(d.imei());
            if (imeiProblem != null) {
                p.add("imei", imeiProblem);
            } else {
                taken.imei(d.imei()).ifPresent(tag ->
                        p.add("imei", "The IMEI " + d.imei() + " is already recorded for device " + tag + "."));
            }
        }
        p.addIf(d.mode() == Device.Mode.POOL && d.team() == null, "team", "A pool device belongs to a team: enter the team that keeps it.");
        p.throwIfAny();
    }

    // ---- bulk creation (CSV import) ----

    /** For the import: the register's devices that already use any of these tags, serials or IMEIs, a few queries in all. */
    Taken takenInRegister(Handle h, java.util.Collection<String> assetTags, java.util.Collection<String> serials, java.util.Collection<String> imeis) {
        java.util.Map<String, TakenBy> tags = repo.tagsTaken(h, assetTags);
        java.util.Map<String, String> serialTags = repo.serialsTaken(h, serials);
        java.util.Map<String, String> imeiTags = repo.imeisTaken(h, imeis);
        return new Taken() {
            @Override public Optional<TakenBy> assetTag(String assetTag) { return Optional.ofNullable(tags.get(DeviceRepository.fold(assetTag))); }
            @Override public Optional<String> serial(String serialNumber) { return Optional.ofNullable(serialTags.get(DeviceRepository.fold(serialNumber))); }
            @Override public Optional<String> imei(String imei) { return Optional.ofNullable(imeiTags.get(imei)); }
        };
    }

    /**
     * Creates devices already checked by {@link #validate(DeviceDraft, Taken)} (and unique among
     * themselves) in the caller's transaction: one batch of rows and one batch of audit events,
     * each event the same as {@link #createInTransaction} writes.
     */
    int createAllInTransaction(Handle h, Session actor, List<DeviceDraft> drafts) {
        if (drafts.isEmpty()) return 0;
        Instant now = clock.instant();
        long[] ids = repo.insertAll(h, drafts, now);
        List<Audit.Entry> events = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) events.add(new Audit.Entry("DEVICE_CREATED", "device", ids[i], createdSummary(drafts.get(i))));
        Audit.recordAll(h, actor, now, events);
        return drafts.size();
    }

    private static String createdSummary(DeviceDraft d) {
        return "Created " + d.mode().label().toLowerCase() + " " + d.kind().label().toLowerCase() + " " + describe(d)
                + (d.team() == null ? "" : " (team " + d.team() + ")") + ", status " + d.status().label();
    }

    private static String describeOther(String makeModel) {
        return "another device" + (makeModel == null ? "" : " (" + makeModel + ")");
    }

    private static String describe(DeviceDraft d) {
        return d.makeModel() == null ? d.assetTag() : d.assetTag() + " (" + d.makeModel() + ")";
    }

    /** An IMEI is 15 digits whose last is a Luhn check digit; null when it is right. */
    static String imeiProblem(String imei) {
        if (!imei.chars().allMatch(Character::isDigit)) {
            return "The IMEI may contain only digits; " + imei + " has other characters. Dial *#06# on the phone to see it.";
        }
        if (imei.length() != 15) {
            return "The IMEI must be 15 digits; " + imei + " has " + imei.length() + ". Dial *#06# on the phone to see it.";
        }
        if (!luhnValid(imei)) {
            return "The IMEI " + imei + " fails its check digit, so a digit is probably mistyped. Check it against the label or dial *#06# on the phone.";
        }
        return null;
    }

    /** The Luhn check (ISO/IEC 7812-1) that the last digit of an IMEI satisfies. */
    public static boolean luhnValid(String digits) {
        int sum = 0;
        boolean dbl = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int n = digits.charAt(i) - '0';
            if (dbl) {
                n *= 2;
                if (n > 9) n -= 9;
            }
            sum += n;
            dbl = !dbl;
        }
        return sum % 10 == 0;
    }

    /** The check digit that makes {@code first14} + digit a valid IMEI (for demo data and tests). */
    public static char luhnCheckDigit(String first14) {
        for (char c = '0'; c <= '9'; c++) {
            if (luhnValid(first14 + c)) return c;
        }
        throw new IllegalStateException("unreachable");
    }

    private static String describeChange(DeviceDraft a, DeviceDraft b) {
        StringBuilder sb = new StringBuilder(b.assetTag()).append(':');
        diff(sb, "asset tag", a.assetTag(), b.assetTag());
        diff(sb, "kind", a.kind(), b.kind());
        diff(sb, "make and model", a.makeModel(), b.makeModel());
        diff(sb, "serial number", a.serialNumber(), b.serialNumber());
        diff(sb, "IMEI", a.imei(), b.imei());
        diff(sb, "phone number", a.phoneNumber(), b.phoneNumber());
        diff(sb, "encrypted", a.encrypted(), b.encrypted());
        diff(sb, "mode", a.mode(), b.mode());
        diff(sb, "status", a.status(), b.status());
        diff(sb, "team", a.team(), b.team());
        diff(sb, "notes", a.notes(), b.notes());
        return sb.toString();
    }

    private static void diff(StringBuilder sb, String label, Object a, Object b) {
        if (!Objects.equals(a, b)) sb.append(' ').append(label).append(' ').append(a).append(" → ").append(b).append(';');
    }
}
