package org.devicedesk.core;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem with an input before refusing it, so a person sees them all at once. */
public final class Problems {
    private final List<Refused.Problem> problems = new ArrayList<>();

    public Problems add(String field, String message) {
        problems.add(new Refused.Problem(field, message));
        return this;
    }

    public Problems addIf(boolean condition, String field, String message) {
        if (condition) add(field, message);
        return this;
    }

    public Problems required(String value, String field, String label) {
        return addIf(value == null || value.isBlank(), field, label + " is required.");
    }

    public Problems required(Object value, String field, String label) {
        return addIf(value == null, field, label + " is required.");
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public void throwIfAny() {
        if (!problems.isEmpty()) throw new Refused(problems);
    }
}
