package org.devicedesk.travel;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** An ISO 3166-1 alpha-2 country with its English name, from the Java runtime's list. */
public record Country(String code, String name) {
    private static final List<Country> ALL = java.util.Arrays.stream(Locale.getISOCountries())
            .map(c -> new Country(c, Locale.of("", c).getDisplayCountry(Locale.ENGLISH)))
            .sorted(Comparator.comparing(Country::name, String.CASE_INSENSITIVE_ORDER))
            .toList();
    private static final Map<String, Country> BY_CODE = ALL.stream().collect(Collectors.toMap(Country::code, Function.identity()));

    /** Every country, by English name. */
    public static List<Country> all() {
        return ALL;
    }

    public static boolean isKnown(String code) {
        return code != null && BY_CODE.containsKey(code);
    }

    /** The English name, or the code itself for a code the runtime does not know. */
    public static String nameOf(String code) {
        Country c = code == null ? null : BY_CODE.get(code);
        return c == null ? String.valueOf(code) : c.name();
    }

    @Override public String toString() {
        return name;
    }
}
