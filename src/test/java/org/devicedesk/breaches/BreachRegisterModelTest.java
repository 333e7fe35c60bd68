package org.devicedesk.breaches;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.devicedesk.breaches.BreachService.Outcome;
import org.devicedesk.core.Csv;
import org.devicedesk.core.Refused;
import org.devicedesk.ui.Tasks;
import org.junit.jupiter.api.Test;

/** The breach register's view model: filters, pages read from the database, the count and the export; no window. */
class BreachRegisterModelTest extends DpoModelTestBase {
    final List<Throwable> failures = new ArrayList<>();

    /** Cases the office became aware of one day apart, the first {@code n} days before now. */
    List<Long> cases(int n) {
        List<Long> ids = new ArrayList<>();
        for (int i = n; i >= 1; i--) ids.add(breaches.openDirect(dpo, "Email to the wrong address " + i, "List " + i, NOW.minus(Duration.ofDays(i))));
        return ids;
    }

    BreachRegisterModel model(int pageSize) {
        return new BreachRegisterModel(breaches, dpo, Tasks.direct(), pageSize);
    }

    void reload(BreachRegisterModel m) {
        AtomicBoolean loaded = new AtomicBoolean();
        m.reload(() -> loaded.set(true), r -> { throw new AssertionError(r); }, failures::add);
        assertTrue(failures.isEmpty(), failures.toString());
        assertTrue(loaded.get(), "loaded synchronously through Tasks.direct()");
    }

    static List<Long> ids(List<BreachCase> cases) {
        return cases.stream().map(BreachCase::id).toList();
    }

    @Test
    void theRegisterIsReadAPageAtATimeInTheOrderTheOfficeBecameAware() {
        List<Long> ids = cases(5);
        BreachRegisterModel m = model(2);
        reload(m);
        assertEquals(ids.subList(0, 2), ids(m.rows), "the first page only");
        assertTrue(m.hasMore().get());
        assertEquals("5 cases  ·  showing the first 2", m.count().get());
        m.more(failures::add);
        assertEquals(ids.subList(0, 4), ids(m.rows));
        m.more(failures::add);
        assertEquals(ids, ids(m.rows), "every case once, in order");
        assertFalse(m.hasMore().get());
        assertEquals("5 cases", m.count().get());
        m.more(failures::add);
        assertEquals(ids, ids(m.rows), "nothing more to read");
        assertTrue(failures.isEmpty(), failures.toString());
    }

    @Test
    void aFilterReadsItsFirstPageAgainAndTheCountCoversWhatItMatches() {
        List<Long> ids = cases(4);
        breaches.save(dpo, ids.get(3), BreachDraft.of(breaches.get(dpo, ids.get(3))).withStatus(BreachCase.Status.NOT_A_BREACH)
                .withRationale("A test email to ourselves"));
        BreachRegisterModel m = model(2);
        reload(m);
        m.more(failures::add);
        assertEquals(4, m.rows.size());
        m.outcome().set(Outcome.NOT_A_BREACH);
        reload(m);
        assertEquals(List.of(ids.get(3)), ids(m.rows));
        assertEquals("1 case", m.count().get());
        assertFalse(m.hasMore().get());
        m.outcome().set(null);
        m.fromText().set("02/03/2026"); // aware 2 and 3 March
        reload(m);
        assertEquals(ids.subList(2, 4), ids(m.rows));
        m.toText().set("02/03/2026");
        reload(m);
        assertEquals(List.of(ids.get(2)), ids(m.rows));
    }

    @Test
    void anUnreadableDateIsRefusedWithWhatWasTypedAndNothingIsRead() {
        cases(2);
        BreachRegisterModel m = model(10);
        reload(m);
        m.fromText().set("31/02/2026");
        AtomicReference<Refused> refused = new AtomicReference<>();
        m.reload(() -> { throw new AssertionError("nothing is read"); }, refused::set, failures::add);
        assertEquals("register-from", refused.get().problems().get(0).field());
        assertTrue(refused.get().problems().get(0).message().contains("\"31/02/2026\" is not a date"), refused.get().getMessage());
        assertEquals(2, m.rows.size(), "the rows of the last filters that could be read stay");
    }

    @Test
    void theExportWritesEveryMatchingCaseNotOnlyThePageShown() throws Exception {
        cases(3);
        BreachRegisterModel m = model(1);
        reload(m);
        assertEquals(1, m.rows.size());
        Path file = db.dir.resolve("register.csv");
        AtomicReference<String> said = new AtomicReference<>();
        m.export(file::toFile, said::set, failures::add);
        assertTrue(failures.isEmpty(), failures.toString());
        assertTrue(said.get().startsWith("3 cases exported to register.csv. For your records, the audit trail's anchor: event "), said.get());
        List<Csv.Row> rows = Csv.read(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        assertEquals(4, rows.size(), "the header and the three cases");

        AtomicReference<List<BreachCase>> printed = new AtomicReference<>();
        m.toPrint(printed::set, failures::add);
        assertEquals(3, printed.get().size(), "the printout covers every matching case too");
    }

    @Test
    void anExportWithAnUnreadableDateAsksForNoFileAndWritesNothing() {
        cases(1);
        BreachRegisterModel m = model(10);
        m.toText().set("yesterday-ish");
        AtomicBoolean asked = new AtomicBoolean();
        AtomicReference<String> said = new AtomicReference<>();
        m.export(() -> {
            asked.set(true);
            return db.dir.resolve("never.csv").toFile();
        }, said::set, failures::add);
        assertFalse(asked.get(), "no file is asked for");
        assertNull(said.get());
        assertInstanceOf(Refused.class, failures.get(0));
        assertFalse(Files.exists(db.dir.resolve("never.csv")));
    }
}
