package org.devicedesk.travel;

import java.io.File;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.devicedesk.core.Csv;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.ui.Tasks;

/**
 * The view model of the travel list ({@link TravelView}, issue 15): the notices the person may see (the queue
 * for Information Security and the helpdesk, their own for everyone else), the search, "back, undecided only",
 * a narrowing asked for by the dashboard, the count line, the notice to open once the list has loaded, and the
 * CSV export — all through {@link Tasks}; a load that is overtaken by a newer one is dropped ({@link Tasks.Latest}).
 */
final class TravelModel {
    private final TravelService travel;
    private final Session session;
    private final Tasks tasks;
    private final Tasks.Latest latest;

    private final ObservableList<TravelNotice> notices = FXCollections.observableArrayList();
    /** What the table shows: the notices that pass the search, the narrowing and "back, undecided only". */
    final FilteredList<TravelNotice> shown = new FilteredList<>(notices, n -> true);
    final StringProperty search = new SimpleStringProperty("");
    /** Issue 17: only the trips that are over with no decision. */
    final BooleanProperty overdueOnly = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper count = new ReadOnlyStringWrapper("");
    private TravelFilter narrowedTo;
    private Long selectAfterLoad;

    TravelModel(TravelService travel, Session session, Tasks tasks) {
        this.travel = travel;
        this.session = session;
        this.tasks = tasks;
        this.latest = new Tasks.Latest(tasks);
        search.addListener((o, a, b) -> applyFilter());
        overdueOnly.addListener((o, a, b) -> applyFilter());
    }

    /** The queue of every notice (Information Security, the helpdesk), or only the person's own. */
    boolean queue() {
        return session.hasAny(Role.INFOSEC, Role.HELPDESK);
    }

    /** "3 of 12 notices". */
    ReadOnlyStringProperty count() {
        return count.getReadOnlyProperty();
    }

    LocalDate today() {
        return travel.today();
    }

    /** The dashboard's narrowing ({@link TravelFilter}); anything else (the navigation) shows all again. */
    void narrowTo(Object argument) {
        narrowedTo = argument instanceof TravelFilter f ? f : null;
    }

    /** The notice to open once the list has loaded (a notice just saved, or one another screen asked for). */
    void selectAfterLoad(Long id) {
        selectAfterLoad = id;
    }

    /** Whether a notice passes the search text, the narrowing and "back, undecided only" ({@code today}: the office's day). */
    static boolean matches(TravelNotice n, String text, TravelFilter narrow, boolean overdueOnly, LocalDate today) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return (narrow == null || narrow.test(n)) && (!overdueOnly || n.decisionOverdue(today)) && (t.isEmpty() || (n.reference() + " " + n.travellerName() + " "
                + n.destinationNames() + " " + String.join(" ", n.destinations()) + " " + n.purpose() + " " + n.status().label() + (n.late() ? " late" : ""))
                .toLowerCase(Locale.ROOT).contains(t));
    }

    private void applyFilter() {
        String text = search.get();
        TravelFilter narrow = narrowedTo;
        boolean overdue = overdueOnly.get();
        LocalDate today = travel.today();
        shown.setPredicate(n -> matches(n, text, narrow, overdue, today));
        count.set(shown.size() + " of " + notices.size() + " notices");
    }

    /**
     * Reads the list again; then, if a notice was to be opened and it is shown, hands it to {@code open}
     * (the view selects it and shows it beside the list).
     */
    void load(Consumer<TravelNotice> open, Consumer<Throwable> failed) {
        latest.run(() -> travel.list(session), list -> {
            notices.setAll(list);
            applyFilter();
            if (selectAfterLoad != null) {
                long id = selectAfterLoad;
                selectAfterLoad = null;
                shown.stream().filter(n -> n.id() == id).findFirst().ifPresent(open);
            }
        }, failed);
    }

    static final List<String> CSV_HEADINGS = List.of("Reference", "Traveller", "Destinations", "Departure", "Return", "Notice days", "On time",
            "Encryption restricted", "Status", "Advice", "Post-travel check", "Purpose");

    /** One notice as a line of the export, under {@link #CSV_HEADINGS}. */
    static List<String> csvLine(TravelNotice n) {
        return List.of(n.reference(), n.travellerName(), n.destinationNames(),
                n.departureDate().toString(), n.returnDate().toString(), String.valueOf(n.noticeDays()), n.late() ? "late" : "on time",
                n.cryptoWarning() ? "yes" : "no", n.status().label(), n.advice() == null ? "" : n.advice(),
                n.postCheckOutcome() == null ? "" : n.postCheckOutcome().label(), n.purpose());
    }

    /** Writes {@code rows} (the table's notices, in its order) to {@code file} as CSV; {@code done} gets how many. */
    void export(File file, List<TravelNotice> rows, Consumer<Integer> done, Consumer<Throwable> failed) {
        List<TravelNotice> copy = new ArrayList<>(rows);
        tasks.run(() -> {
            try (var out = new OutputStreamWriter(new FileOutputStream(file), StandardCharsets.UTF_8)) {
                Csv.write(out, CSV_HEADINGS, copy.stream().map(TravelModel::csvLine).toList());
            }
            return copy.size();
        }, done, failed);
    }
}
