package org.devicedesk.incidents;

import org.devicedesk.incidents.Incident.Question;
import org.devicedesk.incidents.Incident.Type;

/**
 * Issue 17: the words of the report form and of the guidance after it, right for who is using it. A question
 * names what happened (lost, stolen) and whom it is about: "you" when people report for themselves, their name
 * when the help desk files a report phoned in for someone. No JavaFX: the form's view model and the service use it.
 */
public final class ReportWording {
    private ReportWording() {}

    /**
     * Who is reporting: {@code personName} the person the report is about, {@code forSomeoneElse} when the one
     * filing it is not that person (the help desk taking a call), {@code byDpo} when the one filing it is the
     * Data Protection Officer, whose breach queue every report reaches.
     */
    public record Reporting(String personName, boolean forSomeoneElse, boolean byDpo) {
        public static Reporting self(String name) {
            return new Reporting(name, false, false);
        }

        /** "you", or the person's name when filing for them. */
        String subject() {
            return forSomeoneElse ? personName : "you";
        }
    }

    /** The question as the form asks it for this kind of report (null before a kind is chosen) and this reporting. */
    public static String question(Question q, Type type, Reporting who) {
        boolean other = who != null && who.forSomeoneElse() && who.personName() != null;
        String name = other ? who.personName() : null;
        return switch (q) {
            case DEVICE_LOCKED -> "Was the device locked when it was " + (type == Type.STOLEN ? "stolen"
                    : type == Type.LOST || type == Type.PERSONAL_DEVICE_LOST ? "lost" : "lost or stolen") + "?";
            case CRIME_REFERENCE -> q.label();
            case ALWAYS_IN_POSSESSION -> other ? "Has " + name + " always been in possession of the device?" : q.label();
            case PASSWORD_WRITTEN_DOWN -> q.label();
            case PASSWORD_REUSED -> other ? "Has " + name + " used the same password for any other system?" : q.label();
            case PASSWORD_CHANGED -> other ? "Has " + name + " already changed the password?" : q.label();
        };
    }

    /** The first thing the guidance says: who calls whom now, with the reference. */
    static String headline(String reference, boolean outOfHours, String outOfHoursNumber, String helpdeskInternal, String helpdeskExternal,
                           Reporting who) {
        if (who != null && who.forSomeoneElse()) {
            return outOfHours
                    ? "Tell " + who.personName() + " to call " + outOfHoursNumber + " now (it is out of office hours) and to give the reference " + reference + "."
                    : "Tell " + who.personName() + " the reference " + reference + ", and to call the help desk on " + helpdeskInternal
                            + " (or " + helpdeskExternal + " from outside) with anything new.";
        }
        return outOfHours
                ? "It is out of office hours: call " + outOfHoursNumber + " now and give the reference " + reference + "."
                : "Call the help desk now on " + helpdeskInternal + " (or " + helpdeskExternal + " from outside) and give the reference " + reference + ".";
    }

    /** A step said to the reporter ("If you find the device…"), passed on when the report was filed for someone: "Tell Sam Green: …". */
    static String toReporter(String step, Reporting who) {
        if (who == null || !who.forSomeoneElse()) return step;
        return "Tell " + who.personName() + ": " + Character.toLowerCase(step.charAt(0)) + step.substring(1);
    }

    /** "The device was not locked" as a step: said on the call by the reporter, or noted when the help desk files it. */
    static String notLocked(Reporting who) {
        if (who != null && who.forSomeoneElse()) return "The device was not locked: have it wiped remotely straight away.";
        return "Say on the call that the device was not locked, so it can be wiped remotely straight away.";
    }

    /** The last step: where the report went (policy 56: every report may be a data breach). */
    static String toTheDpo(Reporting who) {
        if (who != null && who.byDpo()) return "The report is in your breach queue, because it may be a data breach (policy 56).";
        return (who != null && who.forSomeoneElse() ? "The" : "Your") + " report has been passed to the Data Protection Officer, because it may be a data breach (policy 56).";
    }

    /** The guidance's title: "Your report has been sent.", or for the help desk filing for someone "The report for <name> has been sent." */
    static String sent(Reporting who) {
        return who != null && who.forSomeoneElse() ? "The report for " + who.personName() + " has been sent." : "Your report has been sent.";
    }

    /** Under the reference: what to do with it. */
    static String referenceCaption(Reporting who) {
        return who != null && who.forSomeoneElse() ? "Its reference — give it to " + who.personName() + "."
                : "Your reference — keep it to hand for the call.";
    }
}
