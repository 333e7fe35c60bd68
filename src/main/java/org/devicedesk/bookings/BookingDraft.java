package org.devicedesk.bookings;

import java.time.LocalDate;

/** What the booking form collects: {@code personId} null means the signed-in person. */
public record BookingDraft(Long deviceId, Long personId, LocalDate from, LocalDate to, String purpose) {}
