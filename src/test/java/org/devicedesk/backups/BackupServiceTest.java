package org.devicedesk.backups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.devicedesk.core.AccessDenied;
import org.devicedesk.core.Database;
import org.devicedesk.core.Refused;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.core.Settings;
import org.devicedesk.testing.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BackupServiceTest {
    private TestDb t;
    private BackupService backups;
    private Session admin;

    @BeforeEach
    void open() {
        t = TestDb.create(Instant.parse("2026-03-04T10:00:00Z"));
        backups = t.services.backups;
        admin = t.session("ada", Role.ADMIN);
    }

    @AfterEach
    void close() {
        t.close();
    }

    @Test
    void backupOnDemandIsCheckedKeptBesideTheDatabaseAndAudited() {
        Backup b = backups.backupNow(admin);
        assertEquals(t.dir.resolve("backups"), b.file().getParent());
        assertEquals("test-manual-20260304-100000Z.db", b.name());
        assertEquals(Instant.parse("2026-03-04T10:00:00Z"), b.madeAt());
        assertEquals(Backup.Kind.MANUAL, b.kind());
        assertTrue(b.sizeBytes() > 0);
        assertEquals(1, count(b.file(), "SELECT count(*) FROM account WHERE username = 'ada'"));
        assertEquals(List.of(b), backups.list(admin));
        assertEquals(b, backups.latest().orElseThrow());
        assertEquals(1, auditCount("BACKUP_CREATED"));
        // a second backup in the same second gets its own name
        Backup again = backups.backupNow(admin);
        assertEquals("test-manual-20260304-100000Z-2.db", again.name());
    }

    @Test
    void onlyAnAdministratorBacksUpListsOrRestores() {
        Session helpdesk = t.session("helen", Role.HELPDESK);
        assertThrows(AccessDenied.class, () -> backups.backupNow(helpdesk));
        assertThrows(AccessDenied.class, () -> backups.list(helpdesk));
        Backup b = backups.backupNow(admin);
        assertThrows(AccessDenied.class, () -> backups.restore(helpdesk, b, p -> { }));
    }

    @Test
    void aBackupThatFailsItsIntegrityCheckIsDeletedAndReported() {
        backups.beforeCheck = BackupServiceTest::damage;
        Refused r = assertThrows(Refused.class, () -> backups.backupNow(admin));
        assertTrue(r.getMessage().contains("failed its integrity check"), r.getMessage());
        assertTrue(backups.list(admin).isEmpty(), "the bad backup is not kept");
        try (var files = Files.list(t.dir.resolve("backups"))) {
            assertEquals(0, files.count(), "no partial file left behind");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertEquals(1, auditCount("BACKUP_FAILED"));
    }

    @Test
    void rotationKeepsTheConfiguredNumberOfDays() {
        t.services.settingsService.save(admin, Map.of(Settings.Key.BACKUP_KEEP_DAYS, "3"));
        Backup first = backups.backupNow(admin);                  // 4 March 10:00
        t.clock.advance(Duration.ofDays(1));
        Backup second = backups.backupNow(admin);                 // 5 March
        t.clock.advance(Duration.ofDays(2));
        Backup third = backups.backupNow(admin);                  // 7 March: first is exactly 3 days old, kept
        assertEquals(List.of(third, second, first), backups.list(admin));
        t.clock.advance(Duration.ofMinutes(1));
        Backup fourth = backups.backupNow(admin);                 // 7 March 10:01: first is now older than 3 days
        assertEquals(List.of(fourth, third, second), backups.list(admin));
        assertFalse(Files.exists(first.file()));
        assertEquals(1, auditCount("BACKUPS_ROTATED"));
        t.clock.advance(Duration.ofDays(30));
        assertEquals(2, backups.rotate(admin).size(), "all but the newest go");
        assertEquals(List.of(fourth), backups.list(admin), "the newest backup is never rotated away");
    }

    @Test
    void theDailyBackupIsMadeOnceADayAtTheFirstStartAfterMidnight() {
        assertTrue(backups.dailyIfDue().isPresent());             // Wednesday 10:00, first start today
        assertTrue(backups.dailyIfDue().isEmpty(), "already made today");
        t.clock.set(Instant.parse("2026-03-04T23:59:00Z"));       // still Wednesday in London (GMT)
        assertTrue(backups.dailyIfDue().isEmpty());
        t.clock.set(Instant.parse("2026-03-05T00:01:00Z"));       // after midnight
        Backup thursday = backups.dailyIfDue().orElseThrow();
        assertEquals(Backup.Kind.DAILY, thursday.kind());
        assertTrue(backups.dailyIfDue().isEmpty());
        assertEquals(2, backups.list(admin).size());
        // an on-demand backup made earlier in the day counts as the day's backup
        t.clock.set(Instant.parse("2026-03-06T08:00:00Z"));
        backups.backupNow(admin);
        t.clock.advance(Duration.ofHours(1));
        assertTrue(backups.dailyIfDue().isEmpty());
        // midnight is judged in office time: 23:30 UTC on 1 July is 00:30 on 2 July in London
        t.clock.set(Instant.parse("2026-07-01T12:00:00Z"));
        assertTrue(backups.dailyIfDue().isPresent());
        t.clock.set(Instant.parse("2026-07-01T23:30:00Z"));
        assertTrue(backups.dailyIfDue().isPresent(), "a new day in London");
    }

    @Test
    void restoreBringsBackTheBackupAndKeepsThePreviousContent() {
        Backup b = backups.backupNow(admin);
        t.clock.advance(Duration.ofHours(2));
        long written = t.person("Written After Backup", true);
        List<Double> progress = new ArrayList<>();
        Backup before = backups.restore(admin, b, progress::add);

        assertEquals(Backup.Kind.PRE_RESTORE, before.kind());
        assertEquals((Integer) 0, t.db.read(h -> h.createQuery("SELECT count(*) FROM person WHERE id = :id").bind("id", written).mapTo(Integer.class).one()),
                "the record written after the backup is gone");
        assertEquals(1, count(before.file(), "SELECT count(*) FROM person WHERE full_name = 'Written After Backup'"),
                "and kept in the pre-restore copy");
        assertEquals(1.0, progress.get(progress.size() - 1));
        // the restored audit trail is intact and records the restore
        assertTrue(t.services.audit.verify(admin, null).intact());
        assertEquals(1, auditCount("DATABASE_RESTORED"));
        // the database is usable afterwards, and reopens cleanly
        t.person("After Restore", true);
        t.db.close();
        try (Database reopened = Database.openSqlite(t.dir.resolve("test.db"))) {
            assertEquals((Integer) 1, reopened.read(h -> h.createQuery("SELECT count(*) FROM person WHERE full_name = 'After Restore'").mapTo(Integer.class).one()));
        }
    }

    @Test
    void restoreRefusesADamagedBackupAndChangesNothing() throws IOException {
        Backup b = backups.backupNow(admin);
        damage(b.file());
        long kept = t.person("Still Here", true);
        Refused r = assertThrows(Refused.class, () -> backups.restore(admin, b, p -> { }));
        assertTrue(r.getMessage().contains("is damaged"), r.getMessage());
        assertEquals((Integer) 1, t.db.read(h -> h.createQuery("SELECT count(*) FROM person WHERE id = :id").bind("id", kept).mapTo(Integer.class).one()));
        assertEquals(1, backups.list(admin).size(), "no pre-restore copy was made");
    }

    @Test
    void aBackupIsConsistentWhileAnotherConnectionKeepsWriting() throws Exception {
        // a second, independent connection to the same file writes people while the backup runs
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger inserted = new AtomicInteger();
        Thread writer = new Thread(() -> {
            try (Database other = Database.openSqlite(t.dir.resolve("test.db"))) {
                while (!stop.get()) {
                    other.useTransaction(h -> h.execute("INSERT INTO person (full_name, category, created_at) VALUES (?, 'EMPLOYEE', ?)",
                            "Busy Writer " + inserted.get(), "2026-03-04T10:00:00.000Z"));
                    inserted.incrementAndGet();
                    try { // a busy colleague, not a tight loop: SQLite's busy handler is not fair to other writers
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        });
        for (int i = 0; i < 2000; i++) t.db.useTransaction(h -> h.execute("INSERT INTO person (full_name, category, created_at) VALUES ('Filler', 'EMPLOYEE', '2026-03-04T10:00:00.000Z')"));
        writer.start();
        while (inserted.get() < 20) Thread.sleep(5);
        int before = inserted.get();
        Backup b = backups.backupNow(admin);
        int after = inserted.get();
        stop.set(true);
        writer.join();
        assertTrue(after > before, "the writer kept writing during the backup");
        int copied = count(b.file(), "SELECT count(*) FROM person WHERE full_name LIKE 'Busy Writer%'");
        assertTrue(copied >= before && copied <= after, "a consistent snapshot: " + before + " <= " + copied + " <= " + after);
        assertTrue(new BackupRepository().integrityProblems(b.file()).isEmpty());
    }

    @Test
    void onPostgresqlBackupsAreTheServersJob() {
        // the refusal text is what the screens show on a shared database
        assertTrue(BackupService.POSTGRES_MESSAGE.contains("server"));
        assertTrue(backups.supported());
    }

    private int auditCount(String action) {
        return t.db.read(h -> h.createQuery("SELECT count(*) FROM audit_event WHERE action = :a").bind("a", action).mapTo(Integer.class).one());
    }

    private static int count(Path file, String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Overwrites pages in the middle of the file so the integrity check fails. */
    static void damage(Path file) {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            long len = f.length();
            for (long pos = 4096; pos < len; pos += 4096) {
                f.seek(pos + 8);
                f.write(new byte[200]);
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
