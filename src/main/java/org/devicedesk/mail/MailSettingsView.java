package org.devicedesk.mail;

import atlantafx.base.theme.Styles;
import java.util.EnumMap;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.devicedesk.ui.AppContext;
import org.devicedesk.ui.FormMessages;
import org.devicedesk.ui.Screen;
import org.devicedesk.ui.Tasks;

/**
 * Settings → Mail ({@code settings-tab-mail}, ADMIN): the SMTP server, where the password is found (never the
 * password), the mailboxes, which kinds are sent, and a test message. Ids: {@code mail-<field>}, {@code mail-save},
 * {@code mail-message}, {@code mail-test-to}, {@code mail-test-send}, {@code mail-kind-<kind>}. The state and rules
 * are in {@link MailSettingsModel}; this view builds the controls and binds them.
 */
public final class MailSettingsView implements Screen {
    private final MailSettingsModel model;
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
        this.model = new MailSettingsModel(context.service(MailService.class), context.session(), Tasks.background());

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
            c.selectedProperty().bindBidirectional(model.kinds.get(k));
            kinds.put(k, c);
            boxes.getChildren().add(c);
        }
        form.add(boxes);
        testTo.setId("mail-test-to");
        testTo.setPromptText("your.name@office.gov.uk");
        messages.field("test-to", testTo);
        sendTest.setId("mail-test-send");
        sendTest.setOnAction(e -> model.sendTest());
        sendTest.disableProperty().bind(model.sendingTest);
        testTo.setPrefColumnCount(22);
        grid.setPadding(new Insets(16));

        save.setId("mail-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.setOnAction(e -> model.save());
        save.disableProperty().bind(model.saving);
        // saving and the test stay in view below the scrolling form; the test uses the saved settings
        HBox buttons = new HBox(10, save, new javafx.scene.control.Separator(javafx.geometry.Orientation.VERTICAL),
                FormMessages.labelFor("Test t_o", testTo), testTo, sendTest);
        buttons.setAlignment(Pos.CENTER_LEFT);
        root = form.withFooter(messages, buttons);

        enabled.selectedProperty().bindBidirectional(model.enabled);
        host.textProperty().bindBidirectional(model.host);
        port.textProperty().bindBidirectional(model.port);
        security.valueProperty().bindBidirectional(model.security);
        user.textProperty().bindBidirectional(model.user);
        passwordEnv.textProperty().bindBidirectional(model.passwordEnv);
        passwordFile.textProperty().bindBidirectional(model.passwordFile);
        passwordStatus.textProperty().bind(model.passwordStatus);
        from.textProperty().bindBidirectional(model.from);
        dpo.textProperty().bindBidirectional(model.dpo);
        helpdesk.textProperty().bindBidirectional(model.helpdesk);
        infosec.textProperty().bindBidirectional(model.infosec);
        testTo.textProperty().bindBidirectional(model.testTo);
        model.outcome.addListener((o, was, now) -> now.showIn(messages));
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
        model.open();
    }
}
