package org.devicedesk.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.devicedesk.Services;
import org.devicedesk.breaches.BreachCase;
import org.devicedesk.breaches.BreachDraft;
import org.devicedesk.core.Conflict;
import org.devicedesk.core.Database;
import org.devicedesk.core.Refused;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.core.Settings;
import org.devicedesk.devices.Device;
import org.devicedesk.devices.DeviceDraft;
import org.devicedesk.incidents.Incident;
import org.devicedesk.people.Person;
import org.devicedesk.people.PersonDraft;
import org.devicedesk.travel.TravelDraft;
import org.devicedesk.travel.TravelNotice;
import org.junit.jupiter.api.Test;

/** The concurrency cases of issue 13, run against a database the subclass opens (SQLite file or PostgreSQL). */
abstract class ConcurrencyCases {
    static final int CLIENTS = 4;

    /** A new client's database: the same database every time within one test. */
    abstract Database open();

    private Office office(int n) {
        return new Office(this::open, n);
    }

    @Test
    void parallelClientsFilingReportsGetDistinctReferencesAndNoneFails() throws Exception {
        int perClient = Office.FULL ? 200 : 25;
        try (Office o = office(CLIENTS)) {
            Session staff = o.person("sam", Role.STAFF);
            Session dpo = o.person("dora", Role.DPO, Role.STAFF);
            ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
            List<Integer> filed = o.together(CLIENTS, c -> {
                Services s = o.client(c);
                int ok = 0;
                for (int i = 0; i < perClient; i++) {
                    try {
                        s.incidents.report(staff, Office.report("client " + c + " report " + i));
                        if (i % 10 == 0) s.breaches.openDirect(dpo, "Misdirected email " + c + "-" + i, null, Office.NOW.minusSeconds(60));
                        ok++;
                    } catch (RuntimeException e) {
                        failures.add(e);
                    }
                }
                return ok;
            });
            assertTrue(failures.isEmpty(), () -> failures.size() + " reports failed, the first: " + failures.peek());
            int total = CLIENTS * perClient;
            assertEquals(total, filed.stream().mapToInt(Integer::intValue).sum());
            List<String> incidents = o.references("incident");
            assertEquals(total, incidents.size());
            int direct = CLIENTS * ((perClient + 9) / 10);
            assertEquals(total + direct, o.references("breach_case").size(), "every referral and every direct case, each its own BRE- number");
            // consecutive: INC-2026-0001 .. INC-2026-<total>, none skipped
            for (int n = 1; n <= total; n++) assertTrue(incidents.contains("INC-2026-%04d".formatted(n)), "INC-2026-" + n + " missing");
            o.assertAuditIntact();
            System.out.printf("[issue 13] %s: %d clients x %d reports: %d filed, %d failures, %d incidents, %d distinct INC- references, %d breach cases, audit intact%n",
                    getClass().getSimpleName(), CLIENTS, perClient, total, failures.size(), incidents.size(),
                    new java.util.HashSet<>(incidents).size(), o.references("breach_case").size());
        }
    }

