package org.devicedesk.incidents;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.devicedesk.core.AppClock;
import org.devicedesk.core.Session;
import org.devicedesk.incidents.Incident.Status;
import org.devicedesk.incidents.Incident.Type;
import org.devicedesk.incidents.IncidentService.Age;
import org.devicedesk.incidents.IncidentService.Query;
import org.devicedesk.ui.FormOutcome;
import org.devicedesk.ui.Tasks;

/**
 * The view model of the incident list ({@link IncidentsView}, issue 15): the search and the four filters (the
 * helpdesk's queue shows the open ones unless asked otherwise; staff see all of their own reports), the rows
 * loaded and when, the count line, who incidents are assigned to (by the names people know them by), the
 * "open for" text and its ageing colour, and the CSV export. Searches run through {@link Tasks.Latest}: an
 * older search's rows never replace a newer one's.
 */
final class IncidentsModel {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm").withZone(AppClock.OFFICE_ZONE);

    /** The status filter's choices: open ones, any, or one status. */
    enum StatusChoice {
        OPEN("Open", Query.open()), ANY("Any status", EnumSet.allOf(Status.class)),
        REPORTED("Reported", EnumSet.of(Status.REPORTED)), ACKNOWLEDGED("Acknowledged", EnumSet.of(Status.ACKNOWLEDGED)),
        CONTAINED("Contained", EnumSet.of(Status.CONTAINED)), RESOLVED("Resolved", EnumSet.of(Status.RESOLVED)),
        CLOSED("Closed", EnumSet.of(Status.CLOSED));

        final String label;
        final Set<Status> statuses;

        StatusChoice(String label, Set<Status> statuses) {
            this.label = label;
            this.statuses = statuses;
        }

        @Override public String toString() { return label; }

        /** The choice showing exactly these statuses; "any status" when none does. */
        static StatusChoice of(Set<Status> statuses) {
            if (statuses == null) return ANY;
            for (StatusChoice c : values()) if (c.statuses.equals(statuses)) return c;
            return ANY;
        }
    }

    /** The assignee filter's first two choices; the helpdesk's usernames follow. */
    static final String ANYONE = "Anyone";
    static final String NOBODY = "Unassigned";

    /**
     * What the list shows: the rows loaded so far (the first pages of the list, in the database's order), the moment
     * they were loaded ("open for" counts from it), how many match in all ({@code moreThanTotal}: past the count cap),
     * and whether more follow.
     */
    record Shown(List<Incident> rows, Instant loadedAt, int total, boolean moreThanTotal, boolean hasMore) {
        Shown(List<Incident> rows, Instant loadedAt) {
            this(rows, loadedAt, rows.size(), false, false);
        }
    }

    /** Where {@link IncidentsView#show(Object)} goes: an incident, the report form, or the list. */
    enum Target { INCIDENT, FORM, LIST }

    private final IncidentService incidents;
    private final Session session;
    private final Tasks tasks;
    private final Tasks.Latest latest;
    private final boolean seesAll;

    final StringProperty search = new SimpleStringProperty("");
    final ObjectProperty<Type> type = new SimpleObjectProperty<>();
    final ObjectProperty<StatusChoice> status = new SimpleObjectProperty<>();
    final ObjectProperty<String> assignee = new SimpleObjectProperty<>(ANYONE);
    final ObjectProperty<Age> age = new SimpleObjectProperty<>(Age.ANY);
    /** The assignee filter's choices: anyone, unassigned, then the helpdesk accounts (loaded once). */
    final ObservableList<String> assignees = FXCollections.observableArrayList(ANYONE, NOBODY);
    private final ReadOnlyObjectWrapper<Shown> shown = new ReadOnlyObjectWrapper<>(new Shown(List.of(), Instant.EPOCH));
    /** The last load's or export's outcome, for {@code incidents-message}. */
    final ObjectProperty<FormOutcome> outcome = new SimpleObjectProperty<>(FormOutcome.NONE);
    final StringBinding count;
    /** Whether rows beyond those loaded match: "Show more" ({@code incidents-more}) loads the next page. */
    final javafx.beans.binding.BooleanBinding hasMore;
    /** The column the list is sorted by in the database; null: the queue's own order (issue 16). */
    private IncidentService.Sort sort;
    private boolean descending;
    /** Rows the next reload asks for: a live reload keeps what "Show more" loaded. */
    private int wanted = IncidentService.PAGE;
    /** Username to the name people know them by, for "Assigned to" (issue 17). */
    private final java.util.Map<String, String> names = new java.util.concurrent.ConcurrentHashMap<>();

    IncidentsModel(IncidentService incidents, Session session, Tasks tasks) {
        this.incidents = incidents;
        this.session = session;
        this.tasks = tasks;
        this.latest = new Tasks.Latest(tasks);
        this.seesAll = incidents.canSeeAll(session);
        status.set(seesAll ? StatusChoice.OPEN : StatusChoice.ANY); // the helpdesk's queue: closed ones only when asked for
        count = Bindings.createStringBinding(() -> countLine(shown.get()), shown);
        hasMore = Bindings.createBooleanBinding(() -> shown.get().hasMore(), shown);
    }

    /** The helpdesk, information security and the DPO see every incident; anyone else only their own reports. */
    boolean seesAll() {
        return seesAll;
    }

    ReadOnlyObjectProperty<Shown> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    List<Incident> rows() {
        return shown.get().rows();
    }

    static String countLine(int n) {
        return n == 1 ? "1 incident" : java.text.NumberFormat.getIntegerInstance(java.util.Locale.UK).format(n) + " incidents";
    }

