package org.devicedesk;

import java.util.List;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.devicedesk.accounts.SignInView;
import org.devicedesk.core.Session;
import org.devicedesk.ui.Background;
import org.devicedesk.ui.ScreenSpec;
import org.devicedesk.ui.Shell;
import org.devicedesk.ui.Theme;

/** The one window: first-run set-up or sign-in, then the shell; signing out returns to sign-in. */
public final class MainWindow {
    private final Stage stage;
    private final Services services;
    private List<ScreenSpec> screens;
    private Shell shell;

    /**
     * The screens of {@link ScreenCatalog}, looked up at the first sign-in: their icon packs (Ikonli) and
     * view classes are not loaded before the sign-in screen is drawn.
     */
    public MainWindow(Stage stage, Services services) {
        this(stage, services, null);
    }

    MainWindow(Stage stage, Services services, List<ScreenSpec> screens) {
        this.stage = stage;
        this.services = services;
        this.screens = screens;
    }

    /** Decides (in the background) between first-run set-up and sign-in. */
    public void start() {
        Background.run(services.accounts::needsFirstAdministrator, this::show, t -> showLogin());
    }

    /** Shows first-run set-up or sign-in, already decided (at start-up, in the background). */
    public void show(boolean firstRun) {
        if (firstRun) showSetup();
        else showLogin();
    }

    public void showSetup() {
        setRoot(SignInView.setup(services.accounts, services.settings.displayed().organisationName(), this::showShell));
    }

    public void showLogin() {
        if (shell != null) shell.close();
        shell = null;
        setRoot(SignInView.login(services.accounts, services.settings.displayed().organisationName(), this::showShell));
    }

    public Shell showShell(Session session) {
        if (screens == null) screens = ScreenCatalog.all();
        if (shell != null) shell.close();
        shell = new Shell(services.wiring(this::reopenAfterRestore), session, screens, () -> Background.run(() -> {
            services.accounts.signOut(session);
            return null;
        }, x -> showLogin(), t -> showLogin()), c -> org.devicedesk.backups.AboutDialog.show(c, services.backups));
        setRoot(shell.root());
        shell.showFirst();
        return shell;
    }

    /**
     * After a restore (on a worker thread): closes the database the window used, reopens the restored file — which
     * applies any migrations an older backup lacks and checks it again — and wires fresh services; the returned
     * step (on the JavaFX thread) puts a new main window over them, at sign-in. The restart lives here, in the
     * application root, not in the backups feature (issue 15).
     */
    Runnable reopenAfterRestore(javafx.stage.Window window) {
        org.devicedesk.core.Database old = services.db;
        old.close();
        Services fresh = new Services(org.devicedesk.core.Database.openSqlite(old.file()), services.clock);
        return () -> {
            Stage s = (Stage) window;
            s.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> fresh.db.close());
            new MainWindow(s, fresh).start();
        };
    }

    /** The unsaved-changes guard for closing the window: true when nothing typed would be lost, or the person said so. */
    public boolean mayClose() {
        return shell == null || shell.mayLeave("close Device Desk");
    }

    public Shell shell() {
        return shell;
    }

    private void setRoot(Parent root) {
        Scene scene = stage.getScene();
        if (scene == null) {
            scene = new Scene(root, 1280, 800);
            scene.getStylesheets().add(Theme.appStylesheet());
            stage.setScene(scene);
        } else {
            scene.setRoot(root);
        }
    }
}
