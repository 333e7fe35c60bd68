package org.devicedesk.bookings;

import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.ui.Tasks;

/**
 * The view model of the dashboard's "Pool bookings today" card ({@link BookingsSection}): the bookings due out
 * today and overdue back, at most {@link #SHOWN} of each listed, and whether the card shows at all (always
 * for the help desk; for others only when they have something due).
 */
final class BookingsSectionModel {
    static final int SHOWN = 6;

    /** What the card shows; {@code null} in {@link #shownProperty()} while it is hidden. */
    record Shown(int dueOutCount, int overdueCount, List<Booking> dueOut, List<Booking> overdue) {
        boolean nothing() {
            return dueOut.isEmpty() && overdue.isEmpty();
        }
    }

    private final Session session;
    private final BookingService bookings;
    private final Tasks tasks;
    private final ReadOnlyObjectWrapper<Shown> shown = new ReadOnlyObjectWrapper<>();

    BookingsSectionModel(Session session, BookingService bookings, Tasks tasks) {
        this.session = session;
        this.bookings = bookings;
        this.tasks = tasks;
    }

    ReadOnlyObjectProperty<Shown> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    void load() {
        tasks.run(() -> bookings.today(session), today -> shown.set(of(today, session.hasAny(Role.HELPDESK, Role.ADMIN))), t -> { });
    }

    static Shown of(BookingService.Today today, boolean helpdesk) {
        if (!helpdesk && today.dueOut().isEmpty() && today.overdue().isEmpty()) return null;
        return new Shown(today.dueOut().size(), today.overdue().size(),
                today.dueOut().subList(0, Math.min(SHOWN, today.dueOut().size())),
                today.overdue().subList(0, Math.min(SHOWN, today.overdue().size())));
    }
}
