package org.devicedesk.travel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.devicedesk.core.AccessDenied;
import org.devicedesk.core.Refused;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.testing.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TravelServiceTest {
    // Wednesday 4 March 2026, 10:00 in London (GMT)
    private TestDb t;
    private TravelService travel;
    private Session sam;
    private Session infosec;
    private Session helpdesk;
    private long laptop;

    @BeforeEach
    void setUp() {
        t = TestDb.create(Instant.parse("2026-03-04T10:00:00Z"));
        travel = t.services.travel;
        sam = t.session("sam", Role.STAFF);
        infosec = t.session("ines", Role.INFOSEC, Role.STAFF);
        helpdesk = t.session("harry", Role.HELPDESK, Role.STAFF);
        laptop = TravelFixtures.heldDevice(t, "LT-0001", sam.personId());
    }

    @AfterEach
    void tearDown() {
        t.close();
    }

    private TravelDraft trip(LocalDate departure, LocalDate ret, String... countries) {
        return new TravelDraft(null, List.of(countries), departure, ret, List.of(laptop), "Conference on victim services");
    }

    private TravelDraft trip(LocalDate departure) {
        return trip(departure, departure.plusDays(3), "FR");
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    // ---- the 7-day check ----

    @Test
    void eightDaysIsOnTime() {
        TravelNotice n = travel.get(sam, travel.submit(sam, trip(d("2026-03-12"))));
        assertEquals(8, n.noticeDays());
        assertFalse(n.late());
        assertEquals(d("2026-03-04"), n.submittedOn());
    }

    @Test
    void sevenDaysIsTheBoundaryAndOnTime() {
        TravelNotice n = travel.get(sam, travel.submit(sam, trip(d("2026-03-11"))));
        assertEquals(7, n.noticeDays());
        assertFalse(n.late());
    }

    @Test
    void sixDaysIsLate() {
        TravelNotice n = travel.get(sam, travel.submit(sam, trip(d("2026-03-10"))));
        assertEquals(6, n.noticeDays());
        assertTrue(n.late());
    }

    @Test
    void departingTodayIsAllowedAndLate() {
        TravelNotice n = travel.get(sam, travel.submit(sam, trip(d("2026-03-04"))));
        assertEquals(0, n.noticeDays());
        assertTrue(n.late());
    }

    @Test
    void countsAcrossAMonthEnd() {
        t.clock.set(Instant.parse("2026-01-28T09:00:00Z"));
        TravelNotice seven = travel.get(sam, travel.submit(sam, trip(d("2026-02-04"))));
        assertEquals(7, seven.noticeDays());
        assertFalse(seven.late());
        TravelNotice six = travel.get(sam, travel.submit(sam, trip(d("2026-02-03"))));
        assertEquals(6, six.noticeDays());
        assertTrue(six.late());
    }

    @Test
    void countsCalendarDaysAcrossTheSpringDaylightSavingChange() {
        // clocks go forward on Sunday 29 March 2026: the week is 7 days although it is 167 hours long
        t.clock.set(Instant.parse("2026-03-25T10:00:00Z"));
        TravelNotice n = travel.get(sam, travel.submit(sam, trip(d("2026-04-01"))));
        assertEquals(7, n.noticeDays());
        assertFalse(n.late());
    }

    @Test
    void countsCalendarDaysAcrossTheAutumnDaylightSavingChange() {
        // clocks go back on Sunday 25 October 2026
        t.clock.set(Instant.parse("2026-10-19T08:00:00Z"));
        TravelNotice n = travel.get(sam, travel.submit(sam, trip(d("2026-10-25"))));
        assertEquals(6, n.noticeDays());
        assertTrue(n.late());
    }

    @Test
    void theSubmissionDateIsTheLondonDateNotTheUtcDate() {
        // 23:30 UTC on 1 June is 00:30 on 2 June in London (BST)
        t.clock.set(Instant.parse("2026-06-01T23:30:00Z"));
        TravelNotice n = travel.get(sam, travel.submit(sam, trip(d("2026-06-08"))));
        assertEquals(d("2026-06-02"), n.submittedOn());
        assertEquals(6, n.noticeDays());
        assertTrue(n.late(), "six days in London, although seven by the UTC date");
    }

    @Test
    void theRequiredDaysComeFromTheSetting() {
        t.services.settingsService.save(adminSession(), java.util.Map.of(org.devicedesk.core.Settings.Key.TRAVEL_NOTICE_DAYS, "10"));
        TravelNotice n = travel.get(sam, travel.submit(sam, trip(d("2026-03-13"))));
        assertEquals(9, n.noticeDays());
        assertTrue(n.late());
    }

    private Session admin;

    private Session adminSession() {
        if (admin == null) admin = t.session("ada", Role.ADMIN);
        return admin;
    }

    @Test
    void previewShowsTheCheckBeforeSaving() {
        assertEquals(new NoticeCheck(6, 7, true), travel.preview(d("2026-03-10"), 7));
        assertEquals("6 days' notice — late — fewer than 7 days before travel", travel.preview(d("2026-03-10"), 7).describe());
        assertEquals("7 days' notice — on time", travel.preview(d("2026-03-11"), 7).describe());
    }

    // ---- late stays late ----

    @Test
    void aLateNoticeStaysLateWhenTheDepartureIsMovedLater() {
        long id = travel.submit(sam, trip(d("2026-03-09")));
        t.clock.advance(java.time.Duration.ofDays(1));
        travel.update(sam, id, trip(d("2026-03-20")));
        TravelNotice n = travel.get(sam, id);
        assertEquals(d("2026-03-20"), n.departureDate());
        assertEquals(16, n.noticeDays(), "still counted from the day it was submitted");
        assertTrue(n.late(), "late is kept late");
    }

    @Test
    void anOnTimeNoticeBecomesLateWhenTheDepartureIsBroughtForward() {
        long id = travel.submit(sam, trip(d("2026-03-20")));
        travel.update(sam, id, trip(d("2026-03-06")));
        TravelNotice n = travel.get(sam, id);
        assertEquals(2, n.noticeDays());
        assertTrue(n.late());
    }

    @Test
    void aDecidedNoticeCannotBeChanged() {
        long id = travel.submit(sam, trip(d("2026-03-20")));
        travel.decide(infosec, id, TravelDecision.APPROVED, "Use the VPN; keep the laptop with you.", null);
        Refused r = assertThrows(Refused.class, () -> travel.update(sam, id, trip(d("2026-03-21"))));
        assertTrue(r.getMessage().contains("already decided"), r.getMessage());
    }

    // ---- refusals ----

    @Test
    void refusesADepartureBeforeToday() {
        Refused r = assertThrows(Refused.class, () -> travel.submit(sam, trip(d("2026-03-03"))));
        assertNotNull(r.messageFor("departure-date"), r.getMessage());
        assertTrue(travel.list(sam).isEmpty(), "nothing was stored");
    }

    @Test
    void refusesAReturnBeforeDeparture() {
        Refused r = assertThrows(Refused.class, () -> travel.submit(sam, trip(d("2026-03-20"), d("2026-03-19"), "FR")));
        assertTrue(r.messageFor("return-date").contains("before the departure date"), r.getMessage());
    }

    @Test
    void allowsReturningOnTheDayOfDeparture() {
        TravelNotice n = travel.get(sam, travel.submit(sam, trip(d("2026-03-20"), d("2026-03-20"), "IE")));
        assertEquals(d("2026-03-20"), n.returnDate());
    }

    @Test
    void refusesAMissingDestinationPurposeDatesAndDevices() {
        Refused r = assertThrows(Refused.class, () -> travel.submit(sam, new TravelDraft(null, List.of(), null, null, List.of(), " ")));
        assertNotNull(r.messageFor("destinations"));
        assertNotNull(r.messageFor("departure-date"));
        assertNotNull(r.messageFor("return-date"));
        assertNotNull(r.messageFor("purpose"));
        assertNotNull(r.messageFor("devices"));
    }

    @Test
    void refusesAnUnknownCountryCode() {
        Refused r = assertThrows(Refused.class, () -> travel.submit(sam, trip(d("2026-03-20"), d("2026-03-22"), "XX")));
        assertTrue(r.messageFor("destinations").contains("XX"), r.getMessage());
    }

    @Test
    void acceptsSeveralDestinations() {
        TravelNotice n = travel.get(sam, travel.submit(sam, trip(d("2026-03-20"), d("2026-03-27"), "FR", "DE", "BE")));
        assertEquals(List.of("BE", "DE", "FR"), n.destinations());
        assertEquals("Belgium, Germany, France", n.destinationNames());
    }

    @Test
    void refusesADeviceTheTravellerDoesNotHold() {
        long someoneElses = TravelFixtures.heldDevice(t, "LT-0002", infosec.personId());
        long inStock = TravelFixtures.device(t, "LT-0003");
        Refused r = assertThrows(Refused.class, () -> travel.submit(sam,
                new TravelDraft(null, List.of("FR"), d("2026-03-20"), d("2026-03-22"), List.of(laptop, someoneElses, inStock), "Visit")));
        assertTrue(r.messageFor("devices").contains("LT-0002"), r.getMessage());
        assertTrue(r.messageFor("devices").contains("LT-0003"), r.getMessage());
        assertTrue(r.messageFor("devices").contains("Sam Tester"), r.getMessage());
    }

    @Test
    void aReturnedDeviceCanNoLongerBeTaken() {
        t.services.devices.returnDevice(Session.system(), laptop);
        assertThrows(Refused.class, () -> travel.submit(sam, trip(d("2026-03-20"))));
        assertTrue(travel.devicesHeldBy(sam, null).isEmpty());
    }

    @Test
    void referencesNumberWithinTheYear() {
        TravelNotice a = travel.get(sam, travel.submit(sam, trip(d("2026-03-20"))));
        TravelNotice b = travel.get(sam, travel.submit(sam, trip(d("2026-03-21"))));
        assertEquals("TRV-2026-0001", a.reference());
        assertEquals("TRV-2026-0002", b.reference());
        t.clock.set(Instant.parse("2027-01-02T10:00:00Z"));
        TravelNotice c = travel.get(sam, travel.submit(sam, trip(d("2027-01-20"))));
        assertEquals("TRV-2027-0001", c.reference());
    }

    @Test
    void filingIsAudited() {
        long id = travel.submit(sam, trip(d("2026-03-10")));
        String summary = t.db.read(h -> h.createQuery("SELECT summary FROM audit_event WHERE action = 'TRAVEL_NOTICE_FILED' AND record_id = :id")
                .bind("id", String.valueOf(id)).mapTo(String.class).one());
        assertTrue(summary.contains("late"), summary);
        assertTrue(t.services.audit != null);
    }

    // ---- access ----

    @Test
    void staffSeeOnlyTheirOwnNotices() {
        Session other = t.session("olive", Role.STAFF);
        long olivesLaptop = TravelFixtures.heldDevice(t, "LT-0009", other.personId());
        long samId = travel.submit(sam, trip(d("2026-03-20")));
        long oliveId = travel.submit(other, new TravelDraft(null, List.of("ES"), d("2026-03-20"), d("2026-03-25"), List.of(olivesLaptop), "Holiday with work phone"));
        assertEquals(List.of(samId), travel.list(sam).stream().map(TravelNotice::id).toList());
        assertThrows(AccessDenied.class, () -> travel.get(sam, oliveId));
        assertThrows(AccessDenied.class, () -> travel.update(sam, oliveId, trip(d("2026-03-21"))));
        assertEquals(2, travel.list(infosec).size());
        assertEquals(2, travel.list(helpdesk).size());
    }

    @Test
    void staffCannotFileForSomeoneElse() {
        Session other = t.session("olive", Role.STAFF);
        assertThrows(AccessDenied.class, () -> travel.submit(other, new TravelDraft(sam.personId(), List.of("FR"), d("2026-03-20"), d("2026-03-22"), List.of(laptop), "x")));
        long id = travel.submit(infosec, new TravelDraft(sam.personId(), List.of("FR"), d("2026-03-20"), d("2026-03-22"), List.of(laptop), "Filed by phone"));
        assertEquals(sam.personId(), travel.get(sam, id).travellerId());
    }

    @Test
    void onlyInformationSecurityDecides() {
        long id = travel.submit(sam, trip(d("2026-03-20")));
        assertThrows(AccessDenied.class, () -> travel.decide(sam, id, TravelDecision.APPROVED, "ok", null));
        assertThrows(AccessDenied.class, () -> travel.decide(helpdesk, id, TravelDecision.APPROVED, "ok", null));
    }

    // ---- the decision ----

    @Test
    void informationSecurityApprovesAnOnTimeNoticeWithAdvice() {
        long id = travel.submit(sam, trip(d("2026-03-20")));
        travel.decide(infosec, id, TravelDecision.APPROVED, "Keep the laptop in your hand luggage.", null);
        TravelNotice n = travel.get(sam, id);
        assertEquals(TravelDecision.APPROVED, n.decision());
        assertEquals(TravelNotice.Status.APPROVED, n.status());
        assertEquals("Keep the laptop in your hand luggage.", n.advice());
        assertEquals("ines", n.decidedBy());
        assertEquals(t.clock.instant(), n.decidedAt());
    }

    @Test
    void adviceIsRequired() {
        long id = travel.submit(sam, trip(d("2026-03-20")));
        Refused r = assertThrows(Refused.class, () -> travel.decide(infosec, id, TravelDecision.NOT_APPROVED, "  ", null));
        assertNotNull(r.messageFor("advice"));
        assertNull(travel.get(sam, id).decision());
    }

    @Test
    void aLateNoticeNeedsAJustificationBeforeApproval() {
        long id = travel.submit(sam, trip(d("2026-03-08")));
        Refused r = assertThrows(Refused.class, () -> travel.decide(infosec, id, TravelDecision.APPROVED, "Fine.", null));
        assertTrue(r.messageFor("late-justification").contains("4 days' notice"), r.getMessage());
        assertThrows(Refused.class, () -> travel.decide(infosec, id, TravelDecision.APPROVED_WITH_CONDITIONS, "Only the loan laptop.", " "));
        assertNull(travel.get(sam, id).decision());

        travel.decide(infosec, id, TravelDecision.APPROVED_WITH_CONDITIONS, "Only the loan laptop.", "Trip called at short notice by the Commissioner.");
        TravelNotice n = travel.get(sam, id);
        assertEquals(TravelDecision.APPROVED_WITH_CONDITIONS, n.decision());
        assertEquals("Trip called at short notice by the Commissioner.", n.lateJustification());
        assertTrue(n.late(), "approval does not make it on time");
    }

    @Test
    void aLateNoticeCanBeRefusedWithoutAJustification() {
        long id = travel.submit(sam, trip(d("2026-03-08")));
        travel.decide(infosec, id, TravelDecision.NOT_APPROVED, "Too late to check the laptop; take a loan device.", null);
        assertEquals(TravelDecision.NOT_APPROVED, travel.get(sam, id).decision());
    }

    @Test
    void theQueueShowsPendingFirstDepartingSoonestOnTop() {
        long later = travel.submit(sam, trip(d("2026-04-20")));
        long soon = travel.submit(sam, trip(d("2026-03-12")));
        long decided = travel.submit(sam, trip(d("2026-03-06")));
        travel.decide(infosec, decided, TravelDecision.NOT_APPROVED, "No.", null);
        long middle = travel.submit(sam, trip(d("2026-03-30")));
        assertEquals(List.of(soon, middle, later, decided), travel.list(infosec).stream().map(TravelNotice::id).toList());
    }

    // ---- the encryption warning ----

    @Test
    void theShippedListNamesItsSourceAndReviewDate() {
        CryptoList list = travel.cryptoList(sam);
        assertTrue(list.source().contains("Crypto Law Survey"), list.source());
        assertNotNull(list.reviewedOn());
        assertTrue(list.restricts("CN"));
        assertTrue(list.restricts("RU"));
        assertFalse(list.restricts("FR"));
    }

    @Test
    void aNoticeToARestrictingCountryCarriesTheWarning() {
        TravelNotice warned = travel.get(sam, travel.submit(sam, trip(d("2026-03-20"), d("2026-03-27"), "FR", "CN")));
        TravelNotice plain = travel.get(sam, travel.submit(sam, trip(d("2026-03-20"), d("2026-03-27"), "FR")));
        assertTrue(warned.cryptoWarning());
        assertFalse(plain.cryptoWarning());
        assertTrue(TravelService.restrictsAny(travel.cryptoList(sam), List.of("IE", "RU")));
    }

    @Test
    void anAdministratorEditsTheListAndItIsAudited() {
        Session admin = adminSession();
        assertThrows(AccessDenied.class, () -> travel.saveCryptoCountry(infosec, "VN", "Licence needed"));
        travel.saveCryptoCountry(admin, "vn", "Import licence needed.");
        travel.removeCryptoCountry(admin, "HU");
        travel.saveCryptoListDetails(admin, "Information Security review of the Crypto Law Survey", d("2026-03-01"));
        CryptoList list = travel.cryptoList(sam);
        assertTrue(list.restricts("VN"));
        assertFalse(list.restricts("HU"));
        assertEquals(d("2026-03-01"), list.reviewedOn());
        assertTrue(travel.get(sam, travel.submit(sam, trip(d("2026-03-20"), d("2026-03-27"), "VN"))).cryptoWarning());
        List<String> actions = t.db.read(h -> h.createQuery("SELECT action FROM audit_event WHERE record_type IN ('crypto_country','crypto_list') ORDER BY seq")
                .mapTo(String.class).list());
        assertEquals(List.of("CRYPTO_LIST_LOADED", "CRYPTO_COUNTRY_ADDED", "CRYPTO_COUNTRY_REMOVED", "CRYPTO_LIST_REVIEWED"), actions);
        Refused r = assertThrows(Refused.class, () -> travel.saveCryptoListDetails(admin, "", d("2027-01-01")));
        assertNotNull(r.messageFor("crypto-source"));
        assertNotNull(r.messageFor("crypto-reviewed-on"));
    }

    @Test
    void anEditFromAnOlderCopyOfTheListIsRefusedNamingWhoChangedItAndWhen() {
        Session ada = adminSession();
        Session bob = t.session("bob", Role.ADMIN);
        CryptoList seenByBoth = travel.cryptoList(ada);
        assertTrue(seenByBoth.updatedBy().contains("Device Desk"), seenByBoth.updatedBy());
        travel.saveCryptoCountry(ada, seenByBoth.version(), "VN", "Import licence needed.");

        org.devicedesk.core.Conflict stale = assertThrows(org.devicedesk.core.Conflict.class,
                () -> travel.removeCryptoCountry(bob, seenByBoth.version(), "CN"));
        String msg = String.join(" ", stale.messages());
        assertTrue(msg.contains("was changed by ada at 10:00 on 4 March 2026") && msg.contains("Nothing was saved")
                && msg.contains("Reload"), msg);
        assertEquals("ada", stale.change().actor());
        assertTrue(travel.cryptoList(bob).restricts("CN"), "the stale removal changed nothing");
        assertThrows(Refused.class, () -> travel.saveCryptoListDetails(bob, seenByBoth.version(), "Our own review", d("2026-03-01")));
        assertThrows(Refused.class, () -> travel.saveCryptoCountry(bob, seenByBoth.version(), "KZ", null));

        CryptoList fresh = travel.cryptoList(bob);
        assertEquals(seenByBoth.version() + 1, fresh.version());
        assertEquals("Ada Tester", fresh.updatedBy());
        travel.removeCryptoCountry(bob, fresh.version(), "CN");
        assertFalse(travel.cryptoList(ada).restricts("CN"));
        assertTrue(travel.cryptoList(ada).provenance().startsWith("(List: Bert-Jaap Koops, \"Crypto Law Survey\", reviewed "),
                travel.cryptoList(ada).provenance());
    }

    @Test
    void twoAdministratorsEditingTheSameCopyAtOnceOneWinsAndTheOtherIsTold() throws Exception {
        Session ada = adminSession();
        Session bob = t.session("bob", Role.ADMIN);
        long version = travel.cryptoList(ada).version();
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Future<String> a = pool.submit(() -> {
                start.await();
                try {
                    travel.saveCryptoCountry(ada, version, "VN", "Ada's note");
                    return "saved";
                } catch (Refused r) {
                    return "refused";
                }
            });
            java.util.concurrent.Future<String> b = pool.submit(() -> {
                start.await();
                try {
                    travel.saveCryptoCountry(bob, version, "VN", "Bob's note");
                    return "saved";
                } catch (Refused r) {
                    return "refused";
                }
            });
            List<String> outcomes = List.of(a.get(), b.get());
            assertEquals(1, outcomes.stream().filter("saved"::equals).count(), outcomes.toString());
            assertEquals(1, outcomes.stream().filter("refused"::equals).count(), outcomes.toString());
        } finally {
            pool.shutdownNow();
        }
        CryptoList after = travel.cryptoList(ada);
        assertEquals(version + 1, after.version());
        String note = after.countries().stream().filter(e -> e.code().equals("VN")).findFirst().orElseThrow().note();
        assertTrue(note.equals("Ada's note") || note.equals("Bob's note"), note);
        long audited = t.db.read(h -> h.createQuery("SELECT count(*) FROM audit_event WHERE action = 'CRYPTO_COUNTRY_ADDED'").mapTo(Long.class).one());
        assertEquals(1, audited, "one change, one audit event");
    }

    @Test
    void theShippedListIsLoadedOnlyOnce() {
        travel.saveCryptoCountry(adminSession(), "VN", null);
        travel.removeCryptoCountry(adminSession(), "CN");
        CryptoList again = travel.cryptoList(sam);
        assertFalse(again.restricts("CN"), "an administrator's removal is not undone by the shipped file");
        assertEquals(TravelService.readShipped().rows().size(), again.countries().size());
    }

    // ---- the post-travel device check ----

    @Test
    void thePostTravelCheckWaitsUntilAfterTheReturnDate() {
        long id = travel.submit(sam, trip(d("2026-03-20"), d("2026-03-24"), "FR"));
        t.clock.set(Instant.parse("2026-03-24T15:00:00Z"));
        assertFalse(travel.get(helpdesk, id).postCheckDue(travel.today()));
        Refused r = assertThrows(Refused.class, () -> travel.recordPostTravelCheck(helpdesk, id, PostTravelOutcome.NO_CONCERNS, List.of(), null));
        assertTrue(r.messageFor("post-check-outcome").contains("Tuesday 24 March 2026"), r.getMessage());
        t.clock.set(Instant.parse("2026-03-25T09:00:00Z"));
        assertTrue(travel.get(helpdesk, id).postCheckDue(travel.today()));
        assertThrows(AccessDenied.class, () -> travel.recordPostTravelCheck(infosec, id, PostTravelOutcome.NO_CONCERNS, List.of(), null));
        assertEquals(List.of(), travel.recordPostTravelCheck(helpdesk, id, PostTravelOutcome.NO_CONCERNS, List.of(), "Seals intact."));
        TravelNotice n = travel.get(sam, id);
        assertEquals(PostTravelOutcome.NO_CONCERNS, n.postCheckOutcome());
        assertEquals("harry", n.postCheckBy());
        assertFalse(n.postCheckDue(travel.today()));
        assertThrows(Refused.class, () -> travel.recordPostTravelCheck(helpdesk, id, PostTravelOutcome.NO_CONCERNS, List.of(), null));
    }

    @Test
    void tamperingSuspectedOpensATamperingIncidentForThatDevice() {
        long phone = TravelFixtures.heldDevice(t, "MB-0100", sam.personId());
        long id = travel.submit(sam, new TravelDraft(null, List.of("CN"), d("2026-03-20"), d("2026-03-24"), List.of(laptop, phone), "Trade delegation"));
        t.clock.set(Instant.parse("2026-03-26T09:00:00Z"));
        Refused noDevice = assertThrows(Refused.class, () -> travel.recordPostTravelCheck(helpdesk, id, PostTravelOutcome.TAMPERING_SUSPECTED, List.of(), "Screws scratched"));
        assertNotNull(noDevice.messageFor("post-check-devices"));

        List<Long> incidents = travel.recordPostTravelCheck(helpdesk, id, PostTravelOutcome.TAMPERING_SUSPECTED, List.of(laptop), "Base screws scratched; seal broken.");
        assertEquals(1, incidents.size());
        var row = t.db.read(h -> h.createQuery("SELECT type, device_id, reporter_id, what_happened FROM incident WHERE id = :id").bind("id", incidents.get(0))
                .map((rs, ctx) -> List.of(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4))).one());
        assertEquals("TAMPERING", row.get(0));
        assertEquals(laptop, row.get(1));
        assertEquals(helpdesk.personId(), row.get(2));
        assertTrue(((String) row.get(3)).contains("seal broken"), (String) row.get(3));
        TravelNotice n = travel.get(helpdesk, id);
        assertEquals(PostTravelOutcome.TAMPERING_SUSPECTED, n.postCheckOutcome());
        TravelDevice checked = n.devices().stream().filter(x -> x.id() == laptop).findFirst().orElseThrow();
        assertTrue(checked.tamperingSuspected());
        assertEquals(incidents.get(0), checked.incidentId());
        assertFalse(n.devices().stream().filter(x -> x.id() == phone).findFirst().orElseThrow().tamperingSuspected());
        assertEquals(org.devicedesk.devices.Device.Status.QUARANTINED, t.services.devices.get(helpdesk, laptop).orElseThrow().status(),
                "the incidents service quarantines a device suspected of tampering");
    }

    @Test
    void onlyDevicesThatTravelledCanBeSuspected() {
        long other = TravelFixtures.heldDevice(t, "MB-0200", sam.personId());
        long id = travel.submit(sam, trip(d("2026-03-20"), d("2026-03-24"), "FR"));
        t.clock.set(Instant.parse("2026-03-26T09:00:00Z"));
        Refused r = assertThrows(Refused.class, () -> travel.recordPostTravelCheck(helpdesk, id, PostTravelOutcome.TAMPERING_SUSPECTED, List.of(other), "?"));
        assertNotNull(r.messageFor("post-check-devices"));
        assertNull(travel.get(helpdesk, id).postCheckOutcome(), "nothing was stored");
    }

    // ---- issue 17: the late-notice sentence after a move, and trips back with no decision ----

    @Test
    void aLateNoticeWhoseDepartureMovedSaysItWasFiledLateNotThatTwentyIsFewerThanSeven() {
        long id = travel.submit(sam, trip(d("2026-03-08"))); // 4 days' notice: late
        TravelNotice n = travel.get(sam, id);
        travel.update(sam, id, n.version(), trip(d("2026-03-24"))); // moved: 20 days after it was filed
        TravelNotice moved = travel.get(sam, id);
        assertTrue(moved.late(), "late when filed, kept late");
        assertEquals(20, moved.noticeDays());
        Refused r = assertThrows(Refused.class, () -> travel.decide(infosec, id, TravelDecision.APPROVED, "Fine.", null));
        assertEquals(moved.reference() + " was filed late (fewer than 7 days' notice); its departure has since moved. "
                + "Write down why it is late before approving it.", r.messageFor("late-justification"));
        assertFalse(r.getMessage().contains("20 days' notice, fewer than"), r.getMessage());
    }

    @Test
    void aLateNoticeStillAtItsDepartureSaysHowManyDaysAndHowManyAreAskedFor() {
        long id = travel.submit(sam, trip(d("2026-03-08")));
        Refused r = assertThrows(Refused.class, () -> travel.decide(infosec, id, TravelDecision.APPROVED, "Fine.", null));
        assertEquals(travel.get(sam, id).reference() + " was filed with 4 days' notice, fewer than 7. "
                + "Write down why it is late before approving it.", r.messageFor("late-justification"));
    }

    @Test
    void theNoticeBadgeSaysDaysOfNoticeNotDaysLate() {
        assertEquals("6 days' notice · late", NoticeCheck.badge(6, true));
        assertEquals("1 day's notice · late", NoticeCheck.badge(1, true));
        assertEquals("9 days' notice", NoticeCheck.badge(9, false));
    }

    @Test
    void aTripWhoseReturnDateHasPassedWithNoDecisionIsFlagged() {
        long undecided = travel.submit(sam, trip(d("2026-03-12"), d("2026-03-14"), "FR"));
        long decided = travel.submit(sam, trip(d("2026-03-12"), d("2026-03-14"), "DE"));
        travel.decide(infosec, decided, TravelDecision.APPROVED, "Fine.", null);
        long later = travel.submit(sam, trip(d("2026-03-20"), d("2026-03-25"), "ES"));
        assertTrue(travel.overdueUndecided(infosec).isEmpty(), "nobody is back yet");

        t.clock.set(Instant.parse("2026-03-14T23:00:00Z")); // the return day itself: not yet
        assertTrue(travel.overdueUndecided(infosec).isEmpty());
        t.clock.set(Instant.parse("2026-03-15T09:00:00Z"));
        assertEquals(List.of(undecided), travel.overdueUndecided(infosec).stream().map(TravelNotice::id).toList());
        assertEquals(List.of(undecided), travel.overdueUndecided(sam).stream().map(TravelNotice::id).toList(), "the traveller sees their own");
        assertFalse(travel.get(sam, later).decisionOverdue(travel.today()));
    }

    @Test
    void aNoticeNamesWhoFiledDecidedAndCheckedItAsPeopleNotUsernames() {
        long id = travel.submit(sam, trip(d("2026-03-20")));
        travel.decide(infosec, id, TravelDecision.APPROVED, "Keep it with you.", null);
        TravelNotice n = travel.get(sam, id);
        assertEquals("sam", n.createdBy(), "the record keeps the username");
        assertEquals("Sam Tester", n.createdByName());
        assertEquals("Ines Tester", n.decidedByName());
        assertNull(n.postCheckByName());
        assertEquals("Ines Tester", travel.list(infosec).get(0).decidedByName(), "the list reads the same names");
    }
}
