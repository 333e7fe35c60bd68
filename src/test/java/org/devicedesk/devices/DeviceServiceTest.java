package org.devicedesk.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.devicedesk.core.AccessDenied;
import org.devicedesk.core.Refused;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.testing.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeviceServiceTest {
    static final String IMEI = "490154203237518"; // a well-known valid example IMEI

    TestDb db;
    DeviceService devices;
    Session helpdesk;

    @BeforeEach
    void open() {
        db = TestDb.create(Instant.parse("2026-03-04T10:00:00Z"));
        devices = db.services.devices;
        helpdesk = db.session("sam", Role.HELPDESK);
    }

    @AfterEach
    void close() {
        db.close();
    }

    static DeviceDraft laptop(String tag) {
        return new DeviceDraft(tag, Device.Kind.LAPTOP, "Dell Latitude 5440", null, null, null, true, Device.Mode.ISSUED, Device.Status.IN_STOCK, "Policy", null);
    }

    static DeviceDraft poolPhone(String tag) {
        return new DeviceDraft(tag, Device.Kind.MOBILE_PHONE, "Samsung Galaxy A55", null, null, null, true, Device.Mode.POOL, Device.Status.IN_STOCK, "Comms", null);
    }

    int audits(String action) {
        return db.db.read(h -> h.createQuery("SELECT count(*) FROM audit_event WHERE action = :a").bind("a", action).mapTo(Integer.class).one());
    }

    String lastSummary(String action) {
        return db.db.read(h -> h.createQuery("SELECT summary FROM audit_event WHERE action = :a ORDER BY seq DESC").bind("a", action)
                .mapTo(String.class).first());
    }

    int deviceCount() {
        return db.db.read(h -> h.createQuery("SELECT count(*) FROM device").mapTo(Integer.class).one());
    }

    // ---- validation ----

    @Test
    void createsADeviceAndAuditsIt() {
        long id = devices.create(helpdesk, new DeviceDraft("  LT-0001 ", Device.Kind.MOBILE_PHONE, "iPhone 15", "SN1", "4901 5420 3237 518",
                "07700 900123", true, Device.Mode.ISSUED, null, null, ""));
        Device d = devices.get(helpdesk, id).orElseThrow();
        assertEquals("LT-0001", d.assetTag());
        assertEquals(IMEI, d.imei(), "spaces are taken out of the IMEI");
        assertEquals(Device.Status.IN_STOCK, d.status(), "a new device is in stock unless told otherwise");
        assertEquals(null, d.notes());
        assertEquals(1, audits("DEVICE_CREATED"));
        assertTrue(lastSummary("DEVICE_CREATED").contains("LT-0001"));
    }

    @Test
    void assetTagIsRequiredAndUnique() {
        Refused r = assertThrows(Refused.class, () -> devices.create(helpdesk, laptop(" ")));
        assertTrue(r.messageFor("asset-tag").startsWith("The asset tag is required"), r.getMessage());
        devices.create(helpdesk, laptop("LT-0001"));
        r = assertThrows(Refused.class, () -> devices.create(helpdesk, laptop("lt-0001")));
        assertTrue(r.messageFor("asset-tag").contains("already used by another device"), r.getMessage());
        assertEquals(1, deviceCount());
        assertEquals(1, audits("DEVICE_CREATED"));
    }

    @Test
    void serialNumberIsUniqueWhenGiven() {
        devices.create(helpdesk, withSerial(laptop("LT-1"), "ABC123"));
        devices.create(helpdesk, withSerial(laptop("LT-2"), null));
        devices.create(helpdesk, withSerial(laptop("LT-3"), "  "));
        Refused r = assertThrows(Refused.class, () -> devices.create(helpdesk, withSerial(laptop("LT-4"), "abc123")));
        assertEquals("The serial number abc123 is already recorded for device LT-1. Check the serial number on the device; "
                + "if it is the same device, edit LT-1 instead.", r.messageFor("serial-number"));
        assertEquals(3, deviceCount());
    }

    static DeviceDraft withSerial(DeviceDraft d, String serial) {
        return new DeviceDraft(d.assetTag(), d.kind(), d.makeModel(), serial, d.imei(), d.phoneNumber(), d.encrypted(), d.mode(), d.status(), d.team(), d.notes());
    }

    static DeviceDraft withImei(DeviceDraft d, String imei) {
        return new DeviceDraft(d.assetTag(), d.kind(), d.makeModel(), d.serialNumber(), imei, d.phoneNumber(), d.encrypted(), d.mode(), d.status(), d.team(), d.notes());
    }

    @Test
    void imeiMustBeFifteenDigitsWithAValidCheckDigitAndUnique() {
        Refused shortOne = assertThrows(Refused.class, () -> devices.create(helpdesk, withImei(laptop("P-1"), "49015420323751")));
        assertTrue(shortOne.messageFor("imei").contains("must be 15 digits; 49015420323751 has 14"), shortOne.getMessage());
        Refused letters = assertThrows(Refused.class, () -> devices.create(helpdesk, withImei(laptop("P-1"), "49015420323751X")));
        assertTrue(letters.messageFor("imei").contains("only digits"), letters.getMessage());
        Refused luhn = assertThrows(Refused.class, () -> devices.create(helpdesk, withImei(laptop("P-1"), "490154203237519")));
        assertTrue(luhn.messageFor("imei").contains("fails its check digit"), luhn.getMessage());
        devices.create(helpdesk, withImei(laptop("P-1"), IMEI));
        Refused dup = assertThrows(Refused.class, () -> devices.create(helpdesk, withImei(laptop("P-2"), IMEI)));
        assertEquals("The IMEI " + IMEI + " is already recorded for device P-1.", dup.messageFor("imei"));
        assertEquals(1, deviceCount());
    }

    @Test
    void luhnCheckDigit() {
        assertTrue(DeviceService.luhnValid(IMEI));
        assertEquals('8', DeviceService.luhnCheckDigit("49015420323751"));
        for (int i = 0; i < 10; i++) {
            String imei = "35" + String.format("%012d", 123456789L * i) ;
            assertTrue(DeviceService.luhnValid(imei + DeviceService.luhnCheckDigit(imei)));
        }
    }

    @Test
    void poolDeviceNeedsATeam() {
        DeviceDraft d = poolPhone("PL-1");
        Refused r = assertThrows(Refused.class, () -> devices.create(helpdesk, new DeviceDraft(d.assetTag(), d.kind(), d.makeModel(), null, null, null,
                true, Device.Mode.POOL, Device.Status.IN_STOCK, null, null)));
        assertEquals("A pool device belongs to a team: enter the team that keeps it.", r.messageFor("team"));
    }

    @Test
    void editingIsAuditedWithTheChangeAndKeepsUniqueness() {
        long a = devices.create(helpdesk, laptop("LT-1"));
        devices.create(helpdesk, laptop("LT-2"));
        DeviceDraft changed = withSerial(laptop("LT-1"), "S-9");
        devices.update(helpdesk, a, changed);
        assertEquals("S-9", devices.get(helpdesk, a).orElseThrow().serialNumber());
        assertTrue(lastSummary("DEVICE_UPDATED").contains("serial number null → S-9"), lastSummary("DEVICE_UPDATED"));
        devices.update(helpdesk, a, changed); // saving itself again is not a duplicate
        Refused r = assertThrows(Refused.class, () -> devices.update(helpdesk, a, laptop("LT-2")));
        assertTrue(r.messageFor("asset-tag").contains("LT-2 is already used"));
    }

    // ---- access ----

    @Test
    void onlyHelpdeskAndAdminManageDevicesAndStaffSeeOnlyWhatTheyHold() {
        Session staff = db.session("pat", Role.STAFF);
        Session infosec = db.session("ina", Role.INFOSEC);
        Session admin = db.session("ada", Role.ADMIN);
        assertThrows(AccessDenied.class, () -> devices.create(staff, laptop("LT-1")));
        assertThrows(AccessDenied.class, () -> devices.create(infosec, laptop("LT-1")));
        long id = devices.create(admin, laptop("LT-1"));
        long other = devices.create(helpdesk, laptop("LT-2"));
        assertThrows(AccessDenied.class, () -> devices.list(staff, DeviceQuery.all()));
        assertThrows(AccessDenied.class, () -> devices.issue(staff, id, staff.personId()));
        assertThrows(AccessDenied.class, () -> devices.get(staff, id));
        assertThrows(AccessDenied.class, () -> devices.devicesHeldBy(staff, helpdesk.personId()));
        devices.issue(helpdesk, id, staff.personId());
        assertEquals("LT-1", devices.get(staff, id).orElseThrow().assetTag());
        assertThrows(AccessDenied.class, () -> devices.get(staff, other));
        assertEquals(List.of("LT-1"), devices.myDevices(staff).stream().map(Device::assetTag).toList());
        assertEquals(2, devices.list(infosec, DeviceQuery.all()).total());
    }

    @Test
    void aPersonsDevicesShowWhatTheyHoldNowAndHeldBeforeToTheHelpdeskAndToThemselvesOnly() {
        Session staff = db.session("pat", Role.STAFF);
        Session other = db.session("oli", Role.STAFF);
        Session admin = db.session("ada", Role.ADMIN);
        long returned = devices.create(helpdesk, laptop("LT-OLD"));
        long held = devices.create(helpdesk, laptop("LT-NEW"));
        long pool = devices.create(helpdesk, poolPhone("PH-POOL"));
        devices.issue(helpdesk, returned, staff.personId());
        db.clock.advance(Duration.ofDays(30));
        devices.returnDevice(helpdesk, returned);
        devices.issue(helpdesk, held, staff.personId());
        devices.addDesignatedUser(helpdesk, pool, staff.personId());
        devices.checkOut(helpdesk, pool, staff.personId());
        devices.issue(helpdesk, returned, other.personId()); // the returned laptop now held by someone else

        PersonCustody mine = devices.personCustody(staff, staff.personId());
        assertEquals(List.of("LT-NEW", "PH-POOL"), mine.heldNow().stream().map(Device::assetTag).toList());
        assertEquals(Custody.Kind.POOL_CHECKOUT, mine.heldNow().get(1).holder().kind());
        assertEquals(1, mine.heldBefore().size());
        Custody before = mine.heldBefore().get(0);
        assertEquals("LT-OLD", before.assetTag());
        assertEquals(Instant.parse("2026-03-04T10:00:00Z"), before.from());
        assertEquals(Instant.parse("2026-04-03T10:00:00Z"), before.to());

        assertEquals(mine, devices.personCustody(helpdesk, staff.personId()), "the helpdesk sees anyone's");
        assertEquals(mine, devices.personCustody(admin, staff.personId()), "so does an administrator");
        assertEquals(List.of("LT-OLD"), devices.personCustody(other, other.personId()).heldNow().stream().map(Device::assetTag).toList());
        assertTrue(devices.personCustody(other, other.personId()).heldBefore().isEmpty());
        assertThrows(AccessDenied.class, () -> devices.personCustody(other, staff.personId()), "staff see only their own");
        assertThrows(AccessDenied.class, () -> devices.personCustody(staff, other.personId()));
    }

    // ---- issue and return ----

    @Test
    void issueAndReturnRecordCustodyStatusAndAudit() {
        long id = devices.create(helpdesk, laptop("LT-1"));
        long person = db.person("Priya Shah", true);
        Custody c = devices.issue(helpdesk, id, person);
        assertEquals("Priya Shah", c.personName());
        assertEquals(Custody.Kind.ISSUE, c.kind());
        Device d = devices.get(helpdesk, id).orElseThrow();
        assertEquals(Device.Status.IN_SERVICE, d.status());
        assertEquals(person, d.holder().personId());
        assertEquals(List.of(id), devices.devicesHeldBy(helpdesk, person).stream().map(Device::id).toList());
        assertEquals("Issued LT-1 (Dell Latitude 5440) to Priya Shah", lastSummary("DEVICE_ISSUED"));

        db.clock.advance(Duration.ofHours(3));
        devices.returnDevice(helpdesk, id);
        d = devices.get(helpdesk, id).orElseThrow();
        assertEquals(Device.Status.IN_STOCK, d.status());
        assertFalse(d.isHeld());
        assertTrue(devices.devicesHeldBy(helpdesk, person).isEmpty());
        List<Custody> history = devices.custodyHistory(helpdesk, id);
        assertEquals(1, history.size());
        assertEquals(Instant.parse("2026-03-04T13:00:00Z"), history.get(0).to());
        assertEquals("sam", history.get(0).recordedBy());
        assertEquals(1, audits("DEVICE_RETURNED"));
        Refused again = assertThrows(Refused.class, () -> devices.returnDevice(helpdesk, id));
        assertEquals("LT-1 is not issued to anyone, so there is nothing to return.", again.getMessage());
    }

    @Test
    void issuingAHeldDeviceIsRefusedNamingTheHolder() {
        long id = devices.create(helpdesk, laptop("LT-1"));
        long priya = db.person("Priya Shah", true);
        long tom = db.person("Tom Walker", true);
        devices.issue(helpdesk, id, priya);
        Refused r = assertThrows(Refused.class, () -> devices.issue(helpdesk, id, tom));
        assertEquals("LT-1 is already issued to Priya Shah (since 4 March 2026, 10:00). A device is never shared (policy 50): "
                + "return it from Priya Shah first, then issue it.", r.getMessage());
        Refused same = assertThrows(Refused.class, () -> devices.issue(helpdesk, id, priya));
        assertTrue(same.getMessage().startsWith("LT-1 is already issued to Priya Shah"), same.getMessage());
        assertEquals(1, devices.custodyHistory(helpdesk, id).size(), "nothing stored");
        assertEquals(1, audits("DEVICE_ISSUED"));
    }

    @Test
    void theDatabaseItselfRefusesASecondOpenCustody() {
        long id = devices.create(helpdesk, laptop("LT-1"));
        long priya = db.person("Priya Shah", true);
        long tom = db.person("Tom Walker", true);
        devices.issue(helpdesk, id, priya);
        assertThrows(Exception.class, () -> db.db.useTransaction(h -> h.execute(
                "INSERT INTO custody (device_id, person_id, kind, from_at, recorded_by) VALUES (?, ?, 'ISSUE', '2026-03-04T11:00:00.000Z', 'x')", id, tom)));
    }

    @Test
    void personWithoutACurrentDeclarationIsRefused() {
        long id = devices.create(helpdesk, laptop("LT-1"));
        long never = db.person("Nina Never", (LocalDate) null);
        long expired = db.person("Olly Old", LocalDate.of(2025, 3, 3)); // current to 2 March 2026
        Refused r = assertThrows(Refused.class, () -> devices.issue(helpdesk, id, never));
        assertTrue(r.messageFor("person").startsWith("Nina Never has not signed the annual IT policy declaration"), r.getMessage());
        r = assertThrows(Refused.class, () -> devices.issue(helpdesk, id, expired));
        assertTrue(r.messageFor("person").startsWith("Olly Old's annual IT policy declaration expired on 2 March 2026"), r.getMessage());
        long lastDay = db.person("Lara Lastday", LocalDate.of(2025, 3, 5)); // today is its last current day
        devices.issue(helpdesk, id, lastDay);
        assertEquals(0, audits("DEVICE_ISSUED") - 1);
    }

    @Test
    void personWhoHasLeftIsRefused() {
        long id = devices.create(helpdesk, laptop("LT-1"));
        long gone = db.person("Gary Gone", true);
        db.services.people.markLeft(helpdesk, gone, LocalDate.of(2026, 3, 1));
        Refused r = assertThrows(Refused.class, () -> devices.issue(helpdesk, id, gone));
        assertEquals("Gary Gone left on 1 March 2026 and cannot be given a device.", r.messageFor("person"));
        assertFalse(devices.get(helpdesk, id).orElseThrow().isHeld());
    }

    @Test
    void lostStolenRetiredAndQuarantinedDevicesCannotBeIssued() {
        long person = db.person("Priya Shah", true);
        for (Device.Status st : List.of(Device.Status.LOST, Device.Status.STOLEN, Device.Status.RETIRED, Device.Status.QUARANTINED)) {
            long id = devices.create(helpdesk, laptop("LT-" + st));
            devices.setStatus(helpdesk, id, st, "test");
            Refused r = assertThrows(Refused.class, () -> devices.issue(helpdesk, id, person));
            assertTrue(r.getMessage().startsWith("LT-" + st + " is "), r.getMessage());
            assertTrue(r.getMessage().contains("cannot be issued"), r.getMessage());
        }
        assertEquals(0, audits("DEVICE_ISSUED"));
        assertEquals(4, audits("DEVICE_STATUS_CHANGED"));
    }

    @Test
    void quarantinedDeviceCanBeIssuedOnceTheHelpdeskClearsIt() {
        long person = db.person("Priya Shah", true);
        long id = devices.create(helpdesk, laptop("LT-1"));
        devices.setStatus(helpdesk, id, Device.Status.QUARANTINED, "tampering suspected after travel");
        Refused r = assertThrows(Refused.class, () -> devices.issue(helpdesk, id, person));
        assertTrue(r.getMessage().contains("until the helpdesk has checked it and cleared the quarantine"), r.getMessage());
        Session staff = db.session("pat", Role.STAFF);
        assertThrows(AccessDenied.class, () -> devices.clearQuarantine(staff, id, "looks fine"));
        devices.clearQuarantine(helpdesk, id, "re-imaged");
        assertEquals(Device.Status.IN_STOCK, devices.get(helpdesk, id).orElseThrow().status());
        assertTrue(lastSummary("DEVICE_STATUS_CHANGED").contains("Quarantined → In stock (Quarantine cleared by the helpdesk: re-imaged)"));
        devices.issue(helpdesk, id, person);
        assertTrue(devices.get(helpdesk, id).orElseThrow().isHeld());
    }

    @Test
    void poolDevicesAreNotIssuedAndIssuedDevicesAreNotCheckedOut() {
        long person = db.person("Priya Shah", true);
        long pool = devices.create(helpdesk, poolPhone("PL-1"));
        long issued = devices.create(helpdesk, laptop("LT-1"));
        Refused r = assertThrows(Refused.class, () -> devices.issue(helpdesk, pool, person));
        assertTrue(r.getMessage().contains("is a pool device of team Comms"), r.getMessage());
        r = assertThrows(Refused.class, () -> devices.checkOut(helpdesk, issued, person));
        assertTrue(r.getMessage().contains("is not a pool device"), r.getMessage());
    }

    @Test
    void retiringAHeldDeviceIsRefusedAndRetiringIsAudited() {
        long person = db.person("Priya Shah", true);
        long id = devices.create(helpdesk, laptop("LT-1"));
        devices.issue(helpdesk, id, person);
        Refused r = assertThrows(Refused.class, () -> devices.retire(helpdesk, id, "end of life"));
        assertTrue(r.getMessage().contains("issued to Priya Shah"), r.getMessage());
        devices.returnDevice(helpdesk, id);
        devices.retire(helpdesk, id, "end of life");
        assertEquals(Device.Status.RETIRED, devices.get(helpdesk, id).orElseThrow().status());
        assertTrue(lastSummary("DEVICE_STATUS_CHANGED").endsWith("In stock → Retired (end of life)"), lastSummary("DEVICE_STATUS_CHANGED"));
    }

    // ---- pool ----

    @Test
    void poolDeviceChecksOutToOneDesignatedUserAtATime() {
        long id = devices.create(helpdesk, poolPhone("PL-1"));
        long ann = db.person("Ann Able", true);
        long ben = db.person("Ben Baker", true);
        long cat = db.person("Cat Cole", true);
        devices.addDesignatedUser(helpdesk, id, ann);
        devices.addDesignatedUser(helpdesk, id, ben);
        assertEquals(List.of("Ann Able", "Ben Baker"), devices.designatedUsers(helpdesk, id).stream().map(DesignatedUser::name).toList());
        assertEquals(2, audits("POOL_USER_ADDED"));

        Refused notDesignated = assertThrows(Refused.class, () -> devices.checkOut(helpdesk, id, cat));
        assertEquals("Cat Cole is not a designated user of pool device PL-1 (team Comms). Choose one of its designated users "
                + "(Ann Able, Ben Baker), or add Cat Cole to the list first.", notDesignated.messageFor("person"));

        devices.checkOut(helpdesk, id, ann);
        Refused alreadyOut = assertThrows(Refused.class, () -> devices.checkOut(helpdesk, id, ben));
        assertEquals("PL-1 is already checked out to Ann Able (since 4 March 2026, 10:00). A pool device goes to one designated user "
                + "at a time: check it in first.", alreadyOut.getMessage());
        Refused remove = assertThrows(Refused.class, () -> devices.removeDesignatedUser(helpdesk, id, ann));
        assertTrue(remove.getMessage().contains("check it in before removing them"), remove.getMessage());

        db.clock.advance(Duration.ofHours(1));
        devices.checkIn(helpdesk, id);
        devices.checkOut(helpdesk, id, ben);
        assertEquals(2, audits("POOL_CHECKED_OUT"));
        assertEquals(1, audits("POOL_CHECKED_IN"));
        assertEquals(List.of("Ben Baker", "Ann Able"), devices.custodyHistory(helpdesk, id).stream().map(Custody::personName).toList());
        Refused issueInstead = assertThrows(Refused.class, () -> devices.returnDevice(helpdesk, id));
        assertTrue(issueInstead.getMessage().contains("check it in instead"));
    }

    @Test
    void designatedUsersNeedACurrentDeclarationWhenAddedAndWhenCheckingOut() {
        long id = devices.create(helpdesk, poolPhone("PL-1"));
        long never = db.person("Nina Never", (LocalDate) null);
        Refused r = assertThrows(Refused.class, () -> devices.addDesignatedUser(helpdesk, id, never));
        assertTrue(r.messageFor("designated-person").startsWith("Nina Never has not signed"), r.getMessage());
        assertTrue(devices.designatedUsers(helpdesk, id).isEmpty());

        // added while current, then the declaration lapses: check-out is refused
        long ann = db.person("Ann Able", LocalDate.of(2025, 3, 10)); // current to 9 March 2026
        devices.addDesignatedUser(helpdesk, id, ann);
        db.clock.set(Instant.parse("2026-03-10T09:00:00Z"));
        Refused lapsed = assertThrows(Refused.class, () -> devices.checkOut(helpdesk, id, ann));
        assertTrue(lapsed.messageFor("person").contains("declaration expired on 9 March 2026"), lapsed.getMessage());
        Refused dup = assertThrows(Refused.class, () -> devices.addDesignatedUser(helpdesk, id, ann));
        assertTrue(dup.getMessage().contains("already a designated user"));
    }

    @Test
    void lostPoolDeviceCannotBeCheckedOut() {
        long id = devices.create(helpdesk, poolPhone("PL-1"));
        long ann = db.person("Ann Able", true);
        devices.addDesignatedUser(helpdesk, id, ann);
        db.db.useTransaction(h -> devices.setStatusInTransaction(h, helpdesk, id, Device.Status.LOST, "INC-2026-0001"));
        Refused r = assertThrows(Refused.class, () -> devices.checkOut(helpdesk, id, ann));
        assertTrue(r.getMessage().startsWith("PL-1 is recorded as lost, so it cannot be checked out."), r.getMessage());
        assertTrue(lastSummary("DEVICE_STATUS_CHANGED").contains("(INC-2026-0001)"));
    }

    // ---- who held it at T (policy 50) ----

    @Test
    void whoHeldItAtTheBoundaries() {
        long id = devices.create(helpdesk, poolPhone("PL-1"));
        long ann = db.person("Ann Able", true);
        long ben = db.person("Ben Baker", true);
        devices.addDesignatedUser(helpdesk, id, ann);
        devices.addDesignatedUser(helpdesk, id, ben);
        Instant ten = Instant.parse("2026-03-05T10:00:00Z");
        Instant noon = Instant.parse("2026-03-05T12:00:00Z");
        db.clock.set(ten);
        devices.checkOut(helpdesk, id, ann);
        db.clock.set(noon);
        devices.checkIn(helpdesk, id);

        assertEquals(Optional.empty(), holderAt(id, ten.minusMillis(1)));
        assertEquals(Optional.of(ann), holderAt(id, ten));
        assertEquals(Optional.of(ann), holderAt(id, noon.minusSeconds(60)), "11:59: still Ann's");
        assertEquals(Optional.of(ann), holderAt(id, noon.minusMillis(1)));
        assertEquals(Optional.empty(), holderAt(id, noon), "12:00: returned, nobody holds it");
        assertEquals("Ann Able", devices.whoHeldAt(helpdesk, id, noon.minusSeconds(60)).orElseThrow().personName());

        // handed straight to Ben at 12:00: at 12:00 the answer is Ben, never two people
        devices.checkOut(helpdesk, id, ben);
        assertEquals(Optional.of(ben), holderAt(id, noon));
        assertEquals(Optional.of(ann), holderAt(id, noon.minusMillis(1)));
        db.clock.set(noon.plus(Duration.ofDays(30)));
        assertEquals(Optional.of(ben), holderAt(id, noon.plus(Duration.ofDays(30))));
    }

    Optional<Long> holderAt(long id, Instant at) {
        return db.db.read(h -> devices.holderAt(h, id, at));
    }

    @Test
    void pastCustodyCannotOverlap() {
        long id = devices.create(helpdesk, laptop("LT-1"));
        long ann = db.person("Ann Able", true);
        Instant a = Instant.parse("2026-01-05T09:00:00Z");
        Instant b = Instant.parse("2026-02-05T09:00:00Z");
        db.db.useTransaction(h -> devices.recordPastCustodyInTransaction(h, helpdesk, id, ann, Custody.Kind.ISSUE, a, b));
        assertThrows(Refused.class, () -> db.db.useTransaction(h ->
                devices.recordPastCustodyInTransaction(h, helpdesk, id, ann, Custody.Kind.ISSUE, a.plusSeconds(3600), null)));
        db.db.useTransaction(h -> devices.recordPastCustodyInTransaction(h, helpdesk, id, ann, Custody.Kind.ISSUE, b, null));
        assertEquals(2, devices.custodyOfPerson(helpdesk, ann).size());
        assertEquals(2, audits("CUSTODY_RECORDED"));
    }

    // ---- the list ----

    @Test
    void searchAndFiltersWorkInTheDatabaseWithPaging() {
        long ann = db.person("Ann Able", true);
        for (int i = 1; i <= 30; i++) {
            devices.create(helpdesk, new DeviceDraft(String.format("LT-%03d", i), i % 2 == 0 ? Device.Kind.LAPTOP : Device.Kind.TABLET,
                    i == 7 ? "Surface Pro 9" : "Dell Latitude", "SER" + i, null, null, true, Device.Mode.ISSUED, Device.Status.IN_STOCK,
                    i <= 10 ? "Policy" : "Finance", null));
        }
        long withImei = devices.create(helpdesk, withImei(laptop("PH-1"), IMEI));
        devices.issue(helpdesk, withImei, ann);

        assertEquals(31, devices.list(helpdesk, DeviceQuery.all()).total());
        assertEquals(List.of("LT-007"), tags(DeviceQuery.all().withText("surface")));
        assertEquals(List.of("LT-012"), tags(DeviceQuery.all().withText("ser12")));
        assertEquals(List.of("PH-1"), tags(DeviceQuery.all().withText("2032375")));
        assertEquals(List.of("PH-1"), tags(DeviceQuery.all().withText("ann ab")));
        assertEquals(List.of(), tags(DeviceQuery.all().withText("%")), "a typed % is not a wildcard");
        assertEquals(16, devices.list(helpdesk, DeviceQuery.all().withKind(Device.Kind.LAPTOP)).total());
        assertEquals(11, devices.list(helpdesk, DeviceQuery.all().withTeam("Policy")).total(), "ten laptops and PH-1");
        assertEquals(1, devices.list(helpdesk, DeviceQuery.all().withStatus(Device.Status.IN_SERVICE)).total());
        DeviceQuery.Page page = devices.list(helpdesk, DeviceQuery.all().page(10, 10));
        assertEquals(31, page.total());
        assertEquals("LT-011", page.devices().get(0).assetTag());
        assertEquals("PH-1", devices.list(helpdesk, DeviceQuery.all().sortedBy(DeviceQuery.Sort.ASSET_TAG, true)).devices().get(0).assetTag());
    }

    @Test
    void searchFollowsTheHolderThroughIssueReturnAndRename() {
        long ann = db.person("Ann Able", true);
        long bob = db.person("Bob Baker", true);
        long id = devices.create(helpdesk, laptop("LT-100"));
        devices.create(helpdesk, laptop("LT-200"));
        assertEquals(List.of(), tags(DeviceQuery.all().withText("able")));

        devices.issue(helpdesk, id, ann);
        assertEquals(List.of("LT-100"), tags(DeviceQuery.all().withText("ann ABLE")), "the holder's name, any case");
        assertEquals(1, devices.list(helpdesk, DeviceQuery.all().withText("able")).total());

        devices.returnDevice(helpdesk, id);
        assertEquals(List.of(), tags(DeviceQuery.all().withText("able")), "returned: nobody holds it now");
        devices.issue(helpdesk, id, bob);
        assertEquals(List.of("LT-100"), tags(DeviceQuery.all().withText("baker")));

        var before = db.services.people.get(helpdesk, bob);
        db.services.people.update(helpdesk, bob, new org.devicedesk.people.PersonDraft("Bob Carter", before.email(), before.staffNumber(),
                before.category(), before.team(), before.lineManagerId()));
        assertEquals(List.of("LT-100"), tags(DeviceQuery.all().withText("carter")), "a renamed holder is found by the new name");
        assertEquals(List.of(), tags(DeviceQuery.all().withText("baker")));

        devices.update(helpdesk, id, new DeviceDraft("LT-100", Device.Kind.LAPTOP, "HP EliteBook", "ZZ9", null, null, true,
                Device.Mode.ISSUED, Device.Status.IN_SERVICE, "Policy", null));
        assertEquals(List.of("LT-100"), tags(DeviceQuery.all().withText("elitebook")), "an edited model is searched");
        assertEquals(List.of("LT-100"), tags(DeviceQuery.all().withText("zz")), "two letters: the start of tag, serial or IMEI");
        assertEquals(List.of("LT-100", "LT-200"), tags(DeviceQuery.all().withText("l")));
        assertEquals(List.of(), tags(DeviceQuery.all().withText("latitude 5440 \"x")), "quotes typed are text, not syntax");
        assertEquals(List.of("LT-200"), tags(DeviceQuery.all().withText("latitude")));
    }

    List<String> tags(DeviceQuery q) {
        return devices.list(helpdesk, q).devices().stream().map(Device::assetTag).toList();
    }

    @Test
    void exportNeutralisesFormulaCellsAndFollowsTheFilter() {
        devices.create(helpdesk, new DeviceDraft("=HYPERLINK(\"x\")", Device.Kind.OTHER, "-dash", null, null, null, false, Device.Mode.ISSUED,
                Device.Status.IN_STOCK, null, "@note"));
        devices.create(helpdesk, laptop("LT-1"));
        java.io.StringWriter out = new java.io.StringWriter();
        int n = devices.exportCsv(helpdesk, DeviceQuery.all().withKind(Device.Kind.OTHER), out);
        assertEquals(1, n);
        String csv = out.toString();
        assertTrue(csv.startsWith(String.join(",", DeviceService.CSV_COLUMNS)), csv);
        assertTrue(csv.contains("\"'=HYPERLINK(\"\"x\"\")\",OTHER,'-dash"), csv);
        assertTrue(csv.contains("'@note"), csv);
        assertFalse(csv.contains("LT-1"));
    }
}
