package org.devicedesk.core;

import java.io.IOException;
import java.util.Optional;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * A full disk or an input/output error, said as itself: "the disk is full; nothing was saved" rather
 * than a pointer to a log that sits on that same full disk. Recognises SQLite's SQLITE_FULL and
 * SQLITE_IOERR, PostgreSQL's disk_full (53100) and I/O errors (58030), and the operating system's
 * "No space left on device" from file writes (backups, exports).
 */
public final class StorageFailure {
    public static final String DISK_FULL = "The disk is full; nothing was saved. Free some space on the disk that holds the database"
            + " (or ask IT to), then try again.";
    public static final String SERVER_DISK_FULL = "The database server's disk is full; nothing was saved. Ask whoever runs the server"
            + " to free some space, then try again.";
    public static final String IO_ERROR = "The disk could not be read or written (an input/output error); nothing was saved."
            + " The disk may be failing or disconnected: ask IT to check it before going on.";

    private StorageFailure() {}

    /** The sentence for a storage failure anywhere in the cause chain, or empty when it is not one. */
    public static Optional<String> describe(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLiteException se && se.getResultCode() != null) {
                SQLiteErrorCode code = se.getResultCode();
                if (code == SQLiteErrorCode.SQLITE_FULL) return Optional.of(DISK_FULL);
                if (code.name().startsWith("SQLITE_IOERR")) return Optional.of(IO_ERROR);
            }
            if (c instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                if (sql.getSQLState().equals("53100")) return Optional.of(SERVER_DISK_FULL);
                if (sql.getSQLState().equals("58030")) return Optional.of(IO_ERROR);
            }
            String m = c.getMessage();
            if (m != null && (m.contains("No space left on device") || m.contains("SQLITE_FULL") || m.contains("database or disk is full"))) {
                return Optional.of(DISK_FULL);
            }
            if (c instanceof IOException && !(c instanceof java.nio.file.NoSuchFileException)
                    && !(c instanceof java.nio.file.AccessDeniedException) && m != null && m.contains("Input/output error")) {
                return Optional.of(IO_ERROR);
            }
        }
        return Optional.empty();
    }
}
