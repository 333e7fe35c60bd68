package org.devicedesk.core;

import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Imports a CSV file in one transaction: every row or none (SPEC section 7). The first line names the
 * columns; each row is handed to the feature's rule (which creates the record through its service and
 * throws {@link Refused} when a rule says no); every problem is reported as "Line N, column c: why".
 * A preview runs exactly the same work and then rolls it back, so what it says is what an import would do.
 * Cells neutralised by an export ('=...) are read back as they were.
 */
public final class CsvImport {
    private static final int MAX_PROBLEMS = 100;
    private static final int SAMPLE_ROWS = 20;

    private CsvImport() {}

    /** One data row: the line it starts on and its cells by column name (blank cells are ""). */
    public record Row(int line, Map<String, String> cells) {
        public String get(String column) {
            String v = cells.get(column);
            return v == null ? "" : v;
        }

        /** The cell, stripped, or null when blank. */
        public String value(String column) {
            String v = get(column).strip();
            return v.isEmpty() ? null : v;
        }
    }

    /** A feature's rule for one row, inside the import's transaction. */
    @FunctionalInterface
    public interface RowRule {
        void apply(Handle h, Row row);

        /** Called once with every well-formed row before the first {@link #apply}, so a rule can look up in bulk what the rows name. */
        default void prepare(Handle h, List<Row> rows) {}
    }

    /** Told after each line of the file is done ({@code done} of {@code total} data lines), on the import's own thread. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total) -> { };

        void rowsDone(int done, int total);
    }

    /** What the import would do: how many rows, the header, the first rows, and every problem found. */
    public record Preview(int rowCount, List<String> header, List<List<String>> sample, List<String> problems) {
        public boolean ok() {
            return problems.isEmpty() && rowCount > 0;
        }
    }

    /** The shape of one kind of file. {@code ignored} columns (e.g. an export's "holder") are allowed but not read. */
    public record Format(String what, List<String> columns, List<String> required, List<String> ignored) {}

    /** Checks and runs the whole file, then rolls everything back. */
    public static Preview preview(Database db, Reader in, Format format, RowRule rule) {
        List<Csv.Row> rows = Csv.read(in);
        Preview[] result = new Preview[1];
        try {
            db.useTransaction(h -> {
                result[0] = run(h, rows, format, rule, Progress.NONE);
                throw new RollBack();
            });
        } catch (RollBack expected) {
            // a preview never keeps anything
        }
        return result[0];
    }

    /**
     * Imports the whole file in the caller's transaction; throws {@link Refused} with every problem
     * (and so rolls back) unless every row is accepted. Returns the number of rows imported.
     */
    public static int importAll(Handle h, Reader in, Format format, RowRule rule) {
        return importAll(h, in, format, rule, Progress.NONE);
    }

    /** As {@link #importAll(Handle, Reader, Format, RowRule)}, telling {@code progress} after each line (issue 17: real progress). */
    public static int importAll(Handle h, Reader in, Format format, RowRule rule, Progress progress) {
        Preview p = run(h, Csv.read(in), format, rule, progress);
        if (!p.problems().isEmpty()) {
            List<Refused.Problem> problems = new ArrayList<>();
            problems.add(new Refused.Problem(null, "Nothing was imported: the file has " + countProblems(p) + ". Correct the file and import it again."));
            p.problems().forEach(m -> problems.add(new Refused.Problem(null, m)));
            throw new Refused(problems);
        }
        if (p.rowCount() == 0) throw Refused.because("The file has no " + format.what() + " to import: only a header line, or nothing at all.");
        return p.rowCount();
    }

    private static String countProblems(Preview p) {
        int n = p.problems().size();
        return n == 1 ? "1 problem" : (n > MAX_PROBLEMS ? "more than " + MAX_PROBLEMS : n) + " problems";
    }

    private static final class RollBack extends RuntimeException {
        RollBack() {
            super(null, null, false, false);
        }
    }

    private static Preview run(Handle h, List<Csv.Row> rows, Format format, RowRule rule, Progress progress) {
        List<String> problems = new ArrayList<>();
        if (rows.isEmpty()) {
            problems.add("The file is empty. The first line must name the columns: " + String.join(", ", format.columns()) + ".");
            return new Preview(0, List.of(), List.of(), problems);
        }
        Csv.Row headerRow = rows.get(0);
        List<String> header = new ArrayList<>();
        for (String cell : headerRow.fields()) header.add(columnName(cell));
        for (int i = 0; i < header.size(); i++) {
            String c = header.get(i);
            if (c.isEmpty()) continue;
            if (!format.columns().contains(c) && !format.ignored().contains(c)) {
                problems.add("Line " + headerRow.line() + ", column " + (i + 1) + ": \"" + headerRow.get(i).strip() + "\" is not a column Device Desk knows."
                        + " The columns are: " + String.join(", ", format.columns()) + ".");
            } else if (header.indexOf(c) != i) {
                problems.add("Line " + headerRow.line() + ": the column " + c + " appears twice.");
            }
        }
        for (String required : format.required()) {
            if (!header.contains(required)) problems.add("Line " + headerRow.line() + ": the required column " + required + " is missing.");
        }
        List<List<String>> sample = new ArrayList<>();
        int count = rows.size() - 1;
        if (!problems.isEmpty()) return new Preview(count, header, sample, problems);

        List<Row> wellFormed = new ArrayList<>();
        List<Line> inOrder = new ArrayList<>(); // each line: its Row, or the sentence saying why it is not one
        for (Csv.Row r : rows.subList(1, rows.size())) {
            if (sample.size() < SAMPLE_ROWS) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < header.size(); i++) cells.add(Csv.unneutralise(r.get(i)));
                sample.add(cells);
            }
            if (r.fields().size() > header.size()) {
                inOrder.add(new Line.Unreadable("Line " + r.line() + ": it has " + r.fields().size() + " cells but the header names " + header.size()
                        + " columns. A comma inside a value needs the value in double quotes."));
                continue;
            }
            Map<String, String> cells = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                if (!header.get(i).isEmpty() && !format.ignored().contains(header.get(i))) cells.put(header.get(i), Csv.unneutralise(r.get(i)));
            }
            Row row = new Row(r.line(), cells);
            wellFormed.add(row);
            inOrder.add(new Line.Cells(row));
        }
        rule.prepare(h, wellFormed);
        int done = 0;
        for (Line line : inOrder) {
            if (problems.size() >= MAX_PROBLEMS) break;
            if (line instanceof Line.Unreadable u) {
                problems.add(u.problem());
            } else {
                Row row = ((Line.Cells) line).row();
                try {
                    rule.apply(h, row);
                } catch (Refused refused) {
                    for (Refused.Problem p : refused.problems()) {
                        String column = p.field() == null ? null : p.field().replace('-', '_');
                        problems.add("Line " + row.line() + (column == null ? "" : ", column " + column) + ": " + p.message());
                    }
                }
            }
            progress.rowsDone(++done, count);
        }
        if (problems.size() > MAX_PROBLEMS) problems.subList(MAX_PROBLEMS, problems.size()).clear();
        return new Preview(count, header, sample, problems);
    }

    /** One line of the file as read: its cells, or why they could not be read. */
    private sealed interface Line {
        record Cells(Row row) implements Line {}

        record Unreadable(String problem) implements Line {}
    }

    /** "Asset tag", "asset-tag" and "ASSET_TAG" all name the column asset_tag. */
    static String columnName(String cell) {
        return cell.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
    }
}
