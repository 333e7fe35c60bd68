package org.devicedesk.accounts;

import atlantafx.base.theme.Styles;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.devicedesk.core.Role;
import org.devicedesk.ui.Columns;
import org.devicedesk.people.PeopleService;
import org.devicedesk.people.Person;
import org.devicedesk.ui.AppContext;
import org.devicedesk.ui.FormMessages;
import org.devicedesk.ui.Screen;
import org.devicedesk.ui.Tasks;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;

/**
 * The accounts screen ({@code nav-accounts}, ADMIN): the list ({@code accounts-table},
 * {@code accounts-search}, {@code accounts-new}) and beside it the account form ({@code account-*}):
 * create, change roles and the linked person, reset the password, deactivate and reactivate. The state and
 * rules are in {@link AccountsModel}; this view builds the controls and binds them.
 */
public final class AccountsView implements Screen {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private final AppContext context;
    private final AccountsModel model;
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
    private final Button deactivate = new Button("_Deactivate account");
    private final Label toggleReason = new Label();
    private final Button reactivate = new Button("Re_activate account");
    private final HBox statusRow = new HBox(10);
    private final Button save = new Button("_Save");
    private final Button cancel = new Button("Cancel");

    public AccountsView(AppContext context) {
        this.context = context;
        this.model = new AccountsModel(context.service(AccountService.class), context.service(PeopleService.class),
                context.session(), context.clock(), Tasks.background());

        Label title = new Label("Accounts");
        title.getStyleClass().add(Styles.TITLE_2);
        search.setId("accounts-search");
        search.setPromptText("Search username, person or role");
        search.setPrefWidth(280);
        search.textProperty().bindBidirectional(model.search);
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
        count.textProperty().bind(model.count);
        model.listOutcome.addListener((o, was, now) -> now.showIn(listMessages));
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
        model.open();
    }

    // ---- the list ----

    private void buildTable() {
        table.setId("accounts-table");
        table.setPlaceholder(new Label("No accounts match."));
        table.setFixedCellSize(36);
        TableColumn<Account, String> user = Columns.width(Columns.text("Username", Account::username), 160);
        TableColumn<Account, String> who = Columns.width(Columns.text("Person", a -> a.personName() == null ? "" : a.personName()), 200);
        TableColumn<Account, String> roleCol = Columns.width(Columns.text("Roles", AccountsModel::roleText), 300);
        TableColumn<Account, Account> state = Columns.width(Columns.rowBadge("Status", a -> badge(model.status(a)),
                Comparator.comparingInt(model::statusRank)), 170);
        TableColumn<Account, Instant> created = Columns.width(Columns.shown("Created", Account::createdAt,
                at -> DAY.format(at.atZone(context.clock().getZone())), Comparator.naturalOrder()), 120);
        table.getColumns().addAll(List.of(user, who, roleCol, state, created));
        org.devicedesk.ui.Tables.fit(table);
        org.devicedesk.ui.Tables.chooseColumns(table); // issue 17: the columns shown are remembered for this list
        SortedList<Account> sorted = new SortedList<>(model.filtered);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) model.openEdit(now);
        });
        model.onReveal(a -> {
            table.getSelectionModel().select(a);
            table.scrollTo(a);
        });
    }

    private static Label badge(AccountsModel.Status s) {
        Label l = new Label(s.text());
        l.getStyleClass().addAll("badge", s.style());
        return l;
    }

    // ---- the form ----

    private void buildForm() {
        formTitle.getStyleClass().add(Styles.TITLE_3);
        formTitle.textProperty().bind(model.formTitle);
        username.setId("account-username");
        username.textProperty().bindBidirectional(model.username);
        username.disableProperty().bind(model.usernameFixed);
        password.setId("account-password");
        password.textProperty().bindBidirectional(model.password);
        resetPassword.setId("account-reset-password");
        resetPassword.setOnAction(e -> model.resetPassword());
        resetPassword.visibleProperty().bind(model.resetOffered);
        resetPassword.managedProperty().bind(model.resetOffered);
        resetPassword.disableProperty().bind(model.resetting);
        person.setId("account-person");
        person.setMaxWidth(Double.MAX_VALUE);
        person.setItems(model.linkable);
        person.valueProperty().bindBidirectional(model.person);
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
            c.selectedProperty().bindBidirectional(model.roles.get(r));
            roles.put(r, c);
            roleBox.getChildren().add(c);
        }
        messages.field("username", username).field("password", password).field("person", person).field("roles", roles.get(Role.STAFF));
        model.outcome.addListener((o, was, now) -> now.showIn(messages));

        deactivate.setId("account-deactivate");
        deactivate.getStyleClass().add(Styles.DANGER);
        deactivate.setOnAction(e -> model.setActive(false));
        deactivate.disableProperty().bind(model.toggleDisabled);
        Tooltip why = new Tooltip();
        why.textProperty().bind(model.toggleReason);
        deactivate.setTooltip(why);
        deactivate.accessibleHelpProperty().bind(model.toggleReason);
        // a disabled button shows no tooltip: the reason is written under it
        toggleReason.setId("account-deactivate-reason");
        toggleReason.getStyleClass().add(Styles.TEXT_MUTED);
        toggleReason.setWrapText(true);
        toggleReason.textProperty().bind(model.toggleReason);
        toggleReason.visibleProperty().bind(model.toggleDisabled.and(model.status.isNotNull()));
        toggleReason.managedProperty().bind(toggleReason.visibleProperty());
        reactivate.setId("account-reactivate");
        reactivate.setOnAction(e -> model.setActive(true));
        reactivate.disableProperty().bind(model.toggleDisabled);
        statusRow.setAlignment(Pos.CENTER_LEFT);
        model.status.addListener((o, was, now) -> showStatus());
        model.offersDeactivate.addListener((o, was, now) -> showStatus());

        save.setId("account-save");
        save.setDefaultButton(true);
        save.getStyleClass().add(Styles.ACCENT);
        save.setOnAction(e -> model.save());
        save.textProperty().bind(model.saveText);
        save.disableProperty().bind(model.saving);
        cancel.setId("account-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> closeForm());

        HBox passwordRow = new HBox(8, password, resetPassword);
        HBox.setHgrow(password, Priority.ALWAYS);
        Label hint = new Label("At least " + AccountService.MIN_PASSWORD_LENGTH + " characters, and not the username.");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        HBox buttons = new HBox(10, save, cancel);
        form.getChildren().addAll(formTitle, statusRow, toggleReason,
                FormMessages.labelFor("_Username", username), username,
                passwordLabel, passwordRow, hint,
                FormMessages.labelFor("_Linked person", person), person,
                new Label("Roles"), roleBox,
                messages.node(), new Separator(), buttons);
        passwordLabel.setLabelFor(password);
        passwordLabel.setMnemonicParsing(true);
        passwordLabel.textProperty().bind(model.passwordLabel);
        form.setPadding(new Insets(4, 4, 4, 20));
        form.setPrefWidth(380);
        form.setId("account-form");
        model.formOpen.addListener((o, was, open) -> {
            if (open) showForm();
            else root.setRight(null);
        });
    }

    /** The badge and Deactivate or Reactivate while an account is open; nothing for a new one. */
    private void showStatus() {
        AccountsModel.Status s = model.status.get();
        if (s == null) statusRow.getChildren().clear();
        else {
            statusRow.getChildren().setAll(badge(s), model.offersDeactivate.get() ? deactivate : reactivate);
        }
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
        table.getSelectionModel().clearSelection();
        model.openNew();
        username.requestFocus();
    }

    private void closeForm() {
        model.close();
        table.getSelectionModel().clearSelection();
    }
}
