package org.devicedesk;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.devicedesk.breaches.BreachService;
import org.devicedesk.core.AccessDenied;
import org.devicedesk.core.AppClock;
import org.devicedesk.core.Audit;
import org.devicedesk.core.Database;
import org.devicedesk.core.DatabaseProblem;
import org.devicedesk.core.Refused;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.mail.OutboxSender;
import org.devicedesk.mail.Reminders;

/**
 * The headless mode (SPEC section 10): commands for a server or a scheduled task, with no JavaFX loaded
 * ({@link Main} dispatches here before any JavaFX class is touched). Plain output; exit codes for scripts:
 * 0 done, 1 the work failed or found a problem, 2 wrong arguments, 3 the database could not be opened.
 */
final class Headless {
    static final int OK = 0, FAILED = 1, USAGE_ERROR = 2, DATABASE = 3;
    static final Set<String> COMMANDS = Set.of("service", "backup", "verify-audit", "export-register", "import");

    static final String USAGE = """
            Usage: devicedesk [--db PATH | --db-url JDBC_URL --db-user USER --db-password PASSWORD] [--demo] [--now ISO_INSTANT]
                   devicedesk COMMAND [database options]

            Without a command Device Desk opens its window. The commands run without a window, for servers and scheduled tasks:
              service [--once] [--poll-seconds N] [--reminder-seconds N]
                                   send the outbox's mail and the scheduled reminders until stopped (Ctrl+C, SIGTERM);
                                   --once: one pass, then exit (for a timer)
              backup               make a backup of the SQLite database now (the backups folder beside it)
              verify-audit         recompute the audit trail's hash chain; exit 1 and say where if it is broken
              export-register --out FILE
                                   write the breach register (every case, Article 33(5)) as CSV
              import devices FILE  import devices from a CSV file: every row or none, problems by line

            Database options (every command):
              --db PATH          the SQLite database file (default ~/.devicedesk/devicedesk.db, or DEVICEDESK_DB)
              --db-url URL       a shared PostgreSQL database instead, e.g. jdbc:postgresql://server/devicedesk
              --now INSTANT      run the clock from this instant, e.g. 2026-03-02T09:00:00Z (tests, demos)
              --help             this text

            Exit codes: 0 done, 1 the work failed or found a problem, 2 wrong arguments, 3 the database could not be opened.""";

    /** The actor the audit trail names for work done from the command line. */
    static final Session ACTOR = new Session(0, "service", null, "Device Desk service", EnumSet.allOf(Role.class));

    /**
     * Extra periodic jobs of {@code devicedesk service}, beside the mail sender and the reminders. The hook for the
     * directory sync (issue 19): {@code new Job("directory sync", 86_400, () -> services.directorySync.syncNow(ACTOR))}.
     * Not switched on here: SPEC section 11 has a person preview the sync before it is applied.
     */
    record Job(String name, long everySeconds, Runnable work) {}

    static List<Job> extraJobs(Services services) {
        return List.of();
    }

    private final PrintStream out;
    private final PrintStream err;

