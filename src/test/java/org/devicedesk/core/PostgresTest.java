package org.devicedesk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.List;
import org.devicedesk.Services;
import org.devicedesk.breaches.BreachService;
import org.devicedesk.demo.Demo;
import org.devicedesk.devices.Device;
import org.devicedesk.devices.DeviceQuery;
import org.devicedesk.incidents.Incident;
import org.devicedesk.incidents.IncidentService;
import org.devicedesk.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The same migrations and the same services on PostgreSQL (the multi-user mode). Runs when
 * DEVICEDESK_TEST_PG_URL (with _USER and _PASSWORD) names an empty database it may wipe; .ci/run sets it up.
 */
@EnabledIfEnvironmentVariable(named = "DEVICEDESK_TEST_PG_URL", matches = ".+")
class PostgresTest {
    private static final String URL = System.getenv("DEVICEDESK_TEST_PG_URL");
    private static final String USER = System.getenv().getOrDefault("DEVICEDESK_TEST_PG_USER", "devicedesk");
    private static final String PASSWORD = System.getenv().getOrDefault("DEVICEDESK_TEST_PG_PASSWORD", "devicedesk");

    private Database db;
    private Services services;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-04T10:00:00Z"));

    @org.junit.jupiter.api.io.TempDir java.nio.file.Path anchorsDir;

    @BeforeEach
    void freshSchema() throws Exception {
        System.setProperty("devicedesk.anchorsDir", anchorsDir.toString()); // this run's anchors, not those of an earlier wiped schema
        try (var c = DriverManager.getConnection(URL, USER, PASSWORD); var st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS public CASCADE");
            st.execute("CREATE SCHEMA public");
        }
        db = Database.openPostgres(URL, USER, PASSWORD);
        services = new Services(db, clock);
    }

    @AfterEach
    void close() {
        System.clearProperty("devicedesk.anchorsDir");
        db.close();
    }

    @Test
    void migrationsRunAndTheFoundationWorks() {
        assertEquals(Database.Dialect.POSTGRESQL, db.dialect());
        assertTrue(db.schemaVersion() >= 6, "all migrations applied");
        assertTrue(services.accounts.needsFirstAdministrator());
        Session admin = services.accounts.createFirstAdministrator("Ada Admin", "ada", "a-long-enough-password", "a-long-enough-password");
        assertThrows(Refused.class, () -> services.accounts.signIn("ada", "wrong-password-here"));
        Session again = services.accounts.signIn("ada", "a-long-enough-password");
        assertEquals(admin.accountId(), again.accountId());
        services.people.recordPaperDeclaration(admin, admin.personId(), services.people.today());
        assertTrue(services.people.declaration(admin, admin.personId()).isCurrent());
        Audit.Verification v = services.audit.verify(admin, null);
        assertTrue(v.intact(), v.explanation());
        assertTrue(v.eventsChecked() >= 4);
    }

    @Test
    void theAuditTrailIsAppendOnlyInPostgresqlToo() throws Exception {
        Session admin = services.accounts.createFirstAdministrator("Ada Admin", "ada", "a-long-enough-password", "a-long-enough-password");
        services.people.recordPaperDeclaration(admin, admin.personId(), services.people.today());
        try (var c = DriverManager.getConnection(URL, USER, PASSWORD); var st = c.createStatement()) {
            for (String sql : List.of("UPDATE audit_event SET summary = 'nothing' WHERE seq = 1", "DELETE FROM audit_event WHERE seq = 2",
                    "TRUNCATE audit_event", "UPDATE audit_head SET last_seq = last_seq - 1", "UPDATE audit_head SET last_hash = 'forged'",
                    "DELETE FROM audit_head")) {
                java.sql.SQLException e = assertThrows(java.sql.SQLException.class, () -> st.execute(sql), sql);
                assertTrue(e.getMessage().contains("append-only") || e.getMessage().contains("audit head"), e.getMessage());
            }
        }
        Audit.Verification v = services.audit.verify(admin, null);
        assertTrue(v.intact(), v.explanation());
        assertTrue(v.explanation().contains("For your records: event "), v.explanation());
        assertTrue(services.audit.anchors().store().startsWith(anchorsDir));
    }

