package org.devicedesk.incidents;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.devicedesk.core.ChangeFeed;
import org.devicedesk.core.Session;
import org.devicedesk.incidents.Incident.ActionType;
import org.devicedesk.incidents.Incident.Status;
import org.devicedesk.ui.Tasks;

/**
 * The incident page's state and rules, without a window (issue 15): the incident shown and its timeline, the
 * facts in the order the page lists them, who did what by the names people know them by, and which of the
 * helpdesk's next steps make sense now — acknowledge a reported one, assign, record an action, move it on to
 * contained and resolved, close a resolved one with a summary. Each step is sent with the version the page was
 * drawn at and then reads the incident again. Loading and the steps go through {@link Tasks}, so a test runs
 * them synchronously with {@link Tasks#direct()}.
 */
final class IncidentPageModel {
    private final IncidentService incidents;
    private final Session session;
    private final Tasks tasks;
    private final ReadOnlyObjectWrapper<Incident.Detail> shown = new ReadOnlyObjectWrapper<>();
    /** Username to the name people know them by, for who recorded, assigned and did each step (issue 17). */
    private final java.util.Map<String, String> names = new java.util.concurrent.ConcurrentHashMap<>();
    private long id;

    /** One line of "What was reported": its label and what it says. */
    record Fact(String label, String value) {}

    IncidentPageModel(IncidentService incidents, Session session, Tasks tasks) {
        this.incidents = incidents;
        this.session = session;
        this.tasks = tasks;
    }

    /** The incident as last loaded (null before the first load). */
    ReadOnlyObjectProperty<Incident.Detail> shown() {
        return shown.getReadOnlyProperty();
    }

    long id() {
        return id;
    }

    /** Another client's change to the incident open here (this person's own changes the page has shown already). */
    boolean follows(ChangeFeed.Change c) {
        return c.concerns("incident", id) && !c.madeBy(session.username());
    }

    /** Loads the incident and the names in its timeline; {@link #shown()} is set and {@code onLoaded} told. */
    void open(long incidentId, Consumer<Incident.Detail> onLoaded, Consumer<Throwable> onFailed) {
        this.id = incidentId;
        tasks.run(() -> {
            Incident.Detail d = incidents.get(session, incidentId);
            names.putAll(incidents.actorNames(IncidentTimelineSection.usernames(d)));
            return d;
        }, d -> {
            shown.set(d);
            onLoaded.accept(d);
        }, onFailed);
    }

    /** The name people know this user by; the username until the names are loaded. */
    String name(String username) {
        return username == null ? null : names.getOrDefault(username, username);
    }

    /** "Reported 2 h 5 m ago" while it is open; empty once it is not. */
    String since(Instant now) {
        Incident i = shown.get().incident();
        return i.status().isOpen() ? "Reported " + IncidentsModel.since(i.sinceReported(now)) + " ago" : "";
    }

    Instant now() {
        return incidents.now();
    }

    /** What was reported, in the page's order; the answers to the questions only where the type asked them. */
    List<Fact> facts() {
        Incident i = shown.get().incident();
        List<Fact> f = new ArrayList<>();
        f.add(new Fact("Reported by", i.reporterName()));
        f.add(new Fact("Device", i.deviceText().isEmpty() ? "None given" : i.deviceText()));
        f.add(new Fact("Reported at", IncidentsModel.when(i.reportedAt()) + (i.recordedBy() == null ? "" : "  (recorded by " + name(i.recordedBy()) + ")")));
        f.add(new Fact("Happened (approx.)", i.occurredAt() == null ? "Not known" : IncidentsModel.when(i.occurredAt())));
        f.add(new Fact("Where", i.location() == null ? "Not known" : i.location()));
        f.add(new Fact("Assigned to", i.assignee() == null ? "Nobody yet" : name(i.assignee())));
        if (i.deviceLocked() != null) f.add(new Fact("Device locked (57)", yesNo(i.deviceLocked())));
        if (i.crimeReference() != null) f.add(new Fact("Crime reference", i.crimeReference()));
        if (i.alwaysInPossession() != null) f.add(new Fact("Always in their possession", yesNo(i.alwaysInPossession())));
        if (i.passwordWrittenDown() != null) f.add(new Fact("Password written down, carried", yesNo(i.passwordWrittenDown())));
        if (i.passwordReused() != null) f.add(new Fact("Password used elsewhere", yesNo(i.passwordReused())));
        if (i.passwordChanged() != null) f.add(new Fact("Password already changed", yesNo(i.passwordChanged())));
        f.add(new Fact("What happened", i.whatHappened()));
        if (i.closingSummary() != null) f.add(new Fact("Closing summary", i.closingSummary()));
        return f;
    }

    private static String yesNo(Boolean b) {
        return b ? "Yes" : "No";
    }

    private Status status() {
        return shown.get().incident().status();
    }

    /** The helpdesk's panel of next steps: only the helpdesk changes incidents, and a closed one no more. */
    boolean offersSteps() {
        return incidents.canChange(session) && status() != Status.CLOSED;
    }

    /** Acknowledging is the first step, for a reported one only. */
    boolean offersAcknowledge() {
        return status() == Status.REPORTED;
    }

    /** The status "Mark …" moves it on to: contained or resolved; null when that is not the next step. */
    Status advanceTo() {
        Status next = status().next();
        return next == Status.CONTAINED || next == Status.RESOLVED ? next : null;
    }

    /** Closing, with a summary, once it is resolved. */
    boolean offersClose() {
        return status() == Status.RESOLVED;
    }

    /** The helpdesk accounts to assign to (their names known to {@link #name}). */
    void assignees(Consumer<List<String>> onLoaded, Consumer<Throwable> onFailed) {
        tasks.run(() -> {
            List<String> list = incidents.assignees(session);
            names.putAll(incidents.actorNames(list));
            return list;
        }, onLoaded, onFailed);
    }

    void acknowledge(Consumer<Incident.Detail> onDone, Consumer<Throwable> onFailed) {
        long version = shown.get().incident().version();
        step(() -> incidents.acknowledge(session, id, version), onDone, onFailed);
    }

    void assign(String username, Consumer<Incident.Detail> onDone, Consumer<Throwable> onFailed) {
        long version = shown.get().incident().version();
        step(() -> incidents.assign(session, id, username, version), onDone, onFailed);
    }

    void recordAction(ActionType type, String note, Consumer<Incident.Detail> onDone, Consumer<Throwable> onFailed) {
        step(() -> incidents.recordAction(session, id, type, note), onDone, onFailed);
    }

    /** Moves it on to {@link #advanceTo()}. */
    void advance(Consumer<Incident.Detail> onDone, Consumer<Throwable> onFailed) {
        Status to = advanceTo();
        if (to == null) return;
        long version = shown.get().incident().version();
        step(() -> incidents.move(session, id, to, version), onDone, onFailed);
    }

    void close(String summary, Consumer<Incident.Detail> onDone, Consumer<Throwable> onFailed) {
        long version = shown.get().incident().version();
        step(() -> incidents.close(session, id, summary, version), onDone, onFailed);
    }

    /** Runs a change, then reads the incident as it now is; {@link #shown()} follows. */
    private void step(Runnable change, Consumer<Incident.Detail> onDone, Consumer<Throwable> onFailed) {
        long incidentId = id;
        tasks.run(() -> {
            change.run();
            return incidents.get(session, incidentId);
        }, d -> {
            shown.set(d);
            onDone.accept(d);
        }, onFailed);
    }
}
