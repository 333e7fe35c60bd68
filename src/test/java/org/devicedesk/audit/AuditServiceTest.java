package org.devicedesk.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.devicedesk.core.AccessDenied;
import org.devicedesk.core.Audit;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.testing.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditServiceTest {
    private TestDb db;
    private AuditService audit;
    private Session admin;

    @BeforeEach
    void open() {
        db = TestDb.create();
        audit = db.services.audit;
        admin = db.session("ada", Role.ADMIN, Role.STAFF);
        db.clock.advance(Duration.ofHours(1));
        db.session("sam", Role.HELPDESK);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private long lastSeq() {
        return audit.page(admin, AuditService.Query.all()).get(0).seq();
    }

    /**
     * Changes the file behind the application's back, as someone with a database tool would: dropping the
     * append-only triggers first (V90), which such a person can.
     */
    private void tamper(String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.dir.resolve("test.db")); Statement st = c.createStatement()) {
            for (String t : List.of("audit_event_no_update", "audit_event_no_delete", "audit_head_no_delete", "audit_head_forward_only")) {
                st.execute("DROP TRIGGER IF EXISTS " + t);
            }
            assertTrue(st.executeUpdate(sql) > 0, "the tampering changed a row: " + sql);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anUntouchedChainVerifiesIntactAndTheCheckIsItselfAudited() {
        long last = lastSeq();
        List<Long> progress = new ArrayList<>();
        Audit.Verification v = audit.verify(admin, progress::add);
        assertTrue(v.intact(), v.explanation());
        assertEquals(last, v.eventsChecked());
        assertNull(v.brokenAt());
        assertTrue(v.explanation().startsWith("The audit trail is intact: " + last + " events checked."), v.explanation());
        assertEquals(List.of(last), progress, "the final count is reported");
        AuditEvent newest = audit.page(admin, AuditService.Query.all()).get(0);
        assertEquals("AUDIT_VERIFIED", newest.action());
        assertTrue(audit.verify(admin, null).intact(), "the verification event keeps the chain intact");
    }

    @Test
    void anEditedSummaryIsNamed() {
        tamper("UPDATE audit_event SET summary = 'nothing to see here' WHERE seq = 3");
        Audit.Verification v = audit.verify(admin, null);
        assertFalse(v.intact());
        assertEquals(3L, v.brokenAt());
        assertEquals(2, v.eventsChecked());
        assertTrue(v.explanation().startsWith("Event 3 ("), v.explanation());
        assertTrue(v.explanation().contains("was changed after it was written"), v.explanation());
        AuditEvent newest = audit.page(admin, AuditService.Query.all()).get(0);
        assertEquals("AUDIT_VERIFIED", newest.action());
        assertTrue(newest.summary().startsWith("Chain broken: Event 3"), newest.summary());
    }

    @Test
    void anEditedActorOrTimeIsNamedToo() {
        tamper("UPDATE audit_event SET actor = 'someone-else' WHERE seq = 2");
        assertEquals(2L, audit.verify(admin, null).brokenAt());
    }

    @Test
    void aDeletedEventIsNamed() {
        long last = lastSeq();
        tamper("DELETE FROM audit_event WHERE seq = 4");
        Audit.Verification v = audit.verify(admin, null);
        assertFalse(v.intact());
        assertEquals(5L, v.brokenAt());
        assertEquals("Event 4 is missing: the trail jumps from event 3 to event 5.", v.explanation());
        assertTrue(last > 5, "there were events after the deleted one");
    }

    @Test
    void severalDeletedEventsAreNamedAsARange() {
        tamper("DELETE FROM audit_event WHERE seq IN (2, 3)");
        Audit.Verification v = audit.verify(admin, null);
        assertEquals("Event 2 to 3 are missing: the trail jumps from event 1 to event 4.", v.explanation());
    }

    @Test
    void aRenumberedDeletionIsCaughtByTheBrokenLink() {
        // someone deletes event 4 and renumbers the rest so there is no gap
        long last = lastSeq();
        tamper("DELETE FROM audit_event WHERE seq = 4");
        tamper("UPDATE audit_event SET seq = seq - 1 WHERE seq > 4");
        tamper("UPDATE audit_head SET last_seq = " + (last - 1));
        Audit.Verification v = audit.verify(admin, null);
        assertFalse(v.intact());
        assertEquals(4L, v.brokenAt());
        assertTrue(v.explanation().contains("does not follow on from the event before it"), v.explanation());
    }

    @Test
    void aRemovedTailIsNamed() {
        long last = lastSeq();
        tamper("DELETE FROM audit_event WHERE seq > " + (last - 2));
        Audit.Verification v = audit.verify(admin, null);
        assertFalse(v.intact());
        assertEquals(last - 1, v.brokenAt());
        assertEquals("The trail ends at event " + (last - 2) + " but " + last + " events were written: the latest events were removed or replaced.",
                v.explanation());
    }

    @Test
    void pagesComeNewestFirstAndFilterByActorRecordAndDate() {
        List<AuditEvent> all = audit.page(admin, AuditService.Query.all());
        for (int i = 1; i < all.size(); i++) assertTrue(all.get(i - 1).seq() > all.get(i).seq(), "newest first");

        List<AuditEvent> next = audit.page(admin, AuditService.Query.all(), all.get(2).seq());
        assertEquals(all.get(3).seq(), next.get(0).seq(), "the next page starts after the last seen");

        List<AuditEvent> byType = audit.page(admin, new AuditService.Query(null, "account", null, null, null));
        assertFalse(byType.isEmpty());
        assertTrue(byType.stream().allMatch(e -> e.recordType().equals("account")));

        String oneId = byType.get(0).recordId();
        assertTrue(audit.page(admin, new AuditService.Query(null, "account", oneId, null, null)).stream().allMatch(e -> e.recordId().equals(oneId)));

        Instant later = TestDb.DEFAULT_NOW.plus(Duration.ofMinutes(30));
        List<AuditEvent> before = audit.page(admin, new AuditService.Query(null, null, null, null, later));
        List<AuditEvent> after = audit.page(admin, new AuditService.Query(null, null, null, later, null));
        assertEquals(all.size(), before.size() + after.size());
        assertTrue(before.stream().allMatch(e -> e.at().isBefore(later)));
        assertTrue(after.stream().noneMatch(e -> e.at().isBefore(later)));
        assertTrue(after.stream().anyMatch(e -> e.summary().contains("sam")), "sam was created an hour later");

        assertTrue(audit.actors(admin).contains("system"));
        assertTrue(audit.recordTypes(admin).contains("person"));
        assertEquals(audit.page(admin, new AuditService.Query("system", null, null, null, null)).size(),
                all.stream().filter(e -> e.actor().equals("system")).count());
    }

    @Test
    void aDatedFilterPagesOnInTimeOrderWithoutGapsOrRepeats() {
        Instant from = db.clock.instant();
        for (int i = 0; i < AuditService.PAGE + 30; i++) {
            db.clock.advance(Duration.ofSeconds(1));
            db.db.useTransaction(h -> Audit.record(h, admin, db.clock.instant(), "TEST_EVENT", "test", "x", "event"));
        }
        Instant to = db.clock.instant().plusSeconds(1);
        AuditService.Query q = new AuditService.Query(null, "test", null, from, to);
        List<AuditEvent> first = audit.page(admin, q);
        assertEquals(AuditService.PAGE, first.size());
        List<AuditEvent> second = audit.page(admin, q, first.get(first.size() - 1).seq());
        assertEquals(30, second.size());
        List<Long> seqs = new ArrayList<>();
        first.forEach(e -> seqs.add(e.seq()));
        second.forEach(e -> seqs.add(e.seq()));
        for (int i = 1; i < seqs.size(); i++) assertTrue(seqs.get(i) < seqs.get(i - 1), "newest first, each once");
        assertTrue(first.get(0).at().isAfter(second.get(0).at()));
    }

    @Test
    void exportWritesEveryMatchingEventAsCsvAndIsAudited() {
        java.io.StringWriter out = new java.io.StringWriter();
        int n = audit.export(admin, new AuditService.Query(null, "account", null, null, null), out);
        var rows = org.devicedesk.core.Csv.read(new java.io.StringReader(out.toString()));
        assertEquals(n + 1, rows.size(), "a header and one row per event");
        assertEquals(List.of("seq", "at", "actor", "action", "record_type", "record_id", "summary", "hash"), rows.get(0).fields());
        assertTrue(rows.stream().skip(1).allMatch(r -> r.get(4).equals("account")));
        AuditEvent newest = audit.page(admin, AuditService.Query.all()).get(0);
        assertEquals("AUDIT_EXPORTED", newest.action());
        assertEquals("Exported " + n + " events to CSV (record account)", newest.summary());
        assertThrows(AccessDenied.class, () -> audit.export(db.session("stu", Role.STAFF), AuditService.Query.all(), new java.io.StringWriter()));
    }

    @Test
    void onlyAdministratorsAndTheDpoReadTheTrail() {
        Session dpo = db.session("dee", Role.DPO);
        assertFalse(audit.page(dpo, AuditService.Query.all()).isEmpty());
        assertTrue(audit.verify(dpo, null).intact());
        for (Session s : List.of(db.session("stu", Role.STAFF), db.session("hal", Role.HELPDESK), db.session("ian", Role.INFOSEC))) {
            assertThrows(AccessDenied.class, () -> audit.page(s, AuditService.Query.all()));
            assertThrows(AccessDenied.class, () -> audit.verify(s, null));
            assertThrows(AccessDenied.class, () -> audit.actors(s));
            assertThrows(AccessDenied.class, () -> audit.recordTypes(s));
        }
    }
}
