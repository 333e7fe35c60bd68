package org.devicedesk.travel;

/** The 7-day check (policy 53): how many days' notice, how many the office asks for, and whether it is late. */
public record NoticeCheck(long noticeDays, int requiredDays, boolean late) {

    /** For the form and lists: "9 days' notice — on time" or "5 days' notice — late — fewer than 7 days before travel". */
    public String describe() {
        String days = days(noticeDays);
        return late ? days + " — late — fewer than " + requiredDays + " days before travel" : days + " — on time";
    }

    /** "1 day's notice", "6 days' notice". */
    public static String days(long noticeDays) {
        return noticeDays == 1 ? "1 day's notice" : noticeDays + " days' notice";
    }

    /**
     * The list's badge (issue 17): "6 days' notice · late", never "Late · 6 days", which read as six days late.
     */
    public static String badge(long noticeDays, boolean late) {
        return late ? days(noticeDays) + " · late" : days(noticeDays);
    }
}
