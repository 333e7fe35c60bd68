package org.devicedesk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.devicedesk.Services;
import org.devicedesk.people.Category;
import org.devicedesk.people.PersonDraft;
import org.devicedesk.testing.TestDb;
import org.junit.jupiter.api.Test;

/** The change feed on SQLite: two service stacks on one file (two copies of Device Desk) follow each other. */
class ChangeFeedTest {

    private static ChangeFeed.Change next(BlockingQueue<ChangeFeed.Change> seen, String type) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < until) {
            ChangeFeed.Change c = seen.poll(1, TimeUnit.SECONDS);
            if (c != null && c.concerns(type)) return c;
        }
        throw new AssertionError("no " + type + " change arrived within 60 s");
    }

    @Test
    void twoClientsOnOneSqliteFileSeeEachOthersChanges() throws Exception {
        try (TestDb a = TestDb.create(); Database second = Database.openSqlite(a.dir.resolve("test.db"))) {
            Services b = new Services(second, a.clock);
            BlockingQueue<ChangeFeed.Change> seenByB = new LinkedBlockingQueue<>();
            BlockingQueue<ChangeFeed.Change> seenByA = new LinkedBlockingQueue<>();
            try (AutoCloseable subB = b.db.changes().subscribe(seenByB::addAll); AutoCloseable subA = a.db.changes().subscribe(seenByA::addAll)) {
                long started;
                long id;
                ChangeFeed.Change seen;
                int tries = 0;
                do { // the first change may land before the feed's first look; the next one is then seen
                    started = System.nanoTime();
                    id = a.services.people.create(Session.system(), new PersonDraft("Sam Patel " + tries, null, "S" + tries, Category.EMPLOYEE, "Team A", null));
                    seen = seenByB.poll(5, TimeUnit.SECONDS);
                } while (seen == null && ++tries < 12);
                long millis = (System.nanoTime() - started) / 1_000_000;
                System.out.println("SQLite: client B saw client A's new person after " + millis + " ms");
                assertEquals("person", seen.recordType());
                assertEquals(String.valueOf(id), seen.recordId());
                assertEquals("system", seen.actor());
                assertTrue(millis <= 2000, "seen within 2 s, took " + millis + " ms");

                long other = b.people.create(Session.system(), new PersonDraft("Alex Jones", null, "S99", Category.EMPLOYEE, "Team A", null));
                ChangeFeed.Change c;
                do {
                    c = next(seenByA, "person");
                } while (!c.recordId().equals(String.valueOf(other)));
                assertEquals(String.valueOf(other), c.recordId(), "A follows B's change the same way");
            }
        }
    }

    @Test
    void aLargeBatchOfChangesComesAsOneReloadEverything() throws Exception {
        try (TestDb a = TestDb.create()) {
            BlockingQueue<ChangeFeed.Change> seen = new LinkedBlockingQueue<>();
            try (AutoCloseable sub = a.db.changes().subscribe(seen::addAll)) {
                // let the feed read the head first: a first change is then announced
                ChangeFeed.Change first;
                int tries = 0;
                do {
                    a.services.people.create(Session.system(), new PersonDraft("First " + tries, null, "F" + tries, Category.EMPLOYEE, "Team A", null));
                    first = seen.poll(5, TimeUnit.SECONDS);
                } while (first == null && ++tries < 12);
                seen.clear();
                a.db.inTransaction(h -> {
                    for (int i = 0; i < 250; i++) {
                        a.services.people.createInTransaction(h, Session.system(), new PersonDraft("Bulk " + i, null, "B" + i, Category.EMPLOYEE, "Team A", null));
                    }
                    return null;
                });
                ChangeFeed.Change c = seen.poll(60, TimeUnit.SECONDS);
                assertTrue(c != null && c.everything(), "250 changes at once: one 'reload everything', got " + c);
            }
        }
    }
}
