package org.devicedesk.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.Styles;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.devices.Device;
import org.devicedesk.devices.DeviceDraft;
import org.devicedesk.directory.DirectoryConfig.Security;
import org.devicedesk.testing.FxTest;
import org.devicedesk.testing.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The directory's screens, driven by their automation ids against a real LDAP server (in-memory, AD-like). */
class DirectoryViewsTest extends FxTest {
    private TestDirectory ldap;

    @Override
    protected void prepare(TestDb db) {
        ldap = TestDirectory.start();
    }

    @AfterEach
    void stopDirectory() {
        if (ldap != null) ldap.close();
    }

    /** LDAP and Argon2 on a loaded machine: wait generously for what the screen shows. */
    private static void await(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.call();
            });
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out waiting for the screen to update", e);
        }
    }

    /** Focuses the field (it may be scrolled out of sight), replaces its text by typing. */
    private void type(FxRobot robot, String id, String text) {
        TextInputControl f = robot.lookup("#" + id).queryAs(TextInputControl.class);
        fx(() -> {
            f.requestFocus();
            f.selectAll();
        });
        robot.eraseText(1);
        robot.write(text);
    }

    private void openDirectoryTab(FxRobot robot) {
        robot.clickOn(node(robot, "nav-settings"));
        fx(() -> { var tabs = robot.lookup("#settings-tabs").queryAs(javafx.scene.control.TabPane.class); tabs.getTabs().stream().filter(t -> "settings-tab-directory".equals(t.getId())).findFirst().ifPresent(t -> tabs.getSelectionModel().select(t)); });
        await(() -> "636".equals(robot.lookup("#directory-port").queryAs(TextField.class).getText()));
    }

    @Test
    void anAdministratorTestsTheConnectionAndASignInThenSavesTheDirectorySettings(FxRobot robot) {
        Session admin = testDb.session("ada", Role.ADMIN);
        signInAs(admin);
        openDirectoryTab(robot);
        DirectoryConfig c = ldap.config(Security.LDAPS);
        type(robot, "directory-host", "localhost");
        type(robot, "directory-port", Integer.toString(c.port()));
        type(robot, "directory-base-dn", TestDirectory.BASE);
        type(robot, "directory-bind-dn", TestDirectory.SERVICE_DN);
        type(robot, "directory-bind-password-env", "");
        type(robot, "directory-bind-password-file", c.bindPasswordFile());
        type(robot, "directory-trust-file", c.trustFile());
        type(robot, "directory-group-base-dn", TestDirectory.GROUPS_OU);
        type(robot, "directory-group-roles", TestDirectory.HELPDESK + " -> HELPDESK, STAFF\n" + TestDirectory.ALL_STAFF + " -> STAFF");

        robot.clickOn("#directory-test-connection");
        TextArea result = robot.lookup("#directory-test-result").queryAs(TextArea.class);
        await(() -> result.getText().contains("Found 6 users"));
        assertTrue(result.getText().contains("Signed in as the service account " + TestDirectory.SERVICE_DN), result.getText());

        type(robot, "directory-test-username", "hhelp");
        type(robot, "directory-test-password", TestDirectory.PASSWORD);
        robot.type(KeyCode.ENTER); // the same as #directory-test-sign-in, which is below the fold in this window
        await(() -> result.getText().contains("Roles:"));
        assertTrue(result.getText().contains("Name: Harry Helpdesk"), result.getText());
        assertTrue(result.getText().contains(DirectoryClient.normalise(TestDirectory.IT_SUPPORT)), result.getText());
        assertTrue(result.getText().contains(DirectoryClient.normalise(TestDirectory.HELPDESK)), result.getText());
        assertTrue(result.getText().contains("Roles: Staff, IT&D helpdesk"), result.getText());
        Label message = robot.lookup("#directory-message").queryAs(Label.class);
        assertEquals("The password is right. Sign-in would give the roles Staff, IT&D helpdesk.", message.getText());
        assertEquals(false, testDb.services.directory.config().enabled(), "tests store nothing");

        robot.clickOn("#directory-enabled");
        robot.clickOn("#directory-save");
        await(() -> message.getText().startsWith("Saved:"));
        DirectoryConfig saved = testDb.services.directory.config();
        assertTrue(saved.enabled());
        assertEquals(c.port(), saved.port());
        assertEquals(2, saved.groupRoles().size());
        assertEquals(Security.LDAPS, saved.security());
    }

    @Test
    void aBadPortAndAnUntrustedCertificateAreRefusedBesideTheirFieldsAndNothingIsSaved(FxRobot robot) {
        signInAs(testDb.session("ada", Role.ADMIN));
        openDirectoryTab(robot);
        type(robot, "directory-port", "six-three-six");
        type(robot, "directory-base-dn", TestDirectory.BASE);
        robot.clickOn("#directory-save");
        Label message = robot.lookup("#directory-message").queryAs(Label.class);
        await(message::isVisible);
        assertTrue(message.getText().contains("The port must be a number from 1 to 65535"), message.getText());
        assertTrue(robot.lookup("#directory-port").query().getPseudoClassStates().contains(Styles.STATE_DANGER));
        assertEquals(636, testDb.services.directory.config().port(), "nothing was stored");

        type(robot, "directory-host", "localhost");
        type(robot, "directory-port", Integer.toString(ldap.port(Security.LDAPS)));
        type(robot, "directory-bind-dn", TestDirectory.SERVICE_DN);
        type(robot, "directory-bind-password-file", ldap.servicePasswordFile.toString());
        robot.clickOn("#directory-test-connection");
        await(() -> message.getText().contains("does not trust the certificate"));
        assertTrue(robot.lookup("#directory-trust-file").query().getPseudoClassStates().contains(Styles.STATE_DANGER));
    }

    @Test
    void aPersonOnlyInTheDirectorySignsInOnTheSignInScreen(FxRobot robot) {
        testDb.services.directory.save(testDb.session("ada", Role.ADMIN), ldap.config(Security.LDAPS));
        runFx(window::showLogin);
        robot.clickOn(node(robot, "login-username")).write("sstaff");
        robot.clickOn("#login-password").write(TestDirectory.PASSWORD);
        robot.type(KeyCode.ENTER);
        await(() -> robot.lookup("#shell-user").tryQuery().isPresent());
        Label user = robot.lookup("#shell-user").query();
        assertTrue(user.getText().startsWith("Sam Staff"), user.getText());
        assertTrue(!robot.lookup("#nav-settings").queryAs(ToggleButton.class).isVisible(), "a STAFF role from the All Staff group, not an administrator");
        await(() -> robot.lookup("#dashboard-mine-declaration").tryQuery().isPresent()); // the staff dashboard
    }

    @Test
    void aDirectoryThatIsDownIsSaidPlainlyOnTheSignInScreen(FxRobot robot) {
        testDb.services.directory.save(testDb.session("ada", Role.ADMIN), ldap.config(Security.LDAPS));
        ldap.server.shutDown(true);
        runFx(window::showLogin);
        robot.clickOn(node(robot, "login-username")).write("sstaff");
        robot.clickOn("#login-password").write(TestDirectory.PASSWORD);
        robot.type(KeyCode.ENTER);
        Label message = node(robot, "login-message", Label.class);
        await(message::isVisible);
        assertTrue(message.getText().contains("cannot be reached just now") && message.getText().contains("Local Device Desk accounts still sign in"),
                message.getText());
    }

    @Test
    void theHelpDeskPreviewsTheSyncFromPeopleAndAppliesIt(FxRobot robot) throws Exception {
        Session admin = testDb.session("ada", Role.ADMIN);
        Session helpdesk = testDb.session("helen", Role.HELPDESK);
        testDb.services.directory.save(admin, ldap.config(Security.LDAPS));
        DirectorySync sync = testDb.services.directorySync;
        sync.apply(helpdesk, sync.preview(helpdesk), null);
        long fiona = testDb.db.read(h -> h.createQuery("SELECT id FROM person WHERE directory_username = 'ffinance'").mapTo(Long.class).one());
        testDb.services.people.recordPaperDeclaration(Session.system(), fiona, testDb.services.people.today());
        long laptop = testDb.services.devices.create(Session.system(), new DeviceDraft("LT-0042", Device.Kind.LAPTOP, "Dell Latitude 5450",
                null, null, null, true, Device.Mode.ISSUED, Device.Status.IN_STOCK, null, null));
        testDb.services.devices.issue(Session.system(), laptop, fiona);
        ldap.user("jjoiner", "Jo Joiner", "jo.joiner@office.test", "ICT", "E200", TestDirectory.dn("hhelp"), false, TestDirectory.ALL_STAFF);
        ldap.replace("sstaff", "department", "Finance");
        ldap.replace("ffinance", "userAccountControl", "514");

        signInAs(helpdesk);
        robot.clickOn(node(robot, "nav-people"));
        robot.clickOn(node(robot, "people-sync"));
        @SuppressWarnings("unchecked")
        TableView<DirectorySync.Item> table = node(robot, "sync-preview-table", TableView.class);
        await(() -> table.getItems().size() == 3);
        assertEquals(List.of("Joiner Jo Joiner", "Change Sam Staff", "Leaver Fiona Finance"),
                table.getItems().stream().map(i -> i.kind().label() + " " + i.name()).toList());
        @SuppressWarnings("unchecked")
        ListView<String> devices = robot.lookup("#sync-devices").queryAs(ListView.class);
        assertEquals(List.of("Fiona Finance: LT-0042 (Laptop)"), devices.getItems());

        robot.clickOn("#sync-apply");
        Label message = node(robot, "sync-message", Label.class);
        await(() -> message.getText().startsWith("Applied:"));
        assertEquals("Applied: 1 joined, 1 changed, 0 linked, 1 marked as left; 1 leaver still holds devices to recover. Written to the audit trail.",
                message.getText());
        assertEquals("Finance", testDb.services.people.get(helpdesk, testDb.db.read(h -> h.createQuery(
                "SELECT id FROM person WHERE directory_username = 'sstaff'").mapTo(Long.class).one())).team());
        assertTrue(!testDb.services.people.get(helpdesk, fiona).active());
        assertTrue(robot.lookup("#sync-apply").query().isDisabled(), "applied once");
        robot.clickOn("#sync-cancel");
        @SuppressWarnings("unchecked")
        TableView<Object> people = node(robot, "people-table", TableView.class);
        await(() -> people.getItems().stream().anyMatch(r -> r.toString().contains("Jo Joiner")));
    }

    @Test
    void staffDoNotSeeTheSyncButton(FxRobot robot) {
        signInAs(testDb.session("sam", Role.STAFF));
        ToggleButton nav = robot.lookup("#nav-people").queryAs(ToggleButton.class);
        if (nav != null && nav.isVisible()) robot.clickOn(nav);
        assertTrue(robot.lookup("#people-sync").tryQuery().isEmpty());
    }
}
