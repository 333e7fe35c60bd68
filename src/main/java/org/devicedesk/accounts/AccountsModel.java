package org.devicedesk.accounts;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.people.PeopleService;
import org.devicedesk.people.Person;
import org.devicedesk.ui.FormOutcome;
import org.devicedesk.ui.Tasks;

/**
 * The accounts screen's state and rules ({@link AccountsView} shows it): the list with its search and count, the
 * people an account may be linked to, and the account form — create (STAFF ticked), edit roles and the linked
 * person, reset the password, deactivate and reactivate (never one's own active account) — with the sentence
 * each action ends in.
 */
public final class AccountsModel {
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    /** An account's state in words and the badge style it is shown with. */
    public record Status(String text, String style) {}

    private final AccountService accounts;
    private final PeopleService people;
    private final Session session;
    private final Clock clock;
    private final Tasks tasks;

    // the list
    public final ObservableList<Account> rows = FXCollections.observableArrayList();
    public final FilteredList<Account> filtered = new FilteredList<>(rows);
    public final StringProperty search = new SimpleStringProperty("");
    public final StringProperty count = new SimpleStringProperty("");
    /** A failure of loading the list or the people, shown in {@code accounts-message}. */
    public final ObjectProperty<FormOutcome> listOutcome = new SimpleObjectProperty<>(FormOutcome.NONE);
    /** The people an account may be linked to, by name; null first ("Not linked to a person"). */
    public final ObservableList<Person> linkable = FXCollections.observableArrayList();

    // the form
    private final ReadOnlyObjectWrapper<Account> editing = new ReadOnlyObjectWrapper<>(); // null while creating
    public final BooleanProperty formOpen = new SimpleBooleanProperty();
    public final StringProperty formTitle = new SimpleStringProperty("");
    public final StringProperty username = new SimpleStringProperty("");
    public final BooleanProperty usernameFixed = new SimpleBooleanProperty();
    public final StringProperty password = new SimpleStringProperty("");
    public final StringProperty passwordLabel = new SimpleStringProperty("_Password");
    public final BooleanProperty resetOffered = new SimpleBooleanProperty();
    public final ObjectProperty<Person> person = new SimpleObjectProperty<>();
    public final Map<Role, BooleanProperty> roles = new EnumMap<>(Role.class);
    public final StringProperty saveText = new SimpleStringProperty("_Save");
    /** The status row: shown while editing, with the account's badge and Deactivate (active) or Reactivate. */
    public final ObjectProperty<Status> status = new SimpleObjectProperty<>();
    public final BooleanProperty offersDeactivate = new SimpleBooleanProperty();
    /** One's own active account cannot be deactivated. */
    public final BooleanProperty toggleDisabled = new SimpleBooleanProperty();
    /** Why Deactivate is greyed out, shown beside it (a disabled button shows no tooltip); empty when it is not. */
    public final StringProperty toggleReason = new SimpleStringProperty("");
    public final BooleanProperty saving = new SimpleBooleanProperty();
    public final BooleanProperty resetting = new SimpleBooleanProperty();
    /** What the form's last action came to, shown in {@code account-message}. */
    public final ObjectProperty<FormOutcome> outcome = new SimpleObjectProperty<>(FormOutcome.NONE);
    /** Told of the account to select and scroll to in the table after a reload. */
    private Consumer<Account> reveal = a -> {};

    public AccountsModel(AccountService accounts, PeopleService people, Session session, Clock clock, Tasks tasks) {
        this.accounts = accounts;
        this.people = people;
        this.session = session;
        this.clock = clock;
        this.tasks = tasks;
        for (Role r : Role.values()) roles.put(r, new SimpleBooleanProperty());
        search.addListener((o, a, b) -> applyFilter());
    }

    public ReadOnlyObjectProperty<Account> editing() {
        return editing.getReadOnlyProperty();
    }

    public void onReveal(Consumer<Account> reveal) {
        this.reveal = reveal;
    }

    /** Opens the screen: the accounts, and the people one may link an account to. */
    public void open() {
        reload(null, null);
        tasks.run(() -> people.list(session, PeopleService.Query.all()), list -> {
            Person chosen = person.get();
            List<Person> sorted = new ArrayList<>();
            sorted.add(null);
            list.stream().map(PeopleService.Row::person)
                    .sorted(Comparator.comparing(Person::fullName, String.CASE_INSENSITIVE_ORDER)).forEach(sorted::add);
            linkable.setAll(sorted);
            person.set(chosen);
        }, t -> listOutcome.set(FormOutcome.failed(t)));
    }

    // ---- the list ----

    public static String roleText(Account a) {
        return a.roles().stream().sorted(Comparator.reverseOrder()).map(Role::label).collect(Collectors.joining(", "));
    }

    /** Active first, then locked, then deactivated: the order of the status column. */
    public int statusRank(Account a) {
        if (!a.active()) return 2;
        return a.isLocked(clock.instant()) ? 1 : 0;
    }

