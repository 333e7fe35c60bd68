package org.devicedesk.dashboard;

/**
 * Something worth a pop-up while the app is open: a breach case entering its last 24 hours, a new
 * urgent incident, a late travel notice. {@code key} identifies it so it is shown once;
 * {@code screen} and {@code recordId} say where a click leads.
 */
public record Notice(String key, Kind kind, String title, String text, String screen, long recordId) {
    public enum Kind { BREACH_DEADLINE, URGENT_INCIDENT, LATE_TRAVEL }
}
