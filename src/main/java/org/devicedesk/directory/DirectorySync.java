package org.devicedesk.directory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.devicedesk.core.Audit;
import org.devicedesk.core.Database;
import org.devicedesk.core.Refused;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.devices.DeviceService;
import org.devicedesk.people.Category;
import org.devicedesk.people.PeopleService;
import org.devicedesk.people.Person;
import org.devicedesk.people.PersonDraft;
import org.jdbi.v3.core.Handle;

/**
 * People kept in step with the directory (SPEC section 11): {@link #preview} says what would change —
 * joiners; name, email, team, line manager and staff number changes; leavers (disabled in the directory,
 * or gone from it) — and {@link #apply} makes exactly those changes in one transaction with their audit
 * events, or none. Leavers who still hold devices are listed for the help desk to recover them.
 * {@link #syncNow} is the one call a scheduler (the headless {@code devicedesk service}) makes.
 */
public final class DirectorySync {
    public enum Kind {
        JOIN("Joiner"), CHANGE("Change"), LINK("Linked"), LEAVE("Leaver");

        private final String label;

        Kind(String label) { this.label = label; }

        public String label() { return label; }

        @Override public String toString() { return label; }
    }

    /** A device a leaver still holds. */
    public record HeldDevice(String assetTag, String kind) {
        @Override public String toString() { return assetTag + " (" + kind + ")"; }
    }

    /**
     * One change. {@code before} is the person as the preview saw them (null for a joiner), so an apply
     * after someone else changed them is refused rather than overwriting; {@code after} is what the
     * directory says, its line manager given by {@code managerUsername} (resolved when applied).
     */
    public record Item(Kind kind, Long personId, String username, String name, String summary, PersonDraft before,
                       PersonDraft after, String managerUsername, List<HeldDevice> devices) {
        public Item {
            devices = List.copyOf(devices);
        }
    }

    public record Preview(Instant takenAt, List<Item> items) {
        public Preview {
            items = List.copyOf(items);
        }

        public List<Item> of(Kind kind) {
            return items.stream().filter(i -> i.kind() == kind).toList();
        }

        public List<Item> leaversWithDevices() {
            return items.stream().filter(i -> i.kind() == Kind.LEAVE && !i.devices().isEmpty()).toList();
        }

        public boolean isEmpty() {
            return items.isEmpty();
        }
    }

    /** What an apply did. */
    public record Applied(int joined, int changed, int linked, int left, List<Item> leaversWithDevices) {
        public String summary() {
            return joined + " joined, " + changed + " changed, " + linked + " linked, " + left + " marked as left"
                    + (leaversWithDevices.isEmpty() ? "." : "; " + leaversWithDevices.size() + " leaver"
                    + (leaversWithDevices.size() == 1 ? " still holds" : "s still hold") + " devices to recover.");
        }
    }

    private final Database db;
    private final Clock clock;
    private final PeopleService people;
    private final DeviceService devices;
    private final DirectoryService directory;
    private final DirectoryRepository repo = new DirectoryRepository();

    public DirectorySync(Database db, Clock clock, PeopleService people, DeviceService devices, DirectoryService directory) {
        this.db = db;
        this.clock = clock;
        this.people = people;
        this.devices = devices;
        this.directory = directory;
    }

    /** Reads the directory and says what would change; changes nothing. HELPDESK or ADMIN. */
    public Preview preview(Session s) {
        s.require(Role.HELPDESK, Role.ADMIN);
        DirectoryConfig c = directory.config();
        if (c.host() == null || c.host().isBlank()) {
            throw Refused.because("The office directory is not set up yet. An administrator connects it under Settings > Directory.");
        }
        List<DirectoryUser> users;
        try (DirectoryClient client = directory.open(c)) {
            users = client.allUsers();
        }
        Instant now = clock.instant();
        return db.read(h -> new Preview(now, compute(h, users)));
    }

