package org.devicedesk;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.devicedesk.core.Database;

/** The command-line arguments of SPEC section 8, parsed without JavaFX so they can be tested. */
public record LaunchOptions(Path db, String dbUrl, String dbUser, String dbPassword, boolean demo, String demoSize, Instant now) {

    public static final String USAGE = """
            Usage: devicedesk [--db PATH] [--db-url JDBC_URL [--db-user USER]] [--demo] [--demo-size normal|large] [--now ISO_INSTANT]
              --db PATH          the SQLite database file (default ~/.devicedesk/devicedesk.db, or DEVICEDESK_DB)
              --db-url URL       a shared PostgreSQL database instead, e.g. jdbc:postgresql://server/devicedesk?sslmode=verify-full
                                 (password from DEVICEDESK_DB_PASSWORD, PGPASSWORD or ~/.pgpass; --db-password also works)
              --demo             fill a new, empty database with believable synthetic data
              --demo-size large  with --demo: 100,000 devices and a large history, to feel the app at scale
              --now INSTANT      start the application clock at this instant, e.g. 2026-03-02T09:00:00Z""";

    /** A bad argument: the message says which and how to fix it. */
    public static final class BadArguments extends RuntimeException {
        public BadArguments(String message) { super(message + "\n\n" + USAGE); }
    }

    public static LaunchOptions parse(List<String> args) {
        Path db = null;
        String url = null, user = null, password = null, demoSize = "normal";
        boolean demo = false;
        Instant now = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--db" -> db = Path.of(value(args, ++i, a));
                case "--db-url" -> url = value(args, ++i, a);
                case "--db-user" -> user = value(args, ++i, a);
                case "--db-password" -> password = value(args, ++i, a);
                case "--demo" -> demo = true;
                case "--demo-size" -> {
                    demoSize = value(args, ++i, a);
                    if (!demoSize.equals("normal") && !demoSize.equals("large")) throw new BadArguments("--demo-size is normal or large, not " + demoSize + ".");
                    demo = true;
                }
                case "--now" -> {
                    String v = value(args, ++i, a);
                    try {
                        now = Instant.parse(v);
                    } catch (DateTimeParseException e) {
                        throw new BadArguments("--now needs an ISO instant such as 2026-03-02T09:00:00Z, not " + v + ".");
                    }
                }
                default -> throw new BadArguments("Unknown argument: " + a);
            }
        }
        if (db != null && url != null) throw new BadArguments("Give either --db or --db-url, not both.");
        if (db == null && url == null) db = Database.defaultFile();
        return new LaunchOptions(db, url, user, password, demo, demoSize, now);
    }

    private static String value(List<String> args, int i, String name) {
        if (i >= args.size() || args.get(i).startsWith("--")) throw new BadArguments(name + " needs a value.");
        return args.get(i);
    }

    public boolean usesDefaultFile() {
        return dbUrl == null && db.equals(Database.defaultFile());
    }
}
