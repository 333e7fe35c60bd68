package org.devicedesk.incidents;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.devicedesk.core.AppClock;
import org.devicedesk.core.Refused;
import org.devicedesk.core.Session;
import org.devicedesk.incidents.Incident.DeviceChoice;
import org.devicedesk.incidents.Incident.DeviceNeed;
import org.devicedesk.incidents.Incident.Question;
import org.devicedesk.incidents.Incident.Type;
import org.devicedesk.people.PeopleService;
import org.devicedesk.people.Person;
import org.devicedesk.ui.Tasks;

/**
 * "Report a problem" without a window (issue 15): every answer as a property the form binds to, and the
 * rules that sat in {@code IncidentReportForm} — which questions a kind of problem asks, when Send is
 * possible, who the report is for, the devices they hold and what to say when there are none, how the
 * dates and times are read, whether anything would be lost by leaving — with the service calls through
 * {@link Tasks} (synchronous in tests with {@link Tasks#direct()}).
 */
final class IncidentReportModel {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final IncidentService incidents;
    private final PeopleService people;
    private final Session session;
    private final Tasks tasks;

    final ObjectProperty<Type> type = new SimpleObjectProperty<>();
    final ObjectProperty<Person> reporter = new SimpleObjectProperty<>();
    final ObservableList<Person> reporters = FXCollections.observableArrayList();
    final ObjectProperty<LocalDate> reportedOn = new SimpleObjectProperty<>();
    final StringProperty reportedTime = new SimpleStringProperty("");
    final ObjectProperty<DeviceChoice> device = new SimpleObjectProperty<>();
    final ObservableList<DeviceChoice> devices = FXCollections.observableArrayList();
    final StringProperty noDevices = new SimpleStringProperty("");
    final StringProperty deviceDescription = new SimpleStringProperty("");
    final ObjectProperty<LocalDate> occurredOn = new SimpleObjectProperty<>();
    final StringProperty occurredTime = new SimpleStringProperty("");
    final StringProperty location = new SimpleStringProperty("");
    final StringProperty whatHappened = new SimpleStringProperty("");
    final StringProperty crimeReference = new SimpleStringProperty("");
    final ObjectProperty<Boolean> deviceLocked = new SimpleObjectProperty<>();
    final ObjectProperty<Boolean> alwaysInPossession = new SimpleObjectProperty<>();
    final ObjectProperty<Boolean> passwordWrittenDown = new SimpleObjectProperty<>();
    final ObjectProperty<Boolean> passwordReused = new SimpleObjectProperty<>();
    final ObjectProperty<Boolean> passwordChanged = new SimpleObjectProperty<>();
    /** Who to phone right now (policy 56), known before anything is typed; empty when it could not be read. */
    final ObjectProperty<Incident.CallNow> callNow = new SimpleObjectProperty<>();
    /** The form is on screen (not the guidance after sending, not left). */
    final BooleanProperty showingForm = new SimpleBooleanProperty();
    /** A report is being sent. */
    final BooleanProperty sending = new SimpleBooleanProperty();

    /** Send is possible once the kind of problem is chosen, and not while a report is being sent. */
    final BooleanBinding canSend;

    IncidentReportModel(IncidentService incidents, PeopleService people, Session session, Tasks tasks) {
        this.incidents = incidents;
        this.people = people;
        this.session = session;
        this.tasks = tasks;
        canSend = Bindings.createBooleanBinding(() -> type.get() != null && !sending.get(), type, sending);
        reporter.addListener((o, a, p) -> loadDevices(e -> { }));
    }

    /** The help desk and Information Security record reports phoned in for someone else, with when it came in. */
    boolean forOthers() {
        return incidents.canReportForOthers(session);
    }

    /** Issue 17: the question as the form asks it now, for the chosen kind and for the person the report is about ({@link ReportWording}). */
    javafx.beans.binding.StringBinding question(Question q) {
        return Bindings.createStringBinding(() -> ReportWording.question(q, type.get(), reporting()), type, reporter);
    }

    /** Who is reporting: for oneself, or (the help desk taking a call) for the person chosen, and whether by the DPO. */
    ReportWording.Reporting reporting() {
        Person p = reporter.get();
        boolean other = forOthers() && p != null && !session.isSelf(p.id());
        return new ReportWording.Reporting(p == null ? null : p.fullName(), other, session.has(org.devicedesk.core.Role.DPO));
    }

    /** Whether the chosen kind of problem asks this question (nothing is asked before a kind is chosen). */
    boolean asks(Question q) {
        Type t = type.get();
        return t != null && t.asks(q);
    }

    /** Which device field the chosen kind needs, or null before a kind is chosen. */
    DeviceNeed deviceNeed() {
        Type t = type.get();
        return t == null ? null : t.device();
    }

