package org.devicedesk.travel;

import java.time.LocalDate;
import java.util.List;

/** The countries that restrict the import or use of encryption, where the list came from, and when it was reviewed. */
public record CryptoList(String source, LocalDate reviewedOn, List<Entry> countries) {
    public record Entry(String code, String name, String note) {}

    public boolean restricts(String code) {
        return countries.stream().anyMatch(e -> e.code().equals(code));
    }
}
