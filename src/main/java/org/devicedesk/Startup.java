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

    /** What the first screen needs, read in the background. */
    static final class Ready {
        final StartedServices services;
        final boolean firstRun;

        Ready(StartedServices services, boolean firstRun) {
            this.services = services;
            this.firstRun = firstRun;
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
        // logs go to a rolling file beside the database; this must be set before the first logger
        Path logDir = options.dbUrl() == null && options.db().toAbsolutePath().getParent() != null
                ? options.db().toAbsolutePath().getParent() : Path.of(System.getProperty("user.home"), ".devicedesk");
        System.setProperty("devicedesk.logdir", logDir.toString());
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

    private Ready open() throws Exception {
        Clock clock = options.now() != null ? AppClock.startingAt(options.now()) : AppClock.system();
        Database db;
        if (options.dbUrl() != null) {
            db = Database.openPostgres(options.dbUrl(), options.dbUser(), options.dbPassword());
        } else {
            if (options.usesDefaultFile()) Files.createDirectories(options.db().toAbsolutePath().getParent());
            db = Database.openSqlite(options.db());
        }
        try {
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
