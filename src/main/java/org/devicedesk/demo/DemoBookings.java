package org.devicedesk.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.devicedesk.bookings.BookingDraft;
import org.devicedesk.bookings.BookingService;
import org.devicedesk.core.Refused;
import org.devicedesk.core.Session;
import org.devicedesk.devices.Custody;
import org.devicedesk.devices.DesignatedUser;

/**
 * Pool bookings for the demo (issue 21): one due out today, one checked out and overdue back, the staff account's
 * own booking next week, and a spread of bookings over the coming fortnight, all through the booking rules.
 */
final class DemoBookings {
    private static final String[] PURPOSES = {"Partnership meeting in Coventry", "Victims' board at the Council House", "Training day",
            "Community engagement event", "Audit committee papers", "Site visit, custody suite", "Conference in Birmingham"};

    private DemoBookings() {}

    static void fill(Demo.Wired s, Random random, long staffPersonId) {
        Session system = Session.system();
        BookingService bookings = s.bookings();
        LocalDate today = bookings.today();
        s.db().useTransaction(h -> {
            List<BookingService.PoolDevice> pool = bookings.poolDevices(system, null).stream().filter(d -> d.status().canBeHandedOut()).toList();
            List<BookingService.PoolDevice> free = new ArrayList<>();
            boolean overdue = false;
            for (BookingService.PoolDevice d : pool) {
                var held = s.devices().deviceInTransaction(h, d.id()).holder();
                if (held == null) {
                    free.add(d);
                    continue;
                }
                if (overdue) continue;
                // checked out some days ago against a booking that ended yesterday: "overdue back"
                LocalDate out = LocalDate.ofInstant(held.since(), org.devicedesk.core.AppClock.OFFICE_ZONE);
                if (!out.isBefore(today)) continue;
                Custody open = s.devices().custodyHistory(system, d.id()).stream().filter(Custody::isOpen).findFirst().orElse(null);
                if (open == null) continue;
                long id = bookings.bookInTransaction(h, system, new BookingDraft(d.id(), held.personId(), out, today.minusDays(1), PURPOSES[0]), out);
                bookings.recordCheckedOutInTransaction(h, system, id, open.id(), held.since());
                overdue = true;
            }
            if (free.isEmpty()) return;
            // due out today
            book(s, h, system, free.get(0), today, today.plusDays(1), random);
            // the staff account's own booking next week, on a device they become a designated user of
            BookingService.PoolDevice mine = free.get(Math.min(1, free.size() - 1));
            try {
                if (s.devices().designatedUsersInTransaction(h, mine.id()).stream().noneMatch(u -> u.personId() == staffPersonId)) {
                    s.devices().addDesignatedUserInTransaction(h, system, mine.id(), staffPersonId);
                }
                LocalDate monday = today.plusWeeks(1).with(java.time.DayOfWeek.MONDAY);
                bookings.bookInTransaction(h, system, new BookingDraft(mine.id(), staffPersonId, monday.plusDays(1), monday.plusDays(2),
                        "Away day with the Commissioner's office"), today);
            } catch (Refused r) {
                // a staff account without a current declaration simply has no booking
            }
            // a spread over the coming fortnight
            for (int k = 2; k < free.size() && k < 14; k++) {
                LocalDate from = today.plusDays(1 + random.nextInt(12));
                book(s, h, system, free.get(k), from, from.plusDays(random.nextInt(3)), random);
            }
        });
    }

    private static void book(Demo.Wired s, org.jdbi.v3.core.Handle h, Session system, BookingService.PoolDevice d, LocalDate from, LocalDate to, Random random) {
        List<DesignatedUser> users = s.devices().designatedUsersInTransaction(h, d.id());
        if (users.isEmpty()) return;
        long who = users.get(random.nextInt(users.size())).personId();
        try {
            s.bookings().bookInTransaction(h, system, new BookingDraft(d.id(), who, from, to, PURPOSES[random.nextInt(PURPOSES.length)]), from);
        } catch (Refused r) {
            // someone without a current declaration, or the days are taken: the demo skips it
        }
    }
}
