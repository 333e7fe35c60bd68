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
        this.service = context.services().mail;

        GridPane grid = new GridPane();
        grid.setHgap(14);
        grid.setVgap(10);
        grid.getColumnConstraints().addAll(new ColumnConstraints(260), new ColumnConstraints(300, 420, 560));
        int[] row = {0};
        section(grid, row, "Server");
        enabled.setId("mail-enabled");
        grid.add(enabled, 1, row[0]++);
        field(grid, row, "SMTP _server", host, "host", "e.g. smtp.office365.com");
        field(grid, row, "_Port", port, "port", "587 for STARTTLS, 465 for SMTPS");
        security.getItems().setAll(MailSettings.Security.values());
        field(grid, row, "Se_curity", security, "security", null);
        field(grid, row, "_User", user, "user", "Leave empty if the server takes no sign-in.");
        field(grid, row, "Password: environment _variable", passwordEnv, "password-env",
                "The name of a variable set for the account that sends, e.g. DEVICEDESK_SMTP_PASSWORD.");
        field(grid, row, "Password: or a _file", passwordFile, "password-file",
                "The full path of a file readable by that account only (chmod 600). It wins over the variable.");
        passwordStatus.setId("mail-password-status");
        passwordStatus.setWrapText(true);
        passwordStatus.getStyleClass().add(Styles.TEXT_MUTED);
        grid.add(new Label("Password"), 0, row[0]);
        grid.add(passwordStatus, 1, row[0]++);
        section(grid, row, "Mailboxes");
        field(grid, row, "Sent _from", from, "from", "The sender address people see.");
        field(grid, row, "_Data Protection Officer", dpo, "dpo", "Every referral and the ICO deadline reminders.");
        field(grid, row, "_Help desk", helpdesk, "helpdesk", "Every report and the post-travel checks due.");
        field(grid, row, "_Information Security", infosec, "infosec", "Every travel notice filed.");
        section(grid, row, "What is sent");
        VBox boxes = new VBox(6);
        for (MailKind k : MailKind.values()) {
            if (!k.switchable()) continue;
            CheckBox c = new CheckBox(k.label());
            c.setId("mail-kind-" + k.id());
            kinds.put(k, c);
            boxes.getChildren().add(c);
        }
        grid.add(boxes, 1, row[0]++);
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
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        // saving and the test stay in view below the scrolling form; the test uses the saved settings
        HBox buttons = new HBox(10, save, new javafx.scene.control.Separator(javafx.geometry.Orientation.VERTICAL),
                FormMessages.labelFor("Test t_o", testTo), testTo, sendTest);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox bottom = new VBox(10, messages.node(), buttons);
        bottom.setPadding(new Insets(12, 16, 4, 16));
        bottom.setMaxWidth(900);
        root = new BorderPane(scroll);
        root.setBottom(bottom);
    }

    private static void section(GridPane grid, int[] row, String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TITLE_4);
        if (row[0] > 0) l.setPadding(new Insets(10, 0, 0, 0));
        grid.add(l, 0, row[0]++, 2, 1);
    }

    private void field(GridPane grid, int[] row, String label, javafx.scene.control.Control control, String name, String hint) {
        control.setId("mail-" + name);
        messages.field(name, control);
        Node shown = control;
        if (hint != null) {
            Label h = new Label(hint);
            h.getStyleClass().add(Styles.TEXT_MUTED);
            h.setWrapText(true);
            shown = new VBox(2, control, h);
        }
        grid.add(FormMessages.labelFor(label, control), 0, row[0]);
        grid.add(shown, 1, row[0]++);
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
