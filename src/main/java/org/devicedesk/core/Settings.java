package org.devicedesk.core;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * The office's settings, stored in the {@code setting} table with the defaults below for anything
 * not yet set. Read the current values with {@link #values()}; change them through
 * {@code settings.SettingsService}, which checks the role and audits.
 */
public final class Settings {

    /** Every setting with its default and label. */
    public enum Key {
        ORGANISATION_NAME("organisation.name", "Office of the Police and Crime Commissioner", "Organisation name"),
        HELPDESK_INTERNAL("helpdesk.internal", "3344", "Help desk (internal extension)"),
        HELPDESK_EXTERNAL("helpdesk.external", "0121 626 8344", "Help desk (external number)"),
        OUT_OF_HOURS_NUMBER("outofhours.number", "101", "Out-of-hours number"),
        OFFICE_DAYS("office.days", "MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY", "Office days"),
        OFFICE_OPENS("office.opens", "08:00", "Office opens"),
        OFFICE_CLOSES("office.closes", "17:30", "Office closes"),
        DPO_TITLE("dpo.title", "Head of Business Services", "Data Protection Officer (title)"),
        TRAVEL_NOTICE_DAYS("travel.noticeDays", "7", "Travel notice (days before departure)"),
        ICO_DEADLINE_HOURS("ico.deadlineHours", "72", "ICO deadline (hours after awareness)"),
        DECLARATION_VALIDITY_MONTHS("declaration.validityMonths", "12", "Declaration valid for (months)"),
        DECLARATION_EXPIRING_DAYS("declaration.expiringDays", "30", "Declaration 'expiring' warning (days)"),
        LOCKOUT_ATTEMPTS("lockout.attempts", "5", "Failed sign-ins before lock-out"),
        LOCKOUT_MINUTES("lockout.minutes", "15", "Lock-out (minutes)"),
        BACKUP_KEEP_DAYS("backup.keepDays", "30", "Keep backups for (days)");

        public final String key;
        public final String defaultValue;
        public final String label;

        Key(String key, String defaultValue, String label) {
            this.key = key;
            this.defaultValue = defaultValue;
            this.label = label;
        }
    }

    /** A consistent snapshot of every setting, typed. */
    public record Values(Map<Key, String> raw) {
        public String get(Key k) { return raw.getOrDefault(k, k.defaultValue); }
        public int integer(Key k) { return Integer.parseInt(get(k).trim()); }
        public String organisationName() { return get(Key.ORGANISATION_NAME); }
        public String helpdeskInternal() { return get(Key.HELPDESK_INTERNAL); }
        public String helpdeskExternal() { return get(Key.HELPDESK_EXTERNAL); }
        public String outOfHoursNumber() { return get(Key.OUT_OF_HOURS_NUMBER); }
        public Set<DayOfWeek> officeDays() {
            return Arrays.stream(get(Key.OFFICE_DAYS).split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .map(DayOfWeek::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class)));
        }
        public LocalTime officeOpens() { return LocalTime.parse(get(Key.OFFICE_OPENS).trim()); }
        public LocalTime officeCloses() { return LocalTime.parse(get(Key.OFFICE_CLOSES).trim()); }
        public String dpoTitle() { return get(Key.DPO_TITLE); }
        public int travelNoticeDays() { return integer(Key.TRAVEL_NOTICE_DAYS); }
        public int icoDeadlineHours() { return integer(Key.ICO_DEADLINE_HOURS); }
        public int declarationValidityMonths() { return integer(Key.DECLARATION_VALIDITY_MONTHS); }
        public int declarationExpiringDays() { return integer(Key.DECLARATION_EXPIRING_DAYS); }
        public int lockoutAttempts() { return integer(Key.LOCKOUT_ATTEMPTS); }
        public int lockoutMinutes() { return integer(Key.LOCKOUT_MINUTES); }
        public int backupKeepDays() { return integer(Key.BACKUP_KEEP_DAYS); }
    }

    private final Database db;
    private volatile Values cached;

    public Settings(Database db) {
        this.db = db;
    }

    /**
     * The settings as stored now: read fresh on every call, so a rule never works from values another
     * client has since changed (issue 13). Not on the JavaFX thread; screens showing a name use {@link #displayed()}.
     */
    public Values values() {
        Values v = db.read(Settings::load);
        cached = v;
        return v;
    }

    /**
     * The settings as last read by this client, for text on screen (the organisation's name) where a
     * database read on the JavaFX thread would be wrong; read once when nothing has been read yet.
     */
    public Values displayed() {
        Values v = cached;
        return v != null ? v : values();
    }

    /** Reads inside an existing transaction (sees its uncommitted changes). */
    public static Values load(Handle h) {
        return of(stored(h));
    }

    /**
     * Every stored row, the mail settings' too, in one read inside the caller's transaction: a service
     * that needs both (filing an incident) reads the table once ({@link #of}, {@code MailSettings.of}).
     */
    public static Map<String, String> stored(Handle h) {
        Map<String, String> stored = new LinkedHashMap<>();
        h.createQuery("SELECT key, value FROM setting").map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> stored.put(e.getKey(), e.getValue()));
        return stored;
    }

    /** The typed values from the rows {@link #stored} read, defaults for the rest. */
    public static Values of(Map<String, String> stored) {
        Map<Key, String> raw = new LinkedHashMap<>();
        for (Key k : Key.values()) raw.put(k, stored.getOrDefault(k.key, k.defaultValue));
        return new Values(raw);
    }

    /** Writes one value in the caller's transaction; callers audit. */
    public static void store(Handle h, Key key, String value) {
        int n = h.createUpdate("UPDATE setting SET value = :v WHERE key = :k").bind("k", key.key).bind("v", value).execute();
        if (n == 0) h.createUpdate("INSERT INTO setting (key, value) VALUES (:k, :v)").bind("k", key.key).bind("v", value).execute();
    }

    /** Called after a committed change: the next {@link #displayed()} reads again. */
    public void invalidate() {
        cached = null;
    }
}
