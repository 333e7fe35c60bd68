package org.devicedesk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.devicedesk.testing.TestDb;
import org.devicedesk.ui.FormMessages;
import org.junit.jupiter.api.Test;

/** A full disk or an I/O error is said as itself, not as "see the log" (the log sits on that disk). */
class StorageFailureTest {
    @Test
    void sqliteRunningOutOfSpaceIsTheDiskIsFull() throws Exception {
        try (TestDb t = TestDb.create();
             Connection c = DriverManager.getConnection("jdbc:sqlite:" + t.dir.resolve("test.db")); Statement st = c.createStatement()) {
            // SQLite's own "database or disk is full", made real by capping the file at its current size
            long pages;
            try (var rs = st.executeQuery("PRAGMA page_count")) {
                rs.next();
                pages = rs.getLong(1);
            }
            st.execute("PRAGMA max_page_count = " + pages);
            SQLException full = assertThrows(SQLException.class, () -> {
                for (int i = 0; i < 10_000; i++) st.executeUpdate("INSERT INTO setting (key, value) VALUES ('k" + i + "', '" + "x".repeat(500) + "')");
            });
            RuntimeException asTheAppSeesIt = new org.jdbi.v3.core.statement.UnableToExecuteStatementException(full, null);
            assertEquals(Optional.of(StorageFailure.DISK_FULL), StorageFailure.describe(asTheAppSeesIt));
            assertEquals(StorageFailure.DISK_FULL, FormMessages.describe(asTheAppSeesIt));
            assertTrue(StorageFailure.DISK_FULL.startsWith("The disk is full; nothing was saved."));
        }
    }

    @Test
    void aFileWriteOnAFullDiskAndAnIoErrorEachHaveTheirOwnMessage() {
        UncheckedIOException noSpace = new UncheckedIOException(new IOException("No space left on device"));
        assertEquals(StorageFailure.DISK_FULL, FormMessages.describe(noSpace));
        UncheckedIOException io = new UncheckedIOException(new IOException("Input/output error"));
        assertEquals(StorageFailure.IO_ERROR, FormMessages.describe(io));
        assertEquals(Optional.empty(), StorageFailure.describe(new IllegalStateException("a bug")));
        assertTrue(FormMessages.describe(new IllegalStateException("a bug")).startsWith("Something went wrong"));
    }
}
