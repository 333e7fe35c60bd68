package org.devicedesk.mail;

import atlantafx.base.theme.Styles;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.devicedesk.ui.AppContext;
import org.devicedesk.ui.Background;
import org.devicedesk.ui.FormMessages;
import org.devicedesk.ui.Screen;

/**
 * Settings → Mail ({@code settings-tab-mail}, ADMIN): the SMTP server, where the password is found (never the
 * password), the mailboxes, which kinds are sent, and a test message. Ids: {@code mail-<field>}, {@code mail-save},
 * {@code mail-message}, {@code mail-test-to}, {@code mail-test-send}, {@code mail-kind-<kind>}.
 */
public final class MailSettingsView implements Screen {
    private final AppContext context;
    private final MailService service;
    private final FormMessages messages = new FormMessages("mail");
    private final CheckBox enabled = new CheckBox("Send e-mail");
    private final TextField host = new TextField();
    private final TextField port = new TextField();
    private final ComboBox<MailSettings.Security> security = new ComboBox<>();
    private final TextField user = new TextField();
    private final TextField passwordEnv = new TextField();
    private final TextField passwordFile = new TextField();
    private final Label passwordStatus = new Label();
    private final TextField from = new TextField();
    private final TextField dpo = new TextField();
    private final TextField helpdesk = new TextField();
    private final TextField infosec = new TextField();
    private final Map<MailKind, CheckBox> kinds = new EnumMap<>(MailKind.class);
    private final TextField testTo = new TextField();
    private final Button save = new Button("_Save mail settings");
    private final Button sendTest = new Button("Send a _test message");
    private final BorderPane root;

    public MailSettingsView(AppContext context) {
        this.context = context;
        this.service = context.service(MailService.class);

        org.devicedesk.ui.SettingsGrid form = new org.devicedesk.ui.SettingsGrid(260);
        GridPane grid = form.grid();
        form.section("Server");
        enabled.setId("mail-enabled");
        form.add(enabled);
        field(form, "SMTP _server", host, "host", "e.g. smtp.office365.com");
        field(form, "_Port", port, "port", "587 for STARTTLS, 465 for SMTPS");
        security.getItems().setAll(MailSettings.Security.values());
        field(form, "Se_curity", security, "security", null);
        field(form, "_User", user, "user", "Leave empty if the server takes no sign-in.");
        field(form, "Password: environment _variable", passwordEnv, "password-env",
                "The name of a variable set for the account that sends, e.g. DEVICEDESK_SMTP_PASSWORD.");
        field(form, "Password: or a _file", passwordFile, "password-file",
                "The full path of a file readable by that account only (chmod 600). It wins over the variable.");
        passwordStatus.setId("mail-password-status");
        passwordStatus.setWrapText(true);
        passwordStatus.getStyleClass().add(Styles.TEXT_MUTED);
        form.labelled(new Label("Password"), passwordStatus);
        form.section("Mailboxes");
        field(form, "Sent _from", from, "from", "The sender address people see.");
        field(form, "_Data Protection Officer", dpo, "dpo", "Every referral and the ICO deadline reminders.");
        field(form, "_Help desk", helpdesk, "helpdesk", "Every report and the post-travel checks due.");
        field(form, "_Information Security", infosec, "infosec", "Every travel notice filed.");
        form.section("What is sent");
        VBox boxes = new VBox(6);
        for (MailKind k : MailKind.values()) {
            if (!k.switchable()) continue;
            CheckBox c = new CheckBox(k.label());
            c.setId("mail-kind-" + k.id());
            kinds.put(k, c);
            boxes.getChildren().add(c);
        }
        form.add(boxes);
        testTo.setId("mail-test-to");
        testTo.setPromptText("your.name@office.gov.uk");
        messages.field("test-to", testTo);
        sendTest.setId("mail-test-send");
        sendTest.setOnAction(e -> sendTest());
        testTo.setPrefColumnCount(22);
        grid.setPadding(new Insets(16));

        save.setId("mail-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.setOnAction(e -> save());
        // saving and the test stay in view below the scrolling form; the test uses the saved settings
        HBox buttons = new HBox(10, save, new javafx.scene.control.Separator(javafx.geometry.Orientation.VERTICAL),
                FormMessages.labelFor("Test t_o", testTo), testTo, sendTest);
        buttons.setAlignment(Pos.CENTER_LEFT);
        root = form.withFooter(messages, buttons);
    }

    private void field(org.devicedesk.ui.SettingsGrid form, String label, javafx.scene.control.Control control, String name, String hint) {
        control.setId("mail-" + name);
        messages.field(name, control);
        form.field(label, control, hint);
    }

    @Override public Node node() {
        return root;
    }

    @Override public void show(Object argument) {
        load();
    }

    private record Loaded(MailSettings settings, String passwordStatus) {}

    private void load() {
        Background.run(() -> new Loaded(service.settings(context.session()), service.passwordStatus(context.session())), l -> {
            MailSettings s = l.settings();
            enabled.setSelected(s.enabled());
            host.setText(s.host());
            port.setText(Integer.toString(s.port()));
            security.setValue(s.security());
            user.setText(s.user());
            passwordEnv.setText(s.passwordEnv());
            passwordFile.setText(s.passwordFile());
            passwordStatus.setText(l.passwordStatus());
            from.setText(s.from());
            dpo.setText(s.dpoMailbox());
            helpdesk.setText(s.helpdeskMailbox());
            infosec.setText(s.infosecMailbox());
            kinds.forEach((k, c) -> c.setSelected(!s.off().contains(k)));
        }, messages::show);
    }

    private MailSettings values() {
        int p;
        try {
            p = Integer.parseInt(port.getText().strip());
        } catch (NumberFormatException e) {
            p = -1;
        }
        Set<MailKind> off = EnumSet.noneOf(MailKind.class);
        kinds.forEach((k, c) -> { if (!c.isSelected()) off.add(k); });
        return new MailSettings(enabled.isSelected(), host.getText(), p, security.getValue(), user.getText(), passwordEnv.getText(),
                passwordFile.getText(), from.getText(), dpo.getText(), helpdesk.getText(), infosec.getText(), off);
    }

    private void save() {
        MailSettings next = values();
        save.setDisable(true);
        Background.run(() -> service.save(context.session(), next), changed -> {
            save.setDisable(false);
            messages.success(changed == 0 ? "Nothing to save: the mail settings are as they were."
                    : "Saved: " + changed + (changed == 1 ? " mail setting" : " mail settings") + " changed (written to the audit trail).");
            load();
        }, t -> {
            save.setDisable(false);
            messages.show(t);
        });
    }

    private void sendTest() {
        String to = testTo.getText();
        sendTest.setDisable(true);
        messages.clear();
        Background.run(() -> {
            service.sendTest(context.session(), to);
            return to.strip();
        }, address -> {
            sendTest.setDisable(false);
            messages.success("A test message was sent to " + address + ". If it does not arrive within a few minutes, check its spam folder.");
        }, t -> {
            sendTest.setDisable(false);
            messages.show(t);
        });
    }
}
