package org.devicedesk.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Opens the database (embedded SQLite by default, PostgreSQL for a shared office), applies the
 * migrations and checks integrity. Every problem that stops it being used becomes a
 * {@link DatabaseProblem}; the file is never deleted, replaced or re-created.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final int POOL_SIZE = 4;

    public enum Dialect { SQLITE, POSTGRESQL }

    private final Jdbi jdbi;
    private final Dialect dialect;
    private final String location;
    private final Path file;
    private final Pool pool;
    /** PostgreSQL only: the pool, and plain connections for Flyway and the change feed. */
    private final PostgresPool.Opened postgres;
    private ChangeFeed changes;
    private boolean ranFlyway;

    private Database(Pool pool, Dialect dialect, String location, Path file) {
        this(pool, null, dialect, location, file);
    }

    private Database(Pool pool, PostgresPool.Opened postgres, Dialect dialect, String location, Path file) {
        this.pool = pool;
        this.postgres = postgres;
        this.dialect = dialect;
        this.location = location;
        this.file = file;
        this.jdbi = postgres != null ? Jdbi.create(postgres.pool()) : Jdbi.create(pool);
        jdbi.define(Audit.DIALECT, dialect.name());
        jdbi.registerArgument(new AbstractArgumentFactory<Instant>(Types.VARCHAR) {
            @Override protected Argument build(Instant value, ConfigRegistry config) {
                return (pos, st, ctx) -> st.setString(pos, Times.store(value));
            }
        });
        jdbi.registerArgument(new AbstractArgumentFactory<LocalDate>(Types.VARCHAR) {
            @Override protected Argument build(LocalDate value, ConfigRegistry config) {
                return (pos, st, ctx) -> st.setString(pos, Times.store(value));
            }
        });
    }

    /** The default file: {@code DEVICEDESK_DB} or {@code ~/.devicedesk/devicedesk.db}. */
    public static Path defaultFile() {
        String env = System.getenv("DEVICEDESK_DB");
        if (env != null && !env.isBlank()) return Path.of(env);
        return Path.of(System.getProperty("user.home"), ".devicedesk", "devicedesk.db");
    }

    /**
     * Checks, without creating or changing anything, that a new database could be made at this path:
     * its folder exists and may be written. Throws the same {@link DatabaseProblem} as {@link #openSqlite}.
     */
    public static void checkCanCreate(Path file) {
        Path abs = file.toAbsolutePath();
        checkFolder(abs, abs.toString(), abs.getParent());
        if (isReadOnly(abs.getParent())) {
            throw new DatabaseProblem(DatabaseProblem.Kind.READ_ONLY, abs.toString(),
                    "The folder for the database is read-only, so the database cannot be created.",
                    "Ask IT to give your account write access to the folder, or give another path with --db.", null);
        }
    }

    private static void checkFolder(Path abs, String where, Path folder) {
        if (folder == null || !Files.isDirectory(folder)) {
            throw new DatabaseProblem(DatabaseProblem.Kind.MISSING_FOLDER, where,
                    "The folder for the database does not exist.",
                    "Check the path given with --db (or DEVICEDESK_DB), or create the folder " + folder + " and start Device Desk again.", null);
        }
    }

    /** Opens (creating when absent) a SQLite file; the folder must exist. */
    public static Database openSqlite(Path file) {
        Path abs = file.toAbsolutePath();
        String where = abs.toString();
        Path folder = abs.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new DatabaseProblem(DatabaseProblem.Kind.MISSING_FOLDER, where,
                    "The folder for the database does not exist.",
                    "Check the path given with --db (or DEVICEDESK_DB), or create the folder " + folder + " and start Device Desk again.", null);
        }
        boolean exists = Files.exists(abs);
        if (exists && !Files.isRegularFile(abs)) {
            throw new DatabaseProblem(DatabaseProblem.Kind.NOT_A_DATABASE, where,
                    "The database path is a folder, not a file.", "Give the path of a database file with --db.", null);
        }
        if (exists && isReadOnly(abs) || !exists && isReadOnly(folder)) {
            throw new DatabaseProblem(DatabaseProblem.Kind.READ_ONLY, where,
                    exists ? "The database file is read-only, so nothing could be saved."
                           : "The folder for the database is read-only, so the database cannot be created.",
                    "Ask IT to give your account write access to " + (exists ? "the file" : "the folder")
                            + ", or open a copy of it with --db. Device Desk has not changed it.", null);
        }
        if (exists) checkHeader(abs);

        SQLiteConfig config = new SQLiteConfig();
        // WAL is switched on in migrate(), after the checks: switching it rewrites the header of a file we may refuse
        config.enforceForeignKeys(true);
        config.setBusyTimeout(5000);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.setDateClass("TEXT");
        String url = "jdbc:sqlite:" + abs;
        Pool pool = new Pool(() -> config.createConnection(url));
        Database db = new Database(pool, Dialect.SQLITE, where, abs);
        try {
            db.prepare();
            return db;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * Opens a PostgreSQL database shared by the office, through a HikariCP pool (validated, bounded, with
     * connect, socket and statement timeouts: {@link PostgresPool}). A null password leaves it to the
     * driver's {@code ~/.pgpass} (or {@code PGPASSFILE}); {@code sslmode} and the other URL settings are kept.
     */
    public static Database openPostgres(String url, String user, String password) {
        PostgresPool.Opened opened;
        try {
            opened = PostgresPool.open(url, user, password);
        } catch (RuntimeException e) {
            throw PostgresPool.problem(url, user, e);
        }
        Database db = new Database(null, opened, Dialect.POSTGRESQL, PostgresPool.withoutSecrets(url), null);
        try {
            db.prepare();
            return db;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    private static boolean isReadOnly(Path path) {
        if (!Files.isWritable(path)) return true;
        try { // root passes access(2) on any file; honour the permission bits all the same
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(path);
            return !perms.contains(PosixFilePermission.OWNER_WRITE);
        } catch (UnsupportedOperationException | java.io.IOException e) {
            return false;
        }
    }

    /** A non-empty file must start with the SQLite header; anything else is refused untouched. */
    private static void checkHeader(Path file) {
        try (var in = Files.newInputStream(file)) {
            byte[] header = in.readNBytes(16);
            if (header.length == 0) return;
            if (!new String(header, java.nio.charset.StandardCharsets.ISO_8859_1).equals("SQLite format 3\0")) {
                throw notADatabase(file.toString(), null);
            }
        } catch (java.io.IOException e) {
            throw new DatabaseProblem(DatabaseProblem.Kind.READ_ONLY, file.toString(),
                    "The database file could not be read.", "Check that your account may read it. " + e.getMessage(), e);
        }
    }

    private static DatabaseProblem notADatabase(String where, Throwable cause) {
        return new DatabaseProblem(DatabaseProblem.Kind.NOT_A_DATABASE, where,
                "This file is not a Device Desk database (it is not an SQLite database at all).",
                "Check the path given with --db. Device Desk has not changed the file; to start afresh, give the path of a new file.", cause);
    }

    private void prepare() {
        try {
            if (dialect == Dialect.SQLITE) {
                Connection c = pool.openConnection();
                StringBuilder problems = new StringBuilder();
                try (Statement st = c.createStatement()) {
                    // touches the file: reveals "not a database", locks and read-only media before any change
                    st.execute("SELECT count(*) FROM sqlite_master");
                    try (var rs = st.executeQuery("PRAGMA quick_check")) {
                        while (rs.next()) {
                            String line = rs.getString(1);
                            if (!"ok".equalsIgnoreCase(line)) problems.append(line).append('\n');
                        }
                    }
                } finally {
                    pool.closeConnection(c);
                }
                if (!problems.isEmpty()) {
                    throw new DatabaseProblem(DatabaseProblem.Kind.CORRUPT, location,
                            "The database file is damaged: the integrity check found problems.\n" + problems.toString().strip(),
                            "Restore the latest backup (in the backups folder beside the database), or ask IT for help. Device Desk has not changed the file.", null);
                }
            }
            migrate();
        } catch (DatabaseProblem e) {
            throw e;
        } catch (Exception e) {
            throw translate(e);
        }
    }

    private void migrate() {
        String vendor = dialect == Dialect.SQLITE ? "sqlite" : "postgresql";
        // every vendor folder Flyway reads below is also listed here, so a new migration in either is noticed
        if (historyMatches(ShippedMigrations.versions("org/devicedesk/db/migration/common", "org/devicedesk/db/migration/" + vendor))) {
            ranFlyway = false; // up to date: loading Flyway to find nothing to do took most of a start-up (README, Performance)
            return;
        }
        ranFlyway = true;
        Flyway flyway = Flyway.configure()
                .dataSource(postgres != null ? postgres.plain() : poolDataSource(pool))
                .locations("classpath:org/devicedesk/db/migration/common", "classpath:org/devicedesk/db/migration/" + vendor)
                .placeholders(Map.of(
                        "pk", dialect == Dialect.SQLITE ? "INTEGER PRIMARY KEY" : "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"))
                .ignoreMigrationPatterns("*:missing")
                .load();
        if (dialect == Dialect.SQLITE && isSomeoneElsesDatabase()) {
            throw new DatabaseProblem(DatabaseProblem.Kind.NOT_A_DATABASE, location,
                    "This file is an SQLite database, but not a Device Desk database: it holds other tables and no Device Desk history.",
                    "Check the path given with --db. Device Desk has not changed the file; to start afresh, give the path of a new file.", null);
        }
        for (MigrationInfo info : flyway.info().all()) {
            if (info.getState() == MigrationState.FUTURE_SUCCESS || info.getState() == MigrationState.FUTURE_FAILED) {
                throw new DatabaseProblem(DatabaseProblem.Kind.NEWER_VERSION, location,
                        "This database was last used by a newer version of Device Desk (schema version "
                                + info.getVersion() + "), which this version does not understand.",
                        "Install the latest version of Device Desk, or open a different database with --db. The file has not been changed.", null);
            }
        }
        if (dialect == Dialect.SQLITE) jdbi.useHandle(h -> h.execute("PRAGMA journal_mode=WAL")); // persistent in the file
        flyway.migrate();
    }

    /**
     * The schema history holds exactly the shipped migrations, each applied successfully. Anything else —
     * a new file, a pending or failed migration, a version this build does not ship — goes through Flyway,
     * which migrates, refuses or explains. (Migrations are never edited once landed, so the versions suffice.)
     */
    private boolean historyMatches(Set<String> shipped) {
        if (shipped == null || shipped.isEmpty()) return false;
        return jdbi.withHandle(h -> {
            String exists = dialect == Dialect.SQLITE
                    ? "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'flyway_schema_history'"
                    : "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'flyway_schema_history'";
            if (h.createQuery(exists).mapTo(Integer.class).one() == 0) return false;
            Set<String> applied = new java.util.TreeSet<>();
            boolean[] clean = {true};
            h.createQuery("SELECT version, success FROM flyway_schema_history").map((rs, ctx) -> {
                String version = rs.getString(1);
                if (version == null || !rs.getBoolean(2) || !applied.add(version)) clean[0] = false;
                return version;
            }).list();
            return clean[0] && applied.equals(shipped);
        });
    }

    /** Whether opening this database ran Flyway (false: the schema was already up to date). */
    boolean ranFlyway() {
        return ranFlyway;
    }

    /** Tables but no Flyway history: another program's database, which migrating would change. */
    private boolean isSomeoneElsesDatabase() {
        return jdbi.withHandle(h -> {
            List<String> tables = h.createQuery("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
                    .mapTo(String.class).list();
            return !tables.isEmpty() && !tables.contains("flyway_schema_history");
        });
    }

    /** Turns a driver error into a clear problem; anything unknown stays a generic "cannot connect". */
    DatabaseProblem translate(Throwable e) {
        if (dialect == Dialect.POSTGRESQL) return PostgresPool.problem(location, postgres.user(), e);
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DatabaseProblem dp) return dp;
            if (t instanceof SQLiteException se) {
                SQLiteErrorCode code = se.getResultCode();
                String name = code == null ? "" : code.name();
                if (name.startsWith("SQLITE_NOTADB")) return notADatabase(location, e);
                if (name.startsWith("SQLITE_BUSY") || name.startsWith("SQLITE_LOCKED")) {
                    return new DatabaseProblem(DatabaseProblem.Kind.LOCKED, location,
                            "The database is locked by another program and did not become free within 5 seconds.",
                            "Close any other copy of Device Desk or database tool using this file, then try again.", e);
                }
                if (name.startsWith("SQLITE_READONLY") || name.startsWith("SQLITE_CANTOPEN") || name.startsWith("SQLITE_PERM")) {
                    return new DatabaseProblem(DatabaseProblem.Kind.READ_ONLY, location,
                            "The database could not be opened for writing.",
                            "Check that your account may write the file and its folder, then start Device Desk again.", e);
                }
                if (name.startsWith("SQLITE_CORRUPT")) {
                    return new DatabaseProblem(DatabaseProblem.Kind.CORRUPT, location,
                            "The database file is damaged.",
                            "Restore the latest backup, or ask IT for help. Device Desk has not changed the file.", e);
                }
            }
        }
        return cannotOpen(location, "Check the location and that the database server (if any) is running, then try again.", e);
    }

    /** Any other reason a database could not be opened: logged with its cause, and said with the innermost message. */
    static DatabaseProblem cannotOpen(String location, String advice, Throwable e) {
        LOG.error("Database could not be opened: {}", location, e);
        return new DatabaseProblem(DatabaseProblem.Kind.CANNOT_CONNECT, location,
                "Device Desk could not open the database: " + rootMessage(e), advice, e);
    }

    /** The innermost cause's message (or its class when it has none). */
    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    public Jdbi jdbi() { return jdbi; }

    public Dialect dialect() { return dialect; }

    /** A path for SQLite, the JDBC URL for PostgreSQL. */
    public String location() { return location; }

    /** The SQLite file, or null on PostgreSQL. */
    public Path file() { return file; }

    /**
     * One unit of work in one transaction (ADR 0008). Returns only once the work committed; throws only
     * when nothing of it was stored. SQLite: {@code BEGIN IMMEDIATE} and {@code COMMIT} are issued here on
     * a connection left in auto-commit (the driver's own commit() begins the next transaction at once,
     * which can fail after the commit succeeded); a busy database is retried with backoff before the work
     * starts, never after. PostgreSQL: every write first takes the audit head's row lock (every write
     * appends to the one audit chain, so they are serial there anyway), which fixes one lock order for
     * all writers; a deadlock or serialization failure rolls back and runs the work again.
     */
    public <R> R inTransaction(HandleCallback<R, RuntimeException> work) {
        Handle open = CURRENT.get();
        if (open != null) return work.withHandle(open); // a service called from inside another's transaction joins it
        return dialect == Dialect.SQLITE ? sqliteTransaction(work) : postgresTransaction(work);
    }

    /** The transaction this thread is in, so a nested call joins it rather than waiting for its own lock. */
    private static final ThreadLocal<Handle> CURRENT = new ThreadLocal<>();

    private static <R> R joined(Handle h, HandleCallback<R, RuntimeException> work) {
        CURRENT.set(h);
        try {
            return work.withHandle(h);
        } finally {
            CURRENT.remove();
        }
    }

    public void useTransaction(java.util.function.Consumer<Handle> work) {
        inTransaction(h -> {
            work.accept(h);
            return null;
        });
    }

    /** How long a write waits for another process's write before telling the person (busy_timeout per attempt included). */
    static final int BEGIN_ATTEMPTS = 12;
    private static final java.util.concurrent.atomic.AtomicLong BUSY_RETRIES = new java.util.concurrent.atomic.AtomicLong();

    /** How many times, in this process, starting a write found SQLite busy past its busy timeout and was tried again. */
    public static long busyRetries() {
        return BUSY_RETRIES.get();
    }
    private static final int PG_ATTEMPTS = 8;

    private <R> R sqliteTransaction(HandleCallback<R, RuntimeException> work) {
        try (Handle h = jdbi.open()) {
            begin(h);
            R result;
            try {
                result = joined(h, work);
            } catch (RuntimeException e) {
                rollback(h, e);
                throw markNothingSaved(e);
            } catch (Error e) {
                rollback(h, e);
                throw e;
            }
            try {
                h.execute("COMMIT");
            } catch (RuntimeException e) {
                // COMMIT either stores everything or nothing; when it failed, make sure nothing stays open
                rollback(h, e);
                throw markNothingSaved(e);
            }
            return result;
        }
    }

    /** BEGIN IMMEDIATE, taking the write lock before any work; SQLITE_BUSY is retried here, with backoff. */
    private void begin(Handle h) {
        long backoff = 20;
        for (int attempt = 1; ; attempt++) {
            try {
                h.execute("BEGIN IMMEDIATE");
                return;
            } catch (RuntimeException e) {
                if (!isBusy(e)) throw markNothingSaved(e);
                if (attempt >= BEGIN_ATTEMPTS) {
                    LOG.warn("The database stayed busy through {} attempts to start a write: {}", attempt, location, e);
                    Refused busy = Refused.because("The database is busy: another copy of Device Desk has been saving "
                            + "for a long time. Nothing was saved; try again in a moment.");
                    busy.initCause(e); // callers that word their own message (a backup) can still tell it was busy
                    throw markNothingSaved(busy);
                }
                BUSY_RETRIES.incrementAndGet();
                LOG.info("Database busy starting a write (attempt {}), retrying", attempt);
                pause(backoff + java.util.concurrent.ThreadLocalRandom.current().nextLong(backoff));
                backoff = Math.min(backoff * 2, 1000);
            }
        }
    }

    private <R> R postgresTransaction(HandleCallback<R, RuntimeException> work) {
        long backoff = 10;
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbi.inTransaction(h -> {
                    h.createQuery("SELECT last_seq FROM audit_head WHERE id = 1 FOR UPDATE").mapTo(Long.class).findOne();
                    return joined(h, work);
                });
            } catch (RuntimeException e) {
                // a failed COMMIT (the connection lost on the way) may or may not have stored it: never claim either
                if (e instanceof org.jdbi.v3.core.transaction.TransactionException && String.valueOf(e.getMessage()).contains("commit")) throw unreachable(e, true);
                if (!isRetryablePostgres(e) || attempt >= PG_ATTEMPTS) throw markNothingSaved(unreachable(e, true));
                LOG.info("PostgreSQL asked for the transaction to be run again (attempt {})", attempt);
                pause(backoff + java.util.concurrent.ThreadLocalRandom.current().nextLong(backoff));
                backoff = Math.min(backoff * 2, 500);
            }
        }
    }

    private static void rollback(Handle h, Throwable cause) {
        try {
            h.execute("ROLLBACK");
        } catch (RuntimeException e) {
            // "no transaction is active": SQLite already rolled it back (e.g. after a failed COMMIT)
            if (!String.valueOf(e.getMessage()).contains("no transaction is active")) cause.addSuppressed(e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis); // backoff between attempts to take the write lock, not a wait in a test
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw markNothingSaved(Refused.because("The save was interrupted before it started. Nothing was saved; try again."));
        }
    }

    /** SQLITE_BUSY or SQLITE_LOCKED anywhere in the causes (also behind the refusal after the retries ran out). */
    public static boolean isBusy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException se && se.getResultCode() != null) {
                String name = se.getResultCode().name();
                if (name.startsWith("SQLITE_BUSY") || name.startsWith("SQLITE_LOCKED")) return true;
            }
            String m = t.getMessage();
            if (m != null && (m.contains("SQLITE_BUSY") || m.contains("database is locked"))) return true;
        }
        return false;
    }

    private static boolean isRetryablePostgres(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException se && ("40001".equals(se.getSQLState()) || "40P01".equals(se.getSQLState()))) return true;
        }
        return false;
    }

    /**
     * Marks a failure of the write path as "rolled back, nothing stored" so the screens can say so; a
     * failure without the mark (after a save, in a read) never claims that.
     */
    static <T extends Throwable> T markNothingSaved(T e) {
        if (!nothingSaved(e)) e.addSuppressed(new NothingSaved());
        return e;
    }

    /** Whether this failure came from a write that stored nothing. */
    public static boolean nothingSaved(Throwable e) {
        for (Throwable s : e.getSuppressed()) if (s instanceof NothingSaved) return true;
        return false;
    }

    /** The mark of {@link #markNothingSaved}; never thrown. */
    static final class NothingSaved extends RuntimeException {
        NothingSaved() { super("rolled back: nothing of this transaction was stored", null, false, false); }
    }

    public <R> R read(HandleCallback<R, RuntimeException> work) {
        if (postgres == null) return jdbi.withHandle(work);
        try {
            return jdbi.withHandle(work);
        } catch (RuntimeException e) {
            throw unreachable(e, false);
        }
    }

    /** On PostgreSQL, a server that went away or stopped answering becomes one clear {@link DatabaseUnavailable}. */
    private RuntimeException unreachable(RuntimeException e, boolean saving) {
        DatabaseUnavailable.Reason reason = PostgresPool.unreachable(e);
        if (reason == null) return e;
        LOG.warn("Database server unreachable ({}, {})", reason, saving ? "while saving" : "while reading", e);
        try {
            var bean = postgres.pool().getHikariPoolMXBean();
            if (bean != null) bean.softEvictConnections(); // the others were opened to the same server: none is handed out unchecked
        } catch (RuntimeException ignored) {
            // the pool is closing
        }
        ChangeFeed feed;
        synchronized (this) { feed = changes; }
        if (feed != null) feed.reportUnreachable();
        return new DatabaseUnavailable(reason, saving, e);
    }

    /** What other clients and this one change, for screens that follow it (started by its first subscriber). */
    public synchronized ChangeFeed changes() {
        if (changes == null) changes = new ChangeFeed(this, postgres == null ? null : postgres::listenConnection);
        return changes;
    }

    public int schemaVersion() {
        return read(h -> h.createQuery("SELECT max(CAST(version AS INTEGER)) FROM flyway_schema_history WHERE success = " + (dialect == Dialect.SQLITE ? "1" : "true"))
                .mapTo(Integer.class).findOne().orElse(0));
    }

    @Override
    public void close() {
        synchronized (this) {
            if (changes != null) changes.close();
        }
        if (pool != null) pool.closeAll();
        if (postgres != null) postgres.pool().close();
    }

    /**
     * SQLite: runs {@code work}, the filling of a new demo database, with {@code PRAGMA synchronous=NORMAL} on
     * every connection it (or anything else meanwhile) borrows, and {@code FULL} again on each connection's next
     * borrow afterwards. In WAL mode NORMAL commits without waiting for the disk: a crash of the app loses
     * nothing, a power cut may lose the last commits but never corrupts the file. Meanwhile no automatic
     * checkpoint runs ({@code wal_autocheckpoint=0}, 1000 again after). Every write is still one transaction with
     * its audit event. On return (or failure) the log is checkpointed at FULL and emptied, so what was filled is
     * on the disk before anyone works in it. PostgreSQL: runs it as it is.
     */
    public <R> R fillingNewDatabase(java.util.function.Supplier<R> work) {
        if (pool == null) return work.get();
        pool.relaxed.incrementAndGet();
        try {
            return work.get();
        } finally {
            pool.relaxed.decrementAndGet();
            try { // with FULL again, the checkpoint syncs the log and then the file, and empties the log
                jdbi.useHandle(h -> h.createQuery("PRAGMA wal_checkpoint(TRUNCATE)").mapToMap().list());
            } catch (RuntimeException e) {
                LOG.warn("Checkpoint after filling {} failed; the next save flushes the log to the disk", location, e);
            }
        }
    }

    /** SQLite: the {@code PRAGMA synchronous} a connection borrowed now gets (1 NORMAL, 2 FULL); for tests. */
    int synchronousNow() {
        return jdbi.withHandle(h -> h.createQuery("PRAGMA synchronous").mapTo(Integer.class).one());
    }

    /** SQLite: the {@code PRAGMA wal_autocheckpoint} a connection borrowed now gets; for tests. */
    int autocheckpointNow() {
        return jdbi.withHandle(h -> h.createQuery("PRAGMA wal_autocheckpoint").mapTo(Integer.class).one());
    }

    /** A few reusable connections: opening SQLite and setting its pragmas on every call costs more than the work. */
    static final class Pool implements ConnectionFactory {
        interface Opener { Connection open() throws SQLException; }

        private final Opener opener;
        private final BlockingQueue<Connection> idle = new ArrayBlockingQueue<>(POOL_SIZE);
        private volatile boolean closed;
        /** Above 0 while {@link #fillingNewDatabase} runs: connections are handed out at synchronous=NORMAL. */
        final java.util.concurrent.atomic.AtomicInteger relaxed = new java.util.concurrent.atomic.AtomicInteger();
        /** The connections last set to NORMAL (every connection opens at FULL). */
        private final Set<Connection> atNormal = java.util.Collections.synchronizedSet(
                java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));

        Pool(Opener opener) { this.opener = opener; }

        @Override
        public Connection openConnection() throws SQLException {
            if (closed) throw new SQLException("The database has been closed.");
            Connection c = idle.poll();
            if (c == null) c = opener.open();
            boolean normal = relaxed.get() > 0;
            if (normal != atNormal.contains(c)) {
                try (Statement st = c.createStatement()) {
                    st.execute(normal ? "PRAGMA synchronous=NORMAL" : "PRAGMA synchronous=FULL");
                    // no checkpoint (and its flush of the file) every 1,000 pages meanwhile: the fill ends with one
                    st.execute(normal ? "PRAGMA wal_autocheckpoint=0" : "PRAGMA wal_autocheckpoint=1000");
                }
                if (normal) atNormal.add(c); else atNormal.remove(c);
            }
            return c;
        }

        @Override
        public void closeConnection(Connection c) throws SQLException {
            if (c.isClosed()) {
                atNormal.remove(c);
                return;
            }
            if (!c.getAutoCommit()) {
                c.rollback();
                c.setAutoCommit(true);
            }
            if (closed || !idle.offer(c)) {
                atNormal.remove(c);
                c.close();
            }
        }

        void closeAll() {
            closed = true;
            Connection c;
            while ((c = idle.poll()) != null) {
                try { c.close(); } catch (SQLException ignored) { /* closing anyway */ }
            }
        }
    }

    /** Flyway wants a DataSource; it borrows from the same pool. */
    private static ConnectionSource poolDataSource(Pool pool) {
        return new ConnectionSource() {
            @Override public Connection getConnection() throws SQLException {
                return pool.opener.open();
            }
        };
    }
}
