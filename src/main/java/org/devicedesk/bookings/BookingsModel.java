package org.devicedesk.bookings;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.devicedesk.core.Refused;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.people.PeopleService;
import org.devicedesk.ui.FormOutcome;
import org.devicedesk.ui.Tasks;

/**
 * The view model of the bookings screen ({@link BookingsView}): the two weeks shown and the team and device
 * they are filtered by, the calendar rows and the bookings listed, the help desk's actions on the selected
 * booking (which are offered follows from its state), and the booking form ({@code booking-*}). The calendar
 * loads through {@link Tasks.Latest}: an older load never replaces a newer one.
 */
final class BookingsModel {
    static final int DAYS = BookingsView.DAYS;
    private static final DateTimeFormatter RANGE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private final Session session;
    private final BookingService bookings;
    private final PeopleService people;
    private final Tasks tasks;
    private final Tasks.Latest latest;
    final boolean canManage;

    final ObjectProperty<LocalDate> start = new SimpleObjectProperty<>();
    final StringBinding range;
    final ObservableList<String> teams = FXCollections.observableArrayList();
    /** {@code null}: every team. */
    final ObjectProperty<String> team = new SimpleObjectProperty<>();
    final ObservableList<BookingService.PoolDevice> teamDevices = FXCollections.observableArrayList();
    /** {@code null}: every device of the team. */
    final ObjectProperty<BookingService.PoolDevice> shownDevice = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Weeks> calendar = new ReadOnlyObjectWrapper<>();
    final ObservableList<Booking> listed = FXCollections.observableArrayList();
    final ObjectProperty<Booking> selected = new SimpleObjectProperty<>();
    final BooleanBinding checkOutOffered;
    final BooleanBinding cancelOffered;
    final BooleanBinding wipeOffered;
    final ObjectProperty<FormOutcome> listOutcome = new SimpleObjectProperty<>(FormOutcome.NONE);

    // the booking form
    final ObservableList<BookingService.PoolDevice> formDevices = FXCollections.observableArrayList();
    final ObjectProperty<BookingService.PoolDevice> device = new SimpleObjectProperty<>();
    final ObservableList<PeopleService.Row> persons = FXCollections.observableArrayList();
    final ObjectProperty<PeopleService.Row> person = new SimpleObjectProperty<>();
    final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    final StringProperty purpose = new SimpleStringProperty("");
    final SimpleBooleanProperty saving = new SimpleBooleanProperty();
    final ObjectProperty<FormOutcome> formOutcome = new SimpleObjectProperty<>(FormOutcome.NONE);

    /** While the choices are being refilled: the filters' changes are not searches of the person's. */
    private boolean filling;

    BookingsModel(Session session, BookingService bookings, PeopleService people, Tasks tasks) {
        this.session = session;
        this.bookings = bookings;
        this.people = people;
        this.tasks = tasks;
        this.latest = new Tasks.Latest(tasks);
        this.canManage = session.hasAny(Role.HELPDESK, Role.ADMIN);
        start.set(monday(bookings.today()));
        range = Bindings.createStringBinding(() -> RANGE.format(start.get()) + " – " + RANGE.format(start.get().plusDays(DAYS - 1)), start);
        checkOutOffered = Bindings.createBooleanBinding(() -> selected.get() != null && selected.get().state(today()) == Booking.State.DUE_OUT, selected);
        cancelOffered = Bindings.createBooleanBinding(() -> selected.get() != null && selected.get().status() == Booking.Status.BOOKED, selected);
        wipeOffered = Bindings.createBooleanBinding(() -> selected.get() != null && selected.get().awaitingWipe()
                && selected.get().returnedAt() != null, selected);
        team.addListener((o, was, now) -> {
            if (!filling) reloadDevices(null);
        });
        shownDevice.addListener((o, was, now) -> {
            if (!filling) reload();
        });
        // picking the first day suggests the same last day, the commonest booking
        from.addListener((o, was, now) -> {
            if (now != null && (to.get() == null || to.get().isBefore(now))) to.set(now);
        });
    }

    static LocalDate monday(LocalDate d) {
        return d.with(DayOfWeek.MONDAY);
    }

    LocalDate today() {
        return bookings.today();
    }

    /**
     * The two weeks loaded: their first day and a row a device. Each load is a new value (identity, not
     * equality: two empty fortnights are two calendars to draw).
     */
    static final class Weeks {
        final LocalDate first;
        final List<CalendarRow> rows;

        Weeks(LocalDate first, List<CalendarRow> rows) {
            this.first = first;
            this.rows = List.copyOf(rows);
        }
    }

    ReadOnlyObjectProperty<Weeks> calendarProperty() {
        return calendar.getReadOnlyProperty();
    }

