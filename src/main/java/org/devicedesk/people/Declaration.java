package org.devicedesk.people;

import java.time.Instant;
import java.time.LocalDate;

/** "I have read and understood the policy and will comply with it" (policy 1, 50). */
public record Declaration(long id, long personId, LocalDate signedOn, Instant signedAt, Method method, String recordedBy) {
    public static final String TEXT = "I have read and understood the policy and will comply with it.";

    public enum Method { IN_APP, PAPER }
}
