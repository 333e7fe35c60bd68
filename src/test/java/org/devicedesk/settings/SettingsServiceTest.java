package org.devicedesk.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.devicedesk.audit.AuditEvent;
import org.devicedesk.audit.AuditService;
import org.devicedesk.core.AccessDenied;
import org.devicedesk.core.Refused;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.core.Settings.Key;
import org.devicedesk.testing.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SettingsServiceTest {
    private TestDb db;
    private SettingsService settings;
    private Session admin;

    @BeforeEach
    void open() {
        db = TestDb.create();
        settings = db.services.settingsService;
        admin = db.session("ada", Role.ADMIN);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theDefaultsAreThePolicysNumbers() {
        var v = settings.current();
        assertEquals("3344", v.helpdeskInternal());
        assertEquals("0121 626 8344", v.helpdeskExternal());
        assertEquals("101", v.outOfHoursNumber());
        assertEquals(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), v.officeDays());
        assertEquals(LocalTime.of(8, 0), v.officeOpens());
        assertEquals(LocalTime.of(17, 30), v.officeCloses());
        assertEquals("Head of Business Services", v.dpoTitle());
        assertEquals(7, v.travelNoticeDays());
        assertEquals(72, v.icoDeadlineHours());
        assertEquals(12, v.declarationValidityMonths());
        assertEquals(5, v.lockoutAttempts());
        assertEquals(15, v.lockoutMinutes());
    }

    @Test
    void savingStoresOnlyTheChangedValuesAndAuditsEach() {
        Map<Key, String> values = new LinkedHashMap<>();
        for (Key k : Key.values()) values.put(k, settings.current().get(k));
        values.put(Key.HELPDESK_INTERNAL, " 4455 ");
        values.put(Key.TRAVEL_NOTICE_DAYS, "10");
        assertEquals(2, settings.save(admin, values));
        assertEquals("4455", settings.current().helpdeskInternal(), "trimmed, and the cache sees it");
        assertEquals(10, settings.current().travelNoticeDays());
        var events = db.services.audit.page(admin, AuditService.Query.all()).stream().filter(e -> e.action().equals("SETTING_CHANGED")).toList();
        assertEquals(2, events.size());
        assertTrue(events.stream().map(AuditEvent::summary).anyMatch(s -> s.equals("Help desk (internal extension): 3344 → 4455")));
        assertEquals(0, settings.save(admin, values), "saving the same again changes nothing");
    }

    @Test
    void badValuesAreRefusedTogetherAndNothingIsStored() {
        Refused r = assertThrows(Refused.class, () -> settings.save(admin, Map.of(
                Key.TRAVEL_NOTICE_DAYS, "seven", Key.OFFICE_OPENS, "8am", Key.HELPDESK_INTERNAL, " ", Key.LOCKOUT_ATTEMPTS, "0",
                Key.OFFICE_DAYS, "MONDAY,FUNDAY")));
        assertEquals("Travel notice (days before departure) must be a whole number.", r.messageFor("travel-notice-days"));
        assertEquals("Office opens must be a time like 08:00.", r.messageFor("office-opens"));
        assertEquals("Help desk (internal extension) cannot be empty.", r.messageFor("helpdesk-internal"));
        assertEquals("Failed sign-ins before lock-out must be a whole number from 1 to 10000.", r.messageFor("lockout-attempts"));
        assertTrue(r.messageFor("office-days").contains("day names"));
        assertEquals("3344", settings.current().helpdeskInternal());
        assertEquals(7, settings.current().travelNoticeDays());
    }

    @Test
    void theOfficeMustCloseAfterItOpens() {
        Refused r = assertThrows(Refused.class, () -> settings.save(admin, Map.of(Key.OFFICE_OPENS, "18:00")));
        assertEquals("The office must close after it opens.", r.messageFor("office-closes"));
        assertEquals(LocalTime.of(8, 0), settings.current().officeOpens(), "rolled back");
    }

    @Test
    void onlyAnAdministratorChangesSettings() {
        for (Session s : new Session[] {db.session("stu", Role.STAFF), db.session("hal", Role.HELPDESK), db.session("dee", Role.DPO)}) {
            assertThrows(AccessDenied.class, () -> settings.save(s, Map.of(Key.HELPDESK_INTERNAL, "9999")));
        }
        assertEquals("3344", settings.current().helpdeskInternal());
    }
}
