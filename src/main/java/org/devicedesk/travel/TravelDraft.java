package org.devicedesk.travel;

import java.time.LocalDate;
import java.util.List;

/**
 * What a person enters on the travel notice form. {@code travellerId} null means the signed-in person.
 * Destinations are ISO 3166 alpha-2 codes.
 */
public record TravelDraft(Long travellerId, List<String> destinations, LocalDate departureDate, LocalDate returnDate,
                          List<Long> deviceIds, String purpose) {
    public TravelDraft {
        destinations = destinations == null ? List.of() : List.copyOf(destinations);
        deviceIds = deviceIds == null ? List.of() : List.copyOf(deviceIds);
    }
}
