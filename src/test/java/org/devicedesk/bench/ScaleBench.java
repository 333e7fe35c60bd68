package org.devicedesk.bench;

import java.io.IOException;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.devicedesk.Services;
import org.devicedesk.audit.AuditService;
import org.devicedesk.core.Audit;
import org.devicedesk.core.Database;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.core.Times;
import org.devicedesk.demo.LargeDemo;
import org.devicedesk.devices.Device;
import org.devicedesk.devices.DeviceQuery;
import org.devicedesk.devices.DeviceService;
import org.devicedesk.incidents.Incident;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The scale benchmark of issue 9 ({@code mvn -B -Pbench verify}; never part of the normal build).
 * It generates 100k devices, 50k incidents and 1M audit events into a temporary database, then times
 * each figure through the real services with a real session, next to a raw-JDBC baseline measured in
 * the same JVM on the same file: one cold round reported apart, then several rounds, median and worst.
 * It reports; a missed goal does not fail the build. The table goes to target/bench/results.md.
 */
@Tag("bench")
class ScaleBench {
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
    private static final LargeDemo.Scale SCALE = new LargeDemo.Scale(
            Integer.getInteger("bench.people", 5_000), Integer.getInteger("bench.devices", 100_000),
            Integer.getInteger("bench.incidents", 50_000), Integer.getInteger("bench.audit", 1_000_000));

    private final List<String> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private Path dir;
    private Database db;
    private Services services;
    private Session session;
    private Connection raw;