    /** "12 incidents"; "200 of 1,234 incidents" while more are still to load; "more than 10,000" past the count cap. */
    static String countLine(Shown s) {
        if (!s.hasMore() && !s.moreThanTotal()) return countLine(s.total());
        String total = new IncidentService.Page(List.of(), s.total(), s.moreThanTotal(), 0, 1).countInWords();
        return java.text.NumberFormat.getIntegerInstance(java.util.Locale.UK).format(s.rows().size()) + " of " + total;
    }

    /** The query the filters make now. */
    Query query() {
        String a = assignee.get();
        String who = a == null || ANYONE.equals(a) ? null : NOBODY.equals(a) ? Query.UNASSIGNED : a;
        StatusChoice st = status.get() == null ? StatusChoice.ANY : status.get();
        return new Query(search.get(), type.get(), st.statuses, who, age.get());
    }

    /** From the dashboard: the list narrowed to a type and a status. */
    void narrowTo(Query q) {
        type.set(q.type());
        status.set(StatusChoice.of(q.statuses()));
    }

    /** What a navigation argument asks for: an incident id (a number, or digits as text), "new" (the form), else the list. */
    static Target target(Object argument) {
        if (argument instanceof Number || argument instanceof String s && s.matches("\\d+")) return Target.INCIDENT;
        if ("new".equals(argument)) return Target.FORM;
        return Target.LIST;
    }

    /** The incident id of an argument that {@link #target} reads as {@link Target#INCIDENT}. */
    static long incidentId(Object argument) {
        return argument instanceof Number n ? n.longValue() : Long.parseLong((String) argument);
    }

    /** The list again with the current search and filters; then, once, the helpdesk accounts for the assignee filter. */
    void reload() {
        Query q = query();
        if (!q.equals(loadedQuery)) wanted = IncidentService.PAGE; // another search: back to the first page
        load(q, 0, wanted, List.of());
        if (seesAll && assignees.size() <= 2) {
            tasks.run(() -> incidents.assignees(session), found -> {
                if (assignees.size() <= 2) assignees.addAll(found);
            }, t -> outcome.set(FormOutcome.failed(t)));
        }
    }

    private Query loadedQuery;

    /** "Show more" (or scrolling to the end): the next page after the rows loaded, with the same search and order. */
    void loadMore() {
        Shown now = shown.get();
        if (!now.hasMore() || loadedQuery == null) return;
        load(loadedQuery, now.rows().size(), IncidentService.PAGE, now.rows());
    }

    /** A column header: the list sorted by that column in the database, from the first page; null: the queue's order. */
    void sortBy(IncidentService.Sort by, boolean desc) {
        if (by == sort && (by == null || desc == descending)) return;
        sort = by;
        descending = desc;
        wanted = IncidentService.PAGE;
        load(query(), 0, wanted, List.of());
    }

    IncidentService.Sort sort() {
        return sort;
    }

    private void load(Query q, int offset, int limit, List<Incident> before) {
        IncidentService.Sort by = sort;
        boolean desc = descending;
        latest.run(() -> {
            var page = incidents.page(session, q, by, desc, offset, limit);
            names.putAll(incidents.actorNames(page.rows().stream().map(Incident::assignee).toList()));
            return page;
        }, page -> {
            List<Incident> rows = new java.util.ArrayList<>(before);
            var ids = new java.util.HashSet<Long>();
            for (Incident i : before) ids.add(i.id());
            for (Incident i : page.rows()) if (ids.add(i.id())) rows.add(i); // a row moved by a change since the last page shows once
            loadedQuery = q;
            wanted = Math.max(IncidentService.PAGE, rows.size());
            shown.set(new Shown(List.copyOf(rows), incidents.now(), page.total(), page.moreThanTotal(), page.hasNext()));
            outcome.set(FormOutcome.NONE);
        }, t -> outcome.set(FormOutcome.failed(t)));
    }

    /** Who the incident is assigned to, by the name people know them by; empty when nobody. */
    String assigneeName(Incident i) {
        return i.assignee() == null ? "" : names.getOrDefault(i.assignee(), i.assignee());
    }

    /** A closed one is urgent no more: the URGENT flag shows only while it is open. */
    static boolean showsUrgent(Incident i) {
        return i.urgent() && i.status().isOpen();
    }

    /** How long it has been open when the list was loaded; "–" once it is no longer open. */
    String openFor(Incident i) {
        return i.status().isOpen() ? since(i.sinceReported(shown.get().loadedAt())) : "–";
    }

    /** Ageing at a glance: amber ({@code age-day}) after a day open, red ({@code age-days}) after three; null otherwise. */
    String ageStyle(Incident i) {
        if (!i.status().isOpen()) return null;
        long hours = i.sinceReported(shown.get().loadedAt()).toHours();
        return hours >= 72 ? "age-days" : hours >= 24 ? "age-day" : null;
    }

    /** Writes the incidents the filters show now to {@code file} as CSV; the outcome says how many. */
    void exportCsv(java.nio.file.Path file) {
        Query q = query();
        tasks.run(() -> {
            try (var out = java.nio.file.Files.newBufferedWriter(file, java.nio.charset.StandardCharsets.UTF_8)) {
                return incidents.exportCsv(session, q, out);
            }
        }, n -> outcome.set(FormOutcome.done(n + (n == 1 ? " incident" : " incidents") + " exported to " + file.getFileName() + ".")),
                t -> outcome.set(FormOutcome.failed(t)));
    }

    /** "Wed 4 Mar 2026, 10:00" in office time; empty for none. */
    static String when(Instant at) {
        return at == null ? "" : WHEN.format(at);
    }

    /** How long it has been open, in the one duration format ({@link org.devicedesk.core.Durations}). */
    static String since(java.time.Duration d) {
        return org.devicedesk.core.Durations.of(d.isNegative() ? java.time.Duration.ZERO : d);
    }
}
