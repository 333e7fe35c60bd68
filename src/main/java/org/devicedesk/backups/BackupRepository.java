package org.devicedesk.backups;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.jdbi.v3.core.Handle;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;

/** The only SQL for backups: SQLite's online copy, its integrity check and its restore. */
final class BackupRepository {

    /** A consistent snapshot of the live database in one read transaction, even while others write. */
    void vacuumInto(Handle h, Path target) {
        h.execute("VACUUM INTO ?", target.toAbsolutePath().toString());
    }

    /** {@code PRAGMA integrity_check} on a file opened read-only: empty when the file is sound. */
    List<String> integrityProblems(Path file) {
        List<String> problems = new ArrayList<>();
        try (Connection c = openReadOnly(file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            while (rs.next()) {
                String line = rs.getString(1);
                if (!"ok".equalsIgnoreCase(line)) problems.add(line);
            }
        } catch (SQLException e) {
            problems.add(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        return problems;
    }

    /** The highest migration applied in a backup file; -1 when it is not a Device Desk database. */
    int schemaVersion(Path file) {
        try (Connection c = openReadOnly(file); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'flyway_schema_history'")) {
                if (!rs.next() || rs.getInt(1) == 0) return -1;
            }
            try (ResultSet rs = st.executeQuery("SELECT max(CAST(version AS INTEGER)) FROM flyway_schema_history WHERE success = 1")) {
                return rs.next() ? rs.getInt(1) : -1;
            }
        } catch (SQLException e) {
            return -1;
        }
    }

    /**
     * Copies {@code source} over the live database through SQLite's backup API on one of the pool's
     * connections: the file stays open, other connections see the restored content. Reports pages done.
     */
    void restoreFrom(Handle h, Path source, BiConsumer<Integer, Integer> pagesRemainingOfTotal) {
        try {
            SQLiteConnection c = h.getConnection().unwrap(SQLiteConnection.class);
            int rc = c.getDatabase().restore("main", source.toAbsolutePath().toString(),
                    (remaining, total) -> pagesRemainingOfTotal.accept(remaining, total));
            if (rc != 0) throw new SQLException("SQLite refused the restore (result code " + rc + ")");
        } catch (SQLException e) {
            throw new IllegalStateException("The restore could not be completed: " + e.getMessage(), e);
        }
    }

    static Connection openReadOnly(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }
}
