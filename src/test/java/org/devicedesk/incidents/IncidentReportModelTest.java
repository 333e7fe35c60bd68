package org.devicedesk.incidents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;
import org.devicedesk.core.Refused;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.incidents.Incident.DeviceNeed;
import org.devicedesk.incidents.Incident.Question;
import org.devicedesk.incidents.Incident.Type;
import org.devicedesk.testing.TestDb;
import org.devicedesk.ui.Tasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules that sat in IncidentReportForm, in its view model: synchronous (Tasks.direct()), no window, a real database. */
class IncidentReportModelTest {
    TestDb db;
    IncidentFixture f;
    Session sam;
    Session harry;

    @BeforeEach
    void setUp() {
        db = TestDb.create(); // Wednesday 4 March 2026, 10:00 in London
        f = new IncidentFixture(db);
        sam = db.session("sam", Role.STAFF);
        harry = db.session("harry", Role.HELPDESK, Role.STAFF);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    IncidentReportModel started(Session who) {
        IncidentReportModel m = new IncidentReportModel(f.incidents, db.services.people, who, Tasks.direct());
        m.start(t -> { throw new AssertionError(t); });
        return m;
    }

    @Test
    void nothingIsAskedAndNothingCanBeSentBeforeTheKindOfProblemIsChosen() {
        IncidentReportModel m = started(sam);
        assertFalse(m.canSend.get());
        assertNull(m.deviceNeed());
        assertFalse(m.asks(Question.DEVICE_LOCKED));
        m.type.set(Type.LOST);
        assertTrue(m.canSend.get());
        assertTrue(m.asks(Question.DEVICE_LOCKED), "a lost device: was it locked?");
        assertFalse(m.asks(Question.PASSWORD_WRITTEN_DOWN));
        m.type.set(Type.PERSONAL_DEVICE_LOST);
        assertEquals(DeviceNeed.DESCRIPTION, m.deviceNeed(), "a personal phone is described, not chosen from the register");
    }

    @Test
    void theOnlyDeviceTheReporterHoldsIsChosenForThemAndNoneIsSaidInWords() {
        IncidentReportModel none = started(sam);
        assertTrue(none.devices.isEmpty());
        assertEquals("You do not hold any device in the register. Call the help desk if this is wrong.", none.noDevices.get());
        long phone = f.deviceHeldBy(sam.personId());
        IncidentReportModel one = started(sam);
        assertEquals(phone, one.device.get().id());
        assertEquals("", one.noDevices.get());
    }

    @Test
    void whoToCallNowIsKnownBeforeAnythingIsTyped() {
        IncidentReportModel m = started(sam);
        assertNotNull(m.callNow.get());
        assertFalse(m.callNow.get().outOfHours(), "10:00 on a Wednesday");
        assertTrue(m.callNow.get().text().contains("3344"), m.callNow.get().text());
    }

    @Test
    void theHelpDeskReportsForSomeoneElseAndTheirDevicesAreLoaded() {
        long phone = f.deviceHeldBy(sam.personId());
        IncidentReportModel m = started(harry);
        assertTrue(m.forOthers());
        assertEquals(harry.personId(), m.reporter.get().id(), "the help desk's own person first");
        assertEquals("You do not hold any device in the register. Call the help desk if this is wrong.", m.noDevices.get(),
                "the help desk's own person holds nothing");
        m.reporter.set(m.reporters.stream().filter(p -> p.id() == sam.personId()).findFirst().orElseThrow());
        assertEquals(phone, m.device.get().id(), "choosing the person loads what they hold");
        assertEquals("", m.noDevices.get());
        assertEquals(LocalDate.of(2026, 3, 4), m.reportedOn.get());
        assertEquals("10:00", m.reportedTime.get(), "when the call came in, defaulting to now");
    }

    /** Issue 17: the questions follow the kind chosen and, when the help desk files for someone, name that person. */
    @Test
    void theQuestionsAreWordedForTheKindAndForWhomTheReportIs() {
        IncidentReportModel m = started(harry);
        var locked = m.question(Question.DEVICE_LOCKED);
        var always = m.question(Question.ALWAYS_IN_POSSESSION);
        m.type.set(Type.LOST);
        assertEquals("Was the device locked when it was lost?", locked.get());
        m.type.set(Type.STOLEN);
        assertEquals("Was the device locked when it was stolen?", locked.get());
        assertEquals("Have you always been in possession of the device?", always.get(), "the help desk's own person is chosen first");
        m.reporter.set(m.reporters.stream().filter(p -> p.id() == sam.personId()).findFirst().orElseThrow());
        String sams = m.reporter.get().fullName();
        assertEquals("Has " + sams + " always been in possession of the device?", always.get());
        assertTrue(m.reporting().forSomeoneElse());
        assertFalse(started(sam).reporting().forSomeoneElse());
    }

    @Test
    void unsavedChangesAreAnythingChosenOrTypedUntilItIsSentOrLeft() {
        IncidentReportModel m = started(sam);
        assertFalse(m.hasUnsavedChanges());
        m.location.set("  ");
        assertFalse(m.hasUnsavedChanges(), "blank is nothing");
        m.deviceLocked.set(Boolean.TRUE);
        assertTrue(m.hasUnsavedChanges());
        m.abandon();
        assertFalse(m.hasUnsavedChanges());
    }

    @Test
    void aReportIsSentThroughTheServiceAndAnUnreadableTimeIsRefusedFirst() {
        long phone = f.deviceHeldBy(sam.personId());
        IncidentReportModel m = started(sam);
        m.type.set(Type.LOST);
        m.deviceLocked.set(Boolean.TRUE);
        m.whatHappened.set("Left on the train.");
        m.occurredOn.set(LocalDate.of(2026, 3, 3));
        m.occurredTime.set("2515");
        AtomicReference<Throwable> failed = new AtomicReference<>();
        m.send(r -> { throw new AssertionError("sent"); }, failed::set);
        Refused r = assertInstanceOf(Refused.class, failed.get());
        assertEquals("The time \"2515\" is not a time of day; write it like 21:15.", r.messageFor("occurred-at-time"));
        assertEquals(0, f.count("incident"), "nothing sent");

        m.occurredTime.set("2115");
        AtomicReference<Incident.Reported> sent = new AtomicReference<>();
        m.send(sent::set, t -> { throw new AssertionError(t); });
        assertEquals(1, f.count("incident"));
        assertEquals("LOST", f.deviceStatus(phone));
        assertFalse(m.showingForm.get(), "the guidance is shown now");
        assertFalse(m.sending.get());
        Incident i = f.incidents.get(sam, sent.get().id()).incident();
        assertEquals(Instant.parse("2026-03-03T21:15:00Z"), i.occurredAt());
    }

    @Test
    void datesAndTimesAreReadOneWay() {
        assertEquals(Instant.parse("2026-03-03T12:00:00Z"), IncidentReportModel.instant(LocalDate.of(2026, 3, 3), " ", "occurred-at", false),
                "a date alone is midday");
        assertNull(IncidentReportModel.instant(null, "", "occurred-at", false));
        // the one set of rules for a time typed (core/TypedWhen), as on every other form
        assertEquals(Instant.parse("2026-03-03T21:15:00Z"), IncidentReportModel.instant(LocalDate.of(2026, 3, 3), "9:15 pm", "occurred-at", false));
        Refused r = assertThrows(Refused.class, () -> IncidentReportModel.instant(null, "10:00", "occurred-at", false));
        assertEquals("Enter the date as well as the time, or leave both empty.", r.messageFor("occurred-at"));
        r = assertThrows(Refused.class, () -> IncidentReportModel.instant(LocalDate.of(2026, 3, 3), "", "reported-at", true));
        assertEquals("Enter the time the report came in, like 21:15.", r.messageFor("reported-at-time"));
    }
}
