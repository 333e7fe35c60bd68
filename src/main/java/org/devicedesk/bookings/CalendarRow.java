package org.devicedesk.bookings;

import java.util.List;

/** One pool device in the booking calendar and its bookings that touch the shown days. */
public record CalendarRow(long deviceId, String assetTag, String makeModel, String team, String status, List<Booking> bookings) {}
