package org.devicedesk.breaches;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.devicedesk.breaches.BreachCase.Risk;
import org.devicedesk.breaches.BreachCase.Status;
import org.devicedesk.core.AppClock;
import org.devicedesk.core.Refused;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.core.TypedWhen;
import org.devicedesk.ui.Tasks;

/**
 * The breach case page's state and rules, without a window (issue 15). The view binds its status and risk
 * choices, the ICO date, time and delay-reasons text to the properties here and shows or hides its parts
 * from the derived bindings:
 * <ul>
 *   <li>{@link #reporting()}: the ICO fields — the status chosen is "Reported to the ICO", or the case is
 *       being closed after that decision;</li>
 *   <li>{@link #lateTyped()}: the ICO time typed is after the 72-hour deadline;</li>
 *   <li>{@link #pastDeadline()}: the deadline has passed and the ICO has not been told;</li>
 *   <li>{@link #showDelay()}: the reasons for the delay (Article 33(1)) — reporting and late, past the
 *       deadline, or reasons already written;</li>
 *   <li>{@link #article34()}: telling the data subjects (Article 34) — the risk is high.</li>
 * </ul>
 * Loading and saving go through {@link Tasks}, so a test runs them synchronously with {@link Tasks#direct()}.
 */
final class BreachPageModel {

    private final BreachService breaches;
    private final org.devicedesk.incidents.IncidentService incidents;
    private final Session session;
    private final Tasks tasks;

    private final ObjectProperty<BreachCase> shown = new SimpleObjectProperty<>();
    private final ObjectProperty<Status> status = new SimpleObjectProperty<>();
    private final ObjectProperty<Risk> risk = new SimpleObjectProperty<>();
    private final StringProperty icoDateText = new SimpleStringProperty("");
    private final StringProperty icoTimeText = new SimpleStringProperty("");
    private final StringProperty delayReasons = new SimpleStringProperty("");

    /** Username to the name people know them by (issue 17: names, not usernames or "system"). */
    private final java.util.Map<String, String> names = new java.util.concurrent.ConcurrentHashMap<>();

    private final BooleanBinding reporting;
    private final BooleanBinding lateTyped;
    private final BooleanBinding pastDeadline;
    private final BooleanBinding showDelay;
    private final BooleanBinding article34;
    private final BooleanBinding editable;

    BreachPageModel(BreachService breaches, org.devicedesk.incidents.IncidentService incidents, Session session, Tasks tasks) {
        this.breaches = breaches;
        this.incidents = incidents;
        this.session = session;
        this.tasks = tasks;
        reporting = Bindings.createBooleanBinding(() -> {
            Status s = status.get();
            BreachCase c = shown.get();
            return s == Status.REPORTED_TO_ICO || (s == Status.CLOSED && c != null && c.decision() == Status.REPORTED_TO_ICO);
        }, status, shown);
        lateTyped = Bindings.createBooleanBinding(() -> {
            BreachCase c = shown.get();
            if (!reporting.get() || c == null) return false;
            try {
                Instant at = instant(icoDateText.get(), icoTimeText.get(), "ico-notified-at", "the ICO notification");
                return at != null && at.isAfter(c.icoDeadline());
            } catch (Refused r) {
                return false; // unreadable: the save says why; no guess here
            }
        }, reporting, shown, icoDateText, icoTimeText);
        // the clock is read each time the binding is asked again (when the case or the choices change)
        pastDeadline = Bindings.createBooleanBinding(() -> {
            BreachCase c = shown.get();
            return c != null && c.icoNotifiedAt() == null && breaches.now().isAfter(c.icoDeadline());
        }, shown, status, risk);
        showDelay = Bindings.createBooleanBinding(
                () -> reporting.get() && (lateTyped.get() || pastDeadline.get() || !isBlank(delayReasons.get())),
                reporting, lateTyped, pastDeadline, delayReasons);
        article34 = Bindings.createBooleanBinding(() -> risk.get() == Risk.HIGH_RISK, risk);
        editable = Bindings.createBooleanBinding(() -> {
            BreachCase c = shown.get();
            return session.has(Role.DPO) && c != null && c.status() != Status.CLOSED;
        }, shown);
    }

