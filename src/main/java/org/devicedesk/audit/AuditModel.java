package org.devicedesk.audit;

import java.io.Writer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.devicedesk.core.Audit;
import org.devicedesk.core.Session;
import org.devicedesk.ui.Outcome;
import org.devicedesk.ui.Tasks;

/**
 * The audit trail screen's state and rules ({@link AuditView} shows it): the filters, the events a page at a time
 * (newest first; a newer filter's result wins over an older one still running), the footer's count, the events
 * in words, the chain check with its progress, and the export.
 */
public final class AuditModel {
    private final AuditService audit;
    private final Session session;
    private final ZoneId zone;
    private final Tasks tasks;
    private final Tasks.Latest latest;

    public final ObservableList<AuditEvent> rows = FXCollections.observableArrayList();
    /** The filters' choices: null first ("Anyone", "Any record"). */
    public final ObservableList<String> actors = FXCollections.observableArrayList();
    public final ObservableList<String> recordTypes = FXCollections.observableArrayList();
    public final ObjectProperty<String> actor = new SimpleObjectProperty<>();
    public final ObjectProperty<String> recordType = new SimpleObjectProperty<>();
    public final StringProperty recordId = new SimpleStringProperty("");
    public final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    public final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();

    private final BooleanProperty hasMore = new SimpleBooleanProperty();
    private final BooleanProperty loadingMore = new SimpleBooleanProperty();
    private final BooleanProperty verifying = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final ObjectProperty<Outcome> outcome = new SimpleObjectProperty<>();
    private final ObjectProperty<AuditService.Words> words = new SimpleObjectProperty<>(AuditService.Words.NONE);
    private final StringBinding count;
    private boolean filling; // true while the filters are set together, so they do not reload one by one

    public AuditModel(AuditService audit, Session session, ZoneId zone, Tasks tasks) {
        this.audit = audit;
        this.session = session;
        this.zone = zone;
        this.tasks = tasks;
        this.latest = new Tasks.Latest(tasks);
        count = Bindings.createStringBinding(() -> rows.size() + (hasMore.get() ? "+ events (newest first; load more for older ones)"
                : rows.size() == 1 ? " event" : " events"), rows, hasMore);
        for (var p : List.of(actor, recordType, from, to)) p.addListener((o, a, b) -> filterChanged());
    }

    /** Opens the screen: the filter choices, then the events (filtered by {@code query} when one is given). */
    public void open(AuditService.Query query) {
        tasks.run(() -> new Choices(audit.actors(session), audit.recordTypes(session)), this::choices, this::failed);
        if (query != null) setFilters(query);
        else reload();
    }

    private record Choices(List<String> actors, List<String> recordTypes) {}

    private void choices(Choices c) {
        filling = true;
        String a = actor.get(), t = recordType.get();
        actors.setAll(c.actors());
        actors.add(0, null);
        actor.set(a);
        recordTypes.setAll(c.recordTypes());
        recordTypes.add(0, null);
        recordType.set(t);
        filling = false;
    }

    /** Sets every filter from a query (the "to" instant is exclusive: the day before it is shown), then loads once. */
    public void setFilters(AuditService.Query q) {
        filling = true;
        actor.set(q.actor());
        recordType.set(q.recordType());
        recordId.set(q.recordId() == null ? "" : q.recordId());
        from.set(q.from() == null ? null : q.from().atZone(zone).toLocalDate());
        to.set(q.to() == null ? null : q.to().atZone(zone).toLocalDate().minusDays(1));
        filling = false;
        reload();
    }

    public void clearFilters() {
        setFilters(AuditService.Query.all());
    }

    private void filterChanged() {
        if (!filling) reload();
    }

    /** The filters as a query; the "to" day is included (up to its midnight in the office's zone), a blank id is any. */
    public AuditService.Query query() {
        LocalDate f = from.get(), t = to.get();
        String rid = recordId.get() == null || recordId.get().isBlank() ? null : recordId.get().strip();
        return new AuditService.Query(actor.get(), recordType.get(), rid,
                f == null ? null : f.atStartOfDay(zone).toInstant(), t == null ? null : t.plusDays(1).atStartOfDay(zone).toInstant());
    }