    public Status status(Account a) {
        if (!a.active()) return new Status("Deactivated", "badge-neutral");
        if (a.isLocked(clock.instant()))
            return new Status("Locked until " + HH_MM.format(a.lockedUntil().atZone(clock.getZone())), "badge-warning");
        return new Status("Active", "badge-success");
    }

    private void applyFilter() {
        String q = search.get() == null ? "" : search.get().strip().toLowerCase(Locale.ROOT);
        filtered.setPredicate(a -> q.isEmpty() || a.username().toLowerCase(Locale.ROOT).contains(q)
                || (a.personName() != null && a.personName().toLowerCase(Locale.ROOT).contains(q))
                || roleText(a).toLowerCase(Locale.ROOT).contains(q));
        count.set(filtered.size() == rows.size() ? rows.size() + " accounts" : filtered.size() + " of " + rows.size() + " accounts");
    }

    /** Reloads the list, re-opens the account being edited (or {@code select}), then says {@code success} in the form. */
    private void reload(Long select, String success) {
        tasks.run(() -> accounts.list(session), list -> {
            Account was = editing.get();
            long keep = select != null ? select : was != null ? was.id() : -1;
            rows.setAll(list);
            applyFilter();
            if (keep >= 0) {
                list.stream().filter(a -> a.id() == keep).findFirst().ifPresent(a -> {
                    reveal.accept(a);
                    openEdit(a);
                });
            }
            if (success != null) outcome.set(FormOutcome.done(success));
        }, t -> listOutcome.set(FormOutcome.failed(t)));
    }

    // ---- the form ----

    public void openNew() {
        editing.set(null);
        outcome.set(FormOutcome.NONE);
        formTitle.set("New account");
        username.set("");
        usernameFixed.set(false);
        password.set("");
        passwordLabel.set("_Password");
        resetOffered.set(false);
        person.set(null);
        roles.forEach((r, p) -> p.set(r == Role.STAFF));
        status.set(null);
        saveText.set("_Create account");
        formOpen.set(true);
    }

    public void openEdit(Account a) {
        editing.set(a);
        outcome.set(FormOutcome.NONE);
        formTitle.set("Account " + a.username());
        username.set(a.username());
        usernameFixed.set(true);
        password.set("");
        passwordLabel.set("New _password");
        resetOffered.set(true);
        person.set(linkable.stream().filter(p -> p != null && a.personId() != null && p.id() == a.personId()).findFirst().orElse(null));
        roles.forEach((r, p) -> p.set(a.roles().contains(r)));
        offersDeactivate.set(a.active());
        toggleDisabled.set(a.id() == session.accountId() && a.active());
        toggleReason.set(toggleDisabled.get() ? "You cannot deactivate the account you are signed in with." : "");
        status.set(status(a));
        saveText.set("_Save changes");
        formOpen.set(true);
    }

    public void close() {
        editing.set(null);
        outcome.set(FormOutcome.NONE);
        formOpen.set(false);
    }

    public Set<Role> chosenRoles() {
        Set<Role> set = EnumSet.noneOf(Role.class);
        roles.forEach((r, p) -> {
            if (p.get()) set.add(r);
        });
        return set;
    }

    /** Creates the account (the form is new) or saves its roles and linked person at the version it was opened at. */
    public void save() {
        Set<Role> chosen = chosenRoles();
        Long personId = person.get() == null ? null : person.get().id();
        saving.set(true);
        Account a = editing.get();
        if (a == null) {
            String name = username.get();
            String pw = password.get();
            tasks.run(() -> accounts.create(session, name, pw, personId, chosen), id -> {
                saving.set(false);
                reload(id, "Account " + name.strip() + " created. Give " + name.strip()
                        + " the password in person; they can sign in now.");
            }, this::refused);
        } else {
            tasks.run(() -> accounts.update(session, a.id(), a.version(), personId, chosen), changed -> {
                saving.set(false);
                reload(a.id(), changed == 0 ? "Nothing to save: the account is as it was."
                        : "Saved the changes to " + a.username() + ".");
            }, this::refused);
        }
    }

    private void refused(Throwable t) {
        saving.set(false);
        resetting.set(false);
        outcome.set(FormOutcome.failed(t));
    }

    /** Sets the typed password as the account's new one (which also clears a lock-out). */
    public void resetPassword() {
        Account a = editing.get();
        if (a == null) return;
        String pw = password.get();
        resetting.set(true);
        tasks.run(() -> {
            accounts.resetPassword(session, a.id(), pw);
            return null;
        }, x -> {
            resetting.set(false);
            password.set("");
            reload(a.id(), "Password reset for " + a.username()
                    + " (any lock-out is cleared). Give them the new password in person.");
        }, this::refused);
    }

    public void setActive(boolean active) {
        Account a = editing.get();
        if (a == null) return;
        tasks.run(() -> {
            accounts.setActive(session, a.id(), active);
            return null;
        }, x -> reload(a.id(), active ? a.username() + " can sign in again."
                : a.username() + " is deactivated and can no longer sign in."), t -> outcome.set(FormOutcome.failed(t)));
    }
}
