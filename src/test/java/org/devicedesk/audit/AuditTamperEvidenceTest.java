package org.devicedesk.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.devicedesk.core.Audit;
import org.devicedesk.core.AuditAnchors;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.testing.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tamper evidence beyond the file (ADR 0009): the database refuses UPDATE and DELETE on the trail, and
 * a rewrite by someone who drops those triggers and recomputes the chain is caught by the anchors kept
 * outside the database.
 */
class AuditTamperEvidenceTest {
    private TestDb db;
    private Session admin;

    @BeforeEach
    void open() {
        db = TestDb.create();
        admin = db.session("ada", Role.ADMIN, Role.DPO, Role.STAFF);
        for (int i = 0; i < 5; i++) {
            db.clock.advance(Duration.ofMinutes(5));
            db.person("Person " + i, false);
        }
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Connection tool() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + db.dir.resolve("test.db"));
    }

    private long lastSeq() {
        return db.db.read(h -> h.createQuery("SELECT last_seq FROM audit_head").mapTo(Long.class).one());
    }

    @Test
    void aDatabaseToolCannotChangeOrDeleteAuditEventsNorRewindTheHead() throws SQLException {
        long last = lastSeq();
        try (Connection c = tool(); Statement st = c.createStatement()) {
            SQLException edit = assertThrows(SQLException.class, () -> st.executeUpdate("UPDATE audit_event SET summary = 'nothing' WHERE seq = 2"));
            assertTrue(edit.getMessage().contains("append-only"), edit.getMessage());
            SQLException delete = assertThrows(SQLException.class, () -> st.executeUpdate("DELETE FROM audit_event WHERE seq = " + last));
            assertTrue(delete.getMessage().contains("append-only"), delete.getMessage());
            SQLException rewind = assertThrows(SQLException.class, () -> st.executeUpdate("UPDATE audit_head SET last_seq = last_seq - 1"));
            assertTrue(rewind.getMessage().contains("only moves forward"), rewind.getMessage());
            SQLException forged = assertThrows(SQLException.class, () -> st.executeUpdate("UPDATE audit_head SET last_hash = 'forged'"));
            assertTrue(forged.getMessage().contains("only moves forward"), forged.getMessage());
            assertThrows(SQLException.class, () -> st.executeUpdate("DELETE FROM audit_head"));
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM audit_event")) {
                rs.next();
                assertEquals(last, rs.getLong(1), "nothing was removed");
            }
        }
        assertTrue(db.services.audit.verify(admin, null).intact(), "and the application's own appends still work");
    }

    private void dropTriggers(Statement st) throws SQLException {
        for (String t : List.of("audit_event_no_update", "audit_event_no_delete", "audit_head_no_delete", "audit_head_forward_only")) {
            st.execute("DROP TRIGGER IF EXISTS " + t);
        }
    }

    @Test
    void deletingTheNewestEventsAndRewindingTheHeadIsCaughtByTheAnchor() throws SQLException {
        Audit.Verification first = db.services.audit.verify(admin, null); // anchors the head, as the DPO is shown
        assertTrue(first.intact(), first.explanation());
        assertTrue(first.explanation().contains("For your records: event "), first.explanation());
        long anchored = db.services.audit.anchors().latest().orElseThrow().seq();
        try (Connection c = tool(); Statement st = c.createStatement()) {
            dropTriggers(st);
            st.executeUpdate("DELETE FROM audit_event WHERE seq > " + (anchored - 3));
            String hash;
            try (ResultSet rs = st.executeQuery("SELECT hash FROM audit_event WHERE seq = " + (anchored - 3))) {
                rs.next();
                hash = rs.getString(1);
            }
            st.executeUpdate("UPDATE audit_head SET last_seq = " + (anchored - 3) + ", last_hash = '" + hash + "'");
        }
        try (var h = db.db.jdbi().open()) {
            assertTrue(Audit.verify(h, null).intact(), "the chain alone cannot see it: that is what the anchor is for");
        }
        Audit.Verification v = db.services.audit.verify(admin, null);
        assertFalse(v.intact());
        assertTrue(v.explanation().startsWith("3 events missing or rewritten since the anchor of "), v.explanation());
        assertTrue(v.explanation().contains("the anchor recorded event " + anchored + ", the trail now ends at event " + (anchored - 3)), v.explanation());
    }

    @Test
    void anEditedEventWithTheChainRecomputedIsCaughtByTheAnchor() throws SQLException {
        assertTrue(db.services.audit.verify(admin, null).intact());
        long anchored = db.services.audit.anchors().latest().orElseThrow().seq();
        try (Connection c = tool(); Statement st = c.createStatement()) {
            dropTriggers(st);
            st.executeUpdate("UPDATE audit_event SET summary = 'nothing to see here' WHERE seq = 3");
            // recompute every hash from event 3 on, and the head, as a careful attacker would
            String prev;
            try (ResultSet rs = st.executeQuery("SELECT hash FROM audit_event WHERE seq = 2")) {
                rs.next();
                prev = rs.getString(1);
            }
            List<Object[]> rows = new java.util.ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT seq, at, actor, action, record_type, record_id, summary FROM audit_event WHERE seq >= 3 ORDER BY seq")) {
                while (rs.next()) rows.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)});
            }
            for (Object[] r : rows) {
                String hash = Audit.hash(prev, (Long) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5], (String) r[6]);
                st.executeUpdate("UPDATE audit_event SET prev_hash = '" + prev + "', hash = '" + hash + "' WHERE seq = " + r[0]);
                prev = hash;
            }
            st.executeUpdate("UPDATE audit_head SET last_hash = '" + prev + "'");
        }
        try (var h = db.db.jdbi().open()) {
            assertTrue(Audit.verify(h, null).intact(), "the recomputed chain is consistent in itself");
        }
        Audit.Verification v = db.services.audit.verify(admin, null);
        assertFalse(v.intact());
        assertEquals(anchored, v.brokenAt());
        assertTrue(v.explanation().startsWith(anchored + " events missing or rewritten since the anchor of "), v.explanation());
        assertTrue(v.explanation().contains("no longer has the hash the anchor recorded"), v.explanation());
    }

    @Test
    void withAKeyAnEditedAnchorsFileIsIgnoredAndTheGenuineAnchorStillCatchesTheRewrite() throws Exception {
        byte[] key = "a key kept outside the database file".getBytes(StandardCharsets.UTF_8);
        AuditAnchors keyed = new AuditAnchors(db.clock, db.dir.resolve("keyed.audit-anchors"), key);
        AuditService audit = new AuditService(db.db, db.clock, keyed);
        assertTrue(audit.verify(admin, null).intact());
        AuditAnchors.Anchor genuine = keyed.latest().orElseThrow();
        assertTrue(genuine.mac() != null && genuine.mac().length() == 64, "HMAC-SHA256 in hex");
        try (Connection c = tool(); Statement st = c.createStatement()) {
            dropTriggers(st);
            st.executeUpdate("DELETE FROM audit_event WHERE seq > 4");
            String hash;
            try (ResultSet rs = st.executeQuery("SELECT hash FROM audit_event WHERE seq = 4")) {
                rs.next();
                hash = rs.getString(1);
            }
            st.executeUpdate("UPDATE audit_head SET last_seq = 4, last_hash = '" + hash + "'");
            // and appends an anchor that matches the shortened trail, without the key
            Files.writeString(keyed.store(), Files.readString(keyed.store()) + genuine.madeAt().plusSeconds(60) + "\t4\t" + hash + "\tforged\t" + "0".repeat(64) + "\n");
        }
        Audit.Verification v = audit.verify(admin, null);
        assertFalse(v.intact(), "the forged anchor line has no valid MAC, so the genuine one is the latest");
        assertTrue(v.explanation().startsWith((genuine.seq() - 4) + " events missing or rewritten since the anchor of "), v.explanation());
    }

    @Test
    void theAnchorsFileLivesOutsideTheDatabaseBesideIt() {
        assertTrue(db.services.audit.verify(admin, null).intact());
        Path store = db.services.audit.anchors().store();
        assertEquals(db.dir.resolve("test.audit-anchors"), store);
        assertTrue(Files.isRegularFile(store));
    }
}
