package org.devicedesk.directory;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import org.devicedesk.directory.DirectoryConfig.Security;
import org.devicedesk.ui.AppContext;
import org.devicedesk.ui.FormMessages;
import org.devicedesk.ui.Screen;
import org.devicedesk.ui.Tasks;

/**
 * Settings > Directory (ADMIN): how Device Desk reaches the office directory ({@code directory-<field>}),
 * "test connection" and "test sign-in" that show what was found ({@code directory-test-result}).
 * The service account's password is never typed here: only where it is kept (an environment variable or a file).
 * The state and rules are in {@link DirectorySettingsModel}; this view builds the controls and binds them.
 */
public final class DirectorySettingsView implements Screen {
    private final DirectorySettingsModel model;
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
        this.model = new DirectorySettingsModel(context.service(DirectoryService.class), context.session(), Tasks.background());
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
        bind();
    }

    private void bind() {
        enabled.selectedProperty().bindBidirectional(model.enabled);
        host.textProperty().bindBidirectional(model.host);
        port.textProperty().bindBidirectional(model.port);
        security.valueProperty().bindBidirectional(model.security);
        baseDn.textProperty().bindBidirectional(model.baseDn);
        userFilter.textProperty().bindBidirectional(model.userFilter);
        // an editable choice: what is typed goes to the model, a loaded value is set as the choice
        usernameAttribute.getEditor().textProperty().addListener((o, was, now) -> model.usernameAttribute.set(now));
        model.usernameAttribute.addListener((o, was, now) -> {
            if (!java.util.Objects.equals(usernameAttribute.getEditor().getText(), now)) usernameAttribute.setValue(now);
        });
        bindDn.textProperty().bindBidirectional(model.bindDn);
        bindPasswordEnv.textProperty().bindBidirectional(model.bindPasswordEnv);
        bindPasswordFile.textProperty().bindBidirectional(model.bindPasswordFile);
        trustFile.textProperty().bindBidirectional(model.trustFile);
        groupBaseDn.textProperty().bindBidirectional(model.groupBaseDn);
        groupRoles.textProperty().bindBidirectional(model.groupRoles);
        disabledAttribute.textProperty().bindBidirectional(model.disabledAttribute);
        disabledValue.textProperty().bindBidirectional(model.disabledValue);
        timeout.textProperty().bindBidirectional(model.timeout);
        testUsername.textProperty().bindBidirectional(model.testUsername);
        testPassword.textProperty().bindBidirectional(model.testPassword);
        result.textProperty().bind(model.result);
        save.disableProperty().bind(model.busy);
        testConnection.disableProperty().bind(model.busy);
        testSignIn.disableProperty().bind(model.busy);
        model.outcome.addListener((o, was, now) -> now.showIn(messages));
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
        save.setOnAction(e -> model.save());
        testConnection.setId("directory-test-connection");
        testConnection.setOnAction(e -> model.testConnection());
        testSignIn.setId("directory-test-sign-in");
        testSignIn.setOnAction(e -> model.testSignIn());
        testPassword.setOnAction(e -> model.testSignIn()); // Enter in the test password runs the test, not a save
        testUsername.setOnAction(e -> model.testSignIn());
        HBox buttons = new HBox(10, save, testConnection);
        buttons.setAlignment(Pos.CENTER_LEFT);
        return form.withFooter(messages, buttons);
    }

    @Override public Node node() {
        return root;
    }

    @Override public void show(Object argument) {
        model.open();
    }
}
