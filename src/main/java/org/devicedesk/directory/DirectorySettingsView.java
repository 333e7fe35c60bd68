package org.devicedesk.directory;

import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.devicedesk.core.Role;
import org.devicedesk.directory.DirectoryConfig.Security;
import org.devicedesk.ui.AppContext;
import org.devicedesk.ui.Background;
import org.devicedesk.ui.FormMessages;
import org.devicedesk.ui.Screen;

/**
 * Settings > Directory (ADMIN): how Device Desk reaches the office directory ({@code directory-<field>}),
 * "test connection" and "test sign-in" that show what was found ({@code directory-test-result}).
 * The service account's password is never typed here: only where it is kept (an environment variable or a file).
 */
public final class DirectorySettingsView implements Screen {
    private final AppContext context;
    private final DirectoryService service;
    private final FormMessages messages = new FormMessages("directory");
    private final CheckBox enabled = new CheckBox("Staff sign in with their directory account");
    private final TextField host = text("host");
    private final TextField port = text("port");
    private final ComboBox<Security> security = new ComboBox<>();
    private final TextField baseDn = text("base-dn");
    private final TextField userFilter = text("user-filter");
    private final ComboBox<String> usernameAttribute = new ComboBox<>();
    private final TextField bindDn = text("bind-dn");
    private final TextField bindPasswordEnv = text("bind-password-env");
    private final TextField bindPasswordFile = text("bind-password-file");
    private final TextField trustFile = text("trust-file");
    private final TextField groupBaseDn = text("group-base-dn");
    private final TextArea groupRoles = new TextArea();
    private final TextField disabledAttribute = text("disabled-attribute");
    private final TextField disabledValue = text("disabled-value");
    private final TextField timeout = text("timeout-seconds");
    private final TextField testUsername = text("test-username");
    private final PasswordField testPassword = new PasswordField();
    private final TextArea result = new TextArea();
    private final Button save = new Button("_Save directory settings");
    private final Button testConnection = new Button("Test _connection");
    private final Button testSignIn = new Button("Test sign-_in");
    private final Node root;

    public DirectorySettingsView(AppContext context) {
        this.context = context;
        this.service = context.service(DirectoryService.class);
        enabled.setId("directory-enabled");
        security.setId("directory-security");
        security.getItems().setAll(Security.values());
        usernameAttribute.setId("directory-username-attribute");
        usernameAttribute.setEditable(true);
        usernameAttribute.getItems().setAll(DirectoryConfig.USERNAME_ATTRIBUTES);
        groupRoles.setId("directory-group-roles");
        groupRoles.setPrefRowCount(4);
        groupRoles.setPromptText("CN=Device Desk Help Desk,OU=Groups,DC=office,DC=local -> HELPDESK, STAFF");
        testPassword.setId("directory-test-password");
        result.setId("directory-test-result");
        result.setEditable(false);
        result.setWrapText(true);
        result.setPrefRowCount(9);
        messages.field("host", host).field("port", port).field("security", security).field("base-dn", baseDn)
                .field("user-filter", userFilter).field("username-attribute", usernameAttribute).field("bind-dn", bindDn)
                .field("bind-password-env", bindPasswordEnv).field("bind-password-file", bindPasswordFile).field("trust-file", trustFile)
                .field("group-base-dn", groupBaseDn).field("group-roles", groupRoles).field("disabled-attribute", disabledAttribute)
                .field("disabled-value", disabledValue).field("timeout-seconds", timeout).field("test-username", testUsername);
        root = build();
    }

    private static TextField text(String field) {
        TextField f = new TextField();
        f.setId("directory-" + field);
        return f;
    }