    Headless(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    static boolean isCommand(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    static boolean wantsHelp(String[] args) {
        for (String a : args) if (a.equals("--help") || a.equals("-h")) return true;
        return false;
    }

    int run(String[] argv) {
        List<String> args = new ArrayList<>(List.of(argv));
        logBesideTheDatabase(args);
        String command = args.remove(0);
        try {
            return switch (command) {
                case "service" -> service(args);
                case "backup" -> withServices(args, this::backup);
                case "verify-audit" -> withServices(args, this::verifyAudit);
                case "export-register" -> {
                    Path file = Path.of(take(args, "--out"));
                    yield withServices(args, s -> exportRegister(s, file));
                }
                case "import" -> {
                    if (args.size() < 2 || !args.get(0).equals("devices") || args.get(1).startsWith("--")) {
                        throw new LaunchOptions.BadArguments("import needs what and a file: devicedesk import devices FILE");
                    }
                    args.remove(0);
                    Path file = Path.of(args.remove(0));
                    yield withServices(args, s -> importDevices(s, file));
                }
                default -> throw new LaunchOptions.BadArguments("Unknown command: " + command);
            };
        } catch (LaunchOptions.BadArguments e) {
            err.println(e.getMessage().replace(LaunchOptions.USAGE, USAGE));
            return USAGE_ERROR;
        }
    }

    /** The log goes to devicedesk.log beside the database, as for the window (set before the first logger). */
    private static void logBesideTheDatabase(List<String> args) {
        if (System.getProperty("devicedesk.logdir") != null) return;
        int i = args.indexOf("--db");
        Path db = i >= 0 && i + 1 < args.size() ? Path.of(args.get(i + 1)) : args.contains("--db-url") ? null : Database.defaultFile();
        Path dir = db != null && db.toAbsolutePath().getParent() != null ? db.toAbsolutePath().getParent()
                : Path.of(System.getProperty("user.home"), ".devicedesk");
        System.setProperty("devicedesk.logdir", dir.toString());
    }

    /** Removes {@code --name VALUE} from the arguments and returns the value (required). */
    private static String take(List<String> args, String name) {
        int i = args.indexOf(name);
        if (i < 0 || i + 1 >= args.size() || args.get(i + 1).startsWith("--")) throw new LaunchOptions.BadArguments(name + " FILE is needed.");
        String v = args.get(i + 1);
        args.remove(i + 1);
        args.remove(i);
        return v;
    }

    private static long number(List<String> args, String name, long otherwise) {
        int i = args.indexOf(name);
        if (i < 0) return otherwise;
        String v = take(args, name);
        try {
            long n = Long.parseLong(v);
            if (n < 1) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new LaunchOptions.BadArguments(name + " needs a whole number of seconds, at least 1, not " + v + ".");
        }
    }

    interface Work { int apply(Services s) throws Exception; }

    private int withServices(List<String> args, Work work) {
        LaunchOptions options = LaunchOptions.parse(args);
        Services services;
        try {
            services = open(options);
        } catch (DatabaseProblem p) {
            err.println(p.getMessage());
            return DATABASE;
        }
        try (Database db = services.db) {
            return work.apply(services);
        } catch (Refused r) {
            r.messages().forEach(err::println);
            return FAILED;
        } catch (AccessDenied | IOException e) {
            err.println(e.getMessage());
            return FAILED;
        } catch (Exception e) {
            err.println("Failed: " + e);
            return FAILED;
        }
    }

    private static Services open(LaunchOptions options) {
        Clock clock = options.now() != null ? AppClock.startingAt(options.now()) : AppClock.system();
        Database db;
        if (options.dbUrl() != null) {
            db = Database.openPostgres(options.dbUrl(), options.dbUser(), options.dbPassword());
        } else {
            if (options.usesDefaultFile()) {
                try {
                    Files.createDirectories(options.db().toAbsolutePath().getParent());
                } catch (IOException e) {
                    // openSqlite explains a missing folder
                }
            }
            db = Database.openSqlite(options.db());
        }
        return new Services(db, clock);
    }

    // ---- service ----

    private int service(List<String> args) {
        boolean once = args.remove("--once");
        long poll = number(args, "--poll-seconds", 15);
        long reminderEvery = number(args, "--reminder-seconds", 300);
        return withServices(args, s -> {
            String name = "service@" + hostName() + ":" + ProcessHandle.current().pid();
            OutboxSender sender = s.mail.sender(name);
            Reminders reminders = s.mail.reminders();
            if (once) {
                int written = reminders.run();
                OutboxSender.Pass p = sender.runOnce();
                out.println("Reminders written: " + written + "; mail sent: " + p.sent() + ", to retry: " + p.retrying() + ", failed: " + p.failed());
                return p.failed() > 0 ? FAILED : OK;
            }
            CountDownLatch stop = new CountDownLatch(1);
            Thread hook = new Thread(stop::countDown, "devicedesk-service-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            out.println("Device Desk service on " + s.db.location() + ": sending mail every " + poll + " s, reminders every "
                    + reminderEvery + " s. Stop with Ctrl+C.");
            out.flush();
            List<Job> jobs = new ArrayList<>();
            jobs.add(new Job("reminders", reminderEvery, () -> {
                int n = reminders.run();
                if (n > 0) out.println("Reminders written: " + n);
            }));
            jobs.add(new Job("mail", poll, () -> {
                OutboxSender.Pass p = sender.runOnce();
                if (p.claimed() > 0) out.println("Mail sent: " + p.sent() + ", to retry: " + p.retrying() + ", failed: " + p.failed());
            }));
            jobs.addAll(extraJobs(s));
            long[] due = new long[jobs.size()];
            while (stop.getCount() > 0) {
                long nowNanos = System.nanoTime();
                for (int i = 0; i < jobs.size(); i++) {
                    if (nowNanos - due[i] >= 0) {
                        try {
                            jobs.get(i).work().run();
                        } catch (RuntimeException e) { // a failed pass is reported and tried again at its next turn
                            err.println(jobs.get(i).name() + " failed: " + e.getMessage());
                        }
                        out.flush();
                        due[i] = System.nanoTime() + TimeUnit.SECONDS.toNanos(jobs.get(i).everySeconds());
                    }
                }
                stop.await(Math.min(poll, 1), TimeUnit.SECONDS);
            }
            out.println("Device Desk service stopped.");
            return OK;
        });
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    // ---- the one-shot commands: thin wrappers over the services ----

    private int backup(Services s) {
        if (!s.backups.supported()) {
            err.println(org.devicedesk.backups.BackupService.POSTGRES_MESSAGE);
            return FAILED;
        }
        var b = s.backups.backupNow(ACTOR);
        out.println("Backup made: " + b.file());
        return OK;
    }

    private int verifyAudit(Services s) {
        Audit.Verification v = s.audit.verify(ACTOR, n -> { });
        if (v.intact()) {
            out.println("The audit trail is intact: " + v.eventsChecked() + " events checked.");
            return OK;
        }
        out.println("The audit trail is BROKEN" + (v.brokenAt() == null ? "" : " at event " + v.brokenAt()) + ": " + v.explanation());
        return FAILED;
    }

    private int exportRegister(Services s, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            int n = s.breaches.exportRegister(ACTOR, BreachService.RegisterQuery.all(), w);
            out.println("Breach register written to " + file + ": " + n + (n == 1 ? " case." : " cases."));
        }
        return OK;
    }

    private int importDevices(Services s, Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            err.println("The file " + file + " does not exist.");
            return FAILED;
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int n = s.devices.importer().importAll(ACTOR, r);
            out.println("Imported " + n + (n == 1 ? " device" : " devices") + " from " + file + ".");
        }
        return OK;
    }
}