    private List<Item> compute(Handle h, List<DirectoryUser> users) {
        Map<String, DirectoryUser> byDn = new HashMap<>();
        for (DirectoryUser u : users) byDn.put(DirectoryClient.normalise(u.dn()), u);
        Map<String, Long> linked = repo.linkedPeople(h);
        // who each directory user is in Device Desk: linked before, else matched by staff number or email
        Map<String, Long> personOf = new HashMap<>();
        Set<Long> claimed = new HashSet<>(linked.values());
        for (DirectoryUser u : users) {
            Long pid = linked.get(u.key());
            if (pid == null) {
                pid = directory.match(h, u);
                if (pid != null && !claimed.add(pid)) pid = null; // two entries cannot both be one person
            }
            if (pid != null) personOf.put(u.key(), pid);
        }
        List<Item> items = new ArrayList<>();
        Set<String> inDirectory = new HashSet<>();
        for (DirectoryUser u : users) {
            inDirectory.add(u.key());
            Long pid = personOf.get(u.key());
            DirectoryUser manager = u.managerDn() == null ? null : byDn.get(DirectoryClient.normalise(u.managerDn()));
            String managerKey = manager == null || manager.disabled() ? null : manager.key();
            if (u.disabled()) {
                if (pid != null) {
                    Person p = people.byId(h, pid);
                    if (p.active()) items.add(leaver(h, p, u.key(), "disabled in the directory"));
                }
                continue;
            }
            if (pid == null) {
                PersonDraft after = new PersonDraft(u.fullName() == null ? u.username() : u.fullName(), u.email(), u.staffNumber(),
                        Category.EMPLOYEE, u.team(), null);
                items.add(new Item(Kind.JOIN, null, u.key(), after.fullName(), "New: " + describe(after, manager), null, after, managerKey, List.of()));
                continue;
            }
            Person p = people.byId(h, pid);
            if (!p.active()) continue; // marked as left here but active there: the help desk decides, not the sync
            PersonDraft before = p.draft();
            Long managerId = before.lineManagerId();
            boolean managerPending = false;
            if (manager != null && !manager.disabled()) {
                Long mid = personOf.get(manager.key());
                if (mid == null) managerPending = true; // the manager joins in this same sync
                else managerId = mid;
            }
            PersonDraft after = new PersonDraft(or(u.fullName(), before.fullName()), or(u.email(), before.email()),
                    or(u.staffNumber(), before.staffNumber()), before.category(), or(u.team(), before.team()), managerPending ? null : managerId);
            boolean isLinked = u.key().equals(repo.linkOf(h, pid).orElse(null));
            List<String> changes = new ArrayList<>();
            change(changes, "name", before.fullName(), after.fullName());
            change(changes, "email", before.email(), after.email());
            change(changes, "staff number", before.staffNumber(), after.staffNumber());
            change(changes, "team", before.team(), after.team());
            if (managerPending) changes.add("line manager " + orDash(p.lineManagerName()) + " → " + orDash(manager.fullName()) + " (joining)");
            else if (!Objects.equals(before.lineManagerId(), after.lineManagerId())) {
                changes.add("line manager " + orDash(p.lineManagerName()) + " → " + orDash(people.byId(h, after.lineManagerId()).fullName()));
            }
            String link = isLinked ? "" : " (linked to directory account " + u.username() + ")";
            if (!changes.isEmpty()) {
                items.add(new Item(Kind.CHANGE, pid, u.key(), p.fullName(), String.join("; ", changes) + link, before, after,
                        managerPending ? manager.key() : null, List.of()));
            } else if (!isLinked) {
                items.add(new Item(Kind.LINK, pid, u.key(), p.fullName(), "Matched by " + (u.staffNumber() != null
                        && u.staffNumber().equals(before.staffNumber()) ? "staff number" : "email") + "; linked to directory account "
                        + u.username() + ", nothing else changes", before, before, null, List.of()));
            }
        }
        linked.forEach((key, pid) -> {
            if (inDirectory.contains(key)) return;
            Person p = people.byId(h, pid);
            if (p.active()) items.add(leaver(h, p, key, "no longer in the directory"));
        });
        items.sort(Comparator.comparing(Item::kind).thenComparing(i -> i.name().toLowerCase(java.util.Locale.ROOT)));
        return items;
    }

    private Item leaver(Handle h, Person p, String key, String why) {
        List<HeldDevice> held = devices.devicesHeldByInTransaction(h, p.id()).stream()
                .map(d -> new HeldDevice(d.assetTag(), d.kind().label())).toList();
        String summary = "Leaves: " + why + (held.isEmpty() ? "" : "; still holds " + String.join(", ", held.stream().map(HeldDevice::toString).toList()));
        return new Item(Kind.LEAVE, p.id(), key, p.fullName(), summary, p.draft(), p.draft(), null, held);
    }

    private String describe(PersonDraft d, DirectoryUser manager) {
        List<String> parts = new ArrayList<>();
        parts.add(d.fullName());
        if (d.email() != null) parts.add(d.email());
        if (d.team() != null) parts.add("team " + d.team());
        if (d.staffNumber() != null) parts.add("staff number " + d.staffNumber());
        if (manager != null) parts.add("line manager " + orDash(manager.fullName()));
        return String.join(", ", parts);
    }

    private static void change(List<String> out, String label, String a, String b) {
        if (!Objects.equals(a, b)) out.add(label + " " + orDash(a) + " → " + orDash(b));
    }

    private static String orDash(String s) {
        return s == null ? "(none)" : s;
    }

    private static String or(String directoryValue, String current) {
        return directoryValue == null ? current : directoryValue;
    }

