package org.devicedesk.mail;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.devicedesk.core.Session;
import org.devicedesk.ui.FormOutcome;
import org.devicedesk.ui.Tasks;

/**
 * The view model of Settings → Mail ({@link MailSettingsView}): the settings as typed, where the password is
 * found in words (never the password), which kinds of mail are sent, what a save sends (a port that is not a
 * number is refused by the service), the form reloaded after a save, and the test message to a typed address.
 */
public final class MailSettingsModel {
    private final MailService service;
    private final Session session;
    private final Tasks tasks;

    public final BooleanProperty enabled = new SimpleBooleanProperty();
    public final StringProperty host = new SimpleStringProperty("");
    public final StringProperty port = new SimpleStringProperty("");
    public final ObjectProperty<MailSettings.Security> security = new SimpleObjectProperty<>();
    public final StringProperty user = new SimpleStringProperty("");
    public final StringProperty passwordEnv = new SimpleStringProperty("");
    public final StringProperty passwordFile = new SimpleStringProperty("");
    /** Where the password was looked for and whether it was found ({@code mail-password-status}). */
    public final StringProperty passwordStatus = new SimpleStringProperty("");
    public final StringProperty from = new SimpleStringProperty("");
    public final StringProperty dpo = new SimpleStringProperty("");
    public final StringProperty helpdesk = new SimpleStringProperty("");
    public final StringProperty infosec = new SimpleStringProperty("");
    /** Each kind of mail that may be switched off: ticked when it is sent. */
    public final Map<MailKind, BooleanProperty> kinds = new EnumMap<>(MailKind.class);
    public final StringProperty testTo = new SimpleStringProperty("");
    public final BooleanProperty saving = new SimpleBooleanProperty();
    public final BooleanProperty sendingTest = new SimpleBooleanProperty();
    /** What the last action came to, shown in {@code mail-message}. */
    public final ObjectProperty<FormOutcome> outcome = new SimpleObjectProperty<>(FormOutcome.NONE);

    public MailSettingsModel(MailService service, Session session, Tasks tasks) {
        this.service = service;
        this.session = session;
        this.tasks = tasks;
        for (MailKind k : MailKind.values()) if (k.switchable()) kinds.put(k, new SimpleBooleanProperty());
    }

    private record Loaded(MailSettings settings, String passwordStatus) {}

    /** Loads the saved settings and the password's whereabouts into the form. */
    public void open() {
        tasks.run(() -> new Loaded(service.settings(session), service.passwordStatus(session)), l -> {
            MailSettings s = l.settings();
            enabled.set(s.enabled());
            host.set(s.host());
            port.set(Integer.toString(s.port()));
            security.set(s.security());
            user.set(s.user());
            passwordEnv.set(s.passwordEnv());
            passwordFile.set(s.passwordFile());
            passwordStatus.set(l.passwordStatus());
            from.set(s.from());
            dpo.set(s.dpoMailbox());
            helpdesk.set(s.helpdeskMailbox());
            infosec.set(s.infosecMailbox());
            kinds.forEach((k, p) -> p.set(!s.off().contains(k)));
        }, t -> outcome.set(FormOutcome.failed(t)));
    }

    /** The form as settings: a port that is not a number is -1, for the service to refuse beside the field. */
    MailSettings values() {
        int p;
        try {
            p = Integer.parseInt(port.get().strip());
        } catch (NumberFormatException e) {
            p = -1;
        }
        Set<MailKind> off = EnumSet.noneOf(MailKind.class);
        kinds.forEach((k, on) -> { if (!on.get()) off.add(k); });
        return new MailSettings(enabled.get(), host.get(), p, security.get(), user.get(), passwordEnv.get(),
                passwordFile.get(), from.get(), dpo.get(), helpdesk.get(), infosec.get(), off);
    }

    public void save() {
        MailSettings next = values();
        saving.set(true);
        tasks.run(() -> service.save(session, next), changed -> {
            saving.set(false);
            outcome.set(FormOutcome.done(changed == 0 ? "Nothing to save: the mail settings are as they were."
                    : "Saved: " + changed + (changed == 1 ? " mail setting" : " mail settings") + " changed (written to the audit trail)."));
            open();
        }, t -> {
            saving.set(false);
            outcome.set(FormOutcome.failed(t));
        });
    }

    /** Sends a test message through the saved settings to the typed address. */
    public void sendTest() {
        String to = testTo.get();
        sendingTest.set(true);
        outcome.set(FormOutcome.NONE);
        tasks.run(() -> {
            service.sendTest(session, to);
            return to.strip();
        }, address -> {
            sendingTest.set(false);
            outcome.set(FormOutcome.done("A test message was sent to " + address
                    + ". If it does not arrive within a few minutes, check its spam folder."));
        }, t -> {
            sendingTest.set(false);
            outcome.set(FormOutcome.failed(t));
        });
    }
}
