package org.devicedesk.travel;

import java.time.LocalDate;
import java.util.List;

/** The countries that restrict the import or use of encryption, where the list came from, and when it was reviewed. */
/** {@code version}: the list's one version (ADR 0008), raised by every change to it; an editor keeps it and passes it back. */
public record CryptoList(String source, LocalDate reviewedOn, List<Entry> countries, long version) {
    public record Entry(String code, String name, String note) {}

    public boolean restricts(String code) {
        return countries.stream().anyMatch(e -> e.code().equals(code));
    }
}
