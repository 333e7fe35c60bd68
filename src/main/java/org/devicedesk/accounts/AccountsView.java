package org.devicedesk.accounts;

import atlantafx.base.theme.Styles;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.devicedesk.core.Role;
import org.devicedesk.ui.Columns;
import org.devicedesk.core.Session;
import org.devicedesk.people.PeopleService;
import org.devicedesk.people.Person;
import org.devicedesk.ui.AppContext;
import org.devicedesk.ui.Background;
import org.devicedesk.ui.FormMessages;
import org.devicedesk.ui.Screen;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;

/**
 * The accounts screen ({@code nav-accounts}, ADMIN): the list ({@code accounts-table},
 * {@code accounts-search}, {@code accounts-new}) and beside it the account form ({@code account-*}):
 * create, change roles and the linked person, reset the password, deactivate and reactivate.
 */
public final class AccountsView implements Screen {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final AppContext context;
    private final Session session;
    private final AccountService accounts;
    private final ObservableList<Account> rows = FXCollections.observableArrayList();
    private final FilteredList<Account> filtered = new FilteredList<>(rows);
    private final TableView<Account> table = new TableView<>();
    private final TextField search = new TextField();
    private final Label count = new Label();
    private final FormMessages listMessages = new FormMessages("accounts");
    private final BorderPane root = new BorderPane();

    // the form
    private final VBox form = new VBox(12);
    private final Label formTitle = new Label();
    private final FormMessages messages = new FormMessages("account");
    private final TextField username = new TextField();
    private final PasswordField password = new PasswordField();
    private final Label passwordLabel = new Label();
    private final Button resetPassword = new Button("_Reset password", new FontIcon(MaterialDesignL.LOCK_RESET));
    private final ComboBox<Person> person = new ComboBox<>();
    private final Map<Role, CheckBox> roles = new EnumMap<>(Role.class);
    private final Label status = new Label();
    private final Button deactivate = new Button("_Deactivate account");
    private final Button reactivate = new Button("Re_activate account");
    private final HBox statusRow = new HBox(10);
    private final Button save = new Button("_Save");
    private final Button cancel = new Button("Cancel");
    private Account editing; // null while creating

    public AccountsView(AppContext context) {
        this.context = context;
        this.session = context.session();
        this.accounts = context.service(AccountService.class);

        Label title = new Label("Accounts");
        title.getStyleClass().add(Styles.TITLE_2);
        search.setId("accounts-search");
        search.setPromptText("Search username, person or role");
        search.setPrefWidth(280);
        search.textProperty().addListener((o, a, b) -> applyFilter());
        Button add = new Button("_New account", new FontIcon(MaterialDesignA.ACCOUNT_PLUS_OUTLINE));
        add.setId("accounts-new");
        add.getStyleClass().add(Styles.ACCENT);
        add.setOnAction(e -> openNew());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox titleRow = new HBox(10, title, spacer, search, add);
        titleRow.setAlignment(Pos.CENTER_LEFT);
        count.setId("accounts-count");
        count.getStyleClass().add(Styles.TEXT_MUTED);
        buildTable();
        VBox list = new VBox(10, titleRow, listMessages.node(), table, count);
        VBox.setVgrow(table, Priority.ALWAYS);
        root.setCenter(list);
        buildForm();
    }

    @Override public Node node() {
        return root;
    }

    @Override public void show(Object argument) {
        reload(null);
        Background.run(() -> context.service(PeopleService.class).list(session, PeopleService.Query.all()), people -> {
            Person chosen = person.getValue();
            person.getItems().setAll(people.stream().map(PeopleService.Row::person)
                    .sorted(Comparator.comparing(Person::fullName, String.CASE_INSENSITIVE_ORDER)).toList());
            person.getItems().add(0, null);
            person.setValue(chosen);
        }, listMessages::show);
    }

    // ---- the list ----

