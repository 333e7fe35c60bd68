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
        ProgressIndicator spinner = new ProgressIndicator();
        Label opening = new Label("Opening " + (options.dbUrl() != null ? options.dbUrl() : options.db().toAbsolutePath()) + " …");
        VBox splash = new VBox(16, spinner, opening);
        splash.setAlignment(Pos.CENTER);
        Scene scene = new Scene(splash);
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

    private void show(Stage stage, Startup.Ready ready) {
        MainWindow window = new MainWindow(stage, ready.services);
        window.show(ready.firstRun);
        stage.setOnCloseRequest(e -> { // the unsaved-changes guard
            if (!window.mayClose()) e.consume();
        });
        // the first Argon2 (Bouncy Castle) is not needed to draw sign-in: done in the background once it is drawn
        FirstFrame.afterNextFrame(() -> Thread.ofPlatform().daemon().name("devicedesk-prepare").start(AccountService::prepare));
        if (ready.services.demoMessage != null) {
            Alert a = new Alert(Alert.AlertType.INFORMATION);
            a.initOwner(stage);
            a.setTitle("Demo data");
            a.setHeaderText("A demo database was created");
            a.setContentText(ready.services.demoMessage);
            a.show();
        }
    }

    private void failed(Stage stage, Throwable t) {
        DatabaseProblem p = t instanceof DatabaseProblem dp ? dp : null;
        if (p != null) fail(stage, "Device Desk cannot open the database", p.whatIsWrong(), "Database: " + p.location() + "\n\n" + p.whatToDo());
        else {
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
        if (startup != null && startup.ready.isDone() && !startup.ready.isCompletedExceptionally()) startup.ready.join().services.db.close();
    }

    public static void main(String[] args) {
        Startup.begin(java.util.List.of(args));
        launch(args);
    }
}
