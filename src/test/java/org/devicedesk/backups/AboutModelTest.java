package org.devicedesk.backups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.devicedesk.core.AccessDenied;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.testing.TestDb;
import org.devicedesk.ui.Outcome;
import org.devicedesk.ui.Tasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The About box's view model without a window, on the real backup service over a SQLite file. */
class AboutModelTest {
    TestDb t;
    Session admin;
    /** The application root's restart, as the model sees it: counted, and what it returns shows "the new window". */
    final AtomicInteger reopened = new AtomicInteger();
    final AtomicInteger shown = new AtomicInteger();

    @BeforeEach
    void open() {
        t = TestDb.create(Instant.parse("2026-03-04T10:00:00Z"));
        admin = t.session("ada", Role.ADMIN);
    }

    @AfterEach
    void close() {
        t.close();
    }

    AboutModel model(Session s) {
        AboutModel m = new AboutModel(t.services.backups, s, () -> {
            reopened.incrementAndGet();
            return shown::incrementAndGet;
        }, Tasks.direct());
        m.refresh();
        return m;
    }

    @Test
    void theFactsAreShownAndAHelpdeskUserManagesNoBackups() {
        AboutModel m = model(t.session("helen", Role.HELPDESK));
        assertFalse(m.managesBackups(), "backups are for administrators");
        assertFalse(m.backupsByTheServer());
        assertEquals(Integer.toString(t.db.schemaVersion()), m.schema.get());
        assertTrue(m.database.get().endsWith("test.db"), m.database.get());
        assertEquals("none yet", m.lastBackup.get());
        assertTrue(m.size.get().endsWith("KB") || m.size.get().endsWith("MB"), m.size.get());
        assertTrue(m.rows.isEmpty());
        assertNull(m.outcome.get());
    }

    @Test
    void backUpNowSaysSoListsItAndLeavesNothingRunning() {
        AboutModel m = model(admin);
        assertTrue(m.managesBackups());
        assertTrue(m.where(30).startsWith("Kept in " + t.dir.resolve("backups") + " for 30 days;"), m.where(30));
        assertTrue(m.restoreDisabled.get(), "nothing chosen");
        m.backUp();
        assertEquals(1, m.rows.size());
        Backup b = m.rows.get(0);
        assertEquals(Outcome.success("Backup made and checked: " + b.name()), m.outcome.get());
        assertEquals("Wed 4 Mar 2026, 10:00 (on demand)", m.lastBackup.get());
        assertFalse(m.busy.get(), "Back up now can be pressed again");
        assertEquals("", m.progressText.get());
        m.selected.set(b);
        assertFalse(m.restoreDisabled.get());

        // a second backup, with that one still chosen: Restore is off while it is written
        java.util.List<Boolean> restoreOffWhileBusy = new java.util.ArrayList<>();
        m.busy.addListener((o, was, now) -> { if (now) restoreOffWhileBusy.add(m.restoreDisabled.get()); });
        m.backUp();
        assertEquals(java.util.List.of(true), restoreOffWhileBusy);
        assertFalse(m.restoreDisabled.get(), "and on again after it");
    }

    @Test
    void restoreSendsTheChosenBackupThenReopensThroughTheApplicationRoot() throws Exception {
        AboutModel m = model(admin);
        m.backUp();
        Backup b = m.rows.get(0);
        t.clock.advance(Duration.ofHours(2));
        long later = t.person("Written Later", true);
        List<String> steps = new ArrayList<>();
        m.progressText.addListener((o, was, now) -> steps.add(now));
        List<Boolean> disabledWhileRunning = new ArrayList<>();
        m.progress.addListener((o, was, now) -> disabledWhileRunning.add(m.restoreDisabled.get() && m.busy.get()));
        m.selected.set(b);

        m.restore(b, false);
        assertEquals(0, people(later), "the record written after the backup is gone");
        assertEquals(1, reopened.get(), "the root reopened the database once");
        assertEquals(0, shown.get(), "the view shows the new window, not the model");
        AboutModel.Restored r = m.restored.get();
        assertEquals("The backup made Wed 4 Mar 2026, 10:00 has been restored.", r.header());
        assertTrue(r.text().matches("The database as it was is kept as test-pre-restore-.*\\.db in the backups folder\\. Please sign in again\\."), r.text());
        r.showNewWindow().run();
        assertEquals(1, shown.get());
        assertEquals("Opening the restored database", steps.get(steps.size() - 1));
        assertTrue(steps.get(0).startsWith("Checking the backup " + b.name() + ": 0%"), steps.toString());
        assertFalse(disabledWhileRunning.isEmpty());
        assertTrue(disabledWhileRunning.stream().allMatch(x -> x), "Restore and Back up now stay disabled while it runs");
        assertEquals(1.0, m.progress.get());
        assertEquals("Restore the backup made Wed 4 Mar 2026, 10:00?", AboutModel.confirmHeader(b));
    }