    private void buildTable() {
        table.setId("accounts-table");
        table.setPlaceholder(new Label("No accounts match."));
        table.setFixedCellSize(36);
        TableColumn<Account, String> user = Columns.width(Columns.text("Username", Account::username), 160);
        TableColumn<Account, String> who = Columns.width(Columns.text("Person", a -> a.personName() == null ? "" : a.personName()), 200);
        TableColumn<Account, String> roleCol = Columns.width(Columns.text("Roles", AccountsView::roleText), 300);
        TableColumn<Account, Account> state = Columns.width(Columns.rowBadge("Status", this::badge, Comparator.comparingInt(this::statusRank)), 170);
        TableColumn<Account, Instant> created = Columns.width(Columns.shown("Created", Account::createdAt,
                at -> DAY.format(at.atZone(context.clock().getZone())), Comparator.naturalOrder()), 120);
        table.getColumns().addAll(List.of(user, who, roleCol, state, created));
        org.devicedesk.ui.Tables.fit(table);
        org.devicedesk.ui.Tables.chooseColumns(table); // issue 17: the columns shown are remembered for this list
        SortedList<Account> sorted = new SortedList<>(filtered);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) openEdit(now);
        });
    }

    private static String roleText(Account a) {
        return a.roles().stream().sorted(Comparator.reverseOrder()).map(Role::label).collect(Collectors.joining(", "));
    }

    private int statusRank(Account a) {
        if (!a.active()) return 2;
        return a.isLocked(context.clock().instant()) ? 1 : 0;
    }

    private Label badge(Account a) {
        Label l;
        if (!a.active()) {
            l = new Label("Deactivated");
            l.getStyleClass().addAll("badge", "badge-neutral");
        } else if (a.isLocked(context.clock().instant())) {
            l = new Label("Locked until " + HH_MM.format(a.lockedUntil().atZone(context.clock().getZone())));
            l.getStyleClass().addAll("badge", "badge-warning");
        } else {
            l = new Label("Active");
            l.getStyleClass().addAll("badge", "badge-success");
        }
        return l;
    }

    private void applyFilter() {
        String q = search.getText() == null ? "" : search.getText().strip().toLowerCase(Locale.ROOT);
        filtered.setPredicate(a -> q.isEmpty() || a.username().toLowerCase(Locale.ROOT).contains(q)
                || (a.personName() != null && a.personName().toLowerCase(Locale.ROOT).contains(q))
                || roleText(a).toLowerCase(Locale.ROOT).contains(q));
        count.setText(filtered.size() == rows.size() ? rows.size() + " accounts" : filtered.size() + " of " + rows.size() + " accounts");
    }

    private void reload(Long select) {
        reload(select, null);
    }

    /** Reloads the list, re-opens the account being edited (or {@code select}), then shows {@code success} in the form. */
    private void reload(Long select, String success) {
        Background.run(() -> accounts.list(session), list -> {
            long keep = select != null ? select : editing != null ? editing.id() : -1;
            rows.setAll(list);
            applyFilter();
            if (keep >= 0) {
                list.stream().filter(a -> a.id() == keep).findFirst().ifPresent(a -> {
                    table.getSelectionModel().select(a);
                    table.scrollTo(a);
                    openEdit(a);
                });
            }
            if (success != null) messages.success(success);
        }, listMessages::show);
    }

    // ---- the form ----

    private void buildForm() {
        formTitle.getStyleClass().add(Styles.TITLE_3);
        username.setId("account-username");
        password.setId("account-password");
        resetPassword.setId("account-reset-password");
        resetPassword.setOnAction(e -> resetPassword());
        person.setId("account-person");
        person.setMaxWidth(Double.MAX_VALUE);
        person.setConverter(new StringConverter<>() {
            @Override public String toString(Person p) {
                return p == null ? "Not linked to a person" : p.fullName() + (p.team() == null ? "" : " (" + p.team() + ")");
            }
            @Override public Person fromString(String s) { return null; }
        });
        person.setButtonCell(new ListCell<>() {
            @Override protected void updateItem(Person p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty ? null : person.getConverter().toString(p));
            }
        });
        VBox roleBox = new VBox(6);
        roleBox.setId("account-roles");
        for (Role r : Role.values()) {
            CheckBox c = new CheckBox(r.label());
            c.setId("account-roles-" + r.name().toLowerCase(Locale.ROOT));
            roles.put(r, c);
            roleBox.getChildren().add(c);
        }
        messages.field("username", username).field("password", password).field("person", person).field("roles", roles.get(Role.STAFF));

        deactivate.setId("account-deactivate");
        deactivate.getStyleClass().add(Styles.DANGER);
        deactivate.setOnAction(e -> setActive(false));
        reactivate.setId("account-reactivate");
        reactivate.setOnAction(e -> setActive(true));
        status.setId("account-status");
        statusRow.setAlignment(Pos.CENTER_LEFT);

        save.setId("account-save");
        save.setDefaultButton(true);
        save.getStyleClass().add(Styles.ACCENT);
        save.setOnAction(e -> save());
        cancel.setId("account-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> closeForm());

        HBox passwordRow = new HBox(8, password, resetPassword);
        HBox.setHgrow(password, Priority.ALWAYS);
        Label hint = new Label("At least " + AccountService.MIN_PASSWORD_LENGTH + " characters, and not the username.");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        HBox buttons = new HBox(10, save, cancel);
        form.getChildren().addAll(formTitle, statusRow,
                FormMessages.labelFor("_Username", username), username,
                passwordLabel, passwordRow, hint,
                FormMessages.labelFor("_Linked person", person), person,
                new Label("Roles"), roleBox,
                messages.node(), new Separator(), buttons);
        passwordLabel.setLabelFor(password);
        passwordLabel.setMnemonicParsing(true);
        form.setPadding(new Insets(4, 4, 4, 20));
        form.setPrefWidth(380);
        form.setId("account-form");
    }

    private void showForm() {
        if (root.getRight() == null) {
            ScrollPane scroll = new ScrollPane(form);
            scroll.setFitToWidth(true);
            scroll.setPrefWidth(400);
            scroll.getStyleClass().add("edge-to-edge");
            root.setRight(scroll);
        }
    }

    private void openNew() {
        editing = null;
        table.getSelectionModel().clearSelection();
        messages.clear();
        formTitle.setText("New account");
        username.setText("");
        username.setDisable(false);
        password.setText("");
        passwordLabel.setText("_Password");
        resetPassword.setVisible(false);
        resetPassword.setManaged(false);
        person.setValue(null);
        roles.forEach((r, c) -> c.setSelected(r == Role.STAFF));
        statusRow.getChildren().clear();
        save.setText("_Create account");
        showForm();
        username.requestFocus();
    }

    private void openEdit(Account a) {
        editing = a;
        messages.clear();
        formTitle.setText("Account " + a.username());
        username.setText(a.username());
        username.setDisable(true);
        password.setText("");
        passwordLabel.setText("New _password");
        resetPassword.setVisible(true);
        resetPassword.setManaged(true);
        person.setValue(person.getItems().stream().filter(p -> p != null && a.personId() != null && p.id() == a.personId()).findFirst().orElse(null));
        roles.forEach((r, c) -> c.setSelected(a.roles().contains(r)));
        Button toggle = a.active() ? deactivate : reactivate;
        toggle.setDisable(a.id() == session.accountId() && a.active());
        statusRow.getChildren().setAll(badge(a), toggle);
        save.setText("_Save changes");
        showForm();
    }

    private void closeForm() {
        editing = null;
        messages.clear();
        table.getSelectionModel().clearSelection();
        root.setRight(null);
    }

    private Set<Role> chosenRoles() {
        Set<Role> set = EnumSet.noneOf(Role.class);
        roles.forEach((r, c) -> {
            if (c.isSelected()) set.add(r);
        });
        return set;
    }

    private void save() {
        Set<Role> chosen = chosenRoles();
        Long personId = person.getValue() == null ? null : person.getValue().id();
        save.setDisable(true);
        if (editing == null) {
            String name = username.getText();
            String pw = password.getText();
            Background.run(() -> accounts.create(session, name, pw, personId, chosen), id -> {
                save.setDisable(false);
                reload(id, "Account " + name.strip() + " created. Give " + name.strip()
                        + " the password in person; they can sign in now.");
            }, this::refused);
        } else {
            Account a = editing;
            Background.run(() -> accounts.update(session, a.id(), a.version(), personId, chosen), changed -> {
                save.setDisable(false);
                reload(a.id(), changed == 0 ? "Nothing to save: the account is as it was."
                        : "Saved the changes to " + a.username() + ".");
            }, this::refused);
        }
    }

    private void refused(Throwable t) {
        save.setDisable(false);
        resetPassword.setDisable(false);
        messages.show(t);
    }

    private void resetPassword() {
        Account a = editing;
        if (a == null) return;
        String pw = password.getText();
        resetPassword.setDisable(true);
        Background.run(() -> {
            accounts.resetPassword(session, a.id(), pw);
            return null;
        }, x -> {
            resetPassword.setDisable(false);
            password.setText("");
            reload(a.id(), "Password reset for " + a.username()
                    + " (any lock-out is cleared). Give them the new password in person.");
        }, this::refused);
    }

    private void setActive(boolean active) {
        Account a = editing;
        if (a == null) return;
        Background.run(() -> {
            accounts.setActive(session, a.id(), active);
            return null;
        }, x -> {
            reload(a.id(), active ? a.username() + " can sign in again."
                    : a.username() + " is deactivated and can no longer sign in.");
        }, messages::show);
    }
}
