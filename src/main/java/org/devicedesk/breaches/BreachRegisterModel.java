package org.devicedesk.breaches;

import java.io.File;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.devicedesk.breaches.BreachService.Outcome;
import org.devicedesk.breaches.BreachService.RegisterPage;
import org.devicedesk.breaches.BreachService.RegisterQuery;
import org.devicedesk.core.AppClock;
import org.devicedesk.core.Refused;
import org.devicedesk.core.Session;
import org.devicedesk.core.TypedWhen;
import org.devicedesk.ui.Tasks;

/**
 * The breach register's state, without a window (issue 15): the period typed ({@link #fromText()},
 * {@link #toText()}) and the outcome chosen, the cases shown, and the count. The register is read a page at a
 * time, in the database's order (issue 16: at 50,000 cases the screen holds only what the person has asked to
 * see); {@link #more()} reads the next page. The export and the printout cover every case the filters match.
 * Service calls go through {@link Tasks}; a newer filter's result always wins over an older one's.
 */
final class BreachRegisterModel {
    /** The register reads this many cases at a time. */
    static final int PAGE = 200;

    private final BreachService breaches;
    private final Session session;
    private final Tasks tasks;
    private final Tasks.Latest latest;
    private final int pageSize;

    /** The cases shown, in the order the office became aware of them. */
    final ObservableList<BreachCase> rows = FXCollections.observableArrayList();
    private final StringProperty fromText = new SimpleStringProperty("");
    private final StringProperty toText = new SimpleStringProperty("");
    private final ObjectProperty<Outcome> outcome = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper count = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper hasMore = new ReadOnlyBooleanWrapper(false);
    /** The filters of the rows shown (what the printout says it covers). */
    private RegisterQuery loaded = RegisterQuery.all();

    BreachRegisterModel(BreachService breaches, Session session, Tasks tasks) {
        this(breaches, session, tasks, PAGE);
    }

    /** With pages of {@code pageSize} cases (tests use small pages). */
    BreachRegisterModel(BreachService breaches, Session session, Tasks tasks, int pageSize) {
        this.pageSize = pageSize;
        this.breaches = breaches;
        this.session = session;
        this.tasks = tasks;
        this.latest = new Tasks.Latest(tasks);
    }

    /** The start of the period as typed ("01/03/2026"; empty: any time). */
    StringProperty fromText() {
        return fromText;
    }

    StringProperty toText() {
        return toText;
    }

    /** The outcome chosen; null: any outcome. */
    ObjectProperty<Outcome> outcome() {
        return outcome;
    }

    /** "1 case", "240 cases", or "50,000 cases  ·  showing the first 200" while there are more to read. */
    ReadOnlyStringProperty count() {
        return count.getReadOnlyProperty();
    }

    /** More cases match than are shown: the "more" button shows. */
    ReadOnlyBooleanProperty hasMore() {
        return hasMore.getReadOnlyProperty();
    }

    /** The clock, for the time left of the cases still undecided. */
    Instant now() {
        return breaches.now();
    }

    /** The filters as a query; an unreadable date is refused with its field and the text typed, not taken as "any time". */
    RegisterQuery query() {
        List<Refused.Problem> problems = new ArrayList<>();
        LocalDate f = typed(fromText.get(), "register-from", "start", problems);
        LocalDate t = typed(toText.get(), "register-to", "end", problems);
        if (!problems.isEmpty()) throw new Refused(problems);
        return new RegisterQuery(f, t, outcome.get());
    }

    private static LocalDate typed(String typed, String field, String what, List<Refused.Problem> problems) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) return null;
        LocalDate d = TypedWhen.date(text);
        if (d == null) problems.add(new Refused.Problem(field, "\"" + text + "\" is not a date; write the " + what + " of the period like " + TypedWhen.DATE_EXAMPLE + "."));
        return d;
    }

    /**
     * Reads the first page for the filters. A filter that cannot be read goes to {@code unreadable} and nothing is
     * read; {@code loaded} runs once the rows are shown.
     */
    void reload(Runnable loaded, Consumer<Refused> unreadable, Consumer<Throwable> failed) {
        RegisterQuery q;
        try {
            q = query();
        } catch (Refused r) {
            unreadable.accept(r);
            return;
        }
        latest.run(() -> breaches.registerPage(session, q, 0, pageSize), page -> {
            this.loaded = q;
            rows.setAll(page.cases());
            showCount(page);
            loaded.run();
        }, failed);
    }

    /** Reads the next page of the filters shown and adds it below (a case already shown is not shown twice). */
    void more(Consumer<Throwable> failed) {
        if (!hasMore.get()) return;
        RegisterQuery q = loaded;
        int offset = rows.size();
        latest.run(() -> breaches.registerPage(session, q, offset, pageSize), page -> {
            Set<Long> shown = new HashSet<>();
            for (BreachCase c : rows) shown.add(c.id());
            rows.addAll(page.cases().stream().filter(c -> !shown.contains(c.id())).toList());
            showCount(page);
        }, failed);
    }

    private void showCount(RegisterPage page) {
        int total = page.total();
        hasMore.set(rows.size() < total);
        String all = total == 1 ? "1 case" : total + " cases";
        count.set(rows.size() < total ? all + "  ·  showing the first " + rows.size() : all);
    }

    /**
     * Exports every case the filters match as CSV to the file {@code target} gives (none: nothing happens), through
     * the service, which audits it and anchors the audit trail; {@code done} gets the sentence for the person.
     * Filters that cannot be read go to {@code failed} before any file is asked for.
     */
    void export(Supplier<File> target, Consumer<String> done, Consumer<Throwable> failed) {
        RegisterQuery q;
        try {
            q = query();
        } catch (Refused r) {
            failed.accept(r);
            return;
        }
        File file = target.get();
        if (file == null) return;
        tasks.run(() -> {
            try (Writer out = Files.newBufferedWriter(file.toPath(), StandardCharsets.UTF_8)) {
                return breaches.exportRegisterAnchored(session, q, out);
            }
        }, x -> done.accept((x.rows() == 1 ? "1 case" : x.rows() + " cases") + " exported to " + file.getName() + "."
                + " For your records, the audit trail's anchor: " + x.anchor().forTheRecord(AppClock.OFFICE_ZONE) + "."), failed);
    }

    /** What the printout covers: every case of the filters shown (the pages not yet read are read first). */
    void toPrint(Consumer<List<BreachCase>> print, Consumer<Throwable> failed) {
        if (!hasMore.get()) {
            print.accept(List.copyOf(rows));
            return;
        }
        RegisterQuery q = loaded;
        tasks.run(() -> breaches.register(session, q), print, failed);
    }

    /** The filters of the rows shown, in words, for the printout's heading. */
    String describeShown() {
        return BreachService.describe(loaded);
    }
}
