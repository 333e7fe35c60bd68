package org.devicedesk.backups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.devicedesk.core.AuditAnchors;
import org.devicedesk.core.Refused;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.testing.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Backups that can be trusted: kept and audited as one step, and a restore that checks the backup's trail first. */
class BackupTrustTest {
    private TestDb t;
    private BackupService backups;
    private Session admin;

    @BeforeEach
    void open() {
        t = TestDb.create();
        backups = t.services.backups;
        admin = t.session("ada", Role.ADMIN, Role.STAFF);
        t.person("Pat Person", false);
    }

    @AfterEach
    void close() {
        t.close();
    }

    private static void dropTriggers(Statement st) throws SQLException {
        for (String name : List.of("audit_event_no_update", "audit_event_no_delete", "audit_head_no_delete", "audit_head_forward_only")) {
            st.execute("DROP TRIGGER IF EXISTS " + name);
        }
    }

    private long people() {
        return t.db.read(h -> h.createQuery("SELECT count(*) FROM person").mapTo(Long.class).one());
    }

    private List<String> folderFiles() throws Exception {
        if (!Files.isDirectory(backups.folder())) return List.of();
        try (Stream<Path> files = Files.list(backups.folder())) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private String lastAction() {
        return t.db.read(h -> h.createQuery("SELECT action FROM audit_event ORDER BY seq DESC LIMIT 1").mapTo(String.class).one());
    }

    @Test
    void aGoodBackupHasItsAnchorBesideItAndInTheAnchorsFile() {
        Backup b = backups.backupNow(admin);
        Path anchorFile = BackupService.anchorFile(b.file());
        assertTrue(Files.isRegularFile(anchorFile), "the chain head travels with the backup");
        AuditAnchors.Anchor own = t.services.audit.anchors().read(anchorFile).get(0);
        assertEquals(own, t.services.audit.anchors().latest().orElseThrow(), "and is in the anchors file outside the database");
        String summary = t.db.read(h -> h.createQuery("SELECT summary FROM audit_event WHERE action = 'BACKUP_CREATED'").mapTo(String.class).one());
        assertTrue(summary.contains("audit trail to event " + own.seq()), summary);
    }

    @Test
    void aBackupWhoseTrailWasEditedIsRefusedAndNothingChanges() throws Exception {
        Backup b = backups.backupNow(admin);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + b.file()); Statement st = c.createStatement()) {
            dropTriggers(st);
            st.executeUpdate("UPDATE audit_event SET summary = 'nothing happened' WHERE seq = 2");
        }
        t.person("Added Later", false);
        long before = people();
        List<String> filesBefore = folderFiles();

        BackupService.BrokenTrail refused = assertThrows(BackupService.BrokenTrail.class, () -> backups.restore(admin, b, p -> { }));
        assertTrue(refused.getMessage().contains("has been tampered with or damaged"), refused.getMessage());
        assertTrue(refused.explanation().startsWith("Event 2 ("), refused.explanation());
        assertEquals(before, people(), "nothing restored");
        assertEquals(filesBefore, folderFiles(), "not even a pre-restore backup");

        backups.restore(admin, b, p -> { }, true); // the administrator's explicit choice
        assertEquals("DATABASE_RESTORED_BROKEN_TRAIL", lastAction());
        String summary = t.db.read(h -> h.createQuery("SELECT summary FROM audit_event ORDER BY seq DESC LIMIT 1").mapTo(String.class).one());
        assertTrue(summary.contains("although its audit trail is broken: Event 2 ("), summary);
    }

    @Test
    void aBackupWhoseTrailWasShortenedConsistentlyIsCaughtByItsOwnAnchor() throws Exception {
        t.person("One", false);
        t.person("Two", false);
        Backup b = backups.backupNow(admin);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + b.file()); Statement st = c.createStatement()) {
            dropTriggers(st);
            st.executeUpdate("DELETE FROM audit_event WHERE seq > 2");
            String hash;
            try (ResultSet rs = st.executeQuery("SELECT hash FROM audit_event WHERE seq = 2")) {
                rs.next();
                hash = rs.getString(1);
            }
            st.executeUpdate("UPDATE audit_head SET last_seq = 2, last_hash = '" + hash + "'");
        }
        BackupService.BrokenTrail refused = assertThrows(BackupService.BrokenTrail.class, () -> backups.restore(admin, b, p -> { }));
        assertTrue(refused.explanation().contains("missing or rewritten since the anchor of"), refused.explanation());
    }

    @Test
    void aBackupThatCannotBeAuditedIsNotKeptAndTheMessageSaysSo() throws Exception {
        long eventsBefore = t.db.read(h -> h.createQuery("SELECT last_seq FROM audit_head").mapTo(Long.class).one());
        // another program holds the write lock for the whole attempt: the snapshot can be read, the audit event cannot be written
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + t.dir.resolve("test.db")); Statement st = other.createStatement()) {
            st.execute("BEGIN IMMEDIATE");
            st.executeUpdate("UPDATE setting SET value = value WHERE 1 = 0");
            Refused manual = assertThrows(Refused.class, () -> backups.backupNow(admin));
            assertEquals("The backup could not be written to the audit trail because the database was busy, so it was not kept:"
                    + " no backup was made. Try again in a moment.", manual.getMessage());
            assertEquals(List.of(), folderFiles().stream().filter(f -> !f.isEmpty()).toList(), "no unaudited file left behind");
            assertThrows(Refused.class, () -> backups.dailyIfDue(), "the daily backup the same");
            assertEquals(List.of(), folderFiles());
            st.execute("ROLLBACK");
        }
        long eventsAfter = t.db.read(h -> h.createQuery("SELECT last_seq FROM audit_head").mapTo(Long.class).one());
        assertEquals(eventsBefore, eventsAfter, "and no event claims a backup");
        t.clock.advance(Duration.ofMinutes(1));
        Backup b = backups.backupNow(admin); // once the database is free again
        assertTrue(Files.isRegularFile(b.file()));
    }

    @Test
    void aFailureInTheAuditStepLeavesNoFileAndNoEvent() throws Exception {
        backups.beforeCommit = h -> {
            throw new IllegalStateException("the disk went away");
        };
        Refused r = assertThrows(Refused.class, () -> backups.backupNow(admin));
        assertTrue(r.getMessage().startsWith("The backup could not be written to the audit trail and the backups folder (the disk went away), so it was not kept"), r.getMessage());
        assertEquals(List.of(), folderFiles());
        assertFalse(lastAction().equals("BACKUP_CREATED"));
    }
}
