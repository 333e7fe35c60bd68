package org.devicedesk.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.devicedesk.core.AppClock;
import org.devicedesk.core.Audit;
import org.devicedesk.core.Database;
import org.devicedesk.core.Times;
import org.devicedesk.devices.DeviceService;

/**
 * {@code --demo-size large} and the benchmark: three years of a large force's history, written in
 * bulk (plain JDBC batches in one transaction) rather than through the services, because a million
 * service calls would take an hour. The data still keeps the rules the services enforce: one holder
 * at a time and custody that never overlaps (policy 50), pool devices checked out only to their
 * designated users, devices handed only to people with a declaration, every incident referred to the
 * DPO (policy 56), references numbered per year, and one audit event per change, hash-chained in time
 * order from the chain's head, so "Verify chain" passes. Seeded, so the same scale gives the same data.
 */
public final class LargeDemo {
    /** How much to generate; audit events beyond what the history produces are sign-ins and sign-outs. */
    public record Scale(int people, int devices, int incidents, int auditEvents) {
        public static final Scale LARGE = new Scale(5_000, 100_000, 50_000, 1_000_000);
    }

    /** What was written and how long it took. */
    public record Result(int people, int devices, int custody, int incidents, long auditEvents, Duration took) {}

    private static final String[] FIRST = {"Aisha", "Ben", "Carys", "Dev", "Ella", "Femi", "Grace", "Harry", "Isla", "Jamal", "Kate", "Liam",
            "Maya", "Nathan", "Olivia", "Priya", "Quentin", "Rosa", "Sam", "Tariq", "Uma", "Victor", "Wendy", "Yusuf", "Zoe", "Alan", "Bethan",
            "Callum", "Deborah", "Ewan", "Farah", "Glyn", "Hannah", "Idris", "Joanne", "Kieran", "Lucy", "Mohammed", "Niamh", "Owen"};
    private static final String[] LAST = {"Patel", "Jones", "Smith", "Okafor", "Wright", "Khan", "Evans", "Taylor", "Brown", "Williams", "Davies",
            "Hughes", "Begum", "Walker", "Roberts", "Green", "Hall", "Wood", "Clarke", "Ahmed", "Lewis", "Jackson", "Turner", "Hill", "Moore",
            "Cooper", "Ward", "Morris", "King", "Baker", "Harris", "Singh", "Edwards", "Collins", "Stewart", "Murphy", "Bell", "Kaur", "Price"};
    private static final String[] TEAMS = {"Response North", "Response South", "Neighbourhood East", "Neighbourhood West", "CID", "Custody",
            "Roads Policing", "Contact Centre", "Public Protection", "Intelligence", "Professional Standards", "Business Services",
            "IT&D", "Communications", "Policy", "Estates", "Finance", "HR", "Training", "Forensics"};
    private static final String[] LAPTOPS = {"Dell Latitude 5440", "Dell Latitude 7440", "HP EliteBook 840 G10", "Lenovo ThinkPad T14 Gen 4", "Microsoft Surface Laptop 5"};
    private static final String[] PHONES = {"Apple iPhone 14", "Apple iPhone 15", "Samsung Galaxy A55", "Samsung Galaxy S23", "Google Pixel 8a"};
    private static final String[] TABLETS = {"Apple iPad (10th generation)", "Samsung Galaxy Tab S9", "Microsoft Surface Pro 9"};
    private static final String[] OTHERS = {"Huawei E5783 mobile hotspot", "Kingston IronKey encrypted USB drive", "Motorola body-worn video dock"};
    private static final String[] HELPDESK = {"helpdesk", "hd.patel", "hd.jones", "hd.okafor", "hd.wright", "hd.khan", "hd.evans", "hd.murphy"};
    private static final String[] WHAT = {
            "The laptop will not start after the latest update; the screen stays black.",
            "Pop-ups keep appearing in the browser and the machine is very slow.",
            "I typed my password into a page that looked like the sign-in page but the address was wrong.",
            "The screen is cracked and the touch screen no longer responds.",
            "An attachment from an unknown sender opened a window and then closed.",
            "The battery swells and the case no longer closes."};

    // audit event kinds, in the words the services use
    private static final int PERSON_CREATED = 0, DECLARATION_RECORDED = 1, DEVICE_CREATED = 2, POOL_USER_ADDED = 3, ISSUED = 4,
            RETURNED = 5, CHECKED_OUT = 6, CHECKED_IN = 7, RETIRED = 8, INCIDENT_REPORTED = 9, BREACH_REFERRED = 10,
            DEVICE_LOST = 11, BREACH_DECIDED = 12, INCIDENT_CLOSED = 13, SIGNED_IN = 14, SIGNED_OUT = 15;

