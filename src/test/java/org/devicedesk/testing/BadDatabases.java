package org.devicedesk.testing;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.devicedesk.core.Database;
import org.devicedesk.core.DatabaseProblem;

/**
 * Makes each kind of database Device Desk must refuse (SPEC section 8), for the tests and for the
 * screenshot of the start-up problem dialog. Files are damaged behind the application's back with
 * plain JDBC and file writes.
 */
public final class BadDatabases {
    private BadDatabases() {}

    /** A path whose folder does not exist. */
    public static Path missingFolder(Path dir) {
        return dir.resolve("no-such-folder").resolve("devicedesk.db");
    }

    /** A text file where the database should be. */
    public static Path notADatabase(Path dir) {
        Path f = dir.resolve("notes.db");
        write(f, "Shopping list\nmilk\nbread\n".repeat(200));
        return f;
    }

    /** A real Device Desk database with its permission bits set to read-only (chmod 444). */
    public static Path readOnly(Path dir) {
        Path f = realDatabase(dir, "read-only.db");
        try {
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("r--r--r--"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return f;
    }

    /** A real database that a newer version has migrated: a future row in flyway_schema_history. */
    public static Path newerVersion(Path dir) {
        Path f = realDatabase(dir, "newer.db");
        jdbc(f, st -> st.executeUpdate("""
                INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success)
                VALUES (9999, '999', 'from the future', 'SQL', 'V999__from_the_future.sql', 0, 'tester', '2030-01-01 00:00:00', 1, 1)"""));
        return f;
    }

    /** A real database with some of its pages overwritten with junk (the header left intact). */
    public static Path corrupt(Path dir) {
        Path f = realDatabase(dir, "corrupt.db");
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            long pageSize = 4096;
            // page 1 holds the schema after the 100-byte header; damage it and every page after the first few
            raf.seek(100);
            raf.write(junk(1200));
            for (long page = 3; page * pageSize < raf.length(); page += 2) {
                raf.seek(page * pageSize + 8);
                raf.write(junk(512));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return f;
    }

    /** Junk that is not zeros (zeros can look like empty space to SQLite). */
    private static byte[] junk(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) (0xA5 ^ (i * 31));
        return b;
    }

    /**
     * A real database in rollback-journal mode with another connection holding an exclusive lock;
     * close the returned lock to release it.
     */
    public static Locked locked(Path dir) {
        Path f = realDatabase(dir, "locked.db");
        jdbc(f, st -> st.execute("PRAGMA journal_mode=DELETE"));
        try {
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + f);
            try (Statement st = c.createStatement()) {
                // exclusive locking mode keeps the lock after the transaction, until the connection closes
                st.execute("PRAGMA locking_mode=EXCLUSIVE");
                st.execute("BEGIN EXCLUSIVE");
                st.execute("COMMIT");
            }
            return new Locked(f, c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A file held by another connection until this is closed. */
    public record Locked(Path file, Connection holder) implements AutoCloseable {
        @Override public void close() {
            try {
                holder.close();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A Device Desk database with its migrations applied, closed again. */
    public static Path realDatabase(Path dir, String name) {
        Path f = dir.resolve(name);
        Database.openSqlite(f).close();
        return f;
    }

    /** The problem Device Desk reports for one kind ({@code not-a-database}, {@code newer-version}, ...). */
    public static DatabaseProblem problem(String kind, Path dir) {
        Path f = switch (kind) {
            case "missing-folder" -> missingFolder(dir);
            case "not-a-database" -> notADatabase(dir);
            case "read-only" -> readOnly(dir);
            case "newer-version" -> newerVersion(dir);
            case "corrupt" -> corrupt(dir);
            case "locked" -> null;
            default -> throw new IllegalArgumentException("Unknown problem " + kind
                    + "; use missing-folder, not-a-database, read-only, newer-version, corrupt or locked.");
        };
        if (f == null) {
            try (Locked l = locked(dir)) {
                return open(l.file());
            }
        }
        return open(f);
    }

    private static DatabaseProblem open(Path f) {
        try {
            Database.openSqlite(f).close();
        } catch (DatabaseProblem p) {
            return p;
        }
        throw new IllegalStateException("Device Desk opened " + f + " without complaint.");
    }

    interface SqlWork { void run(Statement st) throws SQLException; }

    static void jdbc(Path f, SqlWork work) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f); Statement st = c.createStatement()) {
            work.run(st);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path f, String text) {
        try {
            Files.writeString(f, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
