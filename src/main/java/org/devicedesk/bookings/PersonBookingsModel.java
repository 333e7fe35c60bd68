package org.devicedesk.bookings;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.devicedesk.core.Session;
import org.devicedesk.ui.Tasks;

/**
 * The view model of a person's pool bookings on their page ({@link PersonBookingsSection}): the bookings
 * to come or out (first), then the last few past ones, and the title that counts the first.
 */
final class PersonBookingsModel {
    static final int PAST_SHOWN = 3;

    /** What the section shows. */
    record Shown(LocalDate today, List<Booking> current, List<Booking> past, String title) {
        boolean none() {
            return current.isEmpty() && past.isEmpty();
        }
    }

    private final Session session;
    private final BookingService bookings;
    private final Tasks.Latest latest;
    private final ReadOnlyObjectWrapper<Shown> shown = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Throwable> failure = new ReadOnlyObjectWrapper<>();

    PersonBookingsModel(Session session, BookingService bookings, Tasks tasks) {
        this.session = session;
        this.bookings = bookings;
        this.latest = new Tasks.Latest(tasks);
    }

    ReadOnlyObjectProperty<Shown> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Throwable> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    void load(long personId) {
        latest.run(() -> bookings.ofPerson(session, personId), all -> shown.set(of(all, bookings.today())), failure::set);
    }

    /** Current: booked and not yet past, or checked out and not back. Past: the rest, newest first as the service lists them. */
    static Shown of(List<Booking> all, LocalDate today) {
        List<Booking> current = all.stream().filter(b -> b.isActive() && (b.status() == Booking.Status.CHECKED_OUT ? b.returnedAt() == null : !b.to().isBefore(today)))
                .sorted(Comparator.comparing(Booking::from)).toList();
        List<Booking> past = all.stream().filter(b -> !current.contains(b)).limit(PAST_SHOWN).toList();
        return new Shown(today, current, past, "Pool bookings" + (current.isEmpty() ? "" : " (" + current.size() + " to come or out)"));
    }
}
