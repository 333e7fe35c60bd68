package org.devicedesk.accounts;

import atlantafx.base.theme.Styles;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.devicedesk.core.Session;
import org.devicedesk.ui.FormMessages;
import org.devicedesk.ui.Tasks;

/**
 * First-run set-up of the first administrator ({@code setup-*}) and sign-in ({@code login-*}).
 * Enter submits; the password field is cleared after a failed attempt. Each card's state is a {@link SignInModel};
 * these methods build the controls and bind them.
 */
public final class SignInView {
    private SignInView() {}

    public static Parent setup(AccountService accounts, String organisation, Consumer<Session> onSignedIn) {
        FormMessages messages = new FormMessages("setup");
        TextField fullName = new TextField();
        fullName.setId("setup-full-name");
        TextField username = new TextField();
        username.setId("setup-username");
        PasswordField password = new PasswordField();
        password.setId("setup-password");
        PasswordField confirm = new PasswordField();
        confirm.setId("setup-password-confirm");
        messages.field("full-name", fullName).field("username", username).field("password", password).field("password-confirm", confirm);
        Button save = new Button("_Create administrator and sign in");
        save.setId("setup-save");
        save.setDefaultButton(true);
        save.getStyleClass().add(Styles.ACCENT);
        save.setMaxWidth(Double.MAX_VALUE);
        SignInModel model = new SignInModel(accounts, Tasks.background(), onSignedIn);
        fullName.textProperty().bindBidirectional(model.fullName);
        username.textProperty().bindBidirectional(model.username);
        password.textProperty().bindBidirectional(model.password);
        confirm.textProperty().bindBidirectional(model.confirm);
        save.disableProperty().bind(model.busy);
        model.outcome.addListener((o, was, now) -> now.showIn(messages));
        save.setOnAction(e -> model.createFirstAdministrator());
        GridPane grid = grid();
        grid.addRow(0, FormMessages.labelFor("Your _full name", fullName), fullName);
        grid.addRow(1, FormMessages.labelFor("_Username", username), username);
        grid.addRow(2, FormMessages.labelFor("_Password", password), password);
        grid.addRow(3, FormMessages.labelFor("C_onfirm password", confirm), confirm);
        Label hint = new Label("At least " + AccountService.MIN_PASSWORD_LENGTH + " characters, and not the username.");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        return card("Welcome to Device Desk", organisation,
                "This database is new. Create the first administrator account; you can add everyone else after signing in.",
                grid, hint, messages.node(), save);
    }

    public static Parent login(AccountService accounts, String organisation, Consumer<Session> onSignedIn) {
        FormMessages messages = new FormMessages("login");
        TextField username = new TextField();
        username.setId("login-username");
        PasswordField password = new PasswordField();
        password.setId("login-password");
        Button save = new Button("_Sign in");
        save.setId("login-save");
        save.setDefaultButton(true);
        save.getStyleClass().add(Styles.ACCENT);
        save.setMaxWidth(Double.MAX_VALUE);
        SignInModel model = new SignInModel(accounts, Tasks.background(), onSignedIn);
        username.textProperty().bindBidirectional(model.username);
        password.textProperty().bindBidirectional(model.password);
        save.disableProperty().bind(model.busy);
        model.outcome.addListener((o, was, now) -> {
            now.showIn(messages);
            password.requestFocus(); // a refusal: type the password again
        });
        save.setOnAction(e -> model.signIn());
        GridPane grid = grid();
        grid.addRow(0, FormMessages.labelFor("_Username", username), username);
        grid.addRow(1, FormMessages.labelFor("_Password", password), password);
        Parent card = card("Sign in to Device Desk", organisation, null, grid, messages.node(), save);
        javafx.application.Platform.runLater(username::requestFocus);
        return card;
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        grid.getColumnConstraints().addAll(new javafx.scene.layout.ColumnConstraints(130),
                new javafx.scene.layout.ColumnConstraints(220, 260, Double.MAX_VALUE));
        return grid;
    }

    private static Parent card(String title, String organisation, String intro, javafx.scene.Node... body) {
        Label heading = new Label(title);
        heading.getStyleClass().add(Styles.TITLE_2);
        Label org = new Label(organisation);
        org.getStyleClass().add(Styles.TEXT_MUTED);
        VBox box = new VBox(14, heading, org);
        if (intro != null) {
            Label text = new Label(intro);
            text.setWrapText(true);
            box.getChildren().add(text);
        }
        box.getChildren().addAll(body);
        box.getStyleClass().addAll("card", "sign-in-card");
        box.setPadding(new Insets(28));
        box.setMaxWidth(460);
        box.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        StackPane root = new StackPane(box);
        root.setAlignment(Pos.CENTER);
        root.setPadding(new Insets(24));
        root.getStyleClass().add("sign-in");
        return root;
    }
}
