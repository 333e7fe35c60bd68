package org.devicedesk.settings;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.devicedesk.core.Audit;
import org.devicedesk.core.Conflict;
import org.devicedesk.core.Database;
import org.devicedesk.core.Problems;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.core.Settings;
import org.devicedesk.core.Settings.Key;

/** ADMIN changes the office's settings; every changed value is audited in the same transaction. */
public final class SettingsService {
    private final Database db;
    private final Clock clock;
    private final Settings settings;

    public SettingsService(Database db, Clock clock, Settings settings) {
        this.db = db;
        this.clock = clock;
        this.settings = settings;
    }

    public Settings.Values current() {
        return settings.values();
    }

    /** The settings' version, for the settings form to keep (ADR 0008). */
    public long version() {
        return db.read(org.devicedesk.core.Versions::settingsVersion);
    }

    /** Saves the given values (all or none) without a version check; returns how many changed. */
    public int save(Session s, Map<Key, String> values) {
        return save(s, null, values);
    }

    /**
     * Saves the settings form loaded at {@code expectedVersion} ({@link #version()}): refused with a
     * {@link org.devicedesk.core.Conflict} when another administrator saved the settings since.
     */
    public int save(Session s, Long expectedVersion, Map<Key, String> values) {
        s.require(Role.ADMIN);
        Problems p = new Problems();
        values.forEach((k, v) -> validate(p, k, v == null ? "" : v.strip()));
        p.throwIfAny();
        int changed = db.inTransaction(h -> {
            // the conditional UPDATE checks and takes the settings' row lock in one statement
            int matched = h.createUpdate("UPDATE settings_version SET version = version + 1 WHERE id = 1"
                            + " AND (:any = 1 OR version = :v)")
                    .bind("any", expectedVersion == null ? 1 : 0).bind("v", expectedVersion == null ? 0 : expectedVersion).execute();
            if (matched == 0) {
                Conflict.Change last = h.createQuery("SELECT actor, at, summary FROM audit_event WHERE record_type = 'setting' ORDER BY seq DESC LIMIT 1")
                        .map((rs, ctx) -> new Conflict.Change(rs.getString(1), org.devicedesk.core.Times.instant(rs.getString(2)), rs.getString(3)))
                        .findOne().orElse(null);
                String who = last == null ? "another administrator" : last.actor();
                String when = last == null || last.at() == null ? "" : " at " + java.time.format.DateTimeFormatter.ofPattern("HH:mm 'on' d MMMM yyyy")
                        .withZone(org.devicedesk.core.AppClock.OFFICE_ZONE).format(last.at());
                throw new Conflict("setting", "", "The settings", last, "The settings were changed by " + who + when
                        + (last == null ? "" : " (" + last.summary() + ")") + " after you opened them. Nothing was saved. "
                        + "Reload the settings to see their change, then make yours again.");
            }
            Settings.Values before = Settings.load(h);
            int n = 0;
            for (var e : values.entrySet()) {
                String v = e.getValue().strip();
                if (!v.equals(before.get(e.getKey()))) {
                    Settings.store(h, e.getKey(), v);
                    Audit.record(h, s, clock.instant(), "SETTING_CHANGED", "setting", e.getKey().key,
                            e.getKey().label + ": " + before.get(e.getKey()) + " → " + v);
                    n++;
                }
            }
            Settings.Values after = Settings.load(h);
            if (!after.officeOpens().isBefore(after.officeCloses())) {
                throw org.devicedesk.core.Refused.because("office-closes", "The office must close after it opens.");
            }
            return n;
        });
        settings.invalidate();
        return changed;
    }

    /** The form field name of a setting in kebab-case ({@code travel.noticeDays} -> {@code travel-notice-days}). */
    public static String fieldName(Key k) {
        return k.key.replace('.', '-').replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
    }

    private static void validate(Problems p, Key k, String v) {
        String field = fieldName(k);
        if (v.isEmpty()) {
            p.add(field, k.label + " cannot be empty.");
            return;
        }
        switch (k) {
            case TRAVEL_NOTICE_DAYS, ICO_DEADLINE_HOURS, DECLARATION_VALIDITY_MONTHS, DECLARATION_EXPIRING_DAYS,
                 LOCKOUT_ATTEMPTS, LOCKOUT_MINUTES, BACKUP_KEEP_DAYS -> {
                try {
                    int n = Integer.parseInt(v);
                    if (n < 1 || n > 10_000) p.add(field, k.label + " must be a whole number from 1 to 10000.");
                } catch (NumberFormatException e) {
                    p.add(field, k.label + " must be a whole number.");
                }
            }
            case OFFICE_OPENS, OFFICE_CLOSES -> {
                try {
                    LocalTime.parse(v);
                } catch (DateTimeParseException e) {
                    p.add(field, k.label + " must be a time like 08:00.");
                }
            }
            case OFFICE_DAYS -> {
                for (String d : v.split(",")) {
                    try {
                        DayOfWeek.valueOf(d.strip().toUpperCase());
                    } catch (IllegalArgumentException e) {
                        p.add(field, "Office days must be day names such as MONDAY,TUESDAY.");
                        return;
                    }
                }
            }
            default -> { }
        }
    }
}
