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

    /** Newest first, one page; pass the seq of the last event of the previous page to get the next page. */
    public List<AuditEvent> page(Session s, Query q, long beforeSeq) {
        s.require(Role.ADMIN, Role.DPO);
        return db.read(h -> repo.page(h, q, PAGE, beforeSeq));
    }

    public List<AuditEvent> page(Session s, Query q) {
        return page(s, q, Long.MAX_VALUE);
    }

    /**
     * Writes every event matching the filters as CSV (newest first), page by page; the export
     * itself is audited. Returns how many events were written.
     */
    public int export(Session s, Query q, java.io.Writer out) {
        s.require(Role.ADMIN, Role.DPO);
        List<List<String>> rows = new java.util.ArrayList<>();
        long before = Long.MAX_VALUE;
        while (true) {
            long from = before;
            List<AuditEvent> page = db.read(h -> repo.page(h, q, PAGE, from));
            for (AuditEvent e : page) {
                rows.add(List.of(Long.toString(e.seq()), org.devicedesk.core.Times.store(e.at()), e.actor(), e.action(),
                        e.recordType(), e.recordId(), e.summary(), e.hash()));
            }
            if (page.size() < PAGE) break;
            before = page.get(page.size() - 1).seq();
        }
        org.devicedesk.core.Csv.write(out, List.of("seq", "at", "actor", "action", "record_type", "record_id", "summary", "hash"), rows);
        db.useTransaction(h -> Audit.record(h, s, clock.instant(), "AUDIT_EXPORTED", "audit", "export",
                "Exported " + rows.size() + " events to CSV" + describe(q)));
        return rows.size();
    }

    private static String describe(Query q) {
        StringBuilder sb = new StringBuilder();
        if (q.actor() != null && !q.actor().isBlank()) sb.append(", actor ").append(q.actor());
        if (q.recordType() != null && !q.recordType().isBlank()) sb.append(", record ").append(q.recordType());
        if (q.recordId() != null && !q.recordId().isBlank()) sb.append(" ").append(q.recordId());
        if (q.from() != null) sb.append(", from ").append(q.from());
        if (q.to() != null) sb.append(", before ").append(q.to());
        return sb.isEmpty() ? "" : " (" + sb.substring(2) + ")";
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
