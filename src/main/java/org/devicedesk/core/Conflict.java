package org.devicedesk.core;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A save refused because the record changed after the form was loaded (optimistic concurrency,
 * ADR 0008). Says who changed it, when and what, from the audit trail. Nothing was stored. The form
 * offers to reload the record, keeping what the person typed where it does not clash.
 */
public final class Conflict extends Refused {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm 'on' d MMMM yyyy").withZone(AppClock.OFFICE_ZONE);

    /** The latest change to the record in the audit trail (null fields when it has none). */
    public record Change(String actor, Instant at, String summary) {}

    private final String recordType;
    private final String recordId;
    private final String what;
    private final Change change;

    public Conflict(String recordType, Object recordId, String what, Change change) {
        this(recordType, recordId, what, change, message(what, change));
    }

    /** With a message of the caller's (e.g. "INC-2026-0001 was already acknowledged by bob at 10:02 ..."). */
    public Conflict(String recordType, Object recordId, String what, Change change, String message) {
        super(List.of(new Problem(null, message)));
        this.recordType = recordType;
        this.recordId = String.valueOf(recordId);
        this.what = what;
        this.change = change;
    }

    private static String message(String what, Change c) {
        String who = c == null || c.actor() == null ? "someone else" : c.actor();
        String when = c == null || c.at() == null ? "" : " at " + WHEN.format(c.at());
        String change = c == null || c.summary() == null || c.summary().isBlank() ? "" : " (" + c.summary() + ")";
        return what + " was changed by " + who + when + change + " after you opened it. Nothing was saved. "
                + "Reload to see their change; what you typed is kept where it does not clash.";
    }

    /** The audit trail's record type, e.g. {@code device}. */
    public String recordType() { return recordType; }

    public String recordId() { return recordId; }

    /** The record in words, e.g. "Device LT-0042". */
    public String what() { return what; }

    /** Who changed the record last, when, and the summary of that change. */
    public Change change() { return change; }
}
