package org.devicedesk.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.directory.DirectoryConfig.Security;
import org.devicedesk.ui.FormOutcome;
import org.devicedesk.ui.Tasks;

/**
 * The view model of Settings > Directory ({@link DirectorySettingsView}): the settings as typed, what a save
 * sends (the typed form parsed off the JavaFX thread; a port or time-out that is not a number is refused beside
 * its field by the service), the connection and sign-in tests with what they found in words, and the buttons
 * waiting while any of them runs. The test password is cleared after each test sign-in and never kept.
 */
public final class DirectorySettingsModel {
    private final DirectoryService service;
    private final Session session;
    private final Tasks tasks;

    public final BooleanProperty enabled = new SimpleBooleanProperty();
    public final StringProperty host = new SimpleStringProperty("");
    public final StringProperty port = new SimpleStringProperty("");
    public final ObjectProperty<Security> security = new SimpleObjectProperty<>();
    public final StringProperty baseDn = new SimpleStringProperty("");
    public final StringProperty userFilter = new SimpleStringProperty("");
    public final StringProperty usernameAttribute = new SimpleStringProperty("");
    public final StringProperty bindDn = new SimpleStringProperty("");
    public final StringProperty bindPasswordEnv = new SimpleStringProperty("");
    public final StringProperty bindPasswordFile = new SimpleStringProperty("");
    public final StringProperty trustFile = new SimpleStringProperty("");
    public final StringProperty groupBaseDn = new SimpleStringProperty("");
    public final StringProperty groupRoles = new SimpleStringProperty("");
    public final StringProperty disabledAttribute = new SimpleStringProperty("");
    public final StringProperty disabledValue = new SimpleStringProperty("");
    public final StringProperty timeout = new SimpleStringProperty("");
    public final StringProperty testUsername = new SimpleStringProperty("");
    public final StringProperty testPassword = new SimpleStringProperty("");
    /** What a test found ({@code directory-test-result}). */
    public final StringProperty result = new SimpleStringProperty("");
    /** True while a save or a test runs: the three buttons wait. */
    public final BooleanProperty busy = new SimpleBooleanProperty();
    /** What the last action came to, shown in {@code directory-message}. */
    public final ObjectProperty<FormOutcome> outcome = new SimpleObjectProperty<>(FormOutcome.NONE);

    public DirectorySettingsModel(DirectoryService service, Session session, Tasks tasks) {
        this.service = service;
        this.session = session;
        this.tasks = tasks;
    }

    /** Loads the saved settings into the form. */
    public void open() {
        tasks.run(service::config, this::fill, t -> outcome.set(FormOutcome.failed(t)));
    }

    void fill(DirectoryConfig c) {
        enabled.set(c.enabled());
        host.set(c.host());
        port.set(Integer.toString(c.port()));
        security.set(c.security());
        baseDn.set(c.baseDn());
        userFilter.set(c.userFilter());
        usernameAttribute.set(c.usernameAttribute());
        bindDn.set(c.bindDn());
        bindPasswordEnv.set(c.bindPasswordEnv());
        bindPasswordFile.set(c.bindPasswordFile());
        trustFile.set(c.trustFile());
        groupBaseDn.set(c.groupBaseDn());
        groupRoles.set(DirectoryService.formatGroupRoles(c.groupRoles()));
        disabledAttribute.set(c.disabledAttribute());
        disabledValue.set(c.disabledValue());
        timeout.set(Integer.toString(c.timeoutSeconds()));
    }

    /** The form as a configuration: read now (on the JavaFX thread), parsed (and refused) where the work runs. */
    Callable<DirectoryConfig> form() {
        boolean on = enabled.get();
        String[] v = {host.get(), port.get(), baseDn.get(), userFilter.get(), usernameAttribute.get(), bindDn.get(),
                bindPasswordEnv.get(), bindPasswordFile.get(), trustFile.get(), groupBaseDn.get(), disabledAttribute.get(),
                disabledValue.get(), timeout.get(), groupRoles.get()};
        Security sec = security.get();
        return () -> {
            Map<String, Set<Role>> mapping = DirectoryService.parseGroupRoles(v[13]);
            return new DirectoryConfig(on, s(v[0]), number(v[1]), sec, s(v[2]), s(v[3]), s(v[4]), s(v[5]), s(v[6]), s(v[7]), s(v[8]),
                    s(v[9]), s(v[10]), s(v[11]), number(v[12]), mapping);
        };
    }

    private static String s(String v) {
        return v == null ? "" : v.strip();
    }

    static int number(String v) {
        try {
            return Integer.parseInt(s(v));
        } catch (NumberFormatException e) {
            return -1; // refused by the check, beside the field
        }
    }

    private void failed(Throwable t) {
        busy.set(false);
        outcome.set(FormOutcome.failed(t));
    }

    public void save() {
        var form = form();
        busy.set(true);
        tasks.run(() -> service.save(session, form.call()), n -> {
            busy.set(false);
            outcome.set(FormOutcome.done(n == 0 ? "Nothing to save: the directory settings are as they were."
                    : "Saved: " + n + (n == 1 ? " setting" : " settings") + " changed (written to the audit trail)."));
        }, this::failed);
    }

    /** Tries the typed settings without saving them: the server answers, the service account binds. */
    public void testConnection() {
        var form = form();
        busy.set(true);
        result.set("");
        tasks.run(() -> service.testConnection(session, form.call()), r -> {
            busy.set(false);
            outcome.set(FormOutcome.done("The directory answered. Nothing was saved; save the settings to use them."));
            result.set(String.join("\n", r.lines()));
        }, this::failed);
    }

    /** Looks up the test login name with the typed settings (and checks the password when one is typed). */
    public void testSignIn() {
        var form = form();
        String user = testUsername.get();
        String password = testPassword.get();
        busy.set(true);
        result.set("");
        tasks.run(() -> service.testSignIn(session, form.call(), user, password), r -> {
            busy.set(false);
            testPassword.set("");
            outcome.set(FormOutcome.done(r.verdict()));
            result.set(String.join("\n", describe(r)));
        }, t -> {
            testPassword.set("");
            failed(t);
        });
    }

    /** A test sign-in's findings, a line each: the entry, its details, its groups and the roles they give. */
    static List<String> describe(DirectoryService.SignInReport r) {
        DirectoryUser u = r.entry();
        List<String> lines = new ArrayList<>();
        lines.add("Entry: " + u.dn());
        lines.add("Name: " + dash(u.fullName()) + "    Email: " + dash(u.email()) + "    Team: " + dash(u.team()));
        lines.add("Staff number: " + dash(u.staffNumber()) + "    Line manager: " + dash(u.managerDn()));
        lines.add("Account: " + (u.disabled() ? "disabled" : "enabled") + "    Password: " + (r.passwordChecked() ? "checked" : "not checked"));
        lines.add("Groups (" + r.groups().size() + ", nested ones included):");
        r.groups().forEach(g -> lines.add("  " + g));
        lines.add("Roles: " + (r.roles().isEmpty() ? "none" : String.join(", ", r.roles().stream().map(Role::label).toList())));
        return lines;
    }

    private static String dash(String s) {
        return s == null ? "-" : s;
    }
}