    private static final String LOAD_AT_START = loadAverage();

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?"; // not Linux
        }
    }

    @Test
    void scale() throws Exception {
        // -Dbench.db=FILE keeps the generated database there and reuses it on the next run (for working on one figure)
        String keep = System.getProperty("bench.db");
        dir = keep == null ? Files.createTempDirectory("devicedesk-bench") : null;
        Path file = keep == null ? dir.resolve("bench.db") : Path.of(keep).toAbsolutePath();
        boolean reuse = keep != null && Files.exists(file);
        // -Dbench.pg=true: the same figures on PostgreSQL, in the database DEVICEDESK_TEST_PG_URL names (wiped first)
        boolean pg = Boolean.getBoolean("bench.pg");
        String pgUrl = System.getenv("DEVICEDESK_TEST_PG_URL");
        String pgUser = System.getenv().getOrDefault("DEVICEDESK_TEST_PG_USER", "devicedesk");
        String pgPassword = System.getenv().getOrDefault("DEVICEDESK_TEST_PG_PASSWORD", "devicedesk");
        if (pg && (pgUrl == null || pgUrl.isBlank())) throw new IllegalStateException("-Dbench.pg=true needs DEVICEDESK_TEST_PG_URL (and _USER, _PASSWORD)");
        if (pg) reuse = false;
        try {
            if (pg) {
                try (Connection c = DriverManager.getConnection(pgUrl, pgUser, pgPassword); Statement st = c.createStatement()) {
                    st.execute("DROP SCHEMA IF EXISTS public CASCADE");
                    st.execute("CREATE SCHEMA public");
                }
                db = Database.openPostgres(pgUrl, pgUser, pgPassword);
                notes.add("Database: PostgreSQL (-Dbench.pg=true), " + pgUrl.replaceAll("\\?.*", "") + " on this machine; baseline = raw JDBC on the same server.");
            } else {
                db = Database.openSqlite(file);
            }
            Clock clock = Clock.systemUTC();
            if (reuse) {
                notes.add("Data: reused " + file + " (-Dbench.db), so the saves and imports of earlier runs are in it too.");
            } else {
                LargeDemo.Result data = LargeDemo.fill(db, clock, SCALE, 20261201L);
                notes.add(String.format(Locale.ROOT, "Data: %,d people, %,d devices, %,d custody records, %,d incidents (each with its breach referral), %,d audit events; generated in %.1f s (the `--demo-size large` bulk path).",
                        data.people(), data.devices(), data.custody(), data.incidents(), data.auditEvents(), data.took().toMillis() / 1000.0));
            }
            services = new Services(db, clock);
            long personId = db.read(h -> h.createQuery("SELECT min(id) FROM person").mapTo(Long.class).one());
            session = new Session(0, "bench", personId, "Bench Helpdesk", EnumSet.of(Role.HELPDESK, Role.ADMIN, Role.DPO));
            if (pg) {
                raw = DriverManager.getConnection(pgUrl, pgUser, pgPassword);
                try (Statement st = raw.createStatement()) {
                    st.execute("ANALYZE"); // the bulk load leaves no statistics; a server's autovacuum would gather them soon after
                }
            } else {
                raw = DriverManager.getConnection("jdbc:sqlite:" + file);
                try (Statement st = raw.createStatement()) { // the app's pragmas
                    st.execute("PRAGMA foreign_keys = ON");
                    st.execute("PRAGMA busy_timeout = 5000");
                    st.execute("PRAGMA synchronous = FULL");
                }
            }
            if (wanted("open")) deviceList();
            if (wanted("search")) search();
            if (wanted("queue")) breachQueue();
            if (wanted("sort")) sort();
            if (wanted("heap")) heap();
            if (wanted("audit")) auditScreen();
            if (wanted("verify")) verify();
            if (wanted("save")) incidentSave();
            if (wanted("import")) csvImport();
        } finally {
            if (raw != null) raw.close();
            if (db != null) db.close();
            report();
            if (dir != null) {
                try (var files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    /** -Dbench.only=search,audit runs only those figures (all by default). */
    private static boolean wanted(String figure) {
        String only = System.getProperty("bench.only");
        boolean yes = only == null || only.isBlank() || List.of(only.split(",")).contains(figure);
        if (yes) System.gc(); // each figure starts without the previous one's garbage
        return yes;
    }

    // ---- the figures ----

    private void deviceList() throws Exception {
        Timing[] t = timePair(() -> services.devices.list(session, DeviceQuery.all()), () -> rawPage("", "lower(d.asset_tag)", 200));
        Timing app = t[0], base = t[1];
        timeRow("Device list at 100k: open (first page + count)", app, base, 150);
    }

    private static final String RAW_COLUMNS = """
            SELECT d.id, d.asset_tag, d.kind, d.make_model, d.serial_number, d.imei, d.phone_number, d.encrypted, d.mode, d.status, d.team,
                   d.notes, d.created_at, d.updated_at, c.person_id, hp.full_name, c.from_at, c.kind
            FROM device d LEFT JOIN custody c ON c.device_id = d.id AND c.to_at IS NULL LEFT JOIN person hp ON hp.id = c.person_id""";

    /** Raw JDBC: one page of the same columns in the same order, and the count; every value read. */
    private void breachQueue() throws Exception {
        int cases = db.read(h -> h.createQuery("SELECT count(*) FROM breach_case").mapTo(Integer.class).one());
        Timing[] t = timePair(() -> services.breaches.queuePage(session, null, 500), () -> rawQueue(500));
        timeRow(String.format(Locale.ROOT, "Breach queue at %,d cases: open (first 500 + counts)", cases), t[0], t[1], 150);
        notes.add("Breach queue baseline: raw JDBC reading the same 500 rows with the same two index-ordered queries (open cases, then the rest), and the counts.");
    }

    /** The same two index-ordered reads as BreachRepository.queue (open cases, then the rest), and the counts' one query. */
    private int rawQueue(int limit) throws SQLException {
        int n = 0;
        String open = "b.status IN ('AWAITING_REVIEW', 'ASSESSING')";
        for (String part : new String[] {
                "SELECT b.*, i.reference FROM breach_case b LEFT JOIN incident i ON i.id = b.incident_id WHERE " + open
                        + " ORDER BY b.aware_at, coalesce(b.decided_at, b.updated_at) DESC, b.id LIMIT ",
                "SELECT b.*, i.reference FROM breach_case b LEFT JOIN incident i ON i.id = b.incident_id WHERE b.status NOT IN ('AWAITING_REVIEW', 'ASSESSING')"
                        + " ORDER BY coalesce(b.decided_at, b.updated_at) DESC, b.id LIMIT "}) {
            if (n >= limit) break;
            try (PreparedStatement ps = raw.prepareStatement(part + (limit - n)); ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) rs.getObject(i);
                    n++;
                }
            }
        }
        try (PreparedStatement ps = raw.prepareStatement("SELECT (SELECT count(*) FROM breach_case), count(*) FROM breach_case b WHERE " + open);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
        }
        return n;
    }

    private int rawPage(String where, String order, int limit) throws SQLException {
        int n = 0;
        try (PreparedStatement ps = raw.prepareStatement(RAW_COLUMNS + where + " ORDER BY " + order + ", d.id LIMIT " + limit);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                for (int i = 1; i <= 18; i++) rs.getObject(i);
                n++;
            }
        }
        try (PreparedStatement ps = raw.prepareStatement("SELECT count(*) FROM device d" + where); ResultSet rs = ps.executeQuery()) {
            rs.next();
            n += rs.getInt(1) * 0;
        }
        return n;
    }

    private void search() throws Exception {
        // what a person types, one call per keystroke (the screen waits 250 ms after typing; this counts every keystroke)
        List<String> typed = new ArrayList<>();
        for (String word : List.of("LT-004512", "patel", "galaxy s23", "07700 900", "PX70012")) {
            for (int i = 1; i <= word.length(); i++) typed.add(word.substring(0, i));
        }
        Timing app = timeEach(typed, 3, t -> services.devices.list(session, DeviceQuery.all().withText(t)));
        Timing naive = timeEach(typed, 1, t -> rawLikeSearch(t)); // slow by nature: one pass after the cold one
        List<String> slowest = new ArrayList<>();
        for (String t : typed) slowest.add(String.format(Locale.ROOT, "%07.1f|%s", once(() -> services.devices.list(session, DeviceQuery.all().withText(t))), t));
        slowest.sort(Comparator.reverseOrder());
        notes.add("Slowest keystrokes (one more pass): " + String.join(", ", slowest.subList(0, 5).stream()
                .map(x -> "\"" + x.substring(x.indexOf('|') + 1) + "\" " + ms(Double.parseDouble(x.substring(0, x.indexOf('|'))))).toList()) + ".");
        timeRow("Device list: each search keystroke (" + typed.size() + " keystrokes of 5 searches)", app, naive, 50);
        notes.add("Search baseline: raw JDBC running `LIKE '%text%'` over the six searched columns (the old search), first page + count.");
    }

    private int rawLikeSearch(String text) throws SQLException {
        String t = "%" + text.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        String where = " WHERE (lower(d.asset_tag) LIKE ? ESCAPE '!' OR lower(coalesce(d.serial_number, '')) LIKE ? ESCAPE '!'"
                + " OR coalesce(d.imei, '') LIKE ? ESCAPE '!' OR lower(coalesce(d.make_model, '')) LIKE ? ESCAPE '!'"
                + " OR coalesce(d.phone_number, '') LIKE ? ESCAPE '!' OR lower(coalesce(hp.full_name, '')) LIKE ? ESCAPE '!')";
        int n = 0;
        try (PreparedStatement ps = raw.prepareStatement(RAW_COLUMNS + where + " ORDER BY lower(d.asset_tag), d.id LIMIT 200")) {
            for (int i = 1; i <= 6; i++) ps.setString(i, t);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) n++;
            }
        }
        try (PreparedStatement ps = raw.prepareStatement("SELECT count(*) FROM device d LEFT JOIN custody c ON c.device_id = d.id AND c.to_at IS NULL"
                + " LEFT JOIN person hp ON hp.id = c.person_id" + where)) {
            for (int i = 1; i <= 6; i++) ps.setString(i, t);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
            }
        }
        return n;
    }

    private void sort() throws Exception {
        List<Device> all = services.devices.list(session, DeviceQuery.all().page(0, 0)).devices();
        double worstRatio = 0;
        String worstColumn = null;
        Timing worstApp = null, worstBase = null;
        for (DeviceQuery.Sort sort : DeviceQuery.Sort.values()) {
            for (boolean desc : new boolean[] {false, true}) {
                Comparator<Device> order = comparator(sort);
                Comparator<Device> c = desc ? order.reversed() : order;
                Timing[] t = timePair(() -> services.devices.list(session, DeviceQuery.all().sortedBy(sort, desc)), () -> {
                    List<Device> copy = new ArrayList<>(all);
                    copy.sort(c);
                    return copy.size();
                });
                Timing app = t[0], base = t[1];
                double ratio = app.median() / base.median();
                if (ratio > worstRatio) {
                    worstRatio = ratio;
                    worstColumn = sort + (desc ? " desc" : "");
                    worstApp = app;
                    worstBase = base;
                }
                rows.add(String.format(Locale.ROOT, "| &nbsp;&nbsp;sort by %s%s | %s | %s | %.2fx | %s | | |", sort.name().toLowerCase(Locale.ROOT),
                        desc ? " desc" : "", app.show(), base.show(), ratio, ms(app.cold())));
            }
        }
        row("Device list: sort by any column (worst: " + worstColumn.toLowerCase(Locale.ROOT) + ")", worstApp, worstBase, "<= 5x plain Java sort",
                worstRatio <= 5);
        // the summary line goes above its columns
        rows.add(rows.size() - 1 - 2 * DeviceQuery.Sort.values().length, rows.remove(rows.size() - 1));
        notes.add("Sort: the service's sorted first page + count (sorted in SQL over all " + all.size() + " devices) against `List.sort` of the same "
                + all.size() + " Device records already in memory with the view's comparator for that column.");
    }

    private static Comparator<Device> comparator(DeviceQuery.Sort sort) {
        Comparator<String> ci = Comparator.nullsFirst(String.CASE_INSENSITIVE_ORDER);
        Comparator<Device> c = switch (sort) {
            case ASSET_TAG -> Comparator.comparing(Device::assetTag, ci);
            case KIND -> Comparator.comparing(Device::kind);
            case MAKE_MODEL -> Comparator.comparing(Device::makeModel, ci);
            case SERIAL_NUMBER -> Comparator.comparing(Device::serialNumber, Comparator.nullsFirst(Comparator.<String>naturalOrder()));
            case IMEI -> Comparator.comparing(Device::imei, Comparator.nullsFirst(Comparator.<String>naturalOrder()));
            case MODE -> Comparator.comparing(Device::mode);
            case STATUS -> Comparator.comparing(Device::status);
            case TEAM -> Comparator.comparing(Device::team, ci);
            case HOLDER -> Comparator.comparing(d -> d.holder() == null ? null : d.holder().name(), ci);
            case UPDATED -> Comparator.comparing(Device::updatedAt);
        };
        return c.thenComparingLong(Device::id);
    }

    private void heap() throws Exception {
        var memory = ManagementFactory.getMemoryMXBean();
        long[] app = new long[3], base = new long[3];
        int n = 0;
        for (int round = 0; round < 3; round++) {
            long before = settledHeap(memory);
            List<Device> list = services.devices.list(session, DeviceQuery.all().page(0, 0)).devices();
            long after = settledHeap(memory);
            n = list.size();
            app[round] = (after - before) / n;
            list = null;
            before = settledHeap(memory);
            List<Object[]> rawRows = new ArrayList<>();
            try (PreparedStatement ps = raw.prepareStatement(RAW_COLUMNS); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object[] r = new Object[18];
                    for (int i = 0; i < 18; i++) r[i] = rs.getObject(i + 1);
                    rawRows.add(r);
                }
            }
            after = settledHeap(memory);
            base[round] = (after - before) / rawRows.size();
            rawRows = null;
        }
        Arrays.sort(app);
        Arrays.sort(base);
        rows.add(String.format(Locale.ROOT, "| Heap for a 100k-device list (bytes per row) | %d B (worst %d) | %d B (worst %d) | %.2fx | | <= 600 B/row | %s |",
                app[1], app[2], base[1], base[2], (double) app[1] / base[1], app[2] <= 600 ? "PASS" : "MISS"));
        notes.add("Heap: used heap after three System.gc() calls (MemoryMXBean) with the list of all " + n + " Device records held, minus the same "
                + "before it, divided by the rows; three rounds, median and worst. Baseline: the same rows as raw JDBC Object[] of the column values.");
    }

    private static long settledHeap(java.lang.management.MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private void auditScreen() throws Exception {
        AuditService audit = services.audit;
        Timing[] t = timePair(() -> {
            audit.actors(session);
            audit.recordTypes(session);
            return audit.page(session, AuditService.Query.all()).size();
        }, () -> rawAudit("", List.of()));
        Timing open = t[0], openBase = t[1];
        timeRow("Audit screen at 1M events: open (actors, record types, first page)", open, openBase, 150);

        t = timePair(() -> audit.page(session, new AuditService.Query("hd.khan", null, null, null, null)).size(),
                () -> rawAudit(" AND actor = ?", List.of("hd.khan")));
        Timing actor = t[0], actorBase = t[1];
        timeRow("Audit screen: filter by actor", actor, actorBase, 150);

        Instant weekFrom = LocalDate.now(ZoneOffset.UTC).minusYears(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant weekTo = weekFrom.plus(Duration.ofDays(7));
        t = timePair(() -> audit.page(session, new AuditService.Query(null, null, null, weekFrom, weekTo)).size(),
                () -> rawAudit(" AND at >= ? AND at < ?", List.of(Times.store(weekFrom), Times.store(weekTo))));
        Timing week = t[0], weekBase = t[1];
        timeRow("Audit screen: filter by date (one week, a year ago)", week, weekBase, 150);

        Instant yearFrom = LocalDate.now(ZoneOffset.UTC).minusYears(2).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant yearTo = yearFrom.plus(Duration.ofDays(365));
        t = timePair(() -> audit.page(session, new AuditService.Query(null, null, null, yearFrom, yearTo)).size(),
                () -> rawAudit(" AND at >= ? AND at < ?", List.of(Times.store(yearFrom), Times.store(yearTo))));
        Timing year = t[0], yearBase = t[1];
        timeRow("Audit screen: filter by date (a whole year, two years ago)", year, yearBase, 150);

        t = timePair(() -> audit.page(session, new AuditService.Query("hd.khan", null, null, yearFrom, yearTo)).size(),
                () -> rawAudit(" AND actor = ? AND at >= ? AND at < ?", List.of("hd.khan", Times.store(yearFrom), Times.store(yearTo))));
        Timing both = t[0], bothBase = t[1];
        timeRow("Audit screen: filter by actor and date (a year)", both, bothBase, 150);
        notes.add("Audit baseline: raw JDBC reading the same first page (500 newest matching events) with the same WHERE.");
    }

    private int rawAudit(String where, List<String> args) throws SQLException {
        int n = 0;
        try (PreparedStatement ps = raw.prepareStatement("SELECT seq, at, actor, action, record_type, record_id, summary, hash FROM audit_event WHERE seq < ?"
                + where + " ORDER BY seq DESC LIMIT 500")) {
            ps.setLong(1, Long.MAX_VALUE);
            for (int i = 0; i < args.size(); i++) ps.setString(i + 2, args.get(i));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    for (int i = 1; i <= 8; i++) rs.getObject(i);
                    n++;
                }
            }
        }
        return n;
    }

    private void verify() throws Exception {
        long[] progressCalls = {0};
        Timing[] t = timePair(() -> {
            Audit.Verification v = services.audit.verify(session, checked -> progressCalls[0]++);
            if (!v.intact()) throw new IllegalStateException("the generated chain does not verify: " + v.explanation());
            return (int) v.eventsChecked();
        }, this::rawSha256Pass);
        Timing app = t[0], base = t[1];
        row("Audit chain verification (streams, with progress)", app, base, "<= 2x raw SHA-256 pass", app.median() / base.median() <= 2);
        notes.add("Verify baseline: raw JDBC streaming the same columns of every event in seq order and one SHA-256 per event over the same bytes; "
                + "the service also reports progress (" + progressCalls[0] + " progress calls over all rounds) and audits the check.");
    }

    private int rawSha256Pass() throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        HexFormat hex = HexFormat.of();
        int n = 0;
        try (PreparedStatement ps = raw.prepareStatement("SELECT seq, at, actor, action, record_type, record_id, summary, prev_hash, hash FROM audit_event ORDER BY seq")) {
            ps.setFetchSize(2000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    md.update(rs.getString(8).getBytes(StandardCharsets.UTF_8));
                    md.update(Long.toString(rs.getLong(1)).getBytes(StandardCharsets.UTF_8));
                    for (int i = 2; i <= 7; i++) md.update(rs.getString(i).getBytes(StandardCharsets.UTF_8));
                    if (hex.formatHex(md.digest()).equals(rs.getString(9))) n--;
                    n++;
                }
            }
        }
        return n;
    }

    private void incidentSave() throws Exception {
        List<long[]> held = db.read(h -> h.createQuery("SELECT device_id, person_id FROM custody WHERE to_at IS NULL ORDER BY device_id LIMIT 2000")
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).list());
        boolean pg = db.dialect() == Database.Dialect.POSTGRESQL;
        int perRound = 100;
        int[] next = {0};
        List<Double> app = new ArrayList<>(), base = new ArrayList<>(), same = new ArrayList<>();
        double appCold = 0;
        for (int round = 0; round <= 3; round++) {
            List<Double> a = new ArrayList<>(), b = new ArrayList<>(), c = new ArrayList<>();
            for (int i = 0; i < perRound; i++) {
                long[] dp = held.get(next[0]++ % held.size());
                Incident.Draft draft = new Incident.Draft(Incident.Type.MALFUNCTION, dp[1], dp[0], null, null, null, "Lloyd House",
                        "The screen flickers and then goes black.", null, null, null, null, null, null);
                long t0 = System.nanoTime();
                services.incidents.report(session, draft);
                a.add((System.nanoTime() - t0) / 1e6);
                long t1 = System.nanoTime();
                rawIncident(dp[0], dp[1], round * perRound + i);
                b.add((System.nanoTime() - t1) / 1e6);
                long t2 = System.nanoTime();
                rawIncidentSameWork(dp[0], dp[1], pg);
                c.add((System.nanoTime() - t2) / 1e6);
            }
            if (round == 0) {
                appCold = a.get(0);
            } else {
                app.addAll(a);
                base.addAll(b);
                same.addAll(c);
            }
        }
        double appP99 = percentile(app, 0.99), baseP99 = percentile(base, 0.99), sameP99 = percentile(same, 0.99);
        rows.add(String.format(Locale.ROOT, "| Save an incident (+ referral + audit, synchronous=FULL): p99 of %d | p99 %s, median %s | p99 %s, median %s | %.2fx | %s | <= 1.5x raw JDBC | %s |",
                app.size(), ms(appP99), ms(percentile(app, 0.5)), ms(baseP99), ms(percentile(base, 0.5)), appP99 / baseP99, ms(appCold),
                appP99 / baseP99 <= 1.5 ? "PASS" : "MISS"));
        rows.add(String.format(Locale.ROOT, "| Save an incident, against raw JDBC doing the same work (reads, reference counters%s): p99 of %d | p99 %s, median %s | p99 %s, median %s | %.2fx | %s | <= 1.5x raw JDBC | %s |",
                pg ? ", change notices" : "", app.size(), ms(appP99), ms(percentile(app, 0.5)), ms(sameP99), ms(percentile(same, 0.5)), appP99 / sameP99, ms(appCold),
                appP99 / sameP99 <= 1.5 ? "PASS" : "MISS"));
        notes.add("Incident save: IncidentService.report (a malfunction on a held device: it reads the reporter, the device and its holder, the settings once "
                + "(hours, ICO window and mail settings in one read), checks the incident has no referral yet, takes the two reference numbers from their counters "
                + "and writes the incident, the referral and two hash-chained audit events" + (pg ? ", each with its change notice" : "") + ", in one transaction). "
                + "Two raw-JDBC baselines, every statement prepared anew as plain JDBC code would: the first (the issue's) inserts only the incident, breach_case, "
                + "two audit events (hash-chained) and the head update, with made-up references (8 statements); the second does the same work as the service, "
                + "statement for statement (" + (pg ? "17" : "14") + " statements and the commit; the service: " + (pg ? "13" : "14, with BEGIN IMMEDIATE") + "). The three alternate, one save each, so disk flushes hit all alike.");
    }

    /** Raw JDBC doing what the service must do: the reads its rules need, the reference counters, the writes, the audit chain (and on PostgreSQL the change notices). */
    private void rawIncidentSameWork(long deviceId, long personId, boolean pg) throws SQLException {
        raw.setAutoCommit(false);
        try {
            String now = Times.store(Instant.now());
            int year = Instant.now().atZone(org.devicedesk.core.AppClock.OFFICE_ZONE).getYear();
            if (pg) {
                try (PreparedStatement ps = raw.prepareStatement("SELECT last_seq FROM audit_head WHERE id = 1 FOR UPDATE"); ResultSet rs = ps.executeQuery()) {
                    rs.next();
                }
            }
            String reporter;
            try (PreparedStatement ps = raw.prepareStatement("SELECT full_name FROM person WHERE id = ?")) {
                ps.setLong(1, personId);
                try (ResultSet rs = ps.executeQuery()) { rs.next(); reporter = rs.getString(1); }
            }
            String tag;
            try (PreparedStatement ps = raw.prepareStatement("""
                    SELECT d.asset_tag, d.status, c.person_id, p.full_name FROM device d
                    LEFT JOIN custody c ON c.device_id = d.id AND c.to_at IS NULL LEFT JOIN person p ON p.id = c.person_id WHERE d.id = ?""")) {
                ps.setLong(1, deviceId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    tag = rs.getString(1);
                    if (rs.getLong(3) != personId) throw new IllegalStateException("not held by the reporter");
                }
            }
            int settings = 0;
            try (PreparedStatement ps = raw.prepareStatement("SELECT key, value FROM setting"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) settings++;
            }
            String incRef = "INC-" + year + "-" + rawCounter("INC", year);
            long incidentId;
            try (PreparedStatement ps = raw.prepareStatement("""
                    INSERT INTO incident (reference, type, reporter_id, device_id, reported_at, location, what_happened, status, recorded_by, created_at, updated_at)
                    VALUES (?, 'MALFUNCTION', ?, ?, ?, 'Lloyd House', 'The screen flickers and then goes black.', 'REPORTED', 'bench', ?, ?)""",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, incRef);
                ps.setLong(2, personId);
                ps.setLong(3, deviceId);
                ps.setString(4, now);
                ps.setString(5, now);
                ps.setString(6, now);
                ps.executeUpdate();
                try (ResultSet k = ps.getGeneratedKeys()) { k.next(); incidentId = k.getLong(1); }
            }
            rawAudit(now, "INCIDENT_REPORTED", "incident", incidentId, incRef + " reported by " + reporter + ", device " + tag + " " + settings, 1);
            if (pg) rawNotify("incident", incidentId, now);
            try (PreparedStatement ps = raw.prepareStatement("SELECT id FROM breach_case WHERE incident_id = ?")) {
                ps.setLong(1, incidentId);
                try (ResultSet rs = ps.executeQuery()) { if (rs.next()) throw new IllegalStateException("already referred"); }
            }
            String breRef = "BRE-" + year + "-" + rawCounter("BRE", year);
            long breachId;
            try (PreparedStatement ps = raw.prepareStatement("""
                    INSERT INTO breach_case (reference, incident_id, title, aware_at, status, created_by, created_at, updated_at)
                    VALUES (?, ?, 'raw', ?, 'AWAITING_REVIEW', 'bench', ?, ?)""", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, breRef);
                ps.setLong(2, incidentId);
                ps.setString(3, now);
                ps.setString(4, now);
                ps.setString(5, now);
                ps.executeUpdate();
                try (ResultSet k = ps.getGeneratedKeys()) { k.next(); breachId = k.getLong(1); }
            }
            rawAudit(now, "BREACH_REFERRED", "breach_case", breachId, breRef + " referred", 1);
            if (pg) rawNotify("breach_case", breachId, now);
            raw.commit();
        } catch (SQLException e) {
            raw.rollback();
            throw e;
        } finally {
            raw.setAutoCommit(true);
        }
    }

    private int rawCounter(String kind, int year) throws SQLException {
        try (PreparedStatement ps = raw.prepareStatement("UPDATE reference_counter SET last_number = last_number + 1 WHERE kind = ? AND year = ? RETURNING last_number")) {
            ps.setString(1, kind);
            ps.setInt(2, year);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new IllegalStateException("no " + kind + " counter for " + year + " (the service's first save makes it)");
                return rs.getInt(1);
            }
        }
    }

    private void rawNotify(String type, long id, String at) throws SQLException {
        try (PreparedStatement ps = raw.prepareStatement("SELECT pg_notify('" + org.devicedesk.core.ChangeFeed.CHANNEL + "', ?)")) {
            ps.setString(1, type + "\u001f" + id + "\u001fbench\u001f" + at);
            try (ResultSet rs = ps.executeQuery()) { rs.next(); }
        }
    }

    private void rawIncident(long deviceId, long personId, int n) throws SQLException {
        raw.setAutoCommit(false);
        try {
            String now = Times.store(Instant.now());
            long incidentId;
            try (PreparedStatement ps = raw.prepareStatement("""
                    INSERT INTO incident (reference, type, reporter_id, device_id, reported_at, location, what_happened, status, recorded_by, created_at, updated_at)
                    VALUES (?, 'MALFUNCTION', ?, ?, ?, 'Lloyd House', 'The screen flickers and then goes black.', 'REPORTED', 'bench', ?, ?)""",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, "RAW-" + System.nanoTime());
                ps.setLong(2, personId);
                ps.setLong(3, deviceId);
                ps.setString(4, now);
                ps.setString(5, now);
                ps.setString(6, now);
                ps.executeUpdate();
                try (ResultSet k = ps.getGeneratedKeys()) { k.next(); incidentId = k.getLong(1); }
            }
            long breachId;
            try (PreparedStatement ps = raw.prepareStatement("""
                    INSERT INTO breach_case (reference, incident_id, title, aware_at, status, created_by, created_at, updated_at)
                    VALUES (?, ?, 'raw', ?, 'AWAITING_REVIEW', 'bench', ?, ?)""", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, "RAWB-" + System.nanoTime());
                ps.setLong(2, incidentId);
                ps.setString(3, now);
                ps.setString(4, now);
                ps.setString(5, now);
                ps.executeUpdate();
                try (ResultSet k = ps.getGeneratedKeys()) { k.next(); breachId = k.getLong(1); }
            }
            rawAudit(now, "INCIDENT_REPORTED", "incident", incidentId, "RAW incident reported", 1);
            rawAudit(now, "BREACH_REFERRED", "breach_case", breachId, "RAW referral", 1);
            raw.commit();
        } catch (SQLException e) {
            raw.rollback();
            throw e;
        } finally {
            raw.setAutoCommit(true);
        }
    }

    /** Appends {@code count} chained events the way a raw implementation would: read the head, batch insert, move the head. */
    private void rawAudit(String at, String action, String type, long firstId, String summary, int count) throws SQLException {
        long seq;
        String prev;
        try (Statement st = raw.createStatement(); ResultSet rs = st.executeQuery("SELECT last_seq, last_hash FROM audit_head WHERE id = 1")) {
            rs.next();
            seq = rs.getLong(1);
            prev = rs.getString(2);
        }
        try (PreparedStatement ps = raw.prepareStatement("INSERT INTO audit_event (seq, at, actor, action, record_type, record_id, summary, prev_hash, hash) VALUES (?, ?, 'bench', ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < count; i++) {
                seq++;
                String rid = Long.toString(firstId + i);
                String hash = Audit.hash(prev, seq, at, "bench", action, type, rid, summary);
                ps.setLong(1, seq);
                ps.setString(2, at);
                ps.setString(3, action);
                ps.setString(4, type);
                ps.setString(5, rid);
                ps.setString(6, summary);
                ps.setString(7, prev);
                ps.setString(8, hash);
                ps.addBatch();
                prev = hash;
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = raw.prepareStatement("UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
            ps.setLong(1, seq);
            ps.setString(2, prev);
            ps.executeUpdate();
        }
    }

    private void csvImport() throws Exception {
        int size = 10_000;
        int[] batch = {0};
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase(Locale.ROOT); // fresh tags on a reused database too
        // every round's input is made before the clock starts: only the import itself is timed
        List<String> files = new ArrayList<>();
        List<List<String[]>> rowsOf = new ArrayList<>();
        for (int i = 0; i <= ROUNDS; i++) {
            files.add(csv(size, "IMP" + run + "X" + i));
            List<String[]> r = new ArrayList<>();
            for (int k = 0; k < size; k++) r.add(rawDevice("RAW" + run + "X" + i, k));
            rowsOf.add(r);
        }
        int[] rawBatch = {0};
        Timing[] t = timePair(() -> services.devices.importer().importAll(session, new StringReader(files.get(batch[0]++))),
                () -> rawImport(rowsOf.get(rawBatch[0]++)));
        Timing app = t[0], base = t[1];
        row("CSV import of 10k devices (one transaction, audited)", app, base, "<= 1.25x raw JDBC batch", app.median() / base.median() <= 1.25);
        notes.add("Import baseline: raw JDBC batch-inserting the same 10k device rows and their 10k chained audit events in one transaction "
                + "(no checks); the import also parses the CSV, checks every row's rules (unique tag, serial and IMEI, Luhn) and reports by line.");
    }

    private static String csv(int n, String prefix) {
        StringBuilder sb = new StringBuilder("asset_tag,kind,make_model,serial_number,imei,phone_number,encrypted,mode,status,team,notes\n");
        for (int i = 0; i < n; i++) {
            String[] r = rawDevice(prefix, i);
            sb.append(String.join(",", r[0], r[1], r[2], r[3], r[4], "", "yes", "ISSUED", "IN_STOCK", "", "")).append('\n');
        }
        return sb.toString();
    }

    private static String[] rawDevice(String prefix, int i) {
        boolean phone = i % 3 == 0;
        String imei = "";
        if (phone) {
            String first14 = String.format("36%06d%06d", Math.abs(prefix.hashCode()) % 1_000_000, i);
            imei = first14 + DeviceService.luhnCheckDigit(first14);
        }
        return new String[] {prefix + "-" + i, phone ? "MOBILE_PHONE" : "LAPTOP", phone ? "Samsung Galaxy A55" : "Dell Latitude 5440",
                prefix + "SN" + i, imei};
    }

    private int rawImport(List<String[]> rows) throws SQLException {
        int n = rows.size();
        raw.setAutoCommit(false);
        try {
            String now = Times.store(Instant.now());
            try (PreparedStatement ps = raw.prepareStatement("""
                    INSERT INTO device (asset_tag, kind, make_model, serial_number, imei, phone_number, encrypted, mode, status, team, notes, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, NULL, 1, 'ISSUED', 'IN_STOCK', NULL, NULL, ?, ?)""")) {
                for (String[] r : rows) {
                    ps.setString(1, r[0]);
                    ps.setString(2, r[1]);
                    ps.setString(3, r[2]);
                    ps.setString(4, r[3]);
                    ps.setString(5, r[4].isEmpty() ? null : r[4]);
                    ps.setString(6, now);
                    ps.setString(7, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            long first;
            try (Statement st = raw.createStatement(); ResultSet rs = st.executeQuery("SELECT max(id) FROM device")) {
                rs.next();
                first = rs.getLong(1) - n + 1;
            }
            rawAudit(now, "DEVICE_CREATED", "device", first, "Created issued laptop", n);
            raw.commit();
            return n;
        } catch (SQLException e) {
            raw.rollback();
            throw e;
        } finally {
            raw.setAutoCommit(true);
        }
    }

    // ---- timing and the table ----

    @FunctionalInterface
    interface Work { Object run() throws Exception; }

    /** Milliseconds: the cold (first) round, then ROUNDS rounds. */
    record Timing(double cold, double[] rounds) {
        double median() { return percentile(Arrays.stream(rounds).boxed().toList(), 0.5); }
        double worst() { return Arrays.stream(rounds).max().orElse(0); }
        String show() { return ms(median()) + " (worst " + ms(worst()) + ")"; }
    }

    /**
     * The candidate and its baseline, taking turns: a cold round of each, then ROUNDS rounds of each,
     * alternating, so a change in the machine's load falls on both alike.
     */
    private static Timing[] timePair(Work app, Work base) throws Exception {
        double coldApp = once(app), coldBase = once(base);
        double[] a = new double[ROUNDS], b = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            a[i] = once(app);
            b[i] = once(base);
        }
        return new Timing[] {new Timing(coldApp, a), new Timing(coldBase, b)};
    }

    /** Each item timed on its own: the cold value is the first item of the first pass; rounds are every item of the later passes. */
    private static Timing timeEach(List<String> items, int passes, ThrowingFn fn) throws Exception {
        double cold = -1;
        List<Double> all = new ArrayList<>();
        for (int round = 0; round <= passes; round++) {
            for (String item : items) {
                double t = once(() -> fn.apply(item));
                if (round == 0) { if (cold < 0) cold = t; } else all.add(t);
            }
        }
        return new Timing(cold, all.stream().mapToDouble(Double::doubleValue).toArray());
    }

    @FunctionalInterface
    interface ThrowingFn { Object apply(String s) throws Exception; }

    private static double once(Work w) throws Exception {
        long t0 = System.nanoTime();
        w.run();
        return (System.nanoTime() - t0) / 1e6;
    }

    private static double percentile(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        if (sorted.isEmpty()) return 0;
        int i = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    private static String ms(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%.0f ms", v) : String.format(Locale.ROOT, "%.1f ms", v);
    }

    private void row(String figure, Timing app, Timing base, String goal, boolean met) {
        row(figure, app, base, goal, met ? "PASS" : "MISS");
    }

    /** A time goal: PASS when every round meets it, "PASS (median)" when the median does but a round does not. */
    private void timeRow(String figure, Timing app, Timing base, double goalMs) {
        String result = app.worst() <= goalMs ? "PASS" : app.median() <= goalMs ? "PASS (median)" : "MISS";
        row(figure, app, base, "<= " + ms(goalMs).replace(".0 ms", " ms"), result);
    }

    private void row(String figure, Timing app, Timing base, String goal, String result) {
        rows.add(String.format(Locale.ROOT, "| %s | %s | %s | %.2fx | %s | %s | %s |", figure, app.show(), base.show(),
                app.median() / base.median(), ms(app.cold()), goal, result));
        System.out.println(rows.get(rows.size() - 1));
    }

    private void report() throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Device Desk scale benchmark\n\n");
        md.append("Command: `mvn -B -Pbench verify` · ").append(machine()).append("\n\n");
        md.append(String.format(Locale.ROOT, "%d rounds after one cold round (reported apart), candidate and baseline taking turns; median and worst of the rounds; ratio = candidate median / baseline median. ", ROUNDS));
        md.append("Candidate = the real service with a real session; baseline = raw JDBC (or plain Java) in the same JVM on the same file, same run.\n\n");
        md.append("| Figure | Device Desk: median (worst) | Baseline: median (worst) | Ratio | Cold round | Goal | Result |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        rows.forEach(r -> md.append(r).append('\n'));
        md.append('\n');
        notes.forEach(n -> md.append("- ").append(n).append('\n'));
        Path out = Path.of("target", "bench");
        Files.createDirectories(out);
        Files.writeString(out.resolve("results.md"), md.toString());
        System.out.println();
        System.out.println(md);
        System.out.println("Written to " + out.resolve("results.md").toAbsolutePath());
    }

    private static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(cpu);
        } catch (IOException ignored) { /* not Linux */ }
        String load = ", load average " + LOAD_AT_START + " at the start and " + loadAverage() + " at the end (1-minute)";
        return Runtime.getRuntime().availableProcessors() + " CPUs (" + cpu + "), JDK " + System.getProperty("java.version") + " ("
                + System.getProperty("java.vm.name") + "), " + System.getProperty("os.name") + " " + System.getProperty("os.arch")
                + ", max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB" + load + ", " + java.time.LocalDate.now();
    }
}
