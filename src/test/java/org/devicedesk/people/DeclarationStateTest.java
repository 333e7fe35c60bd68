package org.devicedesk.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.core.Settings;
import org.devicedesk.people.DeclarationState.State;
import org.devicedesk.testing.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SPEC 1: a declaration is current for 12 months (setting) from the day it was signed, "expiring" in its last 30 days. */
class DeclarationStateTest {
    private final TestDb db = TestDb.create(Instant.parse("2025-03-04T09:00:00Z"));
    private final PeopleService people = db.services.people;
    private final Session helpdesk = db.session("hana", Role.HELPDESK);

    @AfterEach
    void close() {
        db.close();
    }

    /** The state the service reports for that person, with the clock at noon (London) on {@code day}. */
    private State on(long personId, LocalDate day) {
        db.clock.set(day.atTime(12, 0).atZone(java.time.ZoneId.of("Europe/London")).toInstant());
        return people.declaration(helpdesk, personId).state();
    }

    @Test
    void currentFor364DaysThenExpiredOnDay365InAnOrdinaryYear() {
        LocalDate signed = LocalDate.of(2025, 3, 4);
        long id = db.person("Olive Ordinary", signed);
        assertEquals(365, ChronoUnit.DAYS.between(signed, signed.plusMonths(12)));
        assertEquals(State.EXPIRING, on(id, signed.plusDays(364)), "3 March 2026 is the last current day");
        assertEquals(State.EXPIRED, on(id, signed.plusDays(365)), "4 March 2026, twelve months on, it has expired");
        DeclarationState st = people.declaration(helpdesk, id);
        assertEquals(LocalDate.of(2026, 3, 3), st.lastCurrentDay());
        assertEquals(LocalDate.of(2026, 3, 4), st.expiresOn());
        assertFalse(st.isCurrent());
    }

    @Test
    void aSpanOverTheLeapDayIsCurrentFor365DaysAndExpiresOnDay366() {
        LocalDate signed = LocalDate.of(2027, 3, 4); // 29 February 2028 falls inside its year
        DeclarationState last = DeclarationState.of(signed, signed.plusDays(365), 12, 30);
        DeclarationState first = DeclarationState.of(signed, signed.plusDays(366), 12, 30);
        assertEquals(366, ChronoUnit.DAYS.between(signed, signed.plusMonths(12)));
        assertEquals(State.EXPIRING, last.state(), "3 March 2028, day 365, is still current");
        assertTrue(last.isCurrent());
        assertEquals(State.EXPIRED, first.state(), "4 March 2028, day 366, it has expired");
        assertEquals(LocalDate.of(2028, 3, 3), first.lastCurrentDay());
    }

    @Test
    void aSpanOverTheLeapDayThroughTheServiceWithItsClock() {
        db.clock.set(Instant.parse("2028-01-15T10:00:00Z"));
        long id = db.person("Lena Leap", LocalDate.of(2027, 3, 4));
        assertEquals(State.EXPIRING, on(id, LocalDate.of(2028, 3, 3)));
        assertEquals(State.EXPIRED, on(id, LocalDate.of(2028, 3, 4)));
    }

    @Test
    void signedOnTheLeapDayRunsToTheLastDayOfFebruary() {
        // 29 February plus twelve months is 28 February: current to the 27th, one day early rather than one day late
        DeclarationState st = DeclarationState.of(LocalDate.of(2028, 2, 29), LocalDate.of(2029, 2, 27), 12, 30);
        assertEquals(State.EXPIRING, st.state());
        assertEquals(State.EXPIRED, DeclarationState.of(LocalDate.of(2028, 2, 29), LocalDate.of(2029, 2, 28), 12, 30).state());
    }

    @Test
    void expiringWindowIsTheLast30Days() {
        LocalDate signed = LocalDate.of(2025, 3, 4); // last current day 3 March 2026
        assertEquals(State.CURRENT, DeclarationState.of(signed, LocalDate.of(2026, 2, 1), 12, 30).state(), "31 days left: current");
        assertEquals(State.EXPIRING, DeclarationState.of(signed, LocalDate.of(2026, 2, 2), 12, 30).state(), "30 days left: expiring");
        assertEquals(State.EXPIRING, DeclarationState.of(signed, LocalDate.of(2026, 3, 3), 12, 30).state(), "last day: expiring");
        assertEquals(State.CURRENT, DeclarationState.of(signed, signed, 12, 30).state(), "the day it is signed");
    }

    @Test
    void expiringEdgesThroughTheService() {
        long id = db.person("Edgar Edge", LocalDate.of(2025, 3, 4));
        assertEquals(State.CURRENT, on(id, LocalDate.of(2026, 2, 1)));
        assertEquals(State.EXPIRING, on(id, LocalDate.of(2026, 2, 2)));
    }

    @Test
    void neverSignedIsMissing() {
        DeclarationState st = DeclarationState.of(null, LocalDate.of(2026, 3, 4), 12, 30);
        assertEquals(State.MISSING, st.state());
        assertNull(st.lastCurrentDay());
        assertFalse(st.isCurrent());
        long id = db.person("Nina Never", (LocalDate) null);
        assertEquals(State.MISSING, people.declaration(helpdesk, id).state());
    }

    @Test
    void theDayChangesAtMidnightInLondonNotUtc() {
        // summer: 23:30 UTC on 30 June 2026 is already 1 July in London
        db.clock.set(Instant.parse("2025-07-01T09:00:00Z"));
        long id = db.person("Bea Summer", LocalDate.of(2025, 7, 1));
        db.clock.set(Instant.parse("2026-06-30T22:59:00Z"));
        assertEquals(State.EXPIRING, people.declaration(helpdesk, id).state(), "23:59 on 30 June in London");
        db.clock.set(Instant.parse("2026-06-30T23:30:00Z"));
        assertEquals(State.EXPIRED, people.declaration(helpdesk, id).state(), "00:30 on 1 July in London");
    }

    @Test
    void validityAndWarningComeFromTheSettings() {
        db.db.useTransaction(h -> {
            Settings.store(h, Settings.Key.DECLARATION_VALIDITY_MONTHS, "24");
            Settings.store(h, Settings.Key.DECLARATION_EXPIRING_DAYS, "60");
        });
        long id = db.person("Tess Twoyear", LocalDate.of(2025, 3, 4));
        assertEquals(State.CURRENT, on(id, LocalDate.of(2027, 1, 2)), "61 days left");
        assertEquals(State.EXPIRING, on(id, LocalDate.of(2027, 1, 3)), "60 days left");
        assertEquals(State.EXPIRED, on(id, LocalDate.of(2027, 3, 4)));
    }
}
