package org.devicedesk.travel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.devicedesk.core.Session;
import org.devicedesk.devices.Device;
import org.jdbi.v3.core.Handle;

/**
 * Clean loaner devices for travel (issue 21): Information Security's decision can require one, which books a
 * clean pool device for the travel dates; after the trip it must be recorded as wiped and re-imaged before it
 * is booked again. The bookings feature supplies it (Services), inside the caller's transaction.
 */
public interface TravelLoaners {
    /** One loaner booked for a notice, as the notice shows it. */
    record Loaner(long bookingId, long deviceId, String assetTag, String description, LocalDate from, LocalDate to,
                  boolean checkedOut, boolean returned, boolean cancelled, Instant wipedAt, String wipedBy) {
        public boolean awaitingWipe() {
            return checkedOut && wipedAt == null;
        }
    }

    /** Books a clean pool device of {@code kind} for the traveller from {@code from} to {@code to}; refused when none is free. */
    Loaner book(Handle h, Session s, long noticeId, String reference, long travellerId, Device.Kind kind, LocalDate from, LocalDate to);

    List<Loaner> ofNotice(Handle h, long noticeId);

    /** Records every used, returned loaner of the notice as wiped and re-imaged; refused while one is still out. */
    void recordWiped(Handle h, Session s, long noticeId);
}
