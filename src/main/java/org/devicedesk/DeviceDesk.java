package org.devicedesk;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.image.Image;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.devicedesk.accounts.AccountService;
import org.devicedesk.core.DatabaseProblem;
import org.devicedesk.ui.Theme;
import org.devicedesk.ui.WindowPlace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application (SPEC section 8): shows the "Opening …" window while {@link Startup} opens
 * the database and wires the services in the background, then set-up or sign-in.
 */
public final class DeviceDesk extends Application {
    private Startup startup;
    /** What was opened (also after the first-run question), for {@link #stop}. */
    private volatile Startup.Ready opened;

    @Override
    public void init() {
        startup = Startup.begin(getParameters().getRaw()); // already begun by Main, before the toolkit started
    }

    @Override
    public void start(Stage stage) {
        Theme.apply(Theme.isDark());
        stage.setTitle("Device Desk");
        LaunchOptions options = startup.options;
        if (options == null) {
            addIcons(stage);
            fail(stage, "Device Desk could not start", "The command-line arguments are not right.", LaunchOptions.USAGE);
            return;
        }
        Opening splash = opening("Opening " + (options.dbUrl() != null ? options.dbUrl() : options.db().toAbsolutePath()) + " …",
                startup.progress::get);
        startup.ready.whenComplete((r, t) -> Platform.runLater(splash.follow()::stop));
        Scene scene = new Scene(splash.root());
        scene.getStylesheets().add(Theme.appStylesheet());
        stage.setScene(scene);
        WindowPlace.apply(stage); // fitted to the screen, where it was last time
        stage.show();
        if (FirstFrame.requested()) FirstFrame.report(scene);
        FirstFrame.afterNextFrame(() -> addIcons(stage)); // after the first frame: the window manager takes them as well then

        startup.ready.whenComplete((ready, t) -> Platform.runLater(() -> {
            if (t == null) show(stage, ready);
            else failed(stage, t instanceof java.util.concurrent.CompletionException && t.getCause() != null ? t.getCause() : t);
        }));
    }

    /** The "Opening …" window's content and the timeline that keeps its progress line current. */
    record Opening(VBox root, javafx.animation.Timeline follow) {}

    /**
     * The "Opening …" window: a spinner and the database's name, and, while a long start-up (the large demo)
     * says what it is doing ({@code progress} gives non-null), that line ({@code opening-progress}) with how far and
     * an estimate, the spinner then showing the fraction. Read four times a second; the caller stops it.
     */
    static Opening opening(String what, java.util.function.Supplier<Startup.Progress> progress) {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setId("opening-spinner");
        Label opening = new Label(what);
        Label doing = new Label(); // what a long start-up (the large demo) is doing, how far, an estimate
        doing.setId("opening-progress");
        doing.setWrapText(true);
        doing.managedProperty().bind(doing.visibleProperty());
        doing.setVisible(false);
        VBox splash = new VBox(16, spinner, opening, doing);
        splash.setAlignment(Pos.CENTER);
        javafx.animation.Timeline follow = new javafx.animation.Timeline(new javafx.animation.KeyFrame(javafx.util.Duration.millis(250), e -> {
            Startup.Progress p = progress.get();
            if (p == null) return;
            doing.setVisible(true);
            doing.setText(p.text());
            spinner.setProgress(p.fraction() < 0 ? ProgressIndicator.INDETERMINATE_PROGRESS : p.fraction());
        }));
        follow.setCycleCount(javafx.animation.Animation.INDEFINITE);
        follow.play();
        return new Opening(splash, follow);
    }

    private void show(Stage stage, Startup.Ready ready) {
        if (ready.needsNewDatabase()) {
            askToCreate(stage, ready.newFile);
            return;
        }
        opened = ready;
        MainWindow window = new MainWindow(stage, ready.services);
        window.show(ready.firstRun);
        stage.setOnCloseRequest(e -> { // the unsaved-changes guard
            if (!window.mayClose()) e.consume();
        });
        // the first Argon2 (Bouncy Castle) is not needed to draw sign-in: done in the background once it is drawn
        FirstFrame.afterNextFrame(() -> Thread.ofPlatform().daemon().name("devicedesk-prepare").start(AccountService::prepare));
        if (ready.services.demoMessage != null) demoMessage(stage, ready.services.demoMessage).show();
    }

    /**
     * The first-run question: there is no database at this path. A new, empty one is created only when
     * the person says so; "Quit" leaves nothing behind (a mistyped --db is then just a mistake).
     */
    private void askToCreate(Stage stage, java.nio.file.Path file) {
        Alert ask = newDatabaseQuestion(stage, file);
        var answer = ask.showAndWait();
        if (answer.isEmpty() || answer.get().getButtonData() != javafx.scene.control.ButtonBar.ButtonData.OK_DONE) {
            Platform.exit();
            return;
        }
        startup.createNew().whenComplete((ready, t) -> Platform.runLater(() -> {
            if (t == null) show(stage, ready);
            else failed(stage, t instanceof java.util.concurrent.CompletionException && t.getCause() != null ? t.getCause() : t);
        }));
    }

