package org.devicedesk.core;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A refused action: carries every reason as a sentence a person understands, each tied to the
 * form field it concerns (kebab-case field name as in SPEC.md, or {@code null} for the whole form).
 * Nothing was stored when this is thrown.
 */
public class Refused extends RuntimeException {
    public record Problem(String field, String message) {}

    private final List<Problem> problems;

    public Refused(List<Problem> problems) {
        super(problems.stream().map(Problem::message).collect(Collectors.joining(" ")));
        this.problems = List.copyOf(problems);
    }

    public static Refused because(String field, String message) {
        return new Refused(List.of(new Problem(field, message)));
    }

    public static Refused because(String message) {
        return because(null, message);
    }

    public List<Problem> problems() {
        return problems;
    }

    public List<String> messages() {
        return problems.stream().map(Problem::message).toList();
    }

    /** The message for one field, or null. */
    public String messageFor(String field) {
        return problems.stream().filter(p -> field.equals(p.field())).map(Problem::message)
                .collect(Collectors.collectingAndThen(Collectors.joining(" "), s -> s.isEmpty() ? null : s));
    }
}
