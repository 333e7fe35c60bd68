package org.devicedesk.accounts;

import java.util.function.Consumer;
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
 * The view model of the sign-in card and of the first-run card ({@link SignInView}): what was typed, the button
 * waiting while the service works, and the refusal in words. The rules — lock-outs and their messages, a
 * deactivated account, signing in through the directory, the first administrator — are the service's
 * ({@link AccountService#signIn}, {@link AccountService#createFirstAdministrator}); this model passes them on.
 * After a refused sign-in the password is cleared so the next attempt starts afresh.
 */
public final class SignInModel {
    private final AccountService accounts;
    private final Tasks tasks;
    private final Consumer<Session> onSignedIn;

    public final StringProperty fullName = new SimpleStringProperty(""); // first run only
    public final StringProperty username = new SimpleStringProperty("");
    public final StringProperty password = new SimpleStringProperty("");
    public final StringProperty confirm = new SimpleStringProperty(""); // first run only
    /** True while the service works: the button waits. */
    public final BooleanProperty busy = new SimpleBooleanProperty();
    /** The last refusal, shown in {@code login-message} or {@code setup-message}. */
    public final ObjectProperty<FormOutcome> outcome = new SimpleObjectProperty<>(FormOutcome.NONE);

    public SignInModel(AccountService accounts, Tasks tasks, Consumer<Session> onSignedIn) {
        this.accounts = accounts;
        this.tasks = tasks;
        this.onSignedIn = onSignedIn;
    }

    /** Signs in with the typed username and password; a refusal clears the password. */
    public void signIn() {
        String name = username.get();
        String pw = password.get();
        busy.set(true);
        tasks.run(() -> accounts.signIn(name, pw), onSignedIn, t -> {
            busy.set(false);
            password.set("");
            outcome.set(FormOutcome.failed(t));
        });
    }

    /** First run: creates the first administrator from the typed details and signs them in. */
    public void createFirstAdministrator() {
        String full = fullName.get();
        String name = username.get();
        String pw = password.get();
        String again = confirm.get();
        busy.set(true);
        tasks.run(() -> accounts.createFirstAdministrator(full, name, pw, again), onSignedIn, t -> {
            busy.set(false);
            outcome.set(FormOutcome.failed(t));
        });
    }
}