    ObjectProperty<BreachCase> shown() { return shown; }
    ObjectProperty<Status> status() { return status; }
    ObjectProperty<Risk> risk() { return risk; }
    StringProperty icoDateText() { return icoDateText; }
    StringProperty icoTimeText() { return icoTimeText; }
    StringProperty delayReasons() { return delayReasons; }
    BooleanBinding reporting() { return reporting; }
    BooleanBinding lateTyped() { return lateTyped; }
    BooleanBinding pastDeadline() { return pastDeadline; }
    BooleanBinding showDelay() { return showDelay; }
    BooleanBinding article34() { return article34; }
    /** Only the DPO changes a case, and never a closed one; everyone else sees it read-only. */
    BooleanBinding editable() { return editable; }

    /** Why the page is read-only, in words, or null when it is editable. */
    String readOnlyReason() {
        BreachCase c = shown.get();
        if (editable.get() || c == null) return null;
        return c.status() == Status.CLOSED ? "This case is closed; the register keeps it as it is."
                : "Read-only: only the Data Protection Officer records the assessment and the decision.";
    }

    /** The name people know this user by ("Device Desk" for the application's own work); the username until loaded. */
    String name(String username) {
        return username == null ? null : names.getOrDefault(username, username);
    }

    Instant now() {
        return breaches.now();
    }

    /** Loads the case; {@link #shown()} is set (and {@code onLoaded} told) on the JavaFX thread. */
    void open(long id, Consumer<BreachCase> onLoaded, Consumer<Throwable> onFailed) {
        shown.set(null);
        tasks.run(() -> {
            BreachCase c = breaches.get(session, id);
            names.putAll(breaches.actorNames(java.util.Arrays.asList(c.createdBy(), c.decidedBy())));
            return c;
        }, c -> {
            shown.set(c);
            onLoaded.accept(c);
        }, onFailed);
    }

    /** Fetches the case as saved now, without changing what is shown (the reload merges first). */
    void fetch(long id, Consumer<BreachCase> onLoaded, Consumer<Throwable> onFailed) {
        tasks.run(() -> breaches.get(session, id), onLoaded, onFailed);
    }

    /** The incident behind the case, read-only, through the incidents service. */
    void incident(long incidentId, Consumer<org.devicedesk.incidents.Incident.Detail> onLoaded, Consumer<Throwable> onFailed) {
        tasks.run(() -> {
            org.devicedesk.incidents.Incident.Detail d = incidents.get(session, incidentId);
            names.putAll(incidents.actorNames(org.devicedesk.incidents.IncidentTimelineSection.usernames(d)));
            return d;
        }, onLoaded, onFailed);
    }

    /** Saves the draft against the version the page was loaded at (a stale page is refused by the service). */
    void save(BreachDraft draft, Consumer<BreachCase> onSaved, Consumer<Throwable> onFailed) {
        BreachCase c = shown.get();
        if (c == null || !editable.get()) return;
        long id = c.id();
        long version = c.version();
        tasks.run(() -> breaches.save(session, id, version, draft), onSaved, onFailed);
    }

    /**
     * The instant typed, in office time; null when both are empty. An unreadable date or time, or a date
     * without a time, is refused with {@code what} in the sentence and the text typed. "1405" reads as 14:05.
     */
    static Instant instant(String dateText, String timeText, String field, String what) {
        String dt = dateText == null ? "" : dateText.strip();
        String tt = timeText == null ? "" : timeText.strip();
        if (dt.isEmpty() && tt.isEmpty()) return null;
        if (dt.isEmpty()) throw Refused.because(field, "Enter the date as well as the time for " + what + ".");
        LocalDate d = TypedWhen.date(dt);
        if (d == null) throw Refused.because(field, "\"" + dt + "\" is not a date; write " + what + " like " + TypedWhen.DATE_EXAMPLE + ".");
        if (tt.isEmpty()) throw Refused.because(field, "Enter the time of day for " + what + ", like 14:05.");
        LocalTime t = TypedWhen.time(tt); // the one set of rules for a time typed: 14:05, 1405, 14.05, 2:05 pm
        if (t == null) throw Refused.because(field, "\"" + tt + "\" is not a time of day; write " + what + " like 14:05.");
        return d.atTime(t).atZone(AppClock.OFFICE_ZONE).toInstant();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