    private Node build() {
        org.devicedesk.ui.SettingsGrid form = new org.devicedesk.ui.SettingsGrid(260, 320, 520, 700).stretchFields();
        GridPane grid = form.grid();
        form.section("Connection");
        form.wide(enabled);
        form.field("Server _name", host, "As on its certificate, e.g. dc1.office.local");
        form.field("_Port", port, "636 for LDAPS; 389 for StartTLS or plain LDAP");
        form.field("Protection", security, "LDAPS or StartTLS; plain LDAP sends passwords readable on the network");
        form.field("Trusted _certificate (PEM file)", trustFile, "The office's CA certificate; empty: Java's own list of public CAs");
        form.field("Time-out (seconds)", timeout, "A directory that does not answer within this is reported as down");
        form.section("Finding people");
        form.field("Search _base", baseDn, "e.g. OU=Staff,DC=office,DC=local");
        form.field("User _filter", userFilter, "e.g. (objectClass=person) or (&(objectCategory=person)(objectClass=user))");
        form.field("Login-name attribute", usernameAttribute, "sAMAccountName (AD), userPrincipalName or uid (OpenLDAP)");
        form.field("Service account (bind DN)", bindDn, "Reads the directory; empty: anonymous");
        form.field("Its password: environment variable", bindPasswordEnv, "The password itself is never stored or shown here");
        form.field("… or file", bindPasswordFile, "A file holding only the password, readable by Device Desk alone");
        form.field("Disabled when attribute", disabledAttribute, "userAccountControl (AD: bit 2); on OpenLDAP e.g. employeeType");
        form.field("… has the value", disabledValue, "Not needed for userAccountControl; e.g. disabled");
        form.section("Groups and roles");
        form.field("Group search base", groupBaseDn, "Empty: the search base; nested groups are followed");
        form.field("Group -> roles (one a line)", groupRoles, "DN -> STAFF, HELPDESK, INFOSEC, DPO or ADMIN");
        form.section("Try it");
        testUsername.setPromptText("Login name");
        testPassword.setPromptText("Password (optional)");
        HBox tryRow = new HBox(8, testUsername, testPassword, testSignIn);
        tryRow.setAlignment(Pos.CENTER_LEFT);
        form.labelled(new Label("Test sign-in as"), tryRow);
        form.wide(result);
        grid.setPadding(new Insets(16));

        save.setId("directory-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.setOnAction(e -> save());
        testConnection.setId("directory-test-connection");
        testConnection.setOnAction(e -> testConnection());
        testSignIn.setId("directory-test-sign-in");
        testSignIn.setOnAction(e -> testSignIn());
        testPassword.setOnAction(e -> testSignIn()); // Enter in the test password runs the test, not a save
        testUsername.setOnAction(e -> testSignIn());
        HBox buttons = new HBox(10, save, testConnection);
        buttons.setAlignment(Pos.CENTER_LEFT);
        return form.withFooter(messages, buttons);
    }

    @Override public Node node() {
        return root;
    }

    @Override public void show(Object argument) {
        Background.run(service::config, this::fill, messages::show);
    }

    private void fill(DirectoryConfig c) {
        enabled.setSelected(c.enabled());
        host.setText(c.host());
        port.setText(Integer.toString(c.port()));
        security.setValue(c.security());
        baseDn.setText(c.baseDn());
        userFilter.setText(c.userFilter());
        usernameAttribute.setValue(c.usernameAttribute());
        bindDn.setText(c.bindDn());
        bindPasswordEnv.setText(c.bindPasswordEnv());
        bindPasswordFile.setText(c.bindPasswordFile());
        trustFile.setText(c.trustFile());
        groupBaseDn.setText(c.groupBaseDn());
        groupRoles.setText(DirectoryService.formatGroupRoles(c.groupRoles()));
        disabledAttribute.setText(c.disabledAttribute());
        disabledValue.setText(c.disabledValue());
        timeout.setText(Integer.toString(c.timeoutSeconds()));
    }

    /** The form as a configuration; read on the FX thread, parsed (and refused) in the background. */
    private java.util.concurrent.Callable<DirectoryConfig> form() {
        boolean on = enabled.isSelected();
        String[] v = {host.getText(), port.getText(), baseDn.getText(), userFilter.getText(),
                usernameAttribute.getEditor().getText(), bindDn.getText(), bindPasswordEnv.getText(), bindPasswordFile.getText(),
                trustFile.getText(), groupBaseDn.getText(), disabledAttribute.getText(), disabledValue.getText(), timeout.getText(), groupRoles.getText()};
        Security sec = security.getValue();
        return () -> {
            Map<String, Set<Role>> mapping = DirectoryService.parseGroupRoles(v[13]);
            return new DirectoryConfig(on, s(v[0]), number(v[1]), sec, s(v[2]), s(v[3]), s(v[4]), s(v[5]), s(v[6]), s(v[7]), s(v[8]),
                    s(v[9]), s(v[10]), s(v[11]), number(v[12]), mapping);
        };
    }

    private static String s(String v) {
        return v == null ? "" : v.strip();
    }

    private static int number(String v) {
        try {
            return Integer.parseInt(s(v));
        } catch (NumberFormatException e) {
            return -1; // refused by the check, beside the field
        }
    }

    private void busy(boolean b) {
        save.setDisable(b);
        testConnection.setDisable(b);
        testSignIn.setDisable(b);
    }

    private void save() {
        var form = form();
        busy(true);
        Background.run(() -> service.save(context.session(), form.call()), n -> {
            busy(false);
            messages.success(n == 0 ? "Nothing to save: the directory settings are as they were."
                    : "Saved: " + n + (n == 1 ? " setting" : " settings") + " changed (written to the audit trail).");
        }, t -> {
            busy(false);
            messages.show(t);
        });
    }

    private void testConnection() {
        var form = form();
        busy(true);
        result.clear();
        Background.run(() -> service.testConnection(context.session(), form.call()), r -> {
            busy(false);
            messages.success("The directory answered. Nothing was saved; save the settings to use them.");
            result.setText(String.join("\n", r.lines()));
        }, t -> {
            busy(false);
            messages.show(t);
        });
    }

    private void testSignIn() {
        var form = form();
        String user = testUsername.getText();
        String password = testPassword.getText();
        busy(true);
        result.clear();
        Background.run(() -> service.testSignIn(context.session(), form.call(), user, password), r -> {
            busy(false);
            testPassword.clear();
            messages.success(r.verdict());
            result.setText(String.join("\n", describe(r)));
        }, t -> {
            busy(false);
            testPassword.clear();
            messages.show(t);
        });
    }

    private static List<String> describe(DirectoryService.SignInReport r) {
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