    @Test
    void ofParallelAcknowledgesExactlyOneWinsAndTheOthersAreToldWho() throws Exception {
        try (Office o = office(CLIENTS)) {
            Session staff = o.person("sam", Role.STAFF);
            List<Session> desk = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) desk.add(o.person("desk" + i, Role.HELPDESK, Role.STAFF));
            long id = o.client(0).incidents.report(staff, Office.report("race")).id();
            List<Object> outcomes = o.together(CLIENTS, c -> {
                try {
                    o.client(c).incidents.acknowledge(desk.get(c), id);
                    return desk.get(c).username();
                } catch (Refused r) {
                    return r;
                }
            });
            List<String> winners = outcomes.stream().filter(String.class::isInstance).map(String.class::cast).toList();
            assertEquals(1, winners.size(), "exactly one acknowledge wins: " + outcomes);
            for (Object x : outcomes) {
                if (x instanceof Refused r) {
                    assertInstanceOf(Conflict.class, r);
                    assertTrue(r.getMessage().contains("already acknowledged by " + winners.get(0)), r.getMessage());
                }
            }
            assertEquals(1, o.count("SELECT count(*) FROM audit_event WHERE action = 'INCIDENT_ACKNOWLEDGED'"));
            assertEquals(winners.get(0), o.client(0).incidents.get(desk.get(0), id).incident().assignee());
            o.assertAuditIntact();
        }
    }

    @Test
    void parallelAssignsAndMovesFromOnePageVersionLetOneThrough() throws Exception {
        try (Office o = office(CLIENTS)) {
            Session staff = o.person("sam", Role.STAFF);
            List<Session> desk = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) desk.add(o.person("desk" + i, Role.HELPDESK, Role.STAFF));
            long id = o.client(0).incidents.report(staff, Office.report("race")).id();
            o.client(0).incidents.acknowledge(desk.get(0), id);
            long version = o.client(0).incidents.get(desk.get(0), id).incident().version();
            List<Boolean> assigned = o.together(CLIENTS, c -> {
                try {
                    o.client(c).incidents.assign(desk.get(c), id, desk.get(c).username(), version);
                    return true;
                } catch (Conflict e) {
                    return false;
                }
            });
            // desk0 already holds it (acknowledging assigned it), so its assign changes nothing and passes; one other wins
            assertEquals(1, o.count("SELECT count(*) FROM audit_event WHERE action = 'INCIDENT_ASSIGNED'"), "one assignment stored: " + assigned);
            long v2 = o.client(0).incidents.get(desk.get(0), id).incident().version();
            List<Boolean> moved = o.together(CLIENTS, c -> {
                try {
                    o.client(c).incidents.move(desk.get(c), id, Incident.Status.CONTAINED, v2);
                    return true;
                } catch (Conflict e) {
                    return false;
                }
            });
            assertEquals(1, moved.stream().filter(b -> b).count(), "one move wins: " + moved);
            assertEquals(1, o.count("SELECT count(*) FROM audit_event WHERE action = 'INCIDENT_CONTAINED'"));
            o.assertAuditIntact();
        }
    }

    @Test
    void ofClientsStartingTogetherOnAnEmptyDatabaseExactlyOneCreatesTheFirstAdministrator() throws Exception {
        try (Office o = office(CLIENTS)) {
            List<Object> outcomes = o.together(CLIENTS, c -> {
                try {
                    return o.client(c).accounts.createFirstAdministrator("Admin " + c, "admin" + c, Office.PASSWORD, Office.PASSWORD);
                } catch (Refused r) {
                    return r;
                }
            });
            assertEquals(1, outcomes.stream().filter(Session.class::isInstance).count(), "one first administrator: " + outcomes);
            assertEquals(1, o.count("SELECT count(*) FROM account"));
            assertEquals(1, o.count("SELECT count(*) FROM person"));
            outcomes.stream().filter(Refused.class::isInstance).map(Refused.class::cast)
                    .forEach(r -> assertTrue(r.getMessage().contains("already has an administrator"), r.getMessage()));
            o.assertAuditIntact();
        }
    }

    /** Two forms opened at the same version, saved at the same moment on two clients: one stored, the other a Conflict. */
    private static void exactlyOneOf(Office o, String table, long id, int before, Office.TaskFor<Void> save) throws Exception {
        List<Object> outcomes = o.together(2, c -> {
            try {
                save.run(c);
                return "saved";
            } catch (Conflict e) {
                return e;
            }
        });
        assertEquals(1, outcomes.stream().filter("saved"::equals).count(), table + ": one save stored: " + outcomes);
        Conflict lost = (Conflict) outcomes.stream().filter(Conflict.class::isInstance).findFirst().orElseThrow();
        assertTrue(lost.getMessage().contains("was changed by") && lost.getMessage().contains("Nothing was saved"), lost.getMessage());
        assertTrue(lost.change() != null && lost.change().actor() != null, "says who changed it");
        if (id > 0) {
            int after = o.count("SELECT version FROM " + table + " WHERE id = " + id);
            assertTrue(after > before, table + " version raised once by the winner");
        }
    }

    @Test
    void everyStaleSaveIsRefusedWithWhoChangedItAndNothingIsStored() throws Exception {
        try (Office o = office(2)) {
            Session admin = o.person("ada", Role.ADMIN, Role.HELPDESK, Role.DPO, Role.INFOSEC, Role.STAFF);
            Session other = o.person("bob", Role.ADMIN, Role.HELPDESK, Role.DPO, Role.INFOSEC, Role.STAFF);
            Services a = o.client(0), b = o.client(1);
            Session[] who = {admin, other};

            // device: the second analyst's form, opened before the first saved, is refused; the first's edit survives
            long deviceId = a.devices.create(admin, new DeviceDraft("LT-0001", Device.Kind.LAPTOP, "Dell Latitude", null, null, null,
                    true, Device.Mode.ISSUED, Device.Status.IN_STOCK, null, null));
            Device loaded = a.devices.get(admin, deviceId).orElseThrow();
            a.devices.update(admin, deviceId, loaded.version(), withNotes(loaded, "first analyst"));
            Conflict c = assertThrows(Conflict.class, () -> b.devices.update(other, deviceId, loaded.version(), withNotes(loaded, "second analyst")));
            assertTrue(c.getMessage().contains("Device LT-0001 was changed by ada"), c.getMessage());
            assertEquals("first analyst", b.devices.get(other, deviceId).orElseThrow().notes(), "no silent overwrite");
            Device fresh = b.devices.get(other, deviceId).orElseThrow();
            exactlyOneOf(o, "device", deviceId, (int) fresh.version(),
                    x -> { o.client(x).devices.update(who[x], deviceId, fresh.version(), withNotes(fresh, "parallel " + x)); return null; });

            // person
            long personId = a.people.create(admin, new PersonDraft("Pat Person", null, null, org.devicedesk.people.Category.EMPLOYEE, "Team A", null));
            Person p = a.people.get(admin, personId);
            a.people.update(admin, personId, p.version(), new PersonDraft("Pat Person", "pat@example.org", null, p.category(), "Team A", null));
            assertThrows(Conflict.class, () -> b.people.update(other, personId, p.version(),
                    new PersonDraft("Pat Person", null, null, p.category(), "Team B", null)));
            assertEquals("Team A", b.people.get(other, personId).team());
            Person p2 = b.people.get(other, personId);
            exactlyOneOf(o, "person", personId, (int) p2.version(), x -> {
                o.client(x).people.update(who[x], personId, p2.version(), new PersonDraft("Pat Person", null, null, p2.category(), "Team " + x, null));
                return null;
            });

            // breach case: a DPO's measures are not overwritten
            long caseId = a.breaches.openDirect(admin, "Misdirected email", null, Office.NOW.minusSeconds(3600));
            BreachCase bc = a.breaches.get(admin, caseId);
            a.breaches.save(admin, caseId, bc.version(), measures(bc, "Recalled the email"));
            assertThrows(Conflict.class, () -> b.breaches.save(other, caseId, bc.version(), measures(bc, "Nothing yet")));
            assertEquals("Recalled the email", b.breaches.get(other, caseId).measures());
            BreachCase bc2 = b.breaches.get(other, caseId);
            exactlyOneOf(o, "breach_case", caseId, (int) bc2.version(), x -> {
                o.client(x).breaches.save(who[x], caseId, bc2.version(), measures(bc2, "measures " + x));
                return null;
            });

            // incident lifecycle: assign and close from stale pages
            long incidentId = a.incidents.report(admin, Office.report("stale")).id();
            long iv = a.incidents.get(admin, incidentId).incident().version();
            a.incidents.acknowledge(admin, incidentId, iv);
            assertThrows(Conflict.class, () -> b.incidents.assign(other, incidentId, "bob", iv));
            assertEquals("ada", b.incidents.get(other, incidentId).incident().assignee());
            assertThrows(Conflict.class, () -> b.incidents.move(other, incidentId, Incident.Status.CONTAINED, iv));
            long iv2 = a.incidents.get(admin, incidentId).incident().version();
            a.incidents.move(admin, incidentId, Incident.Status.CONTAINED, iv2);
            a.incidents.move(admin, incidentId, Incident.Status.RESOLVED, a.incidents.get(admin, incidentId).incident().version());
            long resolved = a.incidents.get(admin, incidentId).incident().version();
            a.incidents.close(admin, incidentId, "Password changed; no misuse seen.", resolved);
            Refused closeAgain = assertThrows(Conflict.class, () -> b.incidents.close(other, incidentId, "Another summary", resolved));
            assertTrue(closeAgain.getMessage().contains("already closed by ada"), closeAgain.getMessage());

            // account
            var account = a.accounts.list(admin).stream().filter(x -> x.username().equals("bob")).findFirst().orElseThrow();
            a.accounts.update(admin, account.id(), account.version(), account.personId(), EnumSet.of(Role.HELPDESK, Role.ADMIN, Role.STAFF));
            assertThrows(Conflict.class, () -> b.accounts.update(other, account.id(), account.version(), account.personId(), EnumSet.of(Role.STAFF, Role.ADMIN)));
            assertTrue(b.accounts.list(other).stream().filter(x -> x.username().equals("bob")).findFirst().orElseThrow().roles().contains(Role.HELPDESK));

            // settings: two administrators do not revert each other
            long sv = a.settingsService.version();
            a.settingsService.save(admin, sv, Map.of(Settings.Key.HELPDESK_INTERNAL, "4455"));
            Conflict sc = assertThrows(Conflict.class, () -> b.settingsService.save(other, sv, Map.of(Settings.Key.OUT_OF_HOURS_NUMBER, "999")));
            assertTrue(sc.getMessage().contains("The settings was changed by ada") || sc.getMessage().contains("changed by ada"), sc.getMessage());
            assertEquals("4455", b.settings.values().helpdeskInternal(), "the other client reads the new value fresh, not its cache");
            assertEquals("101", b.settings.values().outOfHoursNumber());

            // travel notice and its decision
            a.people.recordPaperDeclaration(admin, admin.personId(), a.people.today());
            a.devices.issue(admin, deviceId, admin.personId());
            long noticeId = a.travel.submit(admin, new TravelDraft(admin.personId(), List.of("FR"), LocalDate.of(2026, 4, 1),
                    LocalDate.of(2026, 4, 5), List.of(deviceId), "Conference"));
            TravelNotice tn = a.travel.get(admin, noticeId);
            a.travel.update(admin, noticeId, tn.version(), new TravelDraft(admin.personId(), List.of("FR", "BE"), tn.departureDate(),
                    tn.returnDate(), List.of(deviceId), "Conference and visit"));
            assertThrows(Conflict.class, () -> b.travel.decide(other, noticeId, tn.version(),
                    org.devicedesk.travel.TravelDecision.APPROVED, "Take the loan laptop.", null));
            assertNull(b.travel.get(other, noticeId).decision(), "the decision on the old notice was not stored");

            // the encryption warning list (its editor arrives with issue 17; the service takes the version now)
            long lv = a.travel.cryptoList(admin).version();
            a.travel.saveCryptoCountry(admin, lv, "IL", "Import licence needed");
            assertThrows(Conflict.class, () -> b.travel.removeCryptoCountry(other, lv, "IL"));
            assertTrue(b.travel.cryptoList(other).restricts("IL"));

            o.assertAuditIntact();
        }
    }

    private static DeviceDraft withNotes(Device d, String notes) {
        return new DeviceDraft(d.assetTag(), d.kind(), d.makeModel(), d.serialNumber(), d.imei(), d.phoneNumber(), d.encrypted(),
                d.mode(), d.status(), d.team(), notes);
    }

    private static BreachDraft measures(BreachCase c, String measures) {
        BreachDraft d = BreachDraft.of(c);
        return d.withAssessment(d.personalDataInvolved(), d.categoryOrdinary(), d.categorySpecial(), d.categoryCriminalOffence(),
                d.dataSubjectsApprox(), d.recordsApprox(), d.likelyConsequences(), measures, d.risk());
    }
}
