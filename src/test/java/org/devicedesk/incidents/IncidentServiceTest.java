package org.devicedesk.incidents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.devicedesk.core.AccessDenied;
import org.devicedesk.core.Refused;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.core.Settings;
import org.devicedesk.incidents.Incident.ActionType;
import org.devicedesk.incidents.Incident.Draft;
import org.devicedesk.incidents.Incident.Reported;
import org.devicedesk.incidents.Incident.Status;
import org.devicedesk.incidents.Incident.Question;
import org.devicedesk.incidents.Incident.Type;
import org.devicedesk.incidents.IncidentService.Query;
import org.devicedesk.testing.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class IncidentServiceTest {
    // Wednesday 4 March 2026, 10:00 GMT: in office hours
    static final Instant WEDNESDAY = Instant.parse("2026-03-04T10:00:00Z");

    TestDb db;
    IncidentFixture fx;
    IncidentService incidents;
    Session sam;
    Session helen;

    @BeforeEach
    void open() {
        db = TestDb.create(WEDNESDAY);
        fx = new IncidentFixture(db);
        incidents = fx.incidents;
        sam = db.session("sam", Role.STAFF);
        helen = db.session("helen", Role.HELPDESK, Role.STAFF);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Reported reportLostAt(Instant at) {
        db.clock.set(at);
        return incidents.report(sam, IncidentFixture.lost(fx.deviceHeldBy(sam.personId()), true));
    }

    @Nested
    class OutOfHours {
        private final Settings.Values defaults = new Settings.Values(Map.of());

        private boolean ooh(String instant) {
            return IncidentService.isOutOfHours(Instant.parse(instant), defaults);
        }

        @Test
        void theEdgesOfOfficeHoursInWinter() {
            assertTrue(ooh("2026-03-04T07:59:00Z"), "07:59 is before the office opens");
            assertFalse(ooh("2026-03-04T08:00:00Z"), "08:00 the office is open");
            assertFalse(ooh("2026-03-04T17:29:59Z"), "17:29 still open");
            assertTrue(ooh("2026-03-04T17:30:00Z"), "17:30 the office has closed");
        }

        @Test
        void weekendsAreOutOfHoursAllDay() {
            assertTrue(ooh("2026-03-07T10:00:00Z"), "Saturday");
            assertTrue(ooh("2026-03-08T12:00:00Z"), "Sunday");
            assertFalse(ooh("2026-03-06T12:00:00Z"), "Friday");
            assertFalse(ooh("2026-03-09T08:00:00Z"), "Monday opening");
        }

        @Test
        void judgedOnLondonTimeAcrossTheChangeToSummerTime() {
            // clocks go forward on Sunday 29 March 2026: UTC 07:30 is 07:30 on Friday but 08:30 on Monday
            assertTrue(ooh("2026-03-27T07:30:00Z"), "Friday 07:30 GMT");
            assertFalse(ooh("2026-03-30T07:30:00Z"), "Monday 08:30 BST");
            assertTrue(ooh("2026-03-30T06:59:00Z"), "Monday 07:59 BST");
            assertFalse(ooh("2026-03-30T07:00:00Z"), "Monday 08:00 BST");
            assertFalse(ooh("2026-03-30T16:29:00Z"), "Monday 17:29 BST");
            assertTrue(ooh("2026-03-30T16:30:00Z"), "Monday 17:30 BST");
            // and back on Sunday 25 October 2026
            assertFalse(ooh("2026-10-23T16:29:00Z"), "Friday 17:29 BST");
            assertTrue(ooh("2026-10-26T07:59:00Z"), "Monday 07:59 GMT");
        }

        @Test
        void officeDaysAndHoursComeFromSettings() {
            Session admin = db.session("ada", Role.ADMIN);
            db.services.settingsService.save(admin, Map.of(Settings.Key.OFFICE_DAYS, "MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY",
                    Settings.Key.OFFICE_CLOSES, "16:00"));
            Settings.Values v = db.services.settings.values();
            assertFalse(IncidentService.isOutOfHours(Instant.parse("2026-03-07T10:00:00Z"), v), "Saturday is now an office day");
            assertTrue(IncidentService.isOutOfHours(Instant.parse("2026-03-04T16:00:00Z"), v), "the office now closes at 16:00");
        }

        @Test
        void theNumberToCallNowFollowsTheClockAndTheSettings() {
            db.clock.set(Instant.parse("2026-03-04T17:29:00Z"));
            var open = incidents.callNow(sam);
            assertFalse(open.outOfHours());
            assertEquals("3344", open.number());
            assertTrue(open.text().contains("3344") && open.text().contains("0121 626 8344"), open.text());

            db.clock.set(Instant.parse("2026-03-04T17:30:00Z"));
            var closed = incidents.callNow(sam);
            assertTrue(closed.outOfHours());
            assertEquals("101", closed.number());
            assertTrue(closed.text().contains("phone 101") && closed.text().contains("Monday to Friday from 08:00"), closed.text());

            Session admin = db.session("ada", Role.ADMIN);
            db.services.settingsService.save(admin, Map.of(Settings.Key.OUT_OF_HOURS_NUMBER, "0300 123 4567",
                    Settings.Key.OFFICE_CLOSES, "18:00"));
            var later = incidents.callNow(sam);
            assertFalse(later.outOfHours(), "the office now closes at 18:00");
            db.clock.set(Instant.parse("2026-03-07T10:00:00Z"));
            assertEquals("0300 123 4567", incidents.callNow(sam).number(), "Saturday: the out-of-hours number from the settings");
        }

        @Test
        void aReportAt1730IsToldToCall101AndOneAt1729TheHelpDesk() {
            Reported late = reportLostAt(Instant.parse("2026-03-04T17:30:00Z"));
            assertTrue(late.guidance().outOfHours());
            assertTrue(late.guidance().headline().contains("call 101 now"), late.guidance().headline());
            assertTrue(incidents.get(sam, late.id()).incident().outOfHours());

            Reported inHours = reportLostAt(Instant.parse("2026-03-04T17:29:00Z"));
            assertFalse(inHours.guidance().outOfHours());
            assertTrue(inHours.guidance().headline().contains("3344") && inHours.guidance().headline().contains("0121 626 8344"),
                    inHours.guidance().headline());
            assertFalse(inHours.guidance().headline().contains("101"));
        }

        @Test
        void theHelpdeskEnteringAnEarlierPhoneReportIsJudgedByWhenItCameIn() {
            db.clock.set(Instant.parse("2026-03-09T08:10:00Z")); // Monday morning
            long caller = db.person("Cara Caller", true);
            long phone = fx.deviceHeldBy(caller);
            Instant saturdayNight = Instant.parse("2026-03-07T22:15:00Z");
            Reported r = incidents.report(helen, IncidentFixture.onBehalf(IncidentFixture.lost(phone, false), caller, saturdayNight));
            Incident i = incidents.get(helen, r.id()).incident();
            assertEquals(saturdayNight, i.reportedAt());
            assertEquals(caller, i.reporterId());
            assertTrue(i.outOfHours());
            assertEquals("helen", i.recordedBy());
        }
    }

    @Nested
    class Reporting {
        @Test
        void referencesNumberOnWithinTheYearAndStartAgainInTheNext() {
            assertEquals("INC-2026-0001", reportLostAt(WEDNESDAY).reference());
            assertEquals("INC-2026-0002", reportLostAt(WEDNESDAY.plusSeconds(60)).reference());
            assertEquals("INC-2027-0001", reportLostAt(Instant.parse("2027-01-04T10:00:00Z")).reference());
        }

        @Test
        void lostNeedsTheDeviceAndWhetherItWasLocked() {
            Refused r = assertThrows(Refused.class, () -> incidents.report(sam, new Draft(Type.LOST, null, null, null, null, null,
                    null, " ", null, null, null, null, null, null)));
            assertTrue(r.messageFor("device").contains("Choose the device"), r.getMessage());
            assertTrue(r.messageFor("device-locked").contains("policy 57"), r.getMessage());
            assertTrue(r.messageFor("what-happened").contains("required"), r.getMessage());
            assertEquals(0, fx.count("incident"), "nothing stored");
        }

        @Test
        void stolenNeedsACrimeReference() {
            long phone = fx.deviceHeldBy(sam.personId());
            Draft noReference = new Draft(Type.STOLEN, null, phone, null, null, null, null, "Bag snatched.", true, "  ", null, null, null, null);
            Refused r = assertThrows(Refused.class, () -> incidents.report(sam, noReference));
            assertTrue(r.messageFor("crime-reference").contains("crime reference"), r.getMessage());
            assertNull(r.messageFor("device-locked"));

            Draft withReference = new Draft(Type.STOLEN, null, phone, null, null, null, null, "Bag snatched.", true, "CR/1234/26", null, null, null, null);
            Incident i = incidents.get(sam, incidents.report(sam, withReference).id()).incident();
            assertEquals("CR/1234/26", i.crimeReference());
        }

        @Test
        void aPasswordCompromiseAsksAllFourPasswordQuestions() {
            Draft none = new Draft(Type.PASSWORD_COMPROMISED, null, null, null, null, null, null, "Shoulder surfed.", null, null, null, null, null, null);
            Refused r = assertThrows(Refused.class, () -> incidents.report(sam, none));
            assertTrue(r.messageFor("always-in-possession").contains("policy 56"));
            assertTrue(r.messageFor("password-written-down").contains("policy 58"));
            assertTrue(r.messageFor("password-reused").contains("policy 58"));
            assertTrue(r.messageFor("password-changed").contains("policy 58"));
            assertNull(r.messageFor("device"), "the device is optional for a password");
        }

        @Test
        void aPersonalPhoneNeedsADescriptionNotARegisterDevice() {
            Draft d = new Draft(Type.PERSONAL_DEVICE_LOST, null, null, " ", null, null, null, "Lost my own phone.", true, null, null, null, null, null);
            Refused r = assertThrows(Refused.class, () -> incidents.report(sam, d));
            assertTrue(r.messageFor("device-description").contains("description"), r.getMessage());
            Draft ok = new Draft(Type.PERSONAL_DEVICE_LOST, null, 999L, "iPhone 13, 07700 900123", null, null, null, "Lost my own phone.",
                    true, null, null, null, null, null);
            Incident i = incidents.get(sam, incidents.report(sam, ok).id()).incident();
            assertNull(i.deviceId(), "a personal phone is not a register device");
            assertEquals("iPhone 13, 07700 900123", i.deviceText());
        }

        @Test
        void answersTheTypeDoesNotAskAreNotKept() {
            long phone = fx.deviceHeldBy(sam.personId());
            Draft d = new Draft(Type.MALFUNCTION, null, phone, "ignored", null, null, null, "Screen flickers.", false, "CR/1", false, true, true, false);
            Reported r = incidents.report(sam, d);
            Incident i = incidents.get(sam, r.id()).incident();
            assertNull(i.deviceLocked());
            assertNull(i.crimeReference());
            assertNull(i.alwaysInPossession());
            assertNull(i.passwordWrittenDown());
            assertFalse(i.urgent());
            assertFalse(i.policyBreach());
        }

        @Test
        void notAlwaysInPossessionIsUrgentAndAWrittenDownPasswordIsABreachOfPolicy() {
            Reported r = incidents.report(sam, IncidentFixture.password(null, false, true, true, false));
            Incident i = incidents.get(sam, r.id()).incident();
            assertTrue(i.urgent());
            assertTrue(i.policyBreach());
            assertTrue(r.guidance().urgent());
            assertTrue(r.guidance().policyBreach());
            String steps = String.join("\n", r.guidance().steps());
            assertTrue(steps.contains("URGENT"), steps);
            assertTrue(steps.contains("Change the password now"), steps);
            assertTrue(steps.contains("every other system"), steps);
            assertTrue(steps.contains("Breach of policy"), steps);

            Reported calm = incidents.report(sam, IncidentFixture.password(null, true, false, false, true));
            Incident j = incidents.get(sam, calm.id()).incident();
            assertFalse(j.urgent());
            assertFalse(j.policyBreach());
            assertFalse(String.join("\n", calm.guidance().steps()).contains("Change the password now"));
        }

        @Test
        void theOccurredAtCannotBeAfterTheReport() {
            long phone = fx.deviceHeldBy(sam.personId());
            Draft d = new Draft(Type.LOST, null, phone, null, WEDNESDAY.plus(Duration.ofMinutes(5)), null, null, "Lost.", true, null, null, null, null, null);
            Refused r = assertThrows(Refused.class, () -> incidents.report(sam, d));
            assertTrue(r.messageFor("occurred-at") != null, r.getMessage());
        }

        @Test
        void theDeviceMustBeOneTheReporterHolds() {
            long other = db.person("Olly Other", true);
            long theirs = fx.deviceHeldBy(other);
            Refused r = assertThrows(Refused.class, () -> incidents.report(sam, IncidentFixture.lost(theirs, true)));
            assertTrue(r.messageFor("device").contains("held by Olly Other"), r.getMessage());
            assertEquals("IN_SERVICE", fx.deviceStatus(theirs));
        }
    }

    @Nested
    class Effects {
        @Test
        void lostAndStolenSetTheDeviceStatusAndTamperingQuarantinesIt() {
            long a = fx.deviceHeldBy(sam.personId());
            long b = fx.deviceHeldBy(sam.personId());
            long c = fx.deviceHeldBy(sam.personId());
            long d = fx.deviceHeldBy(sam.personId());
            incidents.report(sam, IncidentFixture.lost(a, true));
            incidents.report(sam, new Draft(Type.STOLEN, null, b, null, null, null, null, "Taken.", false, "CR/9", null, null, null, null));
            Reported t = incidents.report(sam, IncidentFixture.of(Type.TAMPERING, c));
            incidents.report(sam, IncidentFixture.of(Type.MALFUNCTION, d));
            assertEquals("LOST", fx.deviceStatus(a));
            assertEquals("STOLEN", fx.deviceStatus(b));
            assertEquals("QUARANTINED", fx.deviceStatus(c));
            assertEquals("IN_SERVICE", fx.deviceStatus(d), "a malfunction leaves the status alone");
            var timeline = incidents.get(helen, t.id()).timeline();
            assertEquals(ActionType.DEVICE_QUARANTINED, timeline.get(0).type());
        }

        @Test
        void everyIncidentIsReferredToTheDpo() {
            Reported r = reportLostAt(WEDNESDAY);
            var refs = db.db.read(h -> h.createQuery("SELECT incident_id, status, aware_at, title FROM breach_case")
                    .map((rs, ctx) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).list());
            assertEquals(1, refs.size());
            assertEquals(String.valueOf(r.id()), refs.get(0).get(0));
            assertEquals("AWAITING_REVIEW", refs.get(0).get(1));
            assertEquals("2026-03-04T10:00:00.000Z", refs.get(0).get(2));
            assertTrue(refs.get(0).get(3).startsWith(r.reference()), refs.get(0).get(3));
        }

        @Test
        void aFailedReferralLeavesNoIncidentNoDeviceChangeAndNoAuditBehind() {
            long phone = fx.deviceHeldBy(sam.personId());
            int events = fx.count("audit_event");
            fx.referralFails.set(true);
            assertThrows(IllegalStateException.class, () -> incidents.report(sam, IncidentFixture.lost(phone, true)));
            assertEquals(0, fx.count("incident"));
            assertEquals(0, fx.count("incident_action"));
            assertEquals(0, fx.count("breach_case"));
            assertEquals(events, fx.count("audit_event"));
            assertEquals("IN_SERVICE", fx.deviceStatus(phone));

            fx.referralFails.set(false);
            assertEquals("INC-2026-0001", incidents.report(sam, IncidentFixture.lost(phone, true)).reference(), "the number was not used up");
        }

        @Test
        void aRecoveredDeviceIsQuarantinedAndReturnsToServiceOnlyWhenCleared() {
            long phone = fx.deviceHeldBy(sam.personId());
            long id = incidents.report(sam, IncidentFixture.lost(phone, true)).id();
            Refused early = assertThrows(Refused.class, () -> incidents.recordAction(helen, id, ActionType.DEVICE_CLEARED, null));
            assertTrue(early.getMessage().contains("recovered"), early.getMessage());
            assertThrows(Refused.class, () -> incidents.recordAction(helen, id, ActionType.DEVICE_QUARANTINED, null));

            incidents.recordAction(helen, id, ActionType.DEVICE_RECOVERED, "Handed in at the station.");
            assertEquals("QUARANTINED", fx.deviceStatus(phone), "recovered is not back in service");
            incidents.recordAction(helen, id, ActionType.DEVICE_CLEARED, null);
            assertEquals("IN_SERVICE", fx.deviceStatus(phone));
            assertThrows(Refused.class, () -> incidents.recordAction(helen, id, ActionType.DEVICE_RECOVERED, null));
        }

        @Test
        void deviceActionsNeedARegisterDevice() {
            long id = incidents.report(sam, IncidentFixture.password(null, true, false, false, true)).id();
            Refused r = assertThrows(Refused.class, () -> incidents.recordAction(helen, id, ActionType.DEVICE_QUARANTINED, null));
            assertTrue(r.getMessage().contains("not about a device"), r.getMessage());
        }

        @Test
        void thePostTravelCheckOpensATamperingIncidentInItsOwnTransaction() {
            long phone = fx.deviceHeldBy(sam.personId());
            Reported r = db.db.inTransaction(h -> incidents.openTamperingInTransaction(h, helen, phone, sam.personId(),
                    "Post-travel check: the case screws have been disturbed."));
            Incident i = incidents.get(sam, r.id()).incident();
            assertEquals(Type.TAMPERING, i.type());
            assertEquals(sam.personId().longValue(), i.reporterId());
            assertEquals("QUARANTINED", fx.deviceStatus(phone));
            assertEquals(1, fx.count("breach_case"));
            assertThrows(AccessDenied.class, () -> db.db.inTransaction(h -> incidents.openTamperingInTransaction(h, sam, phone, sam.personId(), "x")));
        }
    }

    @Nested
    class Access {
        @Test
        void staffReportOnlyForThemselvesAndCannotBackdate() {
            long other = db.person("Olly Other", true);
            Draft d = IncidentFixture.onBehalf(IncidentFixture.password(null, true, false, false, true), other, null);
            assertThrows(AccessDenied.class, () -> incidents.report(sam, d));
            Draft backdated = IncidentFixture.onBehalf(IncidentFixture.password(null, true, false, false, true), sam.personId(),
                    WEDNESDAY.minus(Duration.ofDays(2)));
            Incident i = incidents.get(sam, incidents.report(sam, backdated).id()).incident();
            assertEquals(WEDNESDAY, i.reportedAt(), "a staff member's report is reported now");
        }

        @Test
        void theHelpdeskCannotEnterAReportFromTheFuture() {
            long caller = db.person("Cara Caller", true);
            Draft d = IncidentFixture.onBehalf(IncidentFixture.password(null, true, false, false, true), caller, WEDNESDAY.plusSeconds(120));
            Refused r = assertThrows(Refused.class, () -> incidents.report(helen, d));
            assertTrue(r.messageFor("reported-at").contains("future"), r.getMessage());
        }

        @Test
        void staffSeeOnlyTheirOwnIncidents() {
            Session olly = db.session("olly", Role.STAFF);
            long mine = incidents.report(sam, IncidentFixture.password(null, true, false, false, true)).id();
            long theirs = incidents.report(olly, IncidentFixture.password(null, true, false, false, true)).id();
            assertEquals(List.of(mine), incidents.list(sam, Query.all()).stream().map(Incident::id).toList());
            assertThrows(AccessDenied.class, () -> incidents.get(sam, theirs));
            assertEquals(2, incidents.list(helen, Query.all()).size());
        }

        @Test
        void infosecAndTheDpoReadButOnlyTheHelpdeskChanges() {
            Session dpo = db.session("dora", Role.DPO, Role.STAFF);
            Session infosec = db.session("ivan", Role.INFOSEC, Role.STAFF);
            long id = incidents.report(sam, IncidentFixture.password(null, true, false, false, true)).id();
            for (Session reader : List.of(dpo, infosec)) {
                assertEquals(1, incidents.list(reader, Query.all()).size());
                assertEquals(id, incidents.get(reader, id).incident().id());
                assertThrows(AccessDenied.class, () -> incidents.acknowledge(reader, id));
                assertThrows(AccessDenied.class, () -> incidents.assign(reader, id, "helen"));
                assertThrows(AccessDenied.class, () -> incidents.recordAction(reader, id, ActionType.NOTE, "hello"));
                assertThrows(AccessDenied.class, () -> incidents.move(reader, id, Status.ACKNOWLEDGED));
                assertThrows(AccessDenied.class, () -> incidents.close(reader, id, "done"));
            }
            assertThrows(AccessDenied.class, () -> incidents.acknowledge(sam, id), "the reporter cannot change it either");
            assertEquals(Status.REPORTED, incidents.get(sam, id).incident().status());
        }

        @Test
        void onlyActiveHelpdeskAccountsCanBeAssigned() {
            long id = incidents.report(sam, IncidentFixture.password(null, true, false, false, true)).id();
            Refused r = assertThrows(Refused.class, () -> incidents.assign(helen, id, "sam"));
            assertTrue(r.messageFor("assignee").contains("not an active helpdesk account"), r.getMessage());
            incidents.assign(helen, id, "helen");
            assertEquals("helen", incidents.get(helen, id).incident().assignee());
            assertEquals(List.of("helen"), incidents.assignees(helen));
            assertThrows(AccessDenied.class, () -> incidents.assignees(sam));
        }
    }

    @Nested
    class Lifecycle {
        long id;

        @BeforeEach
        void reported() {
            id = incidents.report(sam, IncidentFixture.password(null, true, false, false, true)).id();
        }

        private Status status() {
            return incidents.get(helen, id).incident().status();
        }

        @Test
        void theWholeWayThroughWithATimeline() {
            incidents.acknowledge(helen, id);
            assertEquals(Status.ACKNOWLEDGED, status());
            assertEquals("helen", incidents.get(helen, id).incident().assignee(), "acknowledging takes an unassigned incident");
            db.clock.advance(Duration.ofMinutes(3));
            incidents.recordAction(helen, id, ActionType.PASSWORD_RESET, "Reset in Active Directory.");
            incidents.move(helen, id, Status.CONTAINED);
            incidents.move(helen, id, Status.RESOLVED);
            incidents.close(helen, id, "Password reset within 5 minutes; no sign of misuse.");
            Incident.Detail d = incidents.get(sam, id);
            assertEquals(Status.CLOSED, d.incident().status());
            assertEquals("Password reset within 5 minutes; no sign of misuse.", d.incident().closingSummary());
            assertEquals(1, d.timeline().size());
            Incident.Action a = d.timeline().get(0);
            assertEquals(ActionType.PASSWORD_RESET, a.type());
            assertEquals("helen", a.actor());
            assertEquals(WEDNESDAY.plus(Duration.ofMinutes(3)), a.at());
        }

        @Test
        void stepsCannotBeSkippedOrUndone() {
            Refused skip = assertThrows(Refused.class, () -> incidents.move(helen, id, Status.CONTAINED));
            assertTrue(skip.getMessage().contains("must be acknowledged before it can be contained"), skip.getMessage());
            assertThrows(Refused.class, () -> incidents.move(helen, id, Status.RESOLVED));
            assertThrows(Refused.class, () -> incidents.close(helen, id, "Nothing to see."));
            incidents.acknowledge(helen, id);
            assertThrows(Refused.class, () -> incidents.acknowledge(helen, id));
            assertThrows(Refused.class, () -> incidents.move(helen, id, Status.REPORTED));
            assertThrows(Refused.class, () -> incidents.move(helen, id, Status.RESOLVED));
            incidents.move(helen, id, Status.CONTAINED);
            Refused back = assertThrows(Refused.class, () -> incidents.move(helen, id, Status.ACKNOWLEDGED));
            assertTrue(back.getMessage().contains("already acknowledged"), back.getMessage());
            assertThrows(Refused.class, () -> incidents.close(helen, id, "Too early."));
            assertEquals(Status.CONTAINED, status());
        }

        @Test
        void closingNeedsASummaryAndAClosedIncidentTakesNothingMore() {
            incidents.acknowledge(helen, id);
            incidents.move(helen, id, Status.CONTAINED);
            incidents.move(helen, id, Status.RESOLVED);
            Refused r = assertThrows(Refused.class, () -> incidents.close(helen, id, "   "));
            assertTrue(r.messageFor("closing-summary") != null);
            assertThrows(Refused.class, () -> incidents.move(helen, id, Status.CLOSED), "closing goes through close(), with a summary");
            incidents.close(helen, id, "Resolved.");
            assertThrows(Refused.class, () -> incidents.recordAction(helen, id, ActionType.NOTE, "late note"));
            assertThrows(Refused.class, () -> incidents.assign(helen, id, null));
            assertThrows(Refused.class, () -> incidents.close(helen, id, "again"));
        }

        @Test
        void aNoteNeedsText() {
            Refused r = assertThrows(Refused.class, () -> incidents.recordAction(helen, id, ActionType.NOTE, " "));
            assertTrue(r.messageFor("action-note") != null);
        }
    }

    @Nested
    class Queue {
        @Test
        void openFirstUrgentOnTopThenNewest() {
            long older = incidents.report(sam, IncidentFixture.password(null, true, false, false, true)).id();
            db.clock.advance(Duration.ofMinutes(10));
            long urgent = incidents.report(sam, IncidentFixture.password(null, false, false, false, true)).id();
            db.clock.advance(Duration.ofMinutes(10));
            long closed = incidents.report(sam, IncidentFixture.password(null, true, false, false, true)).id();
            incidents.acknowledge(helen, closed);
            incidents.move(helen, closed, Status.CONTAINED);
            incidents.move(helen, closed, Status.RESOLVED);
            incidents.close(helen, closed, "Done.");
            db.clock.advance(Duration.ofMinutes(10));
            long newest = incidents.report(sam, IncidentFixture.password(null, true, false, false, true)).id();
            assertEquals(List.of(urgent, newest, older, closed), incidents.list(helen, Query.all()).stream().map(Incident::id).toList());
        }

        @Test
        void filtersByTypeStatusAssigneeAgeAndText() {
            long phone = fx.deviceHeldBy(sam.personId());
            long lost = incidents.report(sam, IncidentFixture.lost(phone, true)).id();
            db.clock.advance(Duration.ofDays(10));
            long pw = incidents.report(sam, IncidentFixture.password(null, true, false, false, true)).id();
            incidents.acknowledge(helen, pw);
            assertEquals(List.of(lost), ids(new Query(null, Type.LOST, null, null, null)));
            assertEquals(List.of(pw), ids(new Query(null, null, EnumSet.of(Status.ACKNOWLEDGED), null, null)));
            assertEquals(List.of(pw), ids(new Query(null, null, null, "helen", null)));
            assertEquals(List.of(lost), ids(new Query(null, null, null, Query.UNASSIGNED, null)));
            assertEquals(List.of(pw), ids(new Query(null, null, null, null, IncidentService.Age.WEEK)));
            assertEquals(List.of(lost), ids(new Query("birmingham", null, null, null, null)));
            assertEquals(List.of(lost), ids(new Query("ph-1", null, null, null, null)));
        }

        @Test
        void exportsTheListAsCsvWithFormulasNeutralised() {
            incidents.report(sam, new Draft(Type.PASSWORD_COMPROMISED, null, null, null, null, null, "=HYPERLINK(\"http://x\")",
                    "Typed it on the train.", null, null, true, false, false, true));
            java.io.StringWriter out = new java.io.StringWriter();
            assertEquals(1, incidents.exportCsv(helen, Query.all(), out));
            String csv = out.toString();
            assertTrue(csv.startsWith("reference,type,status"), csv);
            assertTrue(csv.contains("'=HYPERLINK"), csv);
            assertEquals(0, incidents.exportCsv(db.session("olly", Role.STAFF), Query.all(), new java.io.StringWriter()), "staff export only their own");
        }

        @Test
        void exportsEveryIncidentPastTheOldCapOfFiveThousandInTheListsOrder() {
            int count = 5_234; // more than the 5,000 the export used to stop at, and many of the list's 200-row pages
            String at = org.devicedesk.core.Times.store(WEDNESDAY);
            db.db.useTransaction(h -> h.createUpdate("""
                    INSERT INTO incident (reference, type, reporter_id, reported_at, what_happened, status, recorded_by, created_at, updated_at)
                    WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < :count)
                    SELECT 'INC-T-' || x, 'MALFUNCTION', :reporter, :at, 'Row ' || x, CASE WHEN x % 3 = 0 THEN 'CLOSED' ELSE 'REPORTED' END,
                           'helen', :at, :at FROM n""").bind("count", count).bind("reporter", sam.personId()).bind("at", at).execute());
            List<String> listOrder = new java.util.ArrayList<>();
            for (int offset = 0; ; offset += 200) {
                IncidentService.Page p = incidents.page(helen, Query.all(), null, false, offset, 200);
                p.rows().forEach(i -> listOrder.add(i.reference()));
                if (!p.hasNext()) break;
            }
            assertEquals(count, listOrder.size());

            java.io.StringWriter out = new java.io.StringWriter();
            assertEquals(count, incidents.exportCsv(helen, Query.all(), out));
            List<org.devicedesk.core.Csv.Row> rows = org.devicedesk.core.Csv.read(new java.io.StringReader(out.toString()));
            assertEquals(IncidentService.CSV_COLUMNS, rows.get(0).fields());
            assertEquals(listOrder, rows.stream().skip(1).map(r -> r.get(0)).toList(), "every incident once, in the list's order");
            assertEquals("Row 5234", rows.stream().filter(r -> r.get(0).equals("INC-T-5234")).findFirst().orElseThrow().get(11),
                    "each row's own cells");

            java.io.StringWriter closedOnly = new java.io.StringWriter();
            assertEquals(count / 3, incidents.exportCsv(helen, new Query(null, null, EnumSet.of(Status.CLOSED), null, null), closedOnly),
                    "the filters narrow the export as they narrow the list");
        }

        private List<Long> ids(Query q) {
            return incidents.list(helen, q).stream().map(Incident::id).toList();
        }
    }

    /** Issue 17: the guidance worded for who filed the report: the person themself, the help desk for them, the DPO. */
    @Nested
    class GuidanceWording {
        @Test
        void theHelpDeskFilingForSomeoneIsToldWhatToTellThemNotToCallItself() {
            long caller = db.person("Cara Caller", true);
            long phone = fx.deviceHeldBy(caller);
            Reported r = incidents.report(helen, IncidentFixture.onBehalf(IncidentFixture.lost(phone, false), caller, WEDNESDAY));
            String headline = r.guidance().headline();
            assertTrue(headline.startsWith("Tell Cara Caller the reference " + r.reference()), headline);
            assertFalse(headline.contains("Call the help desk now"), headline);
            String steps = String.join("\n", r.guidance().steps());
            assertTrue(steps.contains("Tell Cara Caller: if you find the device, do not use it"), steps);
            assertTrue(steps.contains("The device was not locked: have it wiped remotely straight away."), steps);
            assertFalse(steps.contains("Your report"), steps);
            assertEquals("The report for Cara Caller has been sent.", r.guidance().sent());
            assertEquals("Its reference — give it to Cara Caller.", r.guidance().referenceCaption());

            db.clock.set(Instant.parse("2026-03-07T22:15:00Z")); // Saturday night
            Reported late = incidents.report(helen, IncidentFixture.onBehalf(IncidentFixture.lost(phone, true), caller, Instant.parse("2026-03-07T22:15:00Z")));
            assertTrue(late.guidance().headline().startsWith("Tell Cara Caller to call 101 now"), late.guidance().headline());
        }

        @Test
        void theHelpDeskReportingForThemselvesIsToldToCallAsAnyoneIs() {
            Reported r = incidents.report(helen, IncidentFixture.lost(fx.deviceHeldBy(helen.personId()), true));
            assertTrue(r.guidance().headline().startsWith("Call the help desk now on 3344"), r.guidance().headline());
            assertEquals("Your report has been sent.", r.guidance().sent());
            assertEquals("Your reference — keep it to hand for the call.", r.guidance().referenceCaption());
            assertEquals("Your report has been passed to the Data Protection Officer, because it may be a data breach (policy 56).",
                    r.guidance().steps().get(r.guidance().steps().size() - 1));
        }

        @Test
        void theDpoReportingReadsThatTheReportIsInTheirBreachQueue() {
            Session dpo = db.session("dora", Role.DPO, Role.STAFF);
            Reported r = incidents.report(dpo, IncidentFixture.lost(fx.deviceHeldBy(dpo.personId()), true));
            List<String> steps = r.guidance().steps();
            assertEquals("The report is in your breach queue, because it may be a data breach (policy 56).", steps.get(steps.size() - 1));
            assertFalse(String.join("\n", steps).contains("passed to the Data Protection Officer"));
        }

        @Test
        void theLockedQuestionSaysLostOrStolenAndWhom() {
            ReportWording.Reporting self = ReportWording.Reporting.self("Sam Green");
            ReportWording.Reporting forSam = new ReportWording.Reporting("Sam Green", true, false);
            assertEquals("Was the device locked when it was lost?", ReportWording.question(Question.DEVICE_LOCKED, Type.LOST, self));
            assertEquals("Was the device locked when it was stolen?", ReportWording.question(Question.DEVICE_LOCKED, Type.STOLEN, forSam));
            assertEquals("Was the device locked when it was lost?", ReportWording.question(Question.DEVICE_LOCKED, Type.PERSONAL_DEVICE_LOST, self));
            assertEquals("Was the device locked when it was lost or stolen?", ReportWording.question(Question.DEVICE_LOCKED, null, self));
            assertEquals("Have you always been in possession of the device?",
                    ReportWording.question(Question.ALWAYS_IN_POSSESSION, Type.PASSWORD_COMPROMISED, self));
            assertEquals("Has Sam Green always been in possession of the device?",
                    ReportWording.question(Question.ALWAYS_IN_POSSESSION, Type.PASSWORD_COMPROMISED, forSam));
            assertEquals("Has Sam Green already changed the password?", ReportWording.question(Question.PASSWORD_CHANGED, Type.PASSWORD_COMPROMISED, forSam));
        }
    }
}