    /** One audit event to write: when, what kind, and up to three numbers its summary is built from. */
    private record Ev(long at, int kind, int a, int b, int c) {}

    private record Period(int device, int person, long from, long to) {} // to = 0: still held

    private LargeDemo() {}

    /** Fills the database (which should hold no devices yet) at {@code scale}; the history ends at the clock's now. */
    public static Result fill(Database db, Clock clock, Scale scale, long seed) {
        return fill(db, clock, scale, seed, Progress.NONE);
    }

    /** The same, telling {@code progress} what it is doing and how far it is (from the calling thread). */
    public static Result fill(Database db, Clock clock, Scale scale, long seed, Progress progress) {
        progress.at("Working out three years of history", 0, null);
        long started = System.nanoTime();
        Random r = new Random(seed);
        long now = clock.instant().truncatedTo(ChronoUnit.SECONDS).toEpochMilli();
        long day = Duration.ofDays(1).toMillis(), hour = Duration.ofHours(1).toMillis();
        long start = now - 1095 * day;
        List<Ev> events = new ArrayList<>(scale.auditEvents() + 1000);

        // ---- people, each with a paper declaration; most are current ----
        int nPeople = scale.people();
        String[] name = new String[nPeople];
        long[] personCreated = new long[nPeople];
        long[] declaredAt = new long[nPeople];
        List<Integer> declared = new ArrayList<>();
        for (int p = 0; p < nPeople; p++) {
            name[p] = FIRST[r.nextInt(FIRST.length)] + " " + LAST[r.nextInt(LAST.length)];
            personCreated[p] = start + r.nextLong(60 * day);
            boolean current = r.nextInt(100) < 93;
            long signed = current ? now - (1 + r.nextInt(330)) * day + r.nextLong(8 * hour) : now - (400 + r.nextInt(200)) * day;
            declaredAt[p] = Math.max(signed, personCreated[p] + hour);
            if (current) declared.add(p);
            events.add(new Ev(personCreated[p], PERSON_CREATED, p, 0, 0));
            events.add(new Ev(declaredAt[p], DECLARATION_RECORDED, p, 0, 0));
        }
        if (declared.isEmpty()) declared.add(0);

        // ---- devices and who held them when: periods never overlap, the last may still be open ----
        int nDevices = scale.devices();
        String[] tag = new String[nDevices];
        String[] model = new String[nDevices];
        String[] serial = new String[nDevices];
        String[] imei = new String[nDevices];
        String[] phone = new String[nDevices];
        String[] team = new String[nDevices];
        int[] kind = new int[nDevices];
        boolean[] pool = new boolean[nDevices];
        String[] status = new String[nDevices];
        long[] deviceCreated = new long[nDevices];
        long[] deviceUpdated = new long[nDevices];
        int[][] designated = new int[nDevices][];
        List<Period> periods = new ArrayList<>(nDevices * 4);
        int[] openPeriod = new int[nDevices];
        for (int d = 0; d < nDevices; d++) {
            int i = d + 1;
            int k = i % 100 < 45 ? 0 : i % 100 < 80 ? 1 : i % 100 < 95 ? 2 : 3;
            kind[d] = k;
            String prefix = switch (k) { case 0 -> "LT"; case 1 -> "PH"; case 2 -> "TB"; default -> "OT"; };
            tag[d] = String.format("%s-%06d", prefix, i); // six digits: never clashes with the normal demo's LT-0001
            model[d] = switch (k) {
                case 0 -> LAPTOPS[r.nextInt(LAPTOPS.length)];
                case 1 -> PHONES[r.nextInt(PHONES.length)];
                case 2 -> TABLETS[r.nextInt(TABLETS.length)];
                default -> OTHERS[r.nextInt(OTHERS.length)];
            };
            serial[d] = (k == 0 ? "LX" : k == 1 ? "PX" : k == 2 ? "TX" : "OX") + (70_000_000 + i);
            if (k == 1) {
                String first14 = String.format("35%012d", 209_900_000_000L + i);
                imei[d] = first14 + DeviceService.luhnCheckDigit(first14);
                phone[d] = String.format("07700 900%03d", i % 1000); // Ofcom's range for drama: never a real number
            }
            pool[d] = i % 8 == 0;
            team[d] = pool[d] ? TEAMS[r.nextInt(TEAMS.length)] : null;
            deviceCreated[d] = start + r.nextLong(700 * day);
            events.add(new Ev(deviceCreated[d], DEVICE_CREATED, d, 0, 0));
            openPeriod[d] = -1;
            long t = deviceCreated[d] + (1 + r.nextInt(10)) * day;
            boolean retired = !pool[d] && i % 33 == 0;
            if (pool[d]) {
                designated[d] = new int[3];
                for (int u = 0; u < 3; u++) {
                    designated[d][u] = declared.get(r.nextInt(declared.size()));
                    events.add(new Ev(deviceCreated[d] + (u + 1) * 60_000L, POOL_USER_ADDED, d, designated[d][u], 0));
                }
                while (true) {
                    long from = t + (20 + r.nextInt(60)) * day;
                    long to = from + (2 + r.nextInt(60)) * hour;
                    if (to > now - day) {
                        if (from < now - 2 * hour && r.nextInt(3) == 0) {
                            int who = designated[d][r.nextInt(3)];
                            openPeriod[d] = periods.size();
                            periods.add(new Period(d, who, from, 0));
                            events.add(new Ev(from, CHECKED_OUT, d, who, 0));
                        }
                        break;
                    }
                    int who = designated[d][r.nextInt(3)];
                    periods.add(new Period(d, who, from, to));
                    events.add(new Ev(from, CHECKED_OUT, d, who, 0));
                    events.add(new Ev(to, CHECKED_IN, d, who, 0));
                    t = to;
                }
            } else {
                while (true) {
                    long from = t;
                    long to = from + (150 + r.nextInt(300)) * day;
                    int who = declared.get(r.nextInt(declared.size()));
                    if (to > now - day) {
                        if (!retired && from < now - hour && r.nextInt(100) < 80) {
                            openPeriod[d] = periods.size();
                            periods.add(new Period(d, who, from, 0));
                            events.add(new Ev(from, ISSUED, d, who, 0));
                        }
                        break;
                    }
                    periods.add(new Period(d, who, from, to));
                    events.add(new Ev(from, ISSUED, d, who, 0));
                    events.add(new Ev(to, RETURNED, d, who, 0));
                    t = to + (1 + r.nextInt(30)) * day;
                }
            }
            status[d] = openPeriod[d] >= 0 ? "IN_SERVICE" : "IN_STOCK";
            deviceUpdated[d] = deviceCreated[d];
            if (retired) {
                long at = Math.min(now - hour, t + 2 * day);
                status[d] = "RETIRED";
                events.add(new Ev(at, RETIRED, d, 0, 0));
                deviceUpdated[d] = at;
            }
        }

        // ---- incidents, each reported by whoever held the device then, each referred to the DPO ----
        int nIncidents = scale.incidents();
        record Inc(int period, int type, long reportedAt, int device, int reporter) {}
        List<Inc> incidents = new ArrayList<>(nIncidents);
        boolean[] lost = new boolean[nDevices];
        int lostBudget = Math.max(1, nIncidents / 50);
        for (int n = 0; n < nIncidents && !periods.isEmpty(); n++) {
            int pi = r.nextInt(periods.size());
            Period p = periods.get(pi);
            int type; // 0 MALFUNCTION, 1 SUSPECTED_VIRUS, 2 PASSWORD_COMPROMISED, 3 LOST, 4 STOLEN
            int roll = r.nextInt(100);
            type = roll < 45 ? 0 : roll < 72 ? 1 : 2;
            long end = p.to() == 0 ? now - hour : p.to();
            if (end - p.from() < 2 * hour) { n--; continue; }
            long reported = p.from() + hour + r.nextLong(end - p.from() - hour);
            if (p.to() == 0 && lostBudget > 0 && !lost[p.device()] && r.nextInt(20) == 0) {
                type = r.nextBoolean() ? 3 : 4; // lost or stolen: the device's last word, so only on a device held now
                lost[p.device()] = true;
                lostBudget--;
            }
            incidents.add(new Inc(pi, type, reported, p.device(), p.person()));
        }
        incidents.sort(Comparator.comparingLong(Inc::reportedAt));
        String[] incRef = new String[incidents.size()];
        String[] breachRef = new String[incidents.size()];
        int year = -1, number = 0;
        for (int n = 0; n < incidents.size(); n++) {
            Inc inc = incidents.get(n);
            int y = Instant.ofEpochMilli(inc.reportedAt()).atZone(AppClock.OFFICE_ZONE).getYear();
            if (y != year) { year = y; number = 0; }
            number++;
            incRef[n] = "INC-%d-%04d".formatted(y, number);
            breachRef[n] = "BRE-%d-%04d".formatted(y, number);
            events.add(new Ev(inc.reportedAt(), INCIDENT_REPORTED, n, 0, 0));
            events.add(new Ev(inc.reportedAt(), BREACH_REFERRED, n, 0, 0));
            if (inc.type() >= 3) {
                events.add(new Ev(inc.reportedAt(), DEVICE_LOST, n, 0, 0));
                status[inc.device()] = inc.type() == 3 ? "LOST" : "STOLEN";
                deviceUpdated[inc.device()] = inc.reportedAt();
            }
            if (inc.reportedAt() < now - 30 * day) {
                events.add(new Ev(inc.reportedAt() + 2 * day, BREACH_DECIDED, n, 0, 0));
                if (inc.type() < 3) events.add(new Ev(inc.reportedAt() + 3 * day, INCIDENT_CLOSED, n, 0, 0));
            }
        }

        // ---- sign-ins and sign-outs make up the rest of the trail ----
        while (events.size() + 2 <= scale.auditEvents()) {
            long at = start + r.nextLong(now - start - day);
            int who = r.nextInt(HELPDESK.length);
            events.add(new Ev(at, SIGNED_IN, who, 0, 0));
            events.add(new Ev(at + (1 + r.nextInt(8)) * hour, SIGNED_OUT, who, 0, 0));
        }
        events.sort(Comparator.comparingLong(Ev::at)); // stable: same-instant events keep their order

        boolean pg = db.dialect() == Database.Dialect.POSTGRESQL;
        int designatedRows = 0;
        for (int d = 0; d < nDevices; d++) {
            if (designated[d] == null) continue;
            for (int u = 0; u < designated[d].length; u++) {
                if (u > 0 && designated[d][u] == designated[d][0] || u > 1 && designated[d][u] == designated[d][1]) continue;
                designatedRows++;
            }
        }
        int actions = 0;
        for (Inc inc : incidents) if (inc.type() >= 3) actions++;
        long rowsInAll = 2L * nPeople + nDevices + designatedRows + periods.size() + 2L * incidents.size() + actions + events.size();
        ProgressCount count = new ProgressCount(progress, rowsInAll);
        int[] written = new int[1];
        long[] auditCount = new long[1];
        db.useTransaction(h -> {
            try {
                Connection c = h.getConnection();
                // PostgreSQL, when this role owns the tables: the secondary indexes are built once after the load
                // (in this same transaction, so a failure leaves none missing) instead of row by row
                List<String> rebuild = pg ? dropSecondaryIndexes(c) : dropSqliteSecondaryIndexes(c);
                if (!pg) {
                    try (Statement st = c.createStatement()) {
                        st.execute("PRAGMA cache_size = -262144"); // 256 MB of pages for this connection's load
                    }
                }
                count.phase("Writing people and their declarations");
                long[] personId = insertPeople(c, pg, count, name, personCreated, declaredAt, now);
                count.phase("Writing devices");
                long[] deviceId = insertDevices(c, pg, count, tag, kind, model, serial, imei, phone, pool, team, status, deviceCreated, deviceUpdated);
                try (BulkRows rows = new BulkRows(c, pg, "pool_designated_user", count, "device_id", "person_id", "added_at")) {
                    for (int d = 0; d < nDevices; d++) {
                        if (designated[d] == null) continue;
                        for (int u = 0; u < designated[d].length; u++) {
                            if (u > 0 && designated[d][u] == designated[d][0] || u > 1 && designated[d][u] == designated[d][1]) continue;
                            rows.row(deviceId[d], personId[designated[d][u]], store(deviceCreated[d] + (u + 1) * 60_000L));
                        }
                    }
                }
                count.phase("Writing who held each device when");
                try (BulkRows rows = new BulkRows(c, pg, "custody", count, "device_id", "person_id", "kind", "from_at", "to_at", "recorded_by", "returned_by")) {
                    for (Period p : periods) {
                        String by = HELPDESK[(p.device() + p.person()) % HELPDESK.length];
                        rows.row(deviceId[p.device()], personId[p.person()], pool[p.device()] ? "POOL_CHECKOUT" : "ISSUE", store(p.from()),
                                p.to() == 0 ? null : store(p.to()), by, p.to() == 0 ? null : by);
                    }
                }
                count.phase("Writing incidents");
                long[] incidentId = new long[incidents.size()];
                long[] breachId = new long[incidents.size()];
                try (BulkRows rows = new BulkRows(c, pg, "incident", count, "reference", "type", "reporter_id", "device_id", "occurred_at", "reported_at",
                        "location", "what_happened", "status", "assignee", "urgent", "out_of_hours", "device_locked", "crime_reference",
                        "always_in_possession", "password_written_down", "password_reused", "password_changed", "policy_breach",
                        "closing_summary", "recorded_by", "created_at", "updated_at")) {
                    for (int n = 0; n < incidents.size(); n++) {
                        Inc inc = incidents.get(n);
                        boolean closed = inc.reportedAt() < now - 30 * day && inc.type() < 3;
                        String by = HELPDESK[n % HELPDESK.length];
                        String reported = store(inc.reportedAt());
                        Integer pw = inc.type() == 2 ? 1 : null;
                        Integer no = inc.type() == 2 ? 0 : null;
                        rows.row(incRef[n], incidentType(inc.type()), personId[inc.reporter()], deviceId[inc.device()],
                                store(inc.reportedAt() - (1 + r.nextInt(20)) * hour / 2), reported,
                                inc.type() >= 3 ? "Birmingham city centre" : "Lloyd House",
                                inc.type() == 3 ? "Left the device on the train home." : inc.type() == 4 ? "The device was taken from a car."
                                        : WHAT[(inc.type() * 2 + n) % WHAT.length],
                                closed ? "CLOSED" : inc.reportedAt() > now - 3 * day ? "REPORTED" : "ACKNOWLEDGED",
                                closed || inc.reportedAt() <= now - 3 * day ? by : null, 0, 0,
                                inc.type() >= 3 ? 1 : null, inc.type() == 4 ? "CR-" + (4_000_000 + n) : null, pw, no, no, pw, 0,
                                closed ? "Checked and resolved by the helpdesk." : null, by, reported,
                                closed ? store(inc.reportedAt() + 3 * day) : reported);
                    }
                }
                long firstIncident = lastId(c, "incident") - incidents.size() + 1;
                for (int n = 0; n < incidents.size(); n++) incidentId[n] = firstIncident + n;
                try (BulkRows rows = new BulkRows(c, pg, "incident_action", count, "incident_id", "action", "at", "actor", "note")) {
                    for (int n = 0; n < incidents.size(); n++) {
                        Inc inc = incidents.get(n);
                        if (inc.type() < 3) continue;
                        rows.row(incidentId[n], "NOTE", store(inc.reportedAt()), HELPDESK[n % HELPDESK.length],
                                tag[inc.device()] + " marked " + (inc.type() == 3 ? "lost" : "stolen") + " in the register.");
                    }
                }
                count.phase("Writing breach referrals");
                try (BulkRows rows = new BulkRows(c, pg, "breach_case", count, "reference", "incident_id", "title", "aware_at", "status",
                        "personal_data_involved", "risk", "rationale", "decided_at", "decided_by", "created_by", "created_at", "updated_at")) {
                    for (int n = 0; n < incidents.size(); n++) {
                        Inc inc = incidents.get(n);
                        boolean decided = inc.reportedAt() < now - 30 * day;
                        boolean lostOrStolen = inc.type() >= 3;
                        String reported = store(inc.reportedAt());
                        rows.row(breachRef[n], incidentId[n], title(incRef[n], inc.type(), tag[inc.device()], name[inc.reporter()]), reported,
                                !decided ? "AWAITING_REVIEW" : lostOrStolen ? "NOT_REPORTABLE" : "NOT_A_BREACH",
                                decided ? (lostOrStolen ? 1 : 0) : null, decided && lostOrStolen ? "UNLIKELY" : null,
                                !decided ? null : lostOrStolen ? "The device is encrypted at rest and was locked, so a risk to people is unlikely."
                                        : "No personal data was exposed: the problem was with the device, not the data on it.",
                                decided ? store(inc.reportedAt() + 2 * day) : null, decided ? "dpo" : null, HELPDESK[n % HELPDESK.length],
                                reported, decided ? store(inc.reportedAt() + 2 * day) : reported);
                    }
                }
                long firstBreach = lastId(c, "breach_case") - incidents.size() + 1;
                for (int n = 0; n < incidents.size(); n++) breachId[n] = firstBreach + n;

                // ---- the audit trail, chained on from the head in time order ----
                count.phase("Writing the audit trail (hash-chained)");
                long seq;
                String prev;
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT last_seq, last_hash FROM audit_head WHERE id = 1")) {
                    rs.next();
                    seq = rs.getLong(1);
                    prev = rs.getString(2);
                }
                try (BulkRows rows = new BulkRows(c, pg, "audit_event", count, "seq", "at", "actor", "action", "record_type", "record_id",
                        "summary", "prev_hash", "hash")) {
                    int n = 0;
                    for (Ev e : events) {
                        seq++;
                        String at = store(e.at());
                        String actor, action, type, rid, summary;
                        switch (e.kind()) {
                            case PERSON_CREATED -> { actor = "admin"; action = "PERSON_CREATED"; type = "person"; rid = id(personId[e.a()]);
                                summary = "Created " + name[e.a()] + " (Employee)"; }
                            case DECLARATION_RECORDED -> { actor = "admin"; action = "DECLARATION_RECORDED"; type = "person"; rid = id(personId[e.a()]);
                                summary = "Paper declaration of " + name[e.a()] + " recorded, signed on " + date(declaredAt[e.a()]); }
                            case DEVICE_CREATED -> { actor = HELPDESK[e.a() % HELPDESK.length]; action = "DEVICE_CREATED"; type = "device"; rid = id(deviceId[e.a()]);
                                summary = "Created " + (pool[e.a()] ? "pool " : "issued ") + kindLabel(kind[e.a()]) + " " + tag[e.a()] + " (" + model[e.a()] + ")"
                                        + (team[e.a()] == null ? "" : " (team " + team[e.a()] + ")") + ", status In stock"; }
                            case POOL_USER_ADDED -> { actor = HELPDESK[e.a() % HELPDESK.length]; action = "POOL_USER_ADDED"; type = "device"; rid = id(deviceId[e.a()]);
                                summary = name[e.b()] + " added to the designated users of pool device " + tag[e.a()]; }
                            case ISSUED, CHECKED_OUT -> { actor = HELPDESK[(e.a() + e.b()) % HELPDESK.length]; type = "device"; rid = id(deviceId[e.a()]);
                                action = e.kind() == ISSUED ? "DEVICE_ISSUED" : "POOL_CHECKED_OUT";
                                summary = (e.kind() == ISSUED ? "Issued " : "Checked out ") + tag[e.a()] + " (" + model[e.a()] + ") to " + name[e.b()]; }
                            case RETURNED, CHECKED_IN -> { actor = HELPDESK[(e.a() + e.b()) % HELPDESK.length]; type = "device"; rid = id(deviceId[e.a()]);
                                action = e.kind() == RETURNED ? "DEVICE_RETURNED" : "POOL_CHECKED_IN";
                                summary = tag[e.a()] + " (" + model[e.a()] + ")" + (e.kind() == RETURNED ? " returned by " : " checked in from ") + name[e.b()]; }
                            case RETIRED -> { actor = HELPDESK[e.a() % HELPDESK.length]; action = "DEVICE_STATUS_CHANGED"; type = "device"; rid = id(deviceId[e.a()]);
                                summary = tag[e.a()] + ": In stock -> Retired (end of life)"; }
                            case INCIDENT_REPORTED -> { Inc inc = incidents.get(e.a()); actor = HELPDESK[e.a() % HELPDESK.length]; action = "INCIDENT_REPORTED";
                                type = "incident"; rid = id(incidentId[e.a()]);
                                summary = incRef[e.a()] + " " + incidentLabel(inc.type()) + " reported by " + name[inc.reporter()] + ", device " + tag[inc.device()]; }
                            case BREACH_REFERRED -> { Inc inc = incidents.get(e.a()); actor = HELPDESK[e.a() % HELPDESK.length]; action = "BREACH_REFERRED";
                                type = "breach_case"; rid = id(breachId[e.a()]);
                                summary = breachRef[e.a()] + " referred to the DPO from incident " + incidentId[e.a()] + ": "
                                        + title(incRef[e.a()], inc.type(), tag[inc.device()], name[inc.reporter()]); }
                            case DEVICE_LOST -> { Inc inc = incidents.get(e.a()); actor = HELPDESK[e.a() % HELPDESK.length]; action = "DEVICE_STATUS_CHANGED";
                                type = "device"; rid = id(deviceId[inc.device()]);
                                summary = tag[inc.device()] + ": In service -> " + (inc.type() == 3 ? "Lost" : "Stolen") + " (" + incRef[e.a()] + ": "
                                        + incidentLabel(inc.type()).toLowerCase() + ")"; }
                            case BREACH_DECIDED -> { Inc inc = incidents.get(e.a()); actor = "dpo"; action = "BREACH_DECIDED"; type = "breach_case";
                                rid = id(breachId[e.a()]);
                                summary = breachRef[e.a()] + ": " + (inc.type() >= 3 ? "not reportable to the ICO (risk unlikely)" : "not a personal-data breach"); }
                            case INCIDENT_CLOSED -> { actor = HELPDESK[e.a() % HELPDESK.length]; action = "INCIDENT_CLOSED"; type = "incident";
                                rid = id(incidentId[e.a()]); summary = incRef[e.a()] + " closed: Checked and resolved by the helpdesk."; }
                            case SIGNED_IN -> { actor = HELPDESK[e.a()]; action = "SIGNED_IN"; type = "account"; rid = ""; summary = HELPDESK[e.a()] + " signed in"; }
                            default -> { actor = HELPDESK[e.a()]; action = "SIGNED_OUT"; type = "account"; rid = ""; summary = HELPDESK[e.a()] + " signed out"; }
                        }
                        String hash = Audit.hash(prev, seq, at, actor, action, type, rid, summary);
                        rows.row(seq, at, actor, action, type, rid, summary, prev, hash);
                        prev = hash;
                        n++;
                    }
                    auditCount[0] = n;
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
                    ps.setLong(1, seq);
                    ps.setString(2, prev);
                    ps.executeUpdate();
                }
                if (!rebuild.isEmpty()) {
                    count.phase("Building the search and sort indexes");
                    try (Statement st = c.createStatement()) {
                        for (String index : rebuild) st.execute(index);
                    }
                }
                written[0] = periods.size();
            } catch (SQLException e) {
                throw new IllegalStateException("The large demo data could not be written: " + e.getMessage(), e);
            }
        });
        if (db.dialect() == Database.Dialect.SQLITE) {
            // the bulk transaction left the whole database in the write-ahead log: fold it back now, not on someone's next save
            db.read(h -> h.createQuery("PRAGMA wal_checkpoint(TRUNCATE)").mapToMap().list());
        }
        return new Result(nPeople, nDevices, written[0], incidents.size(), auditCount[0], Duration.ofNanos(System.nanoTime() - started));
    }

    private static long[] insertPeople(Connection c, boolean pg, ProgressCount count, String[] name, long[] created, long[] declaredAt, long now)
            throws SQLException {
        long[] ids = new long[name.length];
        try (BulkRows rows = new BulkRows(c, pg, "person", count, "full_name", "email", "staff_number", "category", "team", "active", "created_at")) {
            for (int p = 0; p < name.length; p++) {
                rows.row(name[p], name[p].toLowerCase().replace(' ', '.') + "." + (p + 1) + "@force.example", String.format("L%06d", p + 1),
                        "EMPLOYEE", TEAMS[p % TEAMS.length], 1, store(created[p]));
            }
        }
        long first = lastId(c, "person") - name.length + 1;
        for (int p = 0; p < name.length; p++) ids[p] = first + p;
        try (BulkRows rows = new BulkRows(c, pg, "declaration", count, "person_id", "signed_on", "signed_at", "method", "recorded_by")) {
            for (int p = 0; p < name.length; p++) rows.row(ids[p], date(declaredAt[p]), store(declaredAt[p]), "PAPER", "admin");
        }
        return ids;
    }

    private static long[] insertDevices(Connection c, boolean pg, ProgressCount count, String[] tag, int[] kind, String[] model, String[] serial,
                                        String[] imei, String[] phone, boolean[] pool, String[] team, String[] status, long[] created, long[] updated)
            throws SQLException {
        long[] ids = new long[tag.length];
        try (BulkRows rows = new BulkRows(c, pg, "device", count, "asset_tag", "kind", "make_model", "serial_number", "imei", "phone_number",
                "encrypted", "mode", "status", "team", "notes", "created_at", "updated_at")) {
            for (int d = 0; d < tag.length; d++) {
                rows.row(tag[d], switch (kind[d]) { case 0 -> "LAPTOP"; case 1 -> "MOBILE_PHONE"; case 2 -> "TABLET"; default -> "OTHER"; },
                        model[d], serial[d], imei[d], phone[d], kind[d] == 3 && !model[d].contains("IronKey") ? 0 : 1, pool[d] ? "POOL" : "ISSUED",
                        status[d], team[d], "RETIRED".equals(status[d]) ? "End of life; wiped and kept for disposal." : null,
                        store(created[d]), store(updated[d]));
            }
        }
        long first = lastId(c, "device") - tag.length + 1;
        for (int d = 0; d < tag.length; d++) ids[d] = first + d;
        return ids;
    }

    private static final List<String> BULK_TABLES = List.of("person", "declaration", "device", "pool_designated_user", "custody", "incident",
            "incident_action", "breach_case", "audit_event");

    /**
     * PostgreSQL: drops the bulk tables' indexes that back no constraint (the primary keys and unique
     * constraints stay, and keep checking every row) and returns the statements that build them again.
     * Nothing is dropped when this role does not own the tables (a least-privilege app role): the load is
     * then slower, not refused.
     */
    private static List<String> dropSecondaryIndexes(Connection c) throws SQLException {
        List<String> create = new ArrayList<>();
        List<String> drop = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT i.indexname, i.indexdef FROM pg_indexes i JOIN pg_tables t ON t.schemaname = i.schemaname AND t.tablename = i.tablename
                WHERE i.schemaname = current_schema() AND i.tablename = ANY (?) AND t.tableowner = current_user
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass)
                ORDER BY i.tablename, i.indexname""")) {
            ps.setArray(1, c.createArrayOf("text", BULK_TABLES.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    drop.add("DROP INDEX " + rs.getString(1));
                    create.add(rs.getString(2));
                }
            }
        }
        try (Statement st = c.createStatement()) {
            for (String sql : drop) st.execute(sql);
        }
        return create;
    }

    /**
     * SQLite: the same for the bulk tables' indexes that are neither UNIQUE nor made by a constraint (those stay
     * and check every row), dropped in the fill's transaction; returns their CREATE statements as the schema has
     * them. Built once over the loaded rows, they cost less than kept up to date row by row.
     */
    private static List<String> dropSqliteSecondaryIndexes(Connection c) throws SQLException {
        List<String> create = new ArrayList<>();
        List<String> drop = new ArrayList<>();
        String tables = String.join(", ", BULK_TABLES.stream().map(t -> "'" + t + "'").toList()); // the names above, never input
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT name, sql FROM sqlite_master WHERE type = 'index'"
                + " AND sql IS NOT NULL AND tbl_name IN (" + tables + ") ORDER BY tbl_name, name")) {
            while (rs.next()) {
                String sql = rs.getString(2);
                if (sql.strip().toUpperCase(java.util.Locale.ROOT).startsWith("CREATE UNIQUE")) continue;
                drop.add("DROP INDEX \"" + rs.getString(1).replace("\"", "\"\"") + "\"");
                create.add(sql);
            }
        }
        try (Statement st = c.createStatement()) {
            for (String sql : drop) st.execute(sql);
        }
        return create;
    }

    /** What the fill is doing, how far it is and about how long is left, for the opening window. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (what, fraction, left) -> { };

        /** {@code fraction} from 0 to 1; {@code left} the estimate, or null before there is one. */
        void at(String what, double fraction, Duration left);

        /** "Writing devices — 12% of the large demo, about 1 min 40 s left" (the opening window's line). */
        static String inWords(String what, double fraction, Duration left) {
            StringBuilder sb = new StringBuilder(what);
            if (fraction > 0 && fraction < 1) sb.append(" — ").append((int) Math.floor(fraction * 100)).append("% of the large demo");
            if (left != null && fraction < 1) {
                long s = Math.max(1, Math.round(left.toMillis() / 1000.0));
                sb.append(", about ").append(s >= 60 ? s / 60 + " min " + (s % 60) + " s" : s + " s").append(" left");
            }
            return sb.append(" …").toString();
        }
    }

    /** Counts the rows written against all there are to write, and estimates the rest from the rate so far. */
    private static final class ProgressCount implements java.util.function.IntConsumer {
        private final Progress progress;
        private final long total;
        private final long started = System.nanoTime();
        private long done;
        private String phase = "";

        ProgressCount(Progress progress, long total) {
            this.progress = progress;
            this.total = Math.max(1, total);
        }

        void phase(String what) {
            phase = what;
            report();
        }

        @Override
        public void accept(int rows) {
            done += rows;
            report();
        }

        private void report() {
            double fraction = Math.min(1, done / (double) total);
            long elapsed = System.nanoTime() - started;
            Duration left = done == 0 || elapsed < 2_000_000_000L ? null : Duration.ofNanos((long) (elapsed / fraction - elapsed));
            progress.at(phase, fraction, left);
        }
    }

    /** Ids are handed out in insertion order inside the transaction, so the last id names the whole batch. */
    private static long lastId(Connection c, String table) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT max(id) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String title(String reference, int type, String tag, String reporter) {
        return reference + " " + incidentLabel(type) + " – " + tag + ", " + reporter;
    }

    private static String incidentType(int t) {
        return switch (t) { case 0 -> "MALFUNCTION"; case 1 -> "SUSPECTED_VIRUS"; case 2 -> "PASSWORD_COMPROMISED"; case 3 -> "LOST"; default -> "STOLEN"; };
    }

    private static String incidentLabel(int t) {
        return switch (t) { case 0 -> "Malfunction"; case 1 -> "Suspected virus"; case 2 -> "Password compromised"; case 3 -> "Lost"; default -> "Stolen"; };
    }

    private static String kindLabel(int k) {
        return switch (k) { case 0 -> "laptop"; case 1 -> "mobile phone"; case 2 -> "tablet"; default -> "other"; };
    }

    private static String id(long v) {
        return Long.toString(v);
    }

    private static String store(long epochMilli) {
        return Times.store(Instant.ofEpochMilli(epochMilli));
    }

    private static String date(long epochMilli) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(epochMilli), AppClock.OFFICE_ZONE).toString();
    }
}
