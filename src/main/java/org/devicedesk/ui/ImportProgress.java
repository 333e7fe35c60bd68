package org.devicedesk.ui;

import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.devicedesk.core.CsvImport;

/**
 * Issue 17 point 6: a CSV import's real progress, row by row, as the import dialog shows it: how far
 * ({@link #fraction}, for its progress bar) and in words what is being done, how many rows of how many, and
 * about how long is left (from how long the rows so far took). The import calls {@link #callback} on its
 * background thread; the properties change on {@code fx} (the FX thread in the app, the caller's in tests),
 * at most every {@link #EVERY_NANOS} and for the first and last row, so a file of 12,000 rows does not flood it.
 */
public final class ImportProgress {
    static final long EVERY_NANOS = 100_000_000L;

    private final String fileName;
    private final LongSupplier nanos;
    private final Executor fx;
    private final ReadOnlyDoubleWrapper fraction = new ReadOnlyDoubleWrapper(-1); // indeterminate until the first row
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private long started;
    private final AtomicLong lastShown = new AtomicLong(Long.MIN_VALUE);

    public ImportProgress(String fileName, LongSupplier nanos, Executor fx) {
        this.fileName = fileName;
        this.nanos = nanos;
        this.fx = fx;
    }

    /** For the app: System.nanoTime, shown on the FX thread. */
    public static ImportProgress onFxThread(String fileName) {
        return new ImportProgress(fileName, System::nanoTime, javafx.application.Platform::runLater);
    }

    /** How far, 0 to 1, or -1 before the first row is done (the progress bar's indeterminate). */
    public ReadOnlyDoubleProperty fraction() {
        return fraction.getReadOnlyProperty();
    }

    /** What is being done, in words. */
    public ReadOnlyStringProperty text() {
        return text.getReadOnlyProperty();
    }

    /** Called (on the caller's thread) as the import starts, for a file of {@code rows} rows. */
    public void start(int rows) {
        started = nanos.getAsLong();
        lastShown.set(Long.MIN_VALUE);
        fraction.set(-1);
        text.set(words(fileName, 0, rows, 0));
    }

    /** What the import calls after each row (on its own thread). */
    public CsvImport.Progress callback() {
        return (done, total) -> {
            long now = nanos.getAsLong();
            long last = lastShown.get();
            boolean due = last == Long.MIN_VALUE || done <= 1 || done >= total || now - last >= EVERY_NANOS;
            if (!due || !lastShown.compareAndSet(last, now)) return;
            double f = total <= 0 ? 1 : Math.min(1, (double) done / total);
            String words = words(fileName, done, total, now - started);
            fx.execute(() -> {
                fraction.set(f);
                text.set(words);
            });
        };
    }

    /**
     * "Importing row 120 of 1,200 from people.csv — about 30 seconds left." and, when every row is in,
     * that they are being saved; the time left is what the rows so far took, for the rows still to do.
     */
    static String words(String fileName, int done, int total, long elapsedNanos) {
        String of = String.format(Locale.UK, "%,d", total);
        String keep = " Nothing is kept unless every row goes in.";
        if (done >= total && total > 0) return "All " + of + (total == 1 ? " row" : " rows") + " from " + fileName + " checked; saving them…" + keep;
        if (done <= 0) return "Importing " + of + (total == 1 ? " row" : " rows") + " from " + fileName + "…" + keep;
        long leftSeconds = Math.round(elapsedNanos / 1e9 / done * (total - done));
        String left = leftSeconds < 5 ? "a few seconds left"
                : leftSeconds < 90 ? "about " + leftSeconds + " seconds left"
                : "about " + Math.round(leftSeconds / 60.0) + " minutes left";
        return "Importing row " + String.format(Locale.UK, "%,d", done) + " of " + of + " from " + fileName + " — " + left + "." + keep;
    }
}