    /** The teams and (for the help desk) the people to book for, then the devices; {@code wantedDevice} is shown and put in the form. */
    void loadChoices(Long wantedDevice) {
        record Choices(List<String> teams, List<PeopleService.Row> people) {}
        tasks.run(() -> new Choices(bookings.teams(session), canManage ? people.list(session, PeopleService.Query.all()) : List.of()), c -> {
            filling = true;
            String chosenTeam = team.get();
            teams.setAll(c.teams());
            team.set(chosenTeam != null && c.teams().contains(chosenTeam) ? chosenTeam : null);
            if (canManage) {
                PeopleService.Row chosen = person.get();
                persons.setAll(c.people().stream().filter(x -> x.person().active()).toList());
                person.set(chosen == null ? null : persons.stream().filter(x -> x.person().id() == chosen.person().id()).findFirst().orElse(null));
            }
            filling = false;
            reloadDevices(wantedDevice);
        }, t -> listOutcome.set(FormOutcome.failed(t)));
    }

    /** The devices of the chosen team, for the device filter and the form; {@code wanted} is chosen in both. */
    void reloadDevices(Long wanted) {
        String t = team.get();
        record Devices(List<BookingService.PoolDevice> ofTeam, List<BookingService.PoolDevice> all) {}
        tasks.run(() -> new Devices(bookings.poolDevices(session, t), bookings.poolDevices(session, null)), d -> {
            filling = true;
            Long filtered = wanted != null ? wanted : shownDevice.get() == null ? null : shownDevice.get().id();
            teamDevices.setAll(d.ofTeam());
            shownDevice.set(d.ofTeam().stream().filter(x -> Objects.equals(x.id(), filtered)).findFirst().orElse(null));
            Long inForm = wanted != null ? wanted : device.get() == null ? null : device.get().id();
            formDevices.setAll(d.all().stream().filter(x -> x.status().canBeHandedOut()).toList());
            device.set(d.all().stream().filter(x -> Objects.equals(x.id(), inForm)).findFirst().orElse(null));
            filling = false;
            reload();
        }, e -> listOutcome.set(FormOutcome.failed(e)));
    }

    void move(int days) {
        start.set(start.get().plusDays(days));
        reload();
    }

    void thisWeek() {
        start.set(monday(today()));
        reload();
    }

    /** Reloads the calendar and the list for the shown two weeks. */
    void reload() {
        String t = team.get();
        Long deviceId = shownDevice.get() == null ? null : shownDevice.get().id();
        LocalDate first = start.get();
        latest.run(() -> bookings.calendar(session, t, deviceId, first, DAYS), rows -> {
            Long was = selected.get() == null ? null : selected.get().id();
            Map<Long, Booking> shown = new LinkedHashMap<>();
            // other people's bookings (personId < 0) show as "Booked" in the calendar only
            rows.stream().flatMap(x -> x.bookings().stream()).filter(b -> b.personId() >= 0)
                    .sorted(Comparator.comparing(Booking::from).thenComparing(Booking::assetTag)).forEach(b -> shown.put(b.id(), b));
            calendar.set(new Weeks(first, rows));
            listed.setAll(shown.values());
            selected.set(was == null ? null : shown.get(was));
        }, e -> listOutcome.set(FormOutcome.failed(e)));
    }

    void checkOut() {
        act(b -> bookings.checkOut(session, b.id()), b -> b.assetTag() + " is checked out to " + b.personName() + ".");
    }

    void cancelBooking() {
        act(b -> {
            bookings.cancel(session, b.id());
            return null;
        }, b -> "The booking of " + b.assetTag() + " " + BookingService.days(b.from(), b.to()) + " is cancelled.");
    }

    void recordWiped() {
        act(b -> {
            bookings.recordWiped(session, b.id());
            return null;
        }, b -> b.assetTag() + " is recorded as wiped and re-imaged; it can be booked again.");
    }

    private interface Work {
        Object on(Booking b) throws Exception;
    }

    private void act(Work work, java.util.function.Function<Booking, String> done) {
        Booking b = selected.get();
        if (b == null) return;
        tasks.run(() -> work.on(b), x -> {
            reload();
            listOutcome.set(FormOutcome.done(done.apply(b)));
        }, t -> listOutcome.set(FormOutcome.failed(t)));
    }

    /** Books the device; the help desk must say for whom (staff book for themselves). */
    void book() {
        BookingService.PoolDevice d = device.get();
        PeopleService.Row p = person.get();
        if (canManage && p == null) {
            formOutcome.set(FormOutcome.failed(Refused.because("person", "Choose the person the device is booked for.")));
            return;
        }
        BookingDraft draft = new BookingDraft(d == null ? null : d.id(), canManage ? p.person().id() : null, from.get(), to.get(), purpose.get());
        saving.set(true);
        tasks.run(() -> bookings.book(session, draft), id -> {
            saving.set(false);
            String who = canManage ? p.person().fullName() : "you";
            clearForm();
            formOutcome.set(FormOutcome.done(d.assetTag() + " is booked for " + who + " " + BookingService.days(draft.from(), draft.to()) + "."));
            if (draft.from().isBefore(start.get()) || draft.from().isAfter(start.get().plusDays(DAYS - 1))) start.set(monday(draft.from()));
            reload();
        }, t -> {
            saving.set(false);
            formOutcome.set(FormOutcome.failed(t));
        });
    }

    void clearForm() {
        formOutcome.set(FormOutcome.NONE);
        from.set(null);
        to.set(null);
        purpose.set("");
    }
}