    /**
     * Applies exactly the previewed changes in one transaction, each with its audit event, or nothing:
     * a person changed in Device Desk since the preview, or a change the register refuses, stops the whole apply.
     * Leavers are marked as left on {@code leftOn} (today when null).
     */
    public Applied apply(Session s, Preview preview, LocalDate leftOn) {
        s.require(Role.HELPDESK, Role.ADMIN);
        LocalDate day = leftOn == null ? people.today() : leftOn;
        if (preview.isEmpty()) return new Applied(0, 0, 0, 0, List.of());
        return db.inTransaction(h -> {
            Instant now = clock.instant();
            for (Item i : preview.items()) stillAsPreviewed(h, i);
            Map<String, Long> personOf = new HashMap<>(repo.linkedPeople(h));
            int joined = 0, changed = 0, linked = 0, left = 0;
            // links first, so managers who are matched people resolve
            for (Item i : preview.items()) {
                if ((i.kind() == Kind.CHANGE || i.kind() == Kind.LINK) && !i.username().equals(repo.linkOf(h, i.personId()).orElse(null))) {
                    repo.link(h, i.personId(), i.username());
                    Audit.record(h, s, now, "PERSON_LINKED", "person", i.personId(), i.name() + " linked to directory account " + i.username());
                    personOf.put(i.username(), i.personId());
                    if (i.kind() == Kind.LINK) linked++;
                }
            }
            // joiners: those whose manager is already known first, so each gets their manager as they are created
            List<Item> waiting = new ArrayList<>(preview.of(Kind.JOIN));
            while (!waiting.isEmpty()) {
                List<Item> ready = waiting.stream().filter(i -> i.managerUsername() == null || personOf.containsKey(i.managerUsername())
                        || waiting.stream().noneMatch(w -> w.username().equals(i.managerUsername()))).toList();
                if (ready.isEmpty()) ready = List.of(waiting.get(0)); // managers in a loop: one is created without, then fixed below
                for (Item i : ready) {
                    Long manager = i.managerUsername() == null ? null : personOf.get(i.managerUsername());
                    PersonDraft d = i.after();
                    long id = guarded(i, () -> people.createInTransaction(h, s, new PersonDraft(d.fullName(), d.email(), d.staffNumber(),
                            d.category(), d.team(), manager)));
                    repo.link(h, id, i.username());
                    Audit.record(h, s, now, "PERSON_LINKED", "person", id, i.name() + " linked to directory account " + i.username());
                    personOf.put(i.username(), id);
                    joined++;
                    waiting.remove(i);
                }
            }
            for (Item i : preview.of(Kind.JOIN)) { // only a manager loop leaves one unset
                Long manager = i.managerUsername() == null ? null : personOf.get(i.managerUsername());
                Long id = personOf.get(i.username());
                if (manager != null && people.byId(h, id).lineManagerId() == null) {
                    PersonDraft d = people.byId(h, id).draft();
                    guarded(i, () -> {
                        people.updateInTransaction(h, s, id, new PersonDraft(d.fullName(), d.email(), d.staffNumber(), d.category(), d.team(), manager));
                        return 0L;
                    });
                }
            }
            for (Item i : preview.of(Kind.CHANGE)) {
                PersonDraft a = i.after();
                Long manager = i.managerUsername() != null ? personOf.get(i.managerUsername()) : a.lineManagerId();
                guarded(i, () -> {
                    people.updateInTransaction(h, s, i.personId(), new PersonDraft(a.fullName(), a.email(), a.staffNumber(), a.category(), a.team(), manager));
                    return 0L;
                });
                changed++;
            }
            List<Item> toRecover = new ArrayList<>();
            for (Item i : preview.of(Kind.LEAVE)) {
                guarded(i, () -> {
                    people.markLeftInTransaction(h, s, i.personId(), day);
                    return 0L;
                });
                left++;
                Item now1 = leaver(h, people.byId(h, i.personId()), i.username(), "marked as left on " + day);
                if (!now1.devices().isEmpty()) toRecover.add(now1);
            }
            Applied applied = new Applied(joined, changed, linked, left, toRecover);
            Audit.record(h, s, now, "DIRECTORY_SYNC", "directory", "people", "Directory sync applied: " + applied.summary()
                    + (toRecover.isEmpty() ? "" : " To recover: " + String.join("; ", toRecover.stream().map(t -> t.name() + " " + t.devices()).toList())));
            return applied;
        });
    }

    private void stillAsPreviewed(Handle h, Item i) {
        if (i.kind() == Kind.JOIN) {
            if (repo.personByLink(h, i.username()).isPresent()) {
                throw Refused.because(i.name() + " was added to the register since the preview. Nothing was changed; preview again.");
            }
            return;
        }
        Person p = people.byId(h, i.personId());
        if (!p.draft().equals(i.before()) || !p.active()) {
            throw Refused.because(p.fullName() + " was changed in Device Desk since the preview. Nothing was changed; preview again.");
        }
    }

    private interface Step {
        long run();
    }

    private static long guarded(Item i, Step step) {
        try {
            return step.run();
        } catch (Refused r) {
            throw Refused.because(i.kind().label() + " " + i.name() + " (directory account " + i.username() + "): "
                    + String.join(" ", r.messages()) + " Nothing was changed.");
        }
    }

    /**
     * The scheduler's call: preview and apply in one go, leavers marked as left today. Returns what was
     * done (its audit event says the same); throws {@code Refused} with the reason when the directory
     * cannot be read or a change is refused, and then nothing was changed.
     */
    public Applied syncNow(Session actor) {
        return apply(actor, preview(actor), null);
    }

    /** For screens and reports: devices per leaver, one line each. */
    public static List<String> recoveryLines(List<Item> leavers) {
        return leavers.stream().map(i -> i.name() + ": " + String.join(", ", i.devices().stream().map(HeldDevice::toString).toList())).toList();
    }

}
