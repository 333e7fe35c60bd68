package org.devicedesk.backups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.testing.FxTest;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

class AboutDialogTest extends FxTest {

    @Test
    void aboutShowsTheDatabaseAndAHelpdeskUserSeesNoBackups(FxRobot robot) {
        signInAs(testDb.session("helen", Role.HELPDESK));
        robot.clickOn(node(robot, "shell-about"));
        Label schema = node(robot, "about-schema", Label.class);
        assertEquals(Integer.toString(testDb.db.schemaVersion()), schema.getText());
        assertTrue(robot.lookup("#about-database").queryAs(Label.class).getText().endsWith("test.db"));
        assertEquals("none yet", robot.lookup("#about-last-backup").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#backups-table").tryQuery().isEmpty(), "backups are for administrators");
        robot.clickOn("#about-close");
    }

    @Test
    void restoreAsksForConfirmationFirstThenRestoresAndStartsOverAtSignIn(FxRobot robot) throws Exception {
        Session admin = testDb.session("ada", Role.ADMIN);
        signInAs(admin);
        robot.clickOn(node(robot, "shell-about"));
        robot.clickOn(node(robot, "backups-backup-now"));
        @SuppressWarnings("unchecked") TableView<Backup> table = node(robot, "backups-table", TableView.class);
        waitUntil(() -> table.getItems().size() == 1);
        waitUntil(() -> robot.lookup("#about-last-backup").queryAs(Label.class).getText().contains("on demand"));
        long later = testDb.person("Written Later", true);

        robot.clickOn(robot.from(table).lookup(".table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
        robot.clickOn("#backups-restore");
        robot.clickOn(node(robot, "restore-cancel"));
        assertEquals(1, people(later), "cancelling the confirmation changes nothing");
        assertEquals(1, table.getItems().size(), "and makes no pre-restore copy");

        robot.clickOn("#backups-restore");
        robot.clickOn(node(robot, "restore-confirm"));
        node(robot, "restore-done");
        assertEquals(0, people(later), "the record written after the backup is gone");
        // the window starts over at sign-in once the restore has finished (asynchronously, on the FX thread)
        waitUntil(() -> robot.lookup("#login-username").tryQuery().isPresent());
        assertTrue(robot.lookup("#login-username").tryQuery().isPresent(), "the window starts over at sign-in");
        assertFalse(robot.lookup("#shell-user").tryQuery().isPresent());
    }

    @Test
    void aBackupWithATamperedTrailIsRefusedAndRestoredOnlyOnTheExplicitChoice(FxRobot robot) throws Exception {
        Session admin = testDb.session("ada", Role.ADMIN);
        signInAs(admin);
        robot.clickOn(node(robot, "shell-about"));
        robot.clickOn(node(robot, "backups-backup-now"));
        @SuppressWarnings("unchecked") TableView<Backup> table = node(robot, "backups-table", TableView.class);
        waitUntil(() -> table.getItems().size() == 1);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + table.getItems().get(0).file()); var st = c.createStatement()) {
            st.execute("DROP TRIGGER audit_event_no_update");
            st.executeUpdate("UPDATE audit_event SET summary = 'nothing happened' WHERE seq = 1");
        }
        long later = testDb.person("Written Later", true);

        robot.clickOn(robot.from(table).lookup(".table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
        robot.clickOn("#backups-restore");
        robot.clickOn(node(robot, "restore-confirm"));
        javafx.scene.control.TextArea why = node(robot, "restore-broken-trail", javafx.scene.control.TextArea.class);
        assertTrue(why.getText().startsWith("Event 1 ("), why.getText());
        robot.clickOn(node(robot, "restore-broken-cancel"));
        assertEquals(1, people(later), "refused: nothing restored");
        assertTrue(robot.lookup("#backups-message").queryAs(Label.class).getText().contains("has been tampered with or damaged"));

        robot.clickOn("#backups-restore");
        robot.clickOn(node(robot, "restore-confirm"));
        robot.clickOn(node(robot, "restore-anyway"));
        node(robot, "restore-done");
        assertEquals(0, people(later), "restored on the administrator's explicit choice");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + testDb.dir.resolve("test.db"));
             ResultSet rs = c.createStatement().executeQuery("SELECT action FROM audit_event ORDER BY seq DESC LIMIT 1")) {
            rs.next();
            assertEquals("DATABASE_RESTORED_BROKEN_TRAIL", rs.getString(1), "the break is recorded in the trail");
        }
        waitUntil(() -> robot.lookup("#login-username").tryQuery().isPresent());
    }

    private int people(long id) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + testDb.dir.resolve("test.db"));
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM person WHERE id = " + id)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
