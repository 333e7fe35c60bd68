package org.devicedesk.incidents;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A security incident (SPEC section 3; policy 28, 41, 56, 57, 58): what was reported, by whom, about
 * which device, the answers to its type's questions, and where it stands.
 */
public record Incident(long id, String reference, Type type, long reporterId, String reporterName,
                       Long deviceId, String deviceAssetTag, String deviceDescription,
                       Instant occurredAt, Instant reportedAt, String location, String whatHappened,
                       Status status, String assignee, boolean urgent, boolean outOfHours,
                       Boolean deviceLocked, String crimeReference, Boolean alwaysInPossession,
                       Boolean passwordWrittenDown, Boolean passwordReused, Boolean passwordChanged,
                       boolean policyBreach, String closingSummary, String recordedBy, Instant createdAt, Instant updatedAt,
                       long version) {

    /** The questions a report can ask; each type asks only its own. */
    public enum Question {
        DEVICE_LOCKED("device-locked", "Was the device locked when it was lost or stolen?"),
        CRIME_REFERENCE("crime-reference", "Police crime reference"),
        ALWAYS_IN_POSSESSION("always-in-possession", "Have you always been in possession of the device?"),
        PASSWORD_WRITTEN_DOWN("password-written-down", "Was the password written down and carried with the device?"),
        PASSWORD_REUSED("password-reused", "Have you used the same password for any other system?"),
        PASSWORD_CHANGED("password-changed", "Have you already changed the password?");

        private final String field;
        private final String label;

        Question(String field, String label) {
            this.field = field;
            this.label = label;
        }

        /** The form field (kebab-case, as in the automation id {@code incident-<field>}). */
        public String field() { return field; }

        public String label() { return label; }

        @Override public String toString() { return label; }
    }

    /** How the device is identified for a type. */
    public enum DeviceNeed { REGISTER, OPTIONAL_REGISTER, DESCRIPTION }

    public enum Type {
        LOST("Lost device", DeviceNeed.REGISTER, EnumSet.of(Question.DEVICE_LOCKED)),
        STOLEN("Stolen device", DeviceNeed.REGISTER, EnumSet.of(Question.DEVICE_LOCKED, Question.CRIME_REFERENCE)),
        PASSWORD_COMPROMISED("Password compromised", DeviceNeed.OPTIONAL_REGISTER, EnumSet.of(Question.ALWAYS_IN_POSSESSION,
                Question.PASSWORD_WRITTEN_DOWN, Question.PASSWORD_REUSED, Question.PASSWORD_CHANGED)),
        TAMPERING("Tampering suspected", DeviceNeed.REGISTER, EnumSet.noneOf(Question.class)),
        MALFUNCTION("Device not working", DeviceNeed.REGISTER, EnumSet.noneOf(Question.class)),
        SUSPECTED_VIRUS("Suspected virus", DeviceNeed.REGISTER, EnumSet.noneOf(Question.class)),
        // policy 28: a personal phone that carries a police social-media account
        PERSONAL_DEVICE_LOST("Personal phone lost (police social media)", DeviceNeed.DESCRIPTION, EnumSet.of(Question.DEVICE_LOCKED));

        private final String label;
        private final DeviceNeed device;
        private final EnumSet<Question> questions;

        Type(String label, DeviceNeed device, EnumSet<Question> questions) {
            this.label = label;
            this.device = device;
            this.questions = questions;
        }

        public String label() { return label; }

        public DeviceNeed device() { return device; }

        /** The questions this type asks, all of which need an answer. */
        public Set<Question> questions() { return EnumSet.copyOf(questions); }

        public boolean asks(Question q) { return questions.contains(q); }

        @Override public String toString() { return label; }
    }

    public enum Status {
        REPORTED("Reported"), ACKNOWLEDGED("Acknowledged"), CONTAINED("Contained"), RESOLVED("Resolved"), CLOSED("Closed");

        private final String label;

        Status(String label) { this.label = label; }

        public String label() { return label; }

        /** The one status an incident moves to next, or null when closed. */
        public Status next() {
            return this == CLOSED ? null : values()[ordinal() + 1];
        }

        /** Still needs the helpdesk: reported, acknowledged or contained. */
        public boolean isOpen() {
            return this == REPORTED || this == ACKNOWLEDGED || this == CONTAINED;
        }

        @Override public String toString() { return label; }
    }

    public enum ActionType {
        NOTE("Note"),
        REMOTE_WIPE_REQUESTED("Remote wipe requested"),
        REMOTE_WIPE_CONFIRMED("Remote wipe confirmed"),
        ACCOUNT_DISABLED("Account disabled"),
        PASSWORD_RESET("Password reset"),
        SIM_BARRED("SIM barred"),
        DEVICE_RECOVERED("Device recovered"),
        DEVICE_QUARANTINED("Device quarantined"),
        DEVICE_CLEARED("Device cleared and returned to service");

        private final String label;

        ActionType(String label) { this.label = label; }

        public String label() { return label; }

        /** Actions that change the register device's status, so need a device on the incident. */
        public boolean needsDevice() {
            return this == DEVICE_RECOVERED || this == DEVICE_QUARANTINED || this == DEVICE_CLEARED;
        }

        @Override public String toString() { return label; }
    }

    /** One entry of the timeline: what was done, when, by whom. */
    public record Action(long id, long incidentId, ActionType type, Instant at, String actor, String note) {}

    /** An incident with its timeline, for the incident page and the DPO's case page. */
    public record Detail(Incident incident, List<Action> timeline) {}

    /** What a report says; null answers are "not given". */
    public record Draft(Type type, Long reporterId, Long deviceId, String deviceDescription, Instant occurredAt,
                        Instant reportedAt, String location, String whatHappened, Boolean deviceLocked,
                        String crimeReference, Boolean alwaysInPossession, Boolean passwordWrittenDown,
                        Boolean passwordReused, Boolean passwordChanged) {}

    /** What the reporter is told to do now, straight after saving; {@code sent} and {@code referenceCaption} head it ({@link ReportWording}). */
    public record Guidance(String reference, Type type, boolean outOfHours, boolean urgent, boolean policyBreach,
                           String headline, List<String> steps, String sent, String referenceCaption) {}

    /**
     * Who to phone at this moment (policy 56: phone immediately), shown at the top of the report form
     * before anything is typed: the help desk in office hours, the out-of-hours number otherwise.
     */
    public record CallNow(boolean outOfHours, String number, String text) {}

    /** A saved report: its id, reference and the guidance to show. */
    public record Reported(long id, String reference, Guidance guidance) {}

    /** A device the reporter can pick: one they hold. */
    public record DeviceChoice(long id, String assetTag, String description) {
        @Override public String toString() {
            return description == null || description.isBlank() ? assetTag : assetTag + " · " + description;
        }
    }

    public Duration sinceReported(Instant now) {
        return Duration.between(reportedAt, now);
    }

    /** The device in words: its asset tag, or the description of a personal device. */
    public String deviceText() {
        if (deviceAssetTag != null) return deviceAssetTag;
        return deviceDescription == null ? "" : deviceDescription;
    }
}
