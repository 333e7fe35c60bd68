package org.devicedesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.devicedesk.core.CsvImport;
import org.junit.jupiter.api.Test;

/** Issue 17 point 6: the import dialog's view model turns the import's row-by-row progress into a bar and words (no window). */
class ImportProgressTest {
    private final AtomicLong now = new AtomicLong(0);
    private final List<Runnable> posted = new ArrayList<>();

    private ImportProgress progress() {
        return new ImportProgress("people.csv", now::get, posted::add);
    }

    private void runPosted() {
        posted.forEach(Runnable::run);
        posted.clear();
    }

    @Test
    void rowsDoneOfTheTotalWithTheTimeLeftFromTheRowsSoFar() {
        ImportProgress p = progress();
        p.start(1200);
        assertEquals(-1, p.fraction().get(), "indeterminate until the first row is in");
        assertEquals("Importing 1,200 rows from people.csv… Nothing is kept unless every row goes in.", p.text().get());
        CsvImport.Progress told = p.callback();
        now.set(50_000_000L); // the first row took 50 ms
        told.rowsDone(1, 1200);
        assertEquals(-1, p.fraction().get(), "changed on the FX thread, not the import's");
        runPosted();
        assertEquals(1 / 1200.0, p.fraction().get(), 1e-9);
        assertEquals("Importing row 1 of 1,200 from people.csv — about 60 seconds left. Nothing is kept unless every row goes in.", p.text().get());

        now.set(20_000_000_000L); // 300 rows in 20 s: 900 to go at a fifteenth of a second each
        told.rowsDone(300, 1200);
        runPosted();
        assertEquals(0.25, p.fraction().get(), 1e-9);
        assertEquals("Importing row 300 of 1,200 from people.csv — about 60 seconds left. Nothing is kept unless every row goes in.", p.text().get());

        now.set(100_000_000_000L);
        told.rowsDone(1199, 1200);
        runPosted();
        assertEquals("Importing row 1,199 of 1,200 from people.csv — a few seconds left. Nothing is kept unless every row goes in.", p.text().get());
        told.rowsDone(1200, 1200); // the last row is always shown, however soon after the one before
        runPosted();
        assertEquals(1.0, p.fraction().get(), 1e-9);
        assertEquals("All 1,200 rows from people.csv checked; saving them… Nothing is kept unless every row goes in.", p.text().get());
    }

    @Test
    void aLongImportSaysMinutesAndRowsInQuickSuccessionAreShownAtMostEveryTenthOfASecond() {
        ImportProgress p = progress();
        p.start(12_000);
        CsvImport.Progress told = p.callback();
        now.set(1_000_000_000L);
        told.rowsDone(100, 12_000); // 100 rows a second: 119 s to go
        now.set(1_050_000_000L);
        told.rowsDone(101, 12_000); // 50 ms later: not shown
        runPosted();
        assertEquals("Importing row 100 of 12,000 from people.csv — about 2 minutes left. Nothing is kept unless every row goes in.", p.text().get());
        now.set(1_100_000_000L);
        told.rowsDone(102, 12_000);
        assertEquals(1, posted.size(), "one update for the rows of one tenth of a second");
        runPosted();
        assertEquals(102 / 12_000.0, p.fraction().get(), 1e-9);
    }
}
