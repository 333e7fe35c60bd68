package org.devicedesk.audit;

import java.time.Instant;

/** One event of the audit trail (SPEC section 6). */
public record AuditEvent(long seq, Instant at, String actor, String action, String recordType, String recordId, String summary, String hash) {}
