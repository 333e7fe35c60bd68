package org.devicedesk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.devicedesk.core.AppClock;
import org.devicedesk.core.Database;
import org.devicedesk.demo.Demo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work before the first screen, off the JavaFX thread and started as early as possible: {@link Main}
 * begins it before JavaFX starts its toolkit, so the logging set-up, opening and migrating the database,
 * wiring the services and the queries the first screen needs run while the toolkit starts and the
 * "Opening …" window appears. The window then only waits for what is still running.
 */
final class Startup {
    private static Startup current;

    private final List<String> args;
    /** Null when the arguments are wrong. */
    final LaunchOptions options;
    /** The services and what the first screen shows; completes exceptionally with the problem. */
    final CompletableFuture<Ready> ready;
    /** What a long start-up (the large demo) is doing now, for the opening window; null while there is nothing to say. */
    final java.util.concurrent.atomic.AtomicReference<Progress> progress = new java.util.concurrent.atomic.AtomicReference<>();

    /** A line for the opening window and how far (0 to 1; below 0: no measure). */
    record Progress(String text, double fraction) {}

    /** What the first screen needs, read in the background. */
    static final class Ready {
        final StartedServices services;
        final boolean firstRun;
        /**
         * Set (and services null) when there is no database file yet: nothing has been created, and the
         * window asks the person whether to create a new, empty database at this path ({@link #createNew}).
         */
        final Path newFile;

        Ready(StartedServices services, boolean firstRun) {
            this.services = services;
            this.firstRun = firstRun;
            this.newFile = null;
        }

        private Ready(Path newFile) {
            this.services = null;
            this.firstRun = true;
            this.newFile = newFile;
        }

        boolean needsNewDatabase() {
            return newFile != null;
        }
    }

    /** Services plus the one-time demo message. */
    static final class StartedServices extends Services {
        String demoMessage;

        StartedServices(Database db, Clock clock) {
            super(db, clock);
        }
    }

    private Startup(List<String> args) {
        this.args = List.copyOf(args);
        LaunchOptions parsed;
        try {
            parsed = LaunchOptions.parse(this.args);
        } catch (LaunchOptions.BadArguments e) {
            System.err.println(e.getMessage());
            parsed = null;
        }
        options = parsed;
        if (options == null) {
            ready = CompletableFuture.failedFuture(new IllegalArgumentException("bad arguments"));
            return;
        }
        // logs go to the user's own app folder, never beside a database not yet judged usable: a mistyped
        // --db folder must not be created by the log (it then looked like a new, empty database); set before the first logger
        System.setProperty("devicedesk.logdir", appFolder().toString());
        ready = new CompletableFuture<>();
        Thread t = new Thread(this::run, "devicedesk-start");
        t.setDaemon(true);
        t.start();
    }

    /** Begins the start-up for these arguments, once: Main and DeviceDesk.init() both call it. */
    static synchronized Startup begin(List<String> args) {
        // an office in England: date pickers and other locale-formatted text read 4/3/2026 as 4 March, whatever the computer says
        java.util.Locale.setDefault(java.util.Locale.UK);
        if (current == null || !current.args.equals(args)) current = new Startup(args);
        return current;
    }

    private void run() {
        try {
            log(); // the logging set-up (logback reads its configuration), before the database logs anything
            ready.complete(open());
        } catch (Throwable t) {
            ready.completeExceptionally(t);
        }
    }

    /** The user's own Device Desk folder (~/.devicedesk): the log lives there, whatever database is opened. */
    static Path appFolder() {
        return Path.of(System.getProperty("user.home"), ".devicedesk");
    }

    private Ready open() throws Exception {
        if (options.dbUrl() == null && !Files.exists(options.db().toAbsolutePath()) && !options.demo()) {
            Path file = options.db().toAbsolutePath();
            // a missing folder (other than the default one) is a mistyped path: the clear dialog, nothing created
            if (!options.usesDefaultFile()) Database.checkCanCreate(file);
            return new Ready(file); // nothing is created until the person says so
        }
        return open(false);
    }

    /**
     * After the person said "create": makes the new, empty database at the path they were shown
     * (and the default folder, if that is where it goes), off the JavaFX thread.
     */
    CompletableFuture<Ready> createNew() {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return open(true);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
    }

    private Ready open(boolean create) throws Exception {
        Clock clock = options.now() != null ? AppClock.startingAt(options.now()) : AppClock.system();
        Database db;
        if (options.dbUrl() != null) {
            db = Database.openPostgres(options.dbUrl(), options.dbUser(), options.dbPassword());
        } else {
            if (options.usesDefaultFile() && (create || options.demo())) Files.createDirectories(options.db().toAbsolutePath().getParent());
            db = Database.openSqlite(options.db());
        }
        try {
            StartedServices services = new StartedServices(db, clock);
            if (options.demo()) {
                services.demoMessage = Demo.fillIfEmpty(services, options.demoSize(), (what, fraction, left) ->
                        progress.set(new Progress(org.devicedesk.demo.LargeDemo.Progress.inWords(what, fraction, left), fraction >= 1 ? -1 : fraction)));
                if (services.demoMessage != null) System.out.println(services.demoMessage);
            }
            try { // the daily backup: at the first start after midnight (office time); a failure never stops anyone working
                services.backups.dailyIfDue().ifPresent(b -> log().info("Daily backup made: {}", b.file()));
            } catch (RuntimeException e) {
                log().error("The daily backup failed", e);
            }
            boolean firstRun = services.accounts.needsFirstAdministrator();
            services.settings.values(); // read (and cached) now: the first screen shows the organisation's name
            return new Ready(services, firstRun);
        } catch (Exception | Error e) {
            db.close();
            throw e;
        }
    }

    private static Logger log() {
        return LoggerFactory.getLogger(DeviceDesk.class);
    }
}
