package org.devicedesk;

import java.util.List;

/**
 * Launcher for the packaged application: a main class that is not an {@link javafx.application.Application}
 * lets JavaFX start from the class path. A command ({@code devicedesk service}, {@code backup}, …; see
 * {@link Headless}) runs without a window and without loading JavaFX; {@code --help} prints the usage and a
 * wrong argument prints it to stderr with exit code 2, before any window. Otherwise it begins the start-up
 * work ({@link Startup}: logging, database, services) before JavaFX starts its toolkit, so the two run at
 * the same time.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (Headless.wantsHelp(args)) {
            System.out.println(Headless.USAGE);
            System.exit(Headless.OK);
        }
        if (Headless.isCommand(args)) {
            System.exit(new Headless(System.out, System.err).run(args));
        }
        try {
            LaunchOptions.parse(List.of(args));
        } catch (LaunchOptions.BadArguments e) {
            System.err.println(e.getMessage().replace(LaunchOptions.USAGE, Headless.USAGE));
            System.exit(Headless.USAGE_ERROR);
        }
        Desktop.launch(args);
    }

    /** Kept apart so that the headless path never resolves a JavaFX class. */
    private static final class Desktop {
        static void launch(String[] args) {
            Startup.begin(List.of(args));
            javafx.application.Application.launch(DeviceDesk.class, args);
        }
    }
}
