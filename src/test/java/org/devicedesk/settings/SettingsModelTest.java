package org.devicedesk.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.util.EnumMap;
import java.util.Map;
import org.devicedesk.core.Conflict;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.core.Settings.Key;
import org.devicedesk.testing.TestDb;
import org.devicedesk.ui.Tasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Settings → General's view model without a window, on the real settings service. */
class SettingsModelTest {
    TestDb db;
    Session admin;
    SettingsModel m;

    @BeforeEach
    void open() {
        db = TestDb.create();
        admin = db.session("ada", Role.ADMIN);
        m = new SettingsModel(db.services.settingsService, admin, Tasks.direct());
        m.field(Key.HELPDESK_INTERNAL);
        m.field(Key.TRAVEL_NOTICE_DAYS);
        m.open();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theSavedSettingsAreLoadedAndAChangeIsSavedInWords() {
        assertEquals("3344", m.field(Key.HELPDESK_INTERNAL).get());
        assertEquals("7", m.field(Key.TRAVEL_NOTICE_DAYS).get());
        assertTrue(m.days.get(DayOfWeek.MONDAY).get());
        assertFalse(m.days.get(DayOfWeek.SUNDAY).get());

        m.field(Key.HELPDESK_INTERNAL).set("4455");
        m.save();
        assertEquals("Saved: 1 setting changed (written to the audit trail).", m.outcome.get().text());
        assertFalse(m.saving.get());
        assertEquals("4455", db.services.settings.values().helpdeskInternal());

        m.save();
        assertEquals("Nothing to save: the settings are as they were.", m.outcome.get().text(), "saved from the reloaded version");

        m.field(Key.HELPDESK_INTERNAL).set("5566");
        m.field(Key.TRAVEL_NOTICE_DAYS).set("10");
        m.save();
        assertEquals("Saved: 2 settings changed (written to the audit trail).", m.outcome.get().text());
    }

    @Test
    void aBadValueIsRefusedAndNothingAtAllIsStored() {
        m.days.get(DayOfWeek.MONDAY).set(false);
        m.field(Key.TRAVEL_NOTICE_DAYS).set("seven");
        m.save();
        assertTrue(m.outcome.get().isFailure());
        assertEquals("Travel notice (days before departure) must be a whole number.", m.outcome.get().text());
        assertFalse(m.saving.get(), "Save can be pressed again");
        assertEquals(7, db.services.settings.values().travelNoticeDays());
        assertTrue(db.services.settings.values().officeDays().contains(DayOfWeek.MONDAY), "nothing at all");
    }

    @Test
    void onlyTheShownSettingsAndTheOfficeDaysAreSent() {
        m.days.get(DayOfWeek.SATURDAY).set(true);
        Map<Key, String> sent = m.values();
        assertEquals(java.util.Set.of(Key.HELPDESK_INTERNAL, Key.TRAVEL_NOTICE_DAYS, Key.OFFICE_DAYS), sent.keySet());
        assertEquals("MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY", sent.get(Key.OFFICE_DAYS));
    }

    @Test
    void aSaveAfterAnotherAdministratorsIsRefusedAndUndoBringsTheirsBack() {
        Map<Key, String> theirs = new EnumMap<>(Key.class);
        theirs.put(Key.HELPDESK_INTERNAL, "9999");
        db.services.settingsService.save(db.session("bea", Role.ADMIN), theirs);
        m.field(Key.HELPDESK_INTERNAL).set("4455");
        m.save();
        assertTrue(m.outcome.get().failure() instanceof Conflict, String.valueOf(m.outcome.get().failure()));
        assertEquals("9999", db.services.settings.values().helpdeskInternal(), "theirs stands");

        m.undo();
        assertEquals("", m.outcome.get().text(), "the message goes");
        assertEquals("9999", m.field(Key.HELPDESK_INTERNAL).get());
    }
}
