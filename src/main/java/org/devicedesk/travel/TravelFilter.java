package org.devicedesk.travel;

import java.time.LocalDate;

/**
 * A narrowing of the travel list that another screen can ask for (the dashboard's numbers):
 * only late notices, only those awaiting a decision, departing within a range (null: open-ended).
 */
public record TravelFilter(boolean lateOnly, boolean pendingOnly, LocalDate departingFrom, LocalDate departingTo) {

    public boolean test(TravelNotice n) {
        if (lateOnly && !n.late()) return false;
        if (pendingOnly && !n.isPending()) return false;
        if (departingFrom != null && n.departureDate().isBefore(departingFrom)) return false;
        return departingTo == null || !n.departureDate().isAfter(departingTo);
    }
}
