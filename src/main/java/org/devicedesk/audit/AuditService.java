package org.devicedesk.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.LongConsumer;
import org.devicedesk.core.Audit;
import org.devicedesk.core.Database;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;

/** Reading and verifying the audit trail: ADMIN and the DPO. */
public final class AuditService {
    public static final int PAGE = 500;

    private final Database db;
    private final Clock clock;
    private final AuditRepository repo = new AuditRepository();

    public AuditService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Filters; null or blank means any. {@code to} is exclusive. */
    public record Query(String actor, String recordType, String recordId, Instant from, Instant to) {
        public static Query all() { return new Query(null, null, null, null, null); }
    }

    /** Newest first, one page; pass the last seq seen to get the next page. */
    public List<AuditEvent> page(Session s, Query q, long beforeSeq) {
        s.require(Role.ADMIN, Role.DPO);
        return db.read(h -> repo.page(h, q, PAGE, beforeSeq));
    }

    public List<AuditEvent> page(Session s, Query q) {
        return page(s, q, Long.MAX_VALUE);
    }

    /** How many events have been written (the chain's length, for a progress bar). */
    public long eventsWritten(Session s) {
        s.require(Role.ADMIN, Role.DPO);
        return db.read(repo::lastSeq);
    }

    public List<String> actors(Session s) {
        s.require(Role.ADMIN, Role.DPO);
        return db.read(repo::actors);
    }

    public List<String> recordTypes(Session s) {
        s.require(Role.ADMIN, Role.DPO);
        return db.read(repo::recordTypes);
    }

    /** Recomputes the hash chain, streaming; names the first event that breaks it. */
    public Audit.Verification verify(Session s, LongConsumer progress) {
        s.require(Role.ADMIN, Role.DPO);
        Audit.Verification v = db.read(h -> Audit.verify(h, progress));
        db.useTransaction(h -> Audit.record(h, s, clock.instant(), "AUDIT_VERIFIED", "audit", "chain",
                v.intact() ? "Chain verified intact (" + v.eventsChecked() + " events)" : "Chain broken: " + v.explanation()));
        return v;
    }
}
