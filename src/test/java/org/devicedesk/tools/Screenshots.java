package org.devicedesk.tools;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.devicedesk.DeviceDesk;
import org.devicedesk.MainWindow;
import org.devicedesk.Services;
import org.devicedesk.core.AppClock;
import org.devicedesk.core.Database;
import org.devicedesk.core.DatabaseProblem;
import org.devicedesk.core.Session;
import org.devicedesk.demo.Demo;
import org.devicedesk.testing.BadDatabases;
import org.devicedesk.ui.Background;
import org.devicedesk.ui.Shell;
import org.devicedesk.ui.Theme;

/**
 * Takes a PNG of the real window (glass/GTK under Xvfb, not Monocle) over a fresh demo database with
 * a fixed clock. Run it with {@code tools/screenshot.sh}; see docs/screenshots.md.
 *
 * <pre>
 *   --as admin|helpdesk|infosec|dpo|staff   sign in as that demo account
 *   --screen KEY [--arg TEXT]               navigate to a screen (the word after "nav-"), with an optional argument
 *   --scenario NAME[,NAME]                  then run named set-ups from {@link Scenarios}, in turn
 *   --login | --setup                       the sign-in window, or the first-run window on an empty database
 *   --problem not-a-database|newer-version|read-only|missing-folder|locked|corrupt   the start-up problem dialog
 *   --out FILE.png                          where to write (folders are created)
 *   --now ISO_INSTANT (default 2026-03-04T10:00:00Z)  --dark  --size 1440x900  --whole-screen (also dialogs)
 * </pre>
 */
public final class Screenshots {
    public static final String DEMO_PASSWORD = "screenshot-demo-password";
    public static final Instant DEFAULT_NOW = Instant.parse("2026-03-04T10:00:00Z");

    private Screenshots() {}

    record Options(String as, String screen, String argument, String scenario, boolean login, boolean setup, String problem,
                   Path out, Instant now, boolean dark, int width, int height, boolean wholeScreen, Path all) {}

    /**
     * With {@code --all DIR}: every screen of every demo account (and a few states a screen has: a list's
     * first row open, the report form), one window, one demo database, written as
     * {@code DIR/<account>-<screen>[-<state>].png}.
     */
    static final String[][] STATES = {
            {"devices", "first", "devices-first"}, {"people", "first", "people-first"}, {"incidents", "first", "incidents-first"},
            {"travel", "first", "travel-first"}, {"breaches", "case", "breach-case"}, {"breaches", "register", "breach-register"},
            {"accounts", "first", "accounts-first"}, {"incidents", "report", "incident-new,incident-fill-lost"},
            {"incidents", "refused", "incident-new,incident-choose-stolen,incident-save"},
            {"incidents", "guidance", "incident-new,incident-fill-lost,incident-save"},
            {"incidents", "guidance-for-someone", "incident-new,incident-for-someone,incident-fill-lost,incident-save"}};

