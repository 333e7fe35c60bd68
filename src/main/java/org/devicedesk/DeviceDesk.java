package org.devicedesk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
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
import org.devicedesk.core.AppClock;
import org.devicedesk.core.Database;
import org.devicedesk.core.DatabaseProblem;
import org.devicedesk.demo.Demo;
import org.devicedesk.ui.Background;
import org.devicedesk.ui.Theme;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application (SPEC section 8): parses the arguments, opens the database in the
 * background while the window appears, wires the services and shows set-up or sign-in.
 */
public final class DeviceDesk extends Application {
    private LaunchOptions options;
    private Database db;

    @Override
    public void init() {
        // an office in England: date pickers and other locale-formatted text read 4/3/2026 as 4 March, whatever the computer says
        java.util.Locale.setDefault(java.util.Locale.UK);
        try {
            options = LaunchOptions.parse(getParameters().getRaw());
        } catch (LaunchOptions.BadArguments e) {
            System.err.println(e.getMessage());
            options = null;
            return;
        }
        // logs go to a rolling file beside the database; this must be set before the first logger
        Path logDir = options.dbUrl() == null && options.db().toAbsolutePath().getParent() != null
                ? options.db().toAbsolutePath().getParent() : Path.of(System.getProperty("user.home"), ".devicedesk");
        System.setProperty("devicedesk.logdir", logDir.toString());
    }

    @Override
    public void start(Stage stage) {
        Theme.apply(Theme.isDark());
        stage.setTitle("Device Desk");
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            var icon = DeviceDesk.class.getResourceAsStream("/org/devicedesk/icon/devicedesk-" + size + ".png");
            if (icon != null) stage.getIcons().add(new Image(icon));
        }
        if (options == null) {
            fail(stage, "Device Desk could not start", "The command-line arguments are not right.", LaunchOptions.USAGE);
            return;
        }
        ProgressIndicator spinner = new ProgressIndicator();
        Label opening = new Label("Opening " + (options.dbUrl() != null ? options.dbUrl() : options.db().toAbsolutePath()) + " …");
        VBox splash = new VBox(16, spinner, opening);
        splash.setAlignment(Pos.CENTER);
        Scene scene = new Scene(splash, 1280, 800);
        scene.getStylesheets().add(Theme.appStylesheet());
        stage.setScene(scene);
        stage.show();
        if (FirstFrame.requested()) FirstFrame.report(scene);

        Clock clock = options.now() != null ? AppClock.startingAt(options.now()) : AppClock.system();
        Background.run(() -> open(clock), services -> {
            MainWindow window = new MainWindow(stage, services);
            window.start();
            if (services.demoMessage != null) {
                Alert a = new Alert(Alert.AlertType.INFORMATION);
                a.initOwner(stage);
                a.setTitle("Demo data");
                a.setHeaderText("A demo database was created");
                a.setContentText(services.demoMessage);
                a.show();
            }
        }, t -> {
            DatabaseProblem p = t instanceof DatabaseProblem dp ? dp : null;
            if (p != null) fail(stage, "Device Desk cannot open the database", p.whatIsWrong(), "Database: " + p.location() + "\n\n" + p.whatToDo());
            else {
                log().error("Start-up failed", t);
                fail(stage, "Device Desk could not start", "Something unexpected stopped Device Desk from starting.",
                        "The details are in the log file in " + System.getProperty("devicedesk.logdir") + ".");
            }
        });
    }

    private StartedServices open(Clock clock) throws IOException {
        if (options.dbUrl() != null) {
            db = Database.openPostgres(options.dbUrl(), options.dbUser(), options.dbPassword());
        } else {
            if (options.usesDefaultFile()) Files.createDirectories(options.db().toAbsolutePath().getParent());
            db = Database.openSqlite(options.db());
        }
        StartedServices services = new StartedServices(db, clock);
        if (options.demo()) {
            services.demoMessage = Demo.fillIfEmpty(services, options.demoSize());
            if (services.demoMessage != null) System.out.println(services.demoMessage);
        }
        try { // the daily backup: at the first start after midnight (office time); a failure never stops anyone working
            services.backups.dailyIfDue().ifPresent(b -> log().info("Daily backup made: {}", b.file()));
        } catch (RuntimeException e) {
            log().error("The daily backup failed", e);
        }
        return services;
    }

    /** Services plus the one-time demo message. */
    private static final class StartedServices extends Services {
        String demoMessage;

        StartedServices(Database db, Clock clock) {
            super(db, clock);
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
        if (db != null) db.close();
    }

    public static void main(String[] args) {
        launch(args);
    }
}
