package org.devicedesk.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.devicedesk.people.DeclarationState;

/**
 * What the dashboard shows at one moment (SPEC section 7). A section is null when the signed-in
 * role may not see it. Types and statuses are the codes stored in the tables (LOST, IN_SERVICE ...).
 */
public record Dashboard(Instant at, Incidents incidents, Breaches breaches, Travel travel, Declarations declarations,
                        Devices devices, Mine mine) {

    /** Open incidents (reported, acknowledged, contained) by type and status, the urgent ones, and 12 months of reports. */
    public record Incidents(int open, Map<String, Map<String, Integer>> openByTypeAndStatus, Map<String, Integer> openByStatus,
                            List<UrgentIncident> urgent, List<MonthCount> perMonth) {}

    public record UrgentIncident(long id, String reference, String type, String status, Instant reportedAt, String reporter) {}

    public record MonthCount(YearMonth month, int count) {}

    /** Breach cases still to be decided, by time left to the ICO deadline. */
    public record Breaches(int overdue, int last24Hours, int within48Hours, int moreThan48Hours, List<OpenBreach> open) {
        public int total() { return overdue + last24Hours + within48Hours + moreThan48Hours; }
    }

    public record OpenBreach(long id, String reference, String title, String status, Instant awareAt, Instant deadline) {}

    /** Travel departing in the next 14 days, late notices still to depart, notices awaiting a decision. */
    public record Travel(int departingSoon, int lateUpcoming, int awaitingDecision, List<UpcomingTravel> upcoming) {}

    public record UpcomingTravel(long id, String reference, String traveller, LocalDate departureDate, boolean late, String decision) {}

    /** Active people by the state of their annual declaration. */
    public record Declarations(int current, int expiring, int expired, int missing) {
        public int needingAttention() { return expiring + expired + missing; }
    }

    /** Devices by status, every status present (zero when none). */
    public record Devices(Map<String, Integer> byStatus) {
        public int total() { return byStatus.values().stream().mapToInt(Integer::intValue).sum(); }
    }

    /** For everyone: their own declaration, open reports and coming trips. */
    public record Mine(DeclarationState declaration, int openReports, int upcomingTravel) {}

    public static final List<String> INCIDENT_TYPES = List.of("LOST", "STOLEN", "PASSWORD_COMPROMISED", "TAMPERING", "MALFUNCTION",
            "SUSPECTED_VIRUS", "PERSONAL_DEVICE_LOST");
    public static final List<String> OPEN_INCIDENT_STATUSES = List.of("REPORTED", "ACKNOWLEDGED", "CONTAINED");
    public static final List<String> DEVICE_STATUSES = List.of("IN_STOCK", "IN_SERVICE", "LOST", "STOLEN", "QUARANTINED", "RETIRED");
    public static final List<String> UNDECIDED_BREACH_STATUSES = List.of("AWAITING_REVIEW", "ASSESSING");

    /** An incident type code in the words the incident screens use ("MALFUNCTION" -> "Device not working"). */
    public static String incidentType(String code) {
        for (org.devicedesk.incidents.Incident.Type t : org.devicedesk.incidents.Incident.Type.values()) {
            if (t.name().equals(code)) return t.label();
        }
        return label(code);
    }

    /** "PASSWORD_COMPROMISED" -> "Password compromised". */
    public static String label(String code) {
        if (code == null || code.isEmpty()) return "";
        String words = code.replace('_', ' ').toLowerCase(Locale.UK);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