    public static void main(String[] args) throws Exception {
        java.util.Locale.setDefault(java.util.Locale.UK); // as DeviceDesk.init does
        Options o;
        try {
            o = parse(Arrays.asList(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        int status = 1;
        try {
            status = run(o);
        } catch (Throwable t) {
            t.printStackTrace();
        }
        Platform.exit();
        System.exit(status);
    }

    static Options parse(List<String> args) {
        String as = null, screen = null, arg = null, scenario = null, problem = null;
        boolean login = false, setup = false, dark = false, whole = false;
        Path out = null, all = null;
        Instant now = DEFAULT_NOW;
        int w = 1440, h = 900;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            Supplier<String> v = valueAfter(args, i, a);
            switch (a) {
                case "--as" -> { as = v.get(); i++; }
                case "--screen" -> { screen = v.get(); i++; }
                case "--arg" -> { arg = v.get(); i++; }
                case "--scenario" -> { scenario = v.get(); i++; }
                case "--problem" -> { problem = v.get(); i++; }
                case "--out" -> { out = Path.of(v.get()); i++; }
                case "--all" -> { all = Path.of(v.get()); i++; }
                case "--now" -> { now = Instant.parse(v.get()); i++; }
                case "--size" -> {
                    String[] wh = v.get().split("x");
                    w = Integer.parseInt(wh[0]);
                    h = Integer.parseInt(wh[1]);
                    i++;
                }
                case "--login" -> login = true;
                case "--setup" -> setup = true;
                case "--dark" -> dark = true;
                case "--whole-screen" -> whole = true;
                default -> throw new IllegalArgumentException("Unknown argument " + a + ". See docs/screenshots.md.");
            }
        }
        if (all != null) return new Options(null, null, null, null, false, false, null, null, now, dark, w, h, false, all);
        if (out == null) throw new IllegalArgumentException("--out FILE.png is required.");
        if (!login && !setup && problem == null && (as == null || screen == null)) {
            throw new IllegalArgumentException("Give --as ACCOUNT --screen KEY, or --login, --setup or --problem KIND.");
        }
        if (scenario != null && !java.util.Arrays.stream(scenario.split(",")).map(String::strip).allMatch(Scenarios.ALL::containsKey)) {
            throw new IllegalArgumentException("No scenario " + scenario + "; known: " + Scenarios.ALL.keySet());
        }
        return new Options(as, screen, arg, scenario, login, setup, problem, out, now, dark, w, h, whole, null);
    }

    private static Supplier<String> valueAfter(List<String> args, int i, String name) {
        return () -> {
            if (i + 1 >= args.size()) throw new IllegalArgumentException(name + " needs a value.");
            return args.get(i + 1);
        };
    }

    static int run(Options o) throws Exception {
        Path dir = Files.createTempDirectory("devicedesk-shot");
        System.setProperty("devicedesk.logdir", dir.toString());
        if (System.getProperty("devicedesk.demoPassword") == null) System.setProperty("devicedesk.demoPassword", DEMO_PASSWORD);
        String password = System.getProperty("devicedesk.demoPassword");

        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        Platform.setImplicitExit(false);
        onFx(() -> Theme.apply(o.dark()));

        if (o.problem() != null) {
            DatabaseProblem p = BadDatabases.problem(o.problem(), dir);
            onFx(() -> DeviceDesk.problemDialog(null, "Device Desk cannot open the database", p.whatIsWrong(),
                    "Database: " + p.location() + "\n\n" + p.whatToDo()).show());
            settle();
            return write(o, shootDialogs(o));
        }

        Database db = Database.openSqlite(dir.resolve("demo.db"));
        Clock clock = AppClock.startingAt(o.now());
        Services services = new Services(db, clock);
        if (o.all() != null) {
            Demo.fillIfEmpty(services, "normal");
            int status = all(o, services, password);
            db.close();
            return status;
        }
        if (!o.setup()) Demo.fillIfEmpty(services, "normal");
        Session session = o.as() == null || o.login() ? null : services.accounts.signIn(o.as(), password);

        Stage[] stage = new Stage[1];
        Shell[] shell = new Shell[1];
        onFx(() -> {
            Stage s = new Stage();
            stage[0] = s;
            s.setTitle("Device Desk");
            s.setX(0);
            s.setY(0);
            s.setWidth(o.width());
            s.setHeight(o.height());
            MainWindow window = new MainWindow(s, services);
            if (o.setup()) window.showSetup();
            else if (o.login()) window.showLogin();
            else shell[0] = window.showShell(session);
            s.show();
        });
        settle();
        if (shell[0] != null) {
            onFx(() -> shell[0].navigate(o.screen(), o.argument()));
            settle();
            if (!o.screen().equals(shell[0].currentKey())) {
                throw new IllegalStateException("The screen " + o.screen() + " is not there or " + o.as() + " may not see it.");
            }
            if (o.scenario() != null) {
                for (String name : o.scenario().split(",")) { // a,b: b runs after a's background work has finished
                    Consumer<Shell> scenario = Scenarios.ALL.get(name.strip());
                    onFx(() -> scenario.accept(shell[0]));
                    settle();
                }
            }
        }
        WritableImage image = o.wholeScreen() ? screen() : onFxGet(() -> stage[0].getScene().snapshot(null));
        int status = write(o, image);
        db.close();
        return status;
    }

    private static int all(Options o, Services services, String password) throws Exception {
        Stage[] stage = new Stage[1];
        MainWindow[] window = new MainWindow[1];
        onFx(() -> {
            Stage s = new Stage();
            stage[0] = s;
            s.setTitle("Device Desk");
            s.setX(0);
            s.setY(0);
            s.setWidth(o.width());
            s.setHeight(o.height());
            window[0] = new MainWindow(s, services);
            window[0].showLogin();
            s.show();
        });
        settle();
        Files.createDirectories(o.all());
        write(o.all().resolve("sign-in.png"), onFxGet(() -> stage[0].getScene().snapshot(null)));
        for (String account : Demo.ACCOUNTS) {
            Session session = services.accounts.signIn(account, password);
            Shell[] shell = new Shell[1];
            onFx(() -> shell[0] = window[0].showShell(session));
            settle();
            List<String> keys = onFxGet(() -> shell[0].root().lookupAll(".nav-button").stream().filter(javafx.scene.Node::isVisible)
                    .map(n -> n.getId().substring("nav-".length())).toList());
            for (String key : keys) {
                onFx(() -> {
                    shell[0].discardChanges(); // a filled form would ask before leaving
                    shell[0].navigate(key, null);
                });
                settle();
                write(o.all().resolve(account + "-" + key + ".png"), onFxGet(() -> stage[0].getScene().snapshot(null)));
                for (String[] state : STATES) {
                    if (!state[0].equals(key)) continue;
                    onFx(() -> {
                        shell[0].discardChanges();
                        shell[0].navigate(key, null);
                    });
                    settle();
                    try {
                        for (String name : state[2].split(",")) {
                            onFx(() -> Scenarios.ALL.get(name).accept(shell[0]));
                            settle();
                        }
                    } catch (Exception e) {
                        System.out.println("Skipped " + account + " " + key + " " + state[1] + ": " + e.getMessage());
                        continue;
                    }
                    write(o.all().resolve(account + "-" + key + "-" + state[1] + ".png"), onFxGet(() -> stage[0].getScene().snapshot(null)));
                }
            }
        }
        return 0;
    }

    private static void write(Path file, WritableImage image) throws IOException {
        int w = (int) image.getWidth(), h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, w, h, argb, 0, w);
        ImageIO.write(out, "png", file.toFile());
        System.out.println("Wrote " + file + " (" + w + "x" + h + ")");
    }

    /** The start-up dialog has no main window behind it: shoot its own scene. */
    private static WritableImage shootDialogs(Options o) throws Exception {
        if (o.wholeScreen()) return screen();
        return onFxGet(() -> {
            for (Window w : Window.getWindows()) {
                if (w.isShowing() && w.getScene() != null) return w.getScene().snapshot(null);
            }
            throw new IllegalStateException("No dialog is showing.");
        });
    }

    /** Everything on the (virtual) screen, dialogs included. */
    private static WritableImage screen() throws Exception {
        return onFxGet(() -> {
            Rectangle2D b = javafx.stage.Screen.getPrimary().getBounds();
            return new javafx.scene.robot.Robot().getScreenCapture(null, b);
        });
    }

    private static int write(Options o, WritableImage image) throws IOException {
        int w = (int) image.getWidth(), h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, w, h, argb, 0, w);
        Path file = o.out().toAbsolutePath();
        Files.createDirectories(file.getParent());
        ImageIO.write(out, "png", file.toFile());
        System.out.println("Wrote " + file + " (" + w + "x" + h + ")");
        return 0;
    }

    /**
     * Waits until no background work has run for a while and the scene has had time to lay out:
     * a few quiet checks in a row, each after the FX queue drained.
     */
    private static void settle() throws Exception {
        int quiet = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (quiet < 5 && System.nanoTime() < deadline) {
            boolean busy = onFxGet(() -> Background.busyProperty().get());
            quiet = busy ? 0 : quiet + 1;
            Thread.sleep(100);
        }
        Thread.sleep(300); // a pulse or two for layout and CSS after the last change
        onFx(() -> {});
    }

    private static void onFx(Runnable r) throws Exception {
        onFxGet(() -> {
            r.run();
            return null;
        });
    }

    private static <T> T onFxGet(Supplier<T> s) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(s.get());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(60, TimeUnit.SECONDS);
    }

    /** For callers that want the list of scenario names. */
    static List<String> scenarioNames() {
        return new ArrayList<>(Scenarios.ALL.keySet());
    }
}
