package org.devicedesk.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.devicedesk.Services;
import org.devicedesk.core.Audit;
import org.devicedesk.core.Database;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.incidents.Incident;
import org.devicedesk.people.Category;
import org.devicedesk.people.PersonDraft;
import org.devicedesk.testing.MutableClock;

/**
 * Several Device Desk clients on one database, each its own {@link Database} and {@link Services} as
 * separate computers would have, started together at a barrier. Shared by the SQLite and PostgreSQL tests.
 */
final class Office implements AutoCloseable {
    static final Instant NOW = Instant.parse("2026-03-04T10:00:00Z");
    static final String PASSWORD = "correct-horse-battery";

    /** The full sizes of the "Done when" (4 × 200 reports; 2 processes × 1000 saves) with -Ddevicedesk.concurrency.full=true. */
    static final boolean FULL = Boolean.getBoolean("devicedesk.concurrency.full");

    final List<Database> dbs = new ArrayList<>();
    final List<Services> clients = new ArrayList<>();

    Office(Supplier<Database> opener, int n) {
        for (int i = 0; i < n; i++) {
            Database db = opener.get();
            dbs.add(db);
            clients.add(new Services(db, new MutableClock(NOW)));
        }
    }

    Services client(int i) { return clients.get(i); }

    /** A person with an account holding the roles, made through the first client; returns the session. */
    Session person(String username, Role... roles) {
        Services s = clients.get(0);
        EnumSet<Role> set = EnumSet.copyOf(List.of(roles));
        long personId = s.db.inTransaction(h -> s.people.createInTransaction(h, Session.system(),
                new PersonDraft(name(username), null, null, Category.EMPLOYEE, "Team A", null)));
        long accountId = s.db.inTransaction(h -> s.accounts.createInTransaction(h, Session.system(), username, PASSWORD, personId, set));
        return new Session(accountId, username, personId, name(username), set);
    }

    static String name(String username) {
        return Character.toUpperCase(username.charAt(0)) + username.substring(1) + " Tester";
    }

    /** A password-compromise report needing no device: an incident and its DPO referral (INC- and BRE- numbers). */
    static Incident.Draft report(String marker) {
        return new Incident.Draft(Incident.Type.PASSWORD_COMPROMISED, null, null, null, null, null, null, marker,
                null, null, true, false, false, true);
    }

    /** Runs one task per client, all released together by a barrier; returns their results in order. */
    <T> List<T> together(int n, TaskFor<T> task) throws Exception {
        CyclicBarrier start = new CyclicBarrier(n);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int client = i;
                Callable<T> c = () -> {
                    start.await();
                    return task.run(client);
                };
                futures.add(pool.submit(c));
            }
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) out.add(f.get());
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    interface TaskFor<T> { T run(int client) throws Exception; }

    /** Every reference in a table, and checks they are all different. */
    List<String> references(String table) {
        List<String> refs = clients.get(0).db.read(h -> h.createQuery("SELECT reference FROM " + table).mapTo(String.class).list());
        assertEquals(refs.size(), new java.util.HashSet<>(refs).size(), "duplicate references in " + table);
        return refs;
    }

    void assertAuditIntact() {
        Audit.Verification v = clients.get(0).db.read(h -> Audit.verify(h, null));
        assertTrue(v.intact(), v.explanation());
    }

    int count(String sql) {
        return clients.get(0).db.read(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    @Override
    public void close() {
        dbs.forEach(Database::close);
    }
}