    /** Starts a new report: every answer cleared, the time it came in set to now, who to call, the people and devices loaded. */
    void start(Consumer<Throwable> onFailed) {
        type.set(null);
        devices.clear();
        device.set(null);
        deviceDescription.set("");
        occurredOn.set(null);
        occurredTime.set("");
        location.set("");
        whatHappened.set("");
        crimeReference.set("");
        for (ObjectProperty<Boolean> q : answers()) q.set(null);
        sending.set(false);
        showingForm.set(true);
        callNow.set(null);
        tasks.run(() -> incidents.callNow(session), callNow::set, t -> callNow.set(null));
        ZonedDateTime now = incidents.now().atZone(AppClock.OFFICE_ZONE);
        reportedOn.set(now.toLocalDate());
        reportedTime.set(TIME.format(now));
        if (forOthers()) {
            reporter.set(null);
            tasks.run(() -> people.list(session, PeopleService.Query.all()).stream().map(PeopleService.Row::person).toList(), list -> {
                reporters.setAll(list);
                list.stream().filter(p -> session.isSelf(p.id())).findFirst().ifPresent(reporter::set);
            }, onFailed);
        } else {
            loadDevices(onFailed);
        }
    }

    private List<ObjectProperty<Boolean>> answers() {
        return List.of(deviceLocked, alwaysInPossession, passwordWrittenDown, passwordReused, passwordChanged);
    }

    /** The person the report is about: the one chosen by the help desk, otherwise the signed-in person. */
    Long reporterId() {
        if (forOthers() && reporter.get() != null) return reporter.get().id();
        return session.personId();
    }

    /** The devices the reporter holds; the only one is chosen for them; none is said in words. */
    void loadDevices(Consumer<Throwable> onFailed) {
        Long who = reporterId();
        devices.clear();
        if (who == null) return;
        tasks.run(() -> incidents.devicesHeldBy(session, who), list -> {
            devices.setAll(list);
            if (list.size() == 1) device.set(list.get(0));
            noDevices.set(list.isEmpty() ? (session.isSelf(who) ? "You do not hold any device in the register."
                    : "This person does not hold any device in the register.") + " Call the help desk if this is wrong." : "");
        }, onFailed);
    }

    /** Something has been typed or chosen and not sent (the unsaved-changes guard asks before leaving). */
    boolean hasUnsavedChanges() {
        if (!showingForm.get()) return false;
        boolean text = List.of(deviceDescription, occurredTime, location, crimeReference, whatHappened).stream()
                .anyMatch(f -> f.get() != null && !f.get().isBlank());
        boolean answered = answers().stream().anyMatch(q -> q.get() != null);
        return type.get() != null || occurredOn.get() != null || text || answered;
    }

    /** The form was left without sending: nothing to guard any more. */
    void abandon() {
        showingForm.set(false);
    }

    /** The report as typed; what the form itself cannot read (a time of day) is refused before anything is sent. */
    Incident.Draft draft() {
        Instant occurred = instant(occurredOn.get(), occurredTime.get(), "occurred-at", false);
        Instant reported = forOthers() ? instant(reportedOn.get(), reportedTime.get(), "reported-at", true) : null;
        DeviceChoice chosen = device.get();
        return new Incident.Draft(type.get(), reporterId(), chosen == null ? null : chosen.id(), deviceDescription.get(),
                occurred, reported, location.get(), whatHappened.get(), deviceLocked.get(), crimeReference.get(),
                alwaysInPossession.get(), passwordWrittenDown.get(), passwordReused.get(), passwordChanged.get());
    }

    /** Sends the report; on success the form is no longer on show (the guidance is). */
    void send(Consumer<Incident.Reported> onSent, Consumer<Throwable> onFailed) {
        Incident.Draft d;
        try {
            d = draft();
        } catch (Refused r) {
            onFailed.accept(r);
            return;
        }
        sending.set(true);
        tasks.run(() -> incidents.report(session, d), r -> {
            sending.set(false);
            showingForm.set(false);
            onSent.accept(r);
        }, t -> {
            sending.set(false);
            onFailed.accept(t);
        });
    }

    /**
     * A date and an optional time ("21:15", "2115", "9:15 pm": core/TypedWhen's rules) in the office's zone; a date without a time is taken as
     * midday. {@code required}: the date and the time are both needed (when a phoned-in report came in).
     */
    static Instant instant(LocalDate date, String timeText, String field, boolean required) {
        String text = timeText == null ? "" : timeText.strip();
        if (date == null) {
            if (required) throw Refused.because(field, "Enter the date and time the report came in.");
            if (!text.isEmpty()) throw Refused.because(field, "Enter the date as well as the time, or leave both empty.");
            return null;
        }
        LocalTime time = LocalTime.NOON;
        if (!text.isEmpty()) {
            time = org.devicedesk.core.TypedWhen.time(text); // the one set of rules for a time typed (issue 15): 21:15, 2115, 9:15 pm
            if (time == null) throw Refused.because(field + "-time", "The time \"" + text + "\" is not a time of day; write it like 21:15.");
        } else if (required) {
            throw Refused.because(field + "-time", "Enter the time the report came in, like 21:15.");
        }
        return date.atTime(time).atZone(AppClock.OFFICE_ZONE).toInstant();
    }
}