    @Test
    void aBrokenTrailIsRefusedAskedAboutAndRestoredOnlyOnTheExplicitChoice() throws Exception {
        AboutModel m = model(admin);
        m.backUp();
        Backup b = m.rows.get(0);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + b.file()); var st = c.createStatement()) {
            st.execute("DROP TRIGGER audit_event_no_update");
            st.executeUpdate("UPDATE audit_event SET summary = 'nothing happened' WHERE seq = 1");
        }
        long later = t.person("Written Later", true);
        m.selected.set(b);

        m.restore(b, false);
        assertEquals(1, people(later), "refused: nothing restored");
        assertEquals(0, reopened.get());
        assertNull(m.restored.get());
        assertEquals(Outcome.Kind.ERROR, m.outcome.get().kind());
        assertTrue(m.outcome.get().text().contains("has been tampered with or damaged"), m.outcome.get().text());
        AboutModel.BrokenTrailChoice choice = m.brokenTrail.get();
        assertEquals(b, choice.chosen());
        assertTrue(AboutModel.brokenTrailText(choice).startsWith("Event 1 ("), AboutModel.brokenTrailText(choice));
        assertTrue(AboutModel.brokenTrailText(choice).endsWith("records the break in the audit trail, under your name."));
        assertFalse(m.busy.get());
        assertFalse(m.restoreDisabled.get(), "Restore can be chosen again");

        m.restore(choice.chosen(), true);
        assertNull(m.brokenTrail.get());
        assertEquals(0, people(later), "restored on the explicit choice");
        assertEquals(1, reopened.get());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + t.dir.resolve("test.db"));
             ResultSet rs = c.createStatement().executeQuery("SELECT action FROM audit_event ORDER BY seq DESC LIMIT 1")) {
            rs.next();
            assertEquals("DATABASE_RESTORED_BROKEN_TRAIL", rs.getString(1), "the break is recorded in the trail");
        }
    }

    @Test
    void aRefusalIsSaidAndNothingIsLeftRunning() throws Exception {
        AboutModel m = model(admin);
        m.backUp();
        Backup b = m.rows.get(0);
        java.nio.file.Files.delete(b.file());
        m.restore(b, false);
        assertEquals("The backup " + b.name() + " is no longer in the backups folder. Choose another one.", m.outcome.get().text());
        assertEquals(0, reopened.get());
        assertFalse(m.busy.get());
        assertEquals("", m.progressText.get());

        AboutModel helpdesk = new AboutModel(t.services.backups, t.session("helen", Role.HELPDESK), () -> null, Tasks.direct());
        helpdesk.backUp();
        assertTrue(helpdesk.outcome.get().failure() instanceof AccessDenied, String.valueOf(helpdesk.outcome.get()));
    }

    @Test
    void sizesAreInWords() {
        assertEquals("512 bytes", AboutModel.bytes(512));
        assertEquals("1.5 KB", AboutModel.bytes(1536));
        assertEquals("2.0 MB", AboutModel.bytes(2L * 1024 * 1024));
        assertEquals("1.50 GB", AboutModel.bytes(3L * 512 * 1024 * 1024));
    }

    private int people(long id) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + t.dir.resolve("test.db"));
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM person WHERE id = " + id)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