    /** The first-run question naming the file it will create (public so tests and the screenshot tool show exactly this one). */
    /**
     * The one-time message of a new demo database: its accounts and their password, with a button that copies the
     * password ({@code demo-copy-password}; issue 17), since it is shown only once.
     */
    public static Alert demoMessage(Stage owner, String message) {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(owner);
        a.setTitle("Demo data");
        a.setHeaderText("A demo database was created");
        javafx.scene.control.Label text = new javafx.scene.control.Label(message);
        text.setId("demo-message");
        text.setWrapText(true);
        String password = org.devicedesk.demo.Demo.passwordIn(message);
        javafx.scene.control.Button copy = new javafx.scene.control.Button("_Copy the password");
        copy.setId("demo-copy-password");
        copy.setDisable(password == null);
        copy.setOnAction(e -> {
            javafx.scene.input.ClipboardContent c = new javafx.scene.input.ClipboardContent();
            c.putString(password);
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
            copy.setText("Copied");
        });
        a.getDialogPane().setContent(new javafx.scene.layout.VBox(12, text, copy));
        return a;
    }

    public static Alert newDatabaseQuestion(Stage owner, java.nio.file.Path file) {
        var create = new javafx.scene.control.ButtonType("Create a new database", javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        var quit = new javafx.scene.control.ButtonType("Quit", javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", create, quit);
        alert.setTitle("No database here yet");
        alert.setHeaderText("There is no Device Desk database at this path yet.");
        TextArea text = new TextArea("Create a new, empty database in the file\n" + file
                + "\n\nIf you expected your office's data here, choose Quit and check the path given with --db"
                + " (or DEVICEDESK_DB): nothing has been created.");
        text.setId("startup-new-database");
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(5);
        alert.getDialogPane().setContent(text);
        alert.getDialogPane().lookupButton(create).setId("startup-create");
        alert.getDialogPane().lookupButton(quit).setId("startup-quit");
        alert.getDialogPane().setMinWidth(680);
        alert.getDialogPane().getStylesheets().add(Theme.appStylesheet());
        if (owner != null && owner.isShowing()) alert.initOwner(owner);
        return alert;
    }

    private void failed(Stage stage, Throwable t) {
        DatabaseProblem p = t instanceof DatabaseProblem dp ? dp : null;
        if (p != null) fail(stage, "Device Desk cannot open the database", p.whatIsWrong(), "Database: " + p.location() + "\n\n" + p.whatToDo());
        else if (org.devicedesk.core.StorageFailure.describe(t).isPresent()) {
            log().error("Start-up failed", t);
            fail(stage, "Device Desk could not start", org.devicedesk.core.StorageFailure.describe(t).get(), "Database: "
                    + (startup.options.dbUrl() != null ? startup.options.dbUrl() : startup.options.db().toAbsolutePath()));
        } else {
            log().error("Start-up failed", t);
            fail(stage, "Device Desk could not start", "Something unexpected stopped Device Desk from starting.",
                    "The details are in the log file in " + System.getProperty("devicedesk.logdir") + ".");
        }
    }

    private static void addIcons(Stage stage) {
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            var icon = DeviceDesk.class.getResourceAsStream("/org/devicedesk/icon/devicedesk-" + size + ".png");
            if (icon != null) stage.getIcons().add(new Image(icon));
        }
    }

    private static Logger log() {
        return LoggerFactory.getLogger(DeviceDesk.class);
    }

    /** A clear dialog (what is wrong, which file, what to do); then the application ends. */
    private void fail(Stage stage, String title, String whatIsWrong, String details) {
        System.err.println(title + ": " + whatIsWrong + "\n" + details);
        if (stage.getScene() != null) { // behind the dialog, the window says the same in a word, not a spinner
            Label behind = new Label(title + ".");
            behind.getStyleClass().add("title-3");
            VBox box = new VBox(behind);
            box.setAlignment(Pos.CENTER);
            stage.getScene().setRoot(box);
        }
        problemDialog(stage.isShowing() ? stage : null, title, whatIsWrong, details).showAndWait();
        Platform.exit();
    }

    /** The start-up problem dialog (public so the screenshot tool shows exactly this one). */
    public static Alert problemDialog(Stage owner, String title, String whatIsWrong, String details) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.setTitle(title);
        alert.setHeaderText(whatIsWrong);
        TextArea text = new TextArea(details);
        text.setId("startup-problem");
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(6);
        alert.getDialogPane().setContent(text);
        alert.getDialogPane().setMinWidth(680); // the header (what is wrong) fits on one or two lines
        alert.setResizable(true);
        alert.getDialogPane().getStylesheets().add(Theme.appStylesheet());
        if (owner != null) alert.initOwner(owner);
        return alert;
    }

    @Override
    public void stop() {
        // the database, if start-up opened it (also when the window closed before sign-in showed)
        Startup.Ready r = opened;
        if (r == null && startup != null && startup.ready.isDone() && !startup.ready.isCompletedExceptionally()) r = startup.ready.join();
        if (r != null && r.services != null) r.services.db.close();
    }

    public static void main(String[] args) {
        Startup.begin(java.util.List.of(args));
        launch(args);
    }
}
