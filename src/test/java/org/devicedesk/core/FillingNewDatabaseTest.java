package org.devicedesk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Database#fillingNewDatabase}: SQLite's {@code synchronous} is NORMAL (1) on every connection while a new
 * demo database fills, and FULL (2) again on every connection afterwards, also when the fill fails.
 */
class FillingNewDatabaseTest {
    @TempDir Path dir;

    private static final int NORMAL = 1, FULL = 2;

    @Test
    void everyConnectionFlushesEachCommitAgainOnceTheFillIsDone() {
        try (Database db = Database.openSqlite(dir.resolve("demo.db"))) {
            assertEquals(FULL, db.synchronousNow(), "a lost-device report must survive a power cut");
            assertEquals(1000, db.autocheckpointNow());
            assertEquals(List.of(NORMAL, NORMAL, NORMAL), db.fillingNewDatabase(() -> {
                assertEquals(NORMAL, (int) db.inTransaction(h -> synchronous(h)), "a write while filling");
                assertEquals(0, db.autocheckpointNow(), "one checkpoint at the end instead");
                return synchronousOfThreeAtOnce(db); // more connections than the one the fill uses
            }));
            assertEquals(List.of(FULL, FULL, FULL), synchronousOfThreeAtOnce(db), "each connection is back at FULL");
            assertEquals(FULL, (int) db.inTransaction(h -> synchronous(h)));
            assertEquals(1000, db.autocheckpointNow());
        }
    }

    @Test
    void aFillThatFailsLeavesFullBehindToo() {
        try (Database db = Database.openSqlite(dir.resolve("demo.db"))) {
            assertThrows(IllegalStateException.class, () -> db.fillingNewDatabase(() -> {
                db.useTransaction(h -> h.execute("CREATE TABLE filled (x INTEGER)"));
                throw new IllegalStateException("the demo failed half way");
            }));
            assertEquals(List.of(FULL, FULL, FULL), synchronousOfThreeAtOnce(db));
            assertEquals(0, (int) db.read(h -> h.createQuery("SELECT count(*) FROM filled").mapTo(Integer.class).one()),
                    "the table created before it failed stays");
        }
    }

    private static int synchronous(Handle h) {
        return h.createQuery("PRAGMA synchronous").mapTo(Integer.class).one();
    }

    private static List<Integer> synchronousOfThreeAtOnce(Database db) {
        List<Handle> open = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) open.add(db.jdbi().open());
            return open.stream().map(FillingNewDatabaseTest::synchronous).toList();
        } finally {
            open.forEach(Handle::close);
        }
    }
}
