package org.devicedesk.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.devicedesk.core.AppClock;
import org.devicedesk.core.Database;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.core.Settings;
import org.devicedesk.people.DeclarationState;

/**
 * The dashboard's numbers (SPEC section 7) and the triggers of its notifications, by role:
 * incidents for HELPDESK and DPO, breach cases for the DPO, travel for INFOSEC, declarations and
 * devices for HELPDESK and ADMIN, and everyone's own declaration, reports and trips.
 * Read-only: aggregate SQL in {@link DashboardRepository} over the feature tables, one read per call.
 */
public final class DashboardService {
    public static final int TRAVEL_SOON_DAYS = 14;
    public static final int MONTHS = 12;
    static final int URGENT_LIST = 10;

    private final Database db;
    private final Clock clock;
    private final DashboardRepository repo = new DashboardRepository();

    public DashboardService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public static boolean seesIncidents(Session s) { return s.hasAny(Role.HELPDESK, Role.DPO); }

    public static boolean seesBreaches(Session s) { return s.has(Role.DPO); }

    public static boolean seesTravel(Session s) { return s.has(Role.INFOSEC); }

    public static boolean seesRegister(Session s) { return s.hasAny(Role.HELPDESK, Role.ADMIN); }

    /** Everything this user's dashboard shows, at the clock's now. */
    public Dashboard snapshot(Session s) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, AppClock.OFFICE_ZONE);
        return db.read(h -> {
            Settings.Values settings = Settings.load(h);
            Dashboard.Incidents incidents = null;
            if (seesIncidents(s)) {
                Map<String, Map<String, Integer>> byType = new LinkedHashMap<>();
                Map<String, Integer> byStatus = new LinkedHashMap<>();
                for (String st : Dashboard.OPEN_INCIDENT_STATUSES) byStatus.put(st, 0);
                int open = 0;
                for (var c : repo.openIncidentsByTypeAndStatus(h)) {
                    byType.computeIfAbsent(c.type(), k -> new LinkedHashMap<>()).merge(c.status(), c.count(), Integer::sum);
                    byStatus.merge(c.status(), c.count(), Integer::sum);
                    open += c.count();
                }
                Map<String, Map<String, Integer>> ordered = new LinkedHashMap<>();
                for (String type : Dashboard.INCIDENT_TYPES) if (byType.containsKey(type)) ordered.put(type, byType.get(type));
                incidents = new Dashboard.Incidents(open, ordered, byStatus, repo.urgentOpenIncidents(h, URGENT_LIST), perMonth(h, today));
            }
            Dashboard.Breaches breaches = null;
            if (seesBreaches(s)) {
                List<Dashboard.OpenBreach> open = repo.undecidedBreaches(h, settings.icoDeadlineHours());
                int overdue = 0, last24 = 0, within48 = 0, more = 0;
                for (var b : open) {
                    Duration left = Duration.between(now, b.deadline());
                    if (!left.isPositive()) overdue++;
                    else if (left.compareTo(Duration.ofHours(24)) <= 0) last24++;
                    else if (left.compareTo(Duration.ofHours(48)) <= 0) within48++;
                    else more++;
                }
                breaches = new Dashboard.Breaches(overdue, last24, within48, more, open);
            }
            Dashboard.Travel travel = null;
            if (seesTravel(s)) {
                List<Dashboard.UpcomingTravel> soon = repo.departing(h, today, today.plusDays(TRAVEL_SOON_DAYS));
                travel = new Dashboard.Travel(soon.size(), repo.lateNoticesDepartingFrom(h, today), repo.noticesAwaitingDecisionFrom(h, today), soon);
            }
            Dashboard.Declarations declarations = null;
            Dashboard.Devices devices = null;
            if (seesRegister(s)) {
                int[] byState = new int[DeclarationState.State.values().length];
                for (LocalDate last : repo.lastDeclarationOfActivePeople(h)) {
                    byState[state(last, today, settings).state().ordinal()]++;
                }
                declarations = new Dashboard.Declarations(byState[DeclarationState.State.CURRENT.ordinal()],
                        byState[DeclarationState.State.EXPIRING.ordinal()], byState[DeclarationState.State.EXPIRED.ordinal()],
                        byState[DeclarationState.State.MISSING.ordinal()]);
                devices = new Dashboard.Devices(repo.devicesByStatus(h));
            }
            Dashboard.Mine mine = null;
            if (s.personId() != null) {
                mine = new Dashboard.Mine(state(repo.lastDeclarationOf(h, s.personId()), today, settings),
                        repo.openIncidentsReportedBy(h, s.personId()), repo.travelOf(h, s.personId(), today));
            }
            return new Dashboard(now, incidents, breaches, travel, declarations, devices, mine);
        });
    }

    private static DeclarationState state(LocalDate lastSigned, LocalDate today, Settings.Values settings) {
        return DeclarationState.of(lastSigned, today, settings.declarationValidityMonths(), settings.declarationExpiringDays());
    }

    /** Reports per office-time month, the current month and the 11 before it, oldest first. */
    private List<Dashboard.MonthCount> perMonth(org.jdbi.v3.core.Handle h, LocalDate today) {
        YearMonth last = YearMonth.from(today);
        YearMonth first = last.minusMonths(MONTHS - 1);
        Instant from = first.atDay(1).atStartOfDay(AppClock.OFFICE_ZONE).toInstant();
        Map<YearMonth, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < MONTHS; i++) counts.put(first.plusMonths(i), 0);
        for (Instant at : repo.incidentsReportedSince(h, from)) {
            YearMonth m = YearMonth.from(ZonedDateTime.ofInstant(at, AppClock.OFFICE_ZONE));
            counts.computeIfPresent(m, (k, v) -> v + 1);
        }
        List<Dashboard.MonthCount> out = new ArrayList<>();
        counts.forEach((m, n) -> out.add(new Dashboard.MonthCount(m, n)));
        return out;
    }

    /**
     * Every notification condition that holds now for this user, whether shown before or not
     * ({@link Notifier} remembers what was shown): an undecided breach case with 24 hours or less
     * to its ICO deadline (DPO), an urgent incident nobody has acknowledged yet (HELPDESK), a late
     * travel notice awaiting a decision and not yet departed (INFOSEC).
     */
    public List<Notice> notices(Session s) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, AppClock.OFFICE_ZONE);
        return db.read(h -> {
            List<Notice> out = new ArrayList<>();
            if (seesBreaches(s)) {
                int hours = Settings.load(h).icoDeadlineHours();
                for (var b : repo.undecidedBreaches(h, hours)) {
                    Duration left = Duration.between(now, b.deadline());
                    if (left.compareTo(Duration.ofHours(24)) > 0) continue;
                    String when = left.isPositive() ? "less than " + Math.max(1, (left.toMinutes() + 59) / 60) + " h left"
                            : "overdue";
                    out.add(new Notice("breach-24h-" + b.id(), Notice.Kind.BREACH_DEADLINE,
                            b.reference() + ": ICO deadline " + (left.isPositive() ? "within 24 hours" : "passed"),
                            b.title() + " — " + when + ". Decide whether it must be reported to the ICO.", "breaches", b.id()));
                }
            }
            if (s.has(Role.HELPDESK)) {
                for (var i : repo.urgentOpenIncidents(h, 50)) {
                    if (!"REPORTED".equals(i.status())) continue;
                    out.add(new Notice("urgent-incident-" + i.id(), Notice.Kind.URGENT_INCIDENT,
                            "Urgent: " + i.reference() + " (" + Dashboard.label(i.type()).toLowerCase(java.util.Locale.UK) + ")",
                            "Reported by " + i.reporter() + ". Nobody has acknowledged it yet.", "incidents", i.id()));
                }
            }
            if (seesTravel(s)) {
                for (var t : repo.lateUndecided(h, today)) {
                    out.add(new Notice("late-travel-" + t.id(), Notice.Kind.LATE_TRAVEL,
                            "Late travel notice " + t.reference(),
                            t.traveller() + " departs " + t.departureDate() + " with less than the required notice. It needs a decision.",
                            "travel", t.id()));
                }
            }
            return out;
        });
    }
}