    private record Page(List<AuditEvent> events, AuditService.Words words) {}

    private Callable<Page> page(AuditService.Query q, long before) {
        return () -> {
            List<AuditEvent> events = audit.page(session, q, before);
            return new Page(events, audit.words(session, events));
        };
    }

    /** The first page for the filters; a result for older filters that arrives later is dropped. */
    public void reload() {
        latest.run(page(query(), Long.MAX_VALUE), p -> {
            loadingMore.set(false); // a "load more" still running was dropped by this newer load
            words.set(p.words());
            rows.setAll(p.events());
            hasMore.set(p.events().size() == AuditService.PAGE);
        }, this::failed);
    }

    /** The next page: the events older than the last one shown. */
    public void loadMore() {
        if (rows.isEmpty() || loadingMore.get()) return;
        long before = rows.get(rows.size() - 1).seq();
        loadingMore.set(true);
        latest.run(page(query(), before), p -> {
            loadingMore.set(false);
            words.set(words.get().merge(p.words()));
            rows.addAll(p.events());
            hasMore.set(p.events().size() == AuditService.PAGE);
        }, t -> {
            loadingMore.set(false);
            failed(t);
        });
    }

    /** Recomputes the chain with its progress; says whether it is intact or names the first broken event. */
    public void verify() {
        if (verifying.get()) return;
        verifying.set(true);
        outcome.set(null);
        progress.set(-1); // until the total is known
        tasks.run(() -> {
            long total = Math.max(1, audit.eventsWritten(session));
            return audit.verify(session, checked -> tasks.later(() -> progress.set(Math.min(checked, total) / (double) total)));
        }, (Audit.Verification v) -> {
            verifying.set(false);
            outcome.set(v.intact() ? Outcome.success(v.explanation())
                    : Outcome.error("The audit trail is broken at event " + v.brokenAt() + ". " + v.explanation()
                    + " Keep a copy of the database file as it is and tell the Data Protection Officer."));
            reload();
        }, t -> {
            verifying.set(false);
            failed(t);
        });
    }

    /** Writes the filtered events as CSV to what {@code open} opens (a file the person chose), then says how many. */
    public void export(String fileName, Callable<Writer> open) {
        AuditService.Query q = query();
        tasks.run(() -> {
            try (Writer w = open.call()) {
                return audit.export(session, q, w);
            }
        }, n -> {
            outcome.set(Outcome.success("Exported " + n + (n == 1 ? " event" : " events") + " to " + fileName + "."));
            reload();
        }, this::failed);
    }

    private void failed(Throwable t) {
        outcome.set(Outcome.failed(t));
    }

    // ---- what the view shows ----

    public StringBinding count() { return count; }

    public ReadOnlyBooleanProperty hasMore() { return hasMore; }

    public ReadOnlyBooleanProperty loadingMore() { return loadingMore; }

    public ReadOnlyBooleanProperty verifying() { return verifying; }

    /** 0–1 while the chain is checked, -1 until its length is known. */
    public ReadOnlyDoubleProperty progress() { return progress; }

    public ReadOnlyObjectProperty<Outcome> outcome() { return outcome; }

    /** Who did it, by name ("Device Desk (automatic)" for the system). */
    public String who(AuditEvent e) {
        return words.get().actor(e.actor());
    }

    /** "Travel notice decided". */
    public String action(AuditEvent e) {
        return AuditService.Words.action(e.action());
    }

    /** "Travel notice TRV-2026-0040". */
    public String record(AuditEvent e) {
        return words.get().record(e.recordType(), e.recordId());
    }

    /** A filter choice in words: "Anyone", a person's name; "Any record", "Travel notice". */
    public String actorChoice(String username) {
        return username == null ? "Anyone" : username;
    }

    public static String recordTypeChoice(String type) {
        return type == null ? "Any record" : AuditService.Words.recordType(type);
    }
}