    @Test
    void theDemoFillsEveryFeatureThroughTheServicesAndEachRoleReadsItBack() {
        assertEquals(Database.Dialect.POSTGRESQL, db.dialect());
        System.setProperty("devicedesk.demoPassword", "postgres-demo-password");
        try {
            String message = Demo.fillIfEmpty(services, "normal");
            assertTrue(message != null && message.contains("helpdesk"), "the demo filled the empty database");
        } finally {
            System.clearProperty("devicedesk.demoPassword");
        }
        Session helpdesk = services.accounts.signIn("helpdesk", "postgres-demo-password");
        Session dpo = services.accounts.signIn("dpo", "postgres-demo-password");
        Session infosec = services.accounts.signIn("infosec", "postgres-demo-password");
        Session staff = services.accounts.signIn("staff", "postgres-demo-password");
        Session admin = services.accounts.signIn("admin", "postgres-demo-password");

        // devices: paging, text search (LIKE on PostgreSQL) and the holder's name
        DeviceQuery.Page page = services.devices.list(helpdesk, DeviceQuery.all());
        assertTrue(page.total() >= 100, "about 150 demo devices, got " + page.total());
        Device held = page.devices().stream().filter(d -> d.holder() != null).findFirst().orElseThrow();
        DeviceQuery.Page byTag = services.devices.list(helpdesk, DeviceQuery.all().withText(held.assetTag()));
        assertTrue(byTag.devices().stream().anyMatch(d -> d.id() == held.id()), "search by asset tag finds it");
        String holderName = held.holder().name();
        String surname = holderName.substring(holderName.lastIndexOf(' ') + 1);
        DeviceQuery.Page byHolder = services.devices.list(helpdesk, DeviceQuery.all().withText(surname.toLowerCase()));
        assertTrue(byHolder.devices().stream().anyMatch(d -> d.id() == held.id()), "search by the holder's name finds it");
        // policy 50 on PostgreSQL too: a held device cannot be issued to a second person
        long other = services.people.list(helpdesk, org.devicedesk.people.PeopleService.Query.all()).stream()
                .map(r -> r.person()).filter(p -> p.id() != held.holder().personId()).findFirst().orElseThrow().id();
        assertThrows(Refused.class, () -> services.devices.issue(helpdesk, held.id(), other));

        // incidents and their referrals: every incident has a breach case
        List<Incident> incidents = services.incidents.list(helpdesk, IncidentService.Query.all());
        assertTrue(incidents.size() >= 50, "about 80 demo incidents, got " + incidents.size());
        assertTrue(incidents.stream().allMatch(i -> services.breaches.forIncident(dpo, i.id()).isPresent()),
                "every incident was referred to the DPO");
        // the incident list read a page at a time and sorted in SQL (issue 16): every column, both ways, on PostgreSQL
        for (IncidentService.Sort sort : IncidentService.Sort.values()) {
            for (boolean descending : new boolean[] {false, true}) {
                java.util.Set<Long> seen = new java.util.HashSet<>();
                int pages = 0;
                for (int offset = 0; ; offset += 25) {
                    IncidentService.Page p = services.incidents.page(helpdesk, IncidentService.Query.all(), sort, descending, offset, 25);
                    assertEquals(incidents.size(), p.total(), sort + " counts every incident");
                    for (Incident i : p.rows()) assertTrue(seen.add(i.id()), sort + (descending ? " desc" : "") + ": " + i.reference() + " on two pages");
                    pages++;
                    if (p.rows().size() < 25) break;
                }
                assertEquals(incidents.stream().map(Incident::id).collect(java.util.stream.Collectors.toSet()), seen,
                        sort + (descending ? " desc" : "") + ": the pages hold every incident once, in " + pages + " pages");
            }
        }
        assertFalse(services.incidents.list(staff, IncidentService.Query.all()).stream()
                .anyMatch(i -> i.reporterId() != staff.personId()), "staff see only their own incidents");

        // breaches: the queue and the Article 33(5) register export
        assertFalse(services.breaches.queue(dpo, null).isEmpty());
        StringWriter register = new StringWriter();
        int rows = services.breaches.exportRegister(dpo, BreachService.RegisterQuery.all(), register);
        assertTrue(rows >= incidents.size(), "the register holds every case");

        // travel and the dashboard for each role
        assertTrue(services.travel.list(infosec).size() >= 20, "about 40 demo notices");
        assertTrue(services.dashboard.snapshot(helpdesk).incidents().open() > 0);
        var open = services.breaches.queue(dpo, null).stream().filter(c -> c.status().isOpen()).count();
        assertEquals((int) open, services.dashboard.snapshot(dpo).breaches().total(), "the DPO's dashboard counts the open cases");

        // the whole demo's audit chain verifies on PostgreSQL
        Audit.Verification v = services.audit.verify(admin, null);
        assertTrue(v.intact(), v.explanation());
        assertTrue(v.eventsChecked() > 500, "every demo change was audited, got " + v.eventsChecked());
    }

    @Test
    void theIncidentExportStreamsEveryRowThroughTheCursorInTheListsOrder() {
        Session admin = services.accounts.createFirstAdministrator("Ada Admin", "ada", "a-long-enough-password", "a-long-enough-password");
        Session helpdesk = new Session(admin.accountId(), "ada", admin.personId(), "Ada Admin", java.util.EnumSet.of(Role.HELPDESK, Role.STAFF));
        int count = 1_234; // more than two of the cursor's 500-row fetches
        String at = Times.store(clock.instant());
        db.useTransaction(h -> h.createUpdate("""
                INSERT INTO incident (reference, type, reporter_id, reported_at, what_happened, status, recorded_by, created_at, updated_at)
                WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < :count)
                SELECT 'INC-T-' || x, 'MALFUNCTION', :reporter, :at, 'Row ' || x, CASE WHEN x % 3 = 0 THEN 'CLOSED' ELSE 'REPORTED' END,
                       'ada', :at, :at FROM n""").bind("count", count).bind("reporter", admin.personId()).bind("at", at).execute());
        List<String> listOrder = new java.util.ArrayList<>();
        for (int offset = 0; ; offset += 200) {
            IncidentService.Page p = services.incidents.page(helpdesk, IncidentService.Query.all(), null, false, offset, 200);
            p.rows().forEach(i -> listOrder.add(i.reference()));
            if (!p.hasNext()) break;
        }
        assertEquals(count, listOrder.size());
        StringWriter out = new StringWriter();
        assertEquals(count, services.incidents.exportCsv(helpdesk, IncidentService.Query.all(), out));
        List<Csv.Row> rows = Csv.read(new java.io.StringReader(out.toString()));
        assertEquals(IncidentService.CSV_COLUMNS, rows.get(0).fields());
        assertEquals(listOrder, rows.stream().skip(1).map(r -> r.get(0)).toList(), "every incident once, in the list's order, on PostgreSQL");
    }
}
