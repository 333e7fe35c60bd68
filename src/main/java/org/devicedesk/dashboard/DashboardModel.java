package org.devicedesk.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.devicedesk.core.AppClock;
import org.devicedesk.core.Session;
import org.devicedesk.incidents.Incident;
import org.devicedesk.incidents.IncidentService;
import org.devicedesk.people.DeclarationState;
import org.devicedesk.ui.Tasks;

/**
 * The view model of the dashboard ({@link DashboardView}, issue 15): one refresh at a time (the screen keeps its
 * last numbers meanwhile), what a member of staff sees first, the notifications due (each once), which of them pop
 * up, and the words and warnings the cards show — the declaration, the time left to a breach deadline, a device
 * status that needs attention, the incidents chart's scale. The view builds the cards from these.
 */
final class DashboardModel {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK).withZone(AppClock.OFFICE_ZONE);
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.UK).withZone(AppClock.OFFICE_ZONE);
    private static final DateTimeFormatter WHEN_WITH_YEAR = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK).withZone(AppClock.OFFICE_ZONE);
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.UK);
    static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yy", Locale.UK);
    /** At most this many pop-ups at once; the rest are one "N more to look at". */
    static final int MAX_POPUPS = 3;
    /** The breaches card lists this many cases, then "… and N more". */
    static final int LISTED = 8;

    private final DashboardService service;
    private final IncidentService incidents;
    private final Session session;
    private final Tasks tasks;
    private final Notifier notifier;
    private boolean loading;

    DashboardModel(DashboardService service, IncidentService incidents, Session session, Tasks tasks) {
        this.service = service;
        this.incidents = incidents;
        this.session = session;
        this.tasks = tasks;
        this.notifier = new Notifier(service, session);
    }

    /** What one refresh loaded: the numbers, and for staff their devices and who to call now. */
    record Loaded(Dashboard dashboard, List<Incident.DeviceChoice> myDevices, Incident.CallNow callNow) {}

    /** Reloads the numbers; a refresh asked for while one is running is skipped (the screen keeps its last numbers). */
    void refresh(Consumer<Loaded> shown, Consumer<Throwable> failed) {
        if (loading) return;
        loading = true;
        tasks.run(() -> {
            Dashboard d = service.snapshot(session);
            boolean staffOnly = staffOnly(d);
            return new Loaded(d, staffOnly ? incidents.devicesHeldBy(session, session.personId()) : List.of(),
                    staffOnly ? incidents.callNow(session) : null);
        }, l -> {
            loading = false;
            shown.accept(l);
        }, t -> {
            loading = false;
            failed.accept(t);
        });
    }

    /** The notifications due now that were not shown before (each fires once while the app is open); a failure waits for the next minute. */
    void notifyDue(Consumer<List<Notice>> due) {
        tasks.run(notifier::due, due, t -> { /* logged by Background; the next minute tries again */ });
    }

    /** The dashboard of someone who is only staff: their own things, the report first. */
    static boolean staffOnly(Dashboard d) {
        return d.mine() != null && d.incidents() == null && d.breaches() == null && d.travel() == null && d.devices() == null;
    }

    /** The notices that pop up one by one; {@link #morePopUps} more are one pop-up leading to the dashboard. */
    static List<Notice> popUps(List<Notice> due) {
        return due.subList(0, Math.min(MAX_POPUPS, due.size()));
    }

    static int morePopUps(List<Notice> due) {
        return Math.max(0, due.size() - MAX_POPUPS);
    }

    /** A breach deadline or an urgent incident pops up as a warning. */
    static boolean warning(Notice n) {
        return n.kind() == Notice.Kind.BREACH_DEADLINE || n.kind() == Notice.Kind.URGENT_INCIDENT;
    }

    static String updatedLine(Instant at) {
        return "Updated " + TIME.format(at) + " · refreshes every minute";
    }

    static LocalDate today(Dashboard d) {
        return LocalDate.ofInstant(d.at(), AppClock.OFFICE_ZONE);
    }

    /** The member of staff's declaration in words: "Expiring: sign again before Mon 9 Mar". */
    static String declarationText(DeclarationState dec) {
        return switch (dec.state()) {
            case CURRENT -> "Current until " + DAY.format(dec.lastCurrentDay());
            case EXPIRING -> "Expiring: sign again before " + DAY.format(dec.expiresOn());
            case EXPIRED -> "Expired on " + DAY.format(dec.expiresOn()) + ": please sign it again";
            case MISSING -> "Not signed yet: please read the policy and sign it";
        };
    }

    static String declarationBadge(DeclarationState dec) {
        return dec.state() == DeclarationState.State.CURRENT ? "badge-success"
                : dec.state() == DeclarationState.State.EXPIRING ? "badge-warning" : "badge-danger";
    }

    /** "Sat 15 Mar, 16:47" this year; "15 Mar 2025, 16:47" for another year, so an old deadline is not read as a coming one. */
    static String when(Instant at, Instant now) {
        boolean sameYear = at.atZone(AppClock.OFFICE_ZONE).getYear() == now.atZone(AppClock.OFFICE_ZONE).getYear();
        return (sameYear ? WHEN : WHEN_WITH_YEAR).format(at);
    }

    /** "26 h 46 min left", "Overdue by 0 h 45 min": the breach queue's words for the same case (core/Durations). */
    static String timeLeft(Instant now, Instant deadline) {
        return org.devicedesk.core.Durations.left(Duration.between(now, deadline));
    }

    /** Red once past the deadline, amber in its last 24 hours, neutral before. */
    static String timeLeftBadge(Instant now, Instant deadline) {
        Duration left = Duration.between(now, deadline);
        return !left.isPositive() ? "badge-danger" : left.compareTo(Duration.ofHours(24)) <= 0 ? "badge-warning" : "badge-neutral";
    }

    /** How many open breach cases are not listed on the card. */
    static int unlisted(int open) {
        return Math.max(0, open - LISTED);
    }

    /** Lost, stolen and quarantined devices draw the eye when there are any. */
    static boolean deviceStatusNeedsAttention(String status, int count) {
        return ("LOST".equals(status) || "STOLEN".equals(status) || "QUARANTINED".equals(status)) && count > 0;
    }

    /** Reported incidents still waiting draw the eye. */
    static boolean incidentStatusNeedsAttention(String status, int count) {
        return "REPORTED".equals(status) && count > 0;
    }

    /** The incidents chart's axis in whole incidents: a tick every {@code unit}, up to {@code upper}, at least five ticks. */
    record Axis(int upper, int unit) {}

    static Axis perMonthAxis(List<Dashboard.MonthCount> months) {
        int max = months.stream().mapToInt(Dashboard.MonthCount::count).max().orElse(0);
        int unit = Math.max(1, (int) Math.ceil(max / 5.0));
        return new Axis(Math.max(unit * 5, unit * (int) Math.ceil((max + 1) / (double) unit)), unit);
    }

    static String kebab(String code) {
        return code.toLowerCase(Locale.UK).replace('_', '-');
    }

}
