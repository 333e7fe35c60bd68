package org.devicedesk.travel;

import java.time.LocalDate;
import java.util.List;

/**
 * The countries that restrict the import or use of encryption, where the list came from, and when it was
 * reviewed. {@code version}: the list's one version (ADR 0008), raised by every change to it; an editor
 * keeps it and passes it back. {@code updatedBy} and {@code updatedAt} say who last changed it (a person's
 * name, or "Device Desk" for the shipped file).
 */
public record CryptoList(String source, LocalDate reviewedOn, List<Entry> countries, long version, String updatedBy,
                         java.time.Instant updatedAt) {
    public record Entry(String code, String name, String note) {}

    public CryptoList(String source, LocalDate reviewedOn, List<Entry> countries) {
        this(source, reviewedOn, countries, 0, null, null);
    }

    /** "(List: Crypto Law Survey, reviewed 1 Mar 2026.)" — shown with every warning taken from the list. */
    public String provenance() {
        String reviewed = reviewedOn == null ? "review date not recorded"
                : "reviewed " + reviewedOn.format(java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.UK));
        return "(List: " + shortSource() + ", " + reviewed + ".)";
    }

    /** The source's name without its long explanation (up to the first bracket or colon); the whole text is in {@link #source}. */
    public String shortSource() {
        if (source == null || source.isBlank()) return "not recorded";
        String s = source.strip();
        int cut = s.length();
        for (String mark : new String[] {" (", ": "}) {
            int i = s.indexOf(mark);
            if (i > 0 && i < cut) cut = i;
        }
        return s.substring(0, cut);
    }

    public boolean restricts(String code) {
        return countries.stream().anyMatch(e -> e.code().equals(code));
    }
}
