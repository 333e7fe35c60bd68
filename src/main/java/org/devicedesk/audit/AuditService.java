package org.devicedesk.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.LongConsumer;
import org.devicedesk.core.Audit;
import org.devicedesk.core.AuditAnchors;
import org.devicedesk.core.Database;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;

/** Reading and verifying the audit trail: ADMIN and the DPO. */
public final class AuditService {
    public static final int PAGE = 500;

    private final Database db;
    private final Clock clock;
    private final AuditRepository repo = new AuditRepository();
    private final AuditAnchors anchors;

    public AuditService(Database db, Clock clock) {
        this(db, clock, AuditAnchors.forDatabase(db, clock));
    }

    public AuditService(Database db, Clock clock, AuditAnchors anchors) {
        this.db = db;
        this.clock = clock;
        this.anchors = anchors;
    }

    /** The anchors outside the database (ADR 0009). */
    public AuditAnchors anchors() {
        return anchors;
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

    /**
     * Recomputes the hash chain, streaming, and names the first event that breaks it; then compares the
     * trail with the latest anchor kept outside the database, which catches a trail rewritten with its
     * chain recomputed ("N events missing or rewritten since the anchor of …"). An intact trail is
     * anchored again, and the explanation ends with what the DPO notes down.
     */
    public Audit.Verification verify(Session s, LongConsumer progress) {
        s.require(Role.ADMIN, Role.DPO);
        Audit.Verification chain = db.read(h -> Audit.verify(h, progress));
        Audit.Verification v = chain;
        if (chain.intact()) {
            AuditAnchors.Comparison c = db.read(h -> anchors.compare(h, org.devicedesk.core.AppClock.OFFICE_ZONE));
            v = c.matches()
                    ? new Audit.Verification(true, chain.eventsChecked(), null, chain.explanation() + (c.latest() == null ? "" : " " + c.explanation()))
                    : new Audit.Verification(false, chain.eventsChecked(), c.latest().seq(), c.explanation());
        }
        Audit.Verification result = v;
        AuditAnchors.Anchor[] head = {null};
        db.useTransaction(h -> {
            Audit.record(h, s, clock.instant(), "AUDIT_VERIFIED", "audit", "chain",
                    result.intact() ? "Chain verified intact (" + result.eventsChecked() + " events)" : "Chain broken: " + result.explanation());
            head[0] = anchors.head(h, "verified by " + s.username());
        });
        if (!result.intact()) return result;
        anchors.append(head[0]); // only a trail found intact is anchored again
        return new Audit.Verification(true, result.eventsChecked(), null, result.explanation()
                + " For your records: " + head[0].forTheRecord(org.devicedesk.core.AppClock.OFFICE_ZONE) + ".");
    }

    /** How each record type is known to people: its table and the column that names a record of it. */
    private static final java.util.Map<String, String[]> KNOWN_BY = java.util.Map.of(
            "incident", new String[] {"incident", "reference"},
            "breach_case", new String[] {"breach_case", "reference"},
            "travel_notice", new String[] {"travel_notice", "reference"},
            "device", new String[] {"device", "asset_tag"},
            "person", new String[] {"person", "full_name"},
            "account", new String[] {"account", "username"});

    /**
     * The events of a page in words (issue 17): who did it by their name ("Sam Patel", or "Device Desk
     * (automatic)" for work nobody started), the action as a phrase ("Travel notice decided"), the record as
     * people know it ("Travel notice TRV-2026-0040", "Device LAP-0042"). One query per record type for the page.
     */
    public Words words(Session s, List<AuditEvent> events) {
        s.require(Role.ADMIN, Role.DPO);
        java.util.Set<String> actors = new java.util.HashSet<>();
        java.util.Map<String, java.util.Set<String>> ids = new java.util.HashMap<>();
        for (AuditEvent e : events) {
            actors.add(e.actor());
            if (KNOWN_BY.containsKey(e.recordType()) && e.recordId() != null) ids.computeIfAbsent(e.recordType(), t -> new java.util.HashSet<>()).add(e.recordId());
        }
        return db.read(h -> {
            java.util.Map<String, String> names = repo.names(h, actors);
            java.util.Map<String, java.util.Map<String, String>> known = new java.util.HashMap<>();
            ids.forEach((type, set) -> known.put(type, repo.known(h, KNOWN_BY.get(type)[0], KNOWN_BY.get(type)[1], set)));
            return new Words(names, known);
        });
    }

    /** Names and references looked up for some events; {@link #merge} adds a later page's. */
    public record Words(java.util.Map<String, String> names, java.util.Map<String, java.util.Map<String, String>> known) {
        public static final Words NONE = new Words(java.util.Map.of(), java.util.Map.of());
        /** The actor of work nobody started (imports, the demo data, the headless service's jobs). */
        public static final String AUTOMATIC = "Device Desk (automatic)";

        public Words merge(Words more) {
            java.util.Map<String, String> n = new java.util.HashMap<>(names);
            n.putAll(more.names);
            java.util.Map<String, java.util.Map<String, String>> k = new java.util.HashMap<>();
            known.forEach((t, m) -> k.put(t, new java.util.HashMap<>(m)));
            more.known.forEach((t, m) -> k.computeIfAbsent(t, x -> new java.util.HashMap<>()).putAll(m));
            return new Words(n, k);
        }

        /** "Sam Patel"; the username when it has no person (a removed account); "Device Desk (automatic)" for the system. */
        public String actor(String username) {
            if (username == null || username.isBlank()) return "";
            if (username.equals(Session.system().username())) return AUTOMATIC;
            return names.getOrDefault(username, username);
        }

        /** "TRAVEL_NOTICE_DECIDED" as "Travel notice decided". */
        public static String action(String code) {
            return phrase(code);
        }

        /** "travel_notice" as "Travel notice". */
        public static String recordType(String type) {
            return phrase(type);
        }

        /** "Travel notice TRV-2026-0040"; "Travel notice 40" when it is not known (any more). */
        public String record(String type, String id) {
            String what = recordType(type);
            if (id == null || id.isBlank()) return what;
            String name = known.getOrDefault(type, java.util.Map.of()).get(id);
            return what + " " + (name == null ? id : name);
        }

        private static String phrase(String code) {
            if (code == null || code.isBlank()) return "";
            String words = code.toLowerCase(java.util.Locale.UK).replace('_', ' ').strip();
            return Character.toUpperCase(words.charAt(0)) + words.substring(1);
        }
    }
}
