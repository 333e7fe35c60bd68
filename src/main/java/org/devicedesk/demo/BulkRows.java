package org.devicedesk.demo;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;

/**
 * Rows written in bulk into one table, inside the caller's transaction: on PostgreSQL through
 * {@code COPY ... FROM STDIN} (PgJDBC's CopyManager; a batch of separate INSERTs was most of the large
 * demo's 4.5 minutes there), on SQLite through one prepared statement's batches. Values are strings,
 * numbers or null; {@link #row} counts what was written for the progress line.
 */
final class BulkRows implements AutoCloseable {
    private static final int CHUNK = 20_000;

    private final Connection c;
    private final String table;
    private final String[] columns;
    private final boolean copy;
    private final PreparedStatement insert;
    private final StringBuilder csv = new StringBuilder();
    private final java.util.function.IntConsumer afterChunk;
    private int pending;

    BulkRows(Connection c, boolean postgres, String table, java.util.function.IntConsumer afterChunk, String... columns) throws SQLException {
        this.c = c;
        this.table = table;
        this.columns = columns;
        this.copy = postgres;
        this.afterChunk = afterChunk;
        this.insert = postgres ? null : c.prepareStatement("INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.length, "?")) + ")");
    }

    void row(Object... values) throws SQLException {
        if (values.length != columns.length) throw new IllegalArgumentException(table + ": " + values.length + " values for " + columns.length + " columns");
        if (copy) {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) csv.append(',');
                Object v = values[i];
                if (v == null) continue; // unquoted empty: NULL
                if (v instanceof Number) {
                    csv.append(v);
                } else {
                    csv.append('"').append(v.toString().replace("\"", "\"\"")).append('"'); // quoted: "" is an empty text, not NULL
                }
            }
            csv.append('\n');
        } else {
            for (int i = 0; i < values.length; i++) insert.setObject(i + 1, values[i]);
            insert.addBatch();
        }
        if (++pending >= CHUNK) flush();
    }

    void flush() throws SQLException {
        if (pending == 0) return;
        if (copy) {
            try {
                c.unwrap(org.postgresql.PGConnection.class).getCopyAPI().copyIn(
                        "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN (FORMAT csv)", new StringReader(csv.toString()));
            } catch (IOException e) {
                throw new SQLException("COPY into " + table + " failed: " + e.getMessage(), e);
            }
            csv.setLength(0);
        } else {
            insert.executeBatch();
        }
        int rows = pending;
        pending = 0;
        afterChunk.accept(rows);
    }

    @Override
    public void close() throws SQLException {
        flush();
        if (insert != null) insert.close();
    }
}
