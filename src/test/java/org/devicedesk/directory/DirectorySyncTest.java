package org.devicedesk.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.devicedesk.core.AccessDenied;
import org.devicedesk.core.Refused;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.devices.Device;
import org.devicedesk.devices.DeviceDraft;
import org.devicedesk.directory.DirectoryConfig.Security;
import org.devicedesk.directory.DirectorySync.Kind;
import org.devicedesk.people.Category;
import org.devicedesk.people.Person;
import org.devicedesk.people.PersonDraft;
import org.devicedesk.testing.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** People kept in step with a real LDAP server (UnboundID's in-memory directory, AD-like layout). */
class DirectorySyncTest {
    private TestDb db;
    private TestDirectory ldap;
    private Session helpdesk;
    private DirectorySync sync;

    @BeforeEach
    void setUp() {
        db = TestDb.create();
        ldap = TestDirectory.start();
        Session admin = db.session("localadmin", Role.ADMIN, Role.STAFF);
        helpdesk = db.session("deskanalyst", Role.HELPDESK);
        db.services.directory.save(admin, ldap.config(Security.LDAPS));
        sync = db.services.directorySync;
    }

    @AfterEach
    void tearDown() {
        ldap.close();
        db.close();
    }

    /** Every person row, column by column, keyed by id. */
    private Map<Long, Map<String, Object>> people() {
        Map<Long, Map<String, Object>> out = new HashMap<>();
        db.db.read(h -> h.createQuery("SELECT * FROM person").mapToMap().list())
                .forEach(row -> out.put(((Number) row.get("id")).longValue(), row));
        return out;
    }

    private long personLinkedTo(String username) {
        return db.db.read(h -> h.createQuery("SELECT id FROM person WHERE directory_username = :u").bind("u", username).mapTo(Long.class).one());
    }

    private int count(String sql) {
        return db.db.read(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    private Person person(long id) {
        return db.services.people.get(helpdesk, id);
    }

    private long issueLaptop(long personId, String tag) {
        Session system = Session.system();
        db.services.people.recordPaperDeclaration(system, personId, db.services.people.today());
        long id = db.services.devices.create(system, new DeviceDraft(tag, Device.Kind.LAPTOP, "Dell Latitude 5450", null, null, null, true,
                Device.Mode.ISSUED, Device.Status.IN_STOCK, null, null));
        db.services.devices.issue(system, id, personId);
        return id;
    }

    @Test
    void aPreviewShowsAJoinerAChangeAndALeaverWhoStillHoldsADeviceAndApplyingChangesExactlyThose() throws Exception {
        // the office's first sync brings in everyone enabled (the disabled Dana is not a joiner)
        var first = sync.preview(helpdesk);
        assertEquals(List.of("aadmin", "ffinance", "hhelp", "nnogroup", "sstaff"),
                first.of(Kind.JOIN).stream().map(DirectorySync.Item::username).sorted().toList());
        assertEquals(first.items().size(), first.of(Kind.JOIN).size());
        sync.apply(helpdesk, first, null);
        assertEquals(person(personLinkedTo("aadmin")).fullName(), person(personLinkedTo("sstaff")).lineManagerName(), "managers resolved among joiners");
        long laptop = issueLaptop(personLinkedTo("ffinance"), "LT-0042");

        // then, in the directory: a new starter, a move to another team, and a leaver's account disabled
        ldap.user("jjoiner", "Jo Joiner", "jo.joiner@office.test", "ICT", "E200", TestDirectory.dn("hhelp"), false, TestDirectory.ALL_STAFF);
        ldap.replace("sstaff", "department", "Finance");
        ldap.replace("ffinance", "userAccountControl", "514");
        var before = people();
        int auditBefore = count("SELECT count(*) FROM audit_event");

        var preview = sync.preview(helpdesk);

        assertEquals(3, preview.items().size(), preview.items().toString());
        var join = preview.of(Kind.JOIN).get(0);
        assertEquals("jjoiner", join.username());
        assertTrue(join.summary().contains("Jo Joiner") && join.summary().contains("team ICT") && join.summary().contains("line manager Harry Helpdesk"), join.summary());
        var change = preview.of(Kind.CHANGE).get(0);
        assertEquals("Sam Staff", change.name());
        assertEquals("team Policy → Finance", change.summary());
        var leave = preview.of(Kind.LEAVE).get(0);
        assertEquals("Fiona Finance", leave.name());
        assertTrue(leave.summary().contains("disabled in the directory") && leave.summary().contains("LT-0042 (Laptop)"), leave.summary());
        assertEquals(List.of(leave), preview.leaversWithDevices());
        assertEquals(before, people(), "a preview changes nothing");

        var applied = sync.apply(helpdesk, preview, null);

        assertEquals(1, applied.joined());
        assertEquals(1, applied.changed());
        assertEquals(1, applied.left());
        assertEquals(List.of("Fiona Finance: LT-0042 (Laptop)"), DirectorySync.recoveryLines(applied.leaversWithDevices()));
        var after = people();
        long jo = personLinkedTo("jjoiner");
        long sam = personLinkedTo("sstaff");
        long fiona = personLinkedTo("ffinance");
        // exactly those: one new row, and of the old rows only Sam's team and Fiona's leaving changed
        assertEquals(before.size() + 1, after.size());
        for (var e : before.entrySet()) {
            Map<String, Object> was = new HashMap<>(e.getValue());
            Map<String, Object> now = new HashMap<>(after.get(e.getKey()));
            if (e.getKey() == sam) {
                assertEquals("Finance", now.get("team"));
                was.remove("team");
                now.remove("team");
                assertEquals(((Number) was.get("version")).intValue() + 1, ((Number) now.get("version")).intValue(), "a change raises the version (issue 13)");
                was.remove("version");
                now.remove("version");
            }
            if (e.getKey() == fiona) {
                assertEquals(0, ((Number) now.get("active")).intValue());
                assertEquals(db.services.people.today().toString(), now.get("left_on"));
                was.remove("active");
                was.remove("left_on");
                now.remove("active");
                now.remove("left_on");
                assertEquals(((Number) was.get("version")).intValue() + 1, ((Number) now.get("version")).intValue(), "marking as left raises the version (issue 13)");
                was.remove("version");
                now.remove("version");
            }
            assertEquals(was, now, "person " + e.getKey() + " unchanged");
        }
        Person joPerson = person(jo);
        assertEquals("Jo Joiner", joPerson.fullName());
        assertEquals("jo.joiner@office.test", joPerson.email());
        assertEquals("E200", joPerson.staffNumber());
        assertEquals("ICT", joPerson.team());
        assertEquals(personLinkedTo("hhelp"), joPerson.lineManagerId());
        assertEquals(Category.EMPLOYEE, joPerson.category());
        // the laptop is still on Fiona's name for the help desk to recover
        assertEquals(fiona, db.services.devices.get(helpdesk, laptop).orElseThrow().holder().personId());
        // audited in the same transaction: created + linked, updated, left, and the sync itself
        assertEquals(auditBefore + 5, count("SELECT count(*) FROM audit_event"));
        assertEquals(1, count("SELECT count(*) FROM audit_event WHERE action = 'DIRECTORY_SYNC' AND summary LIKE '%Fiona Finance [LT-0042 (Laptop)]%'"));
        assertTrue(db.db.read(h -> org.devicedesk.core.Audit.verify(h, n -> { })).intact());

        assertTrue(sync.preview(helpdesk).isEmpty(), "in step: nothing more to do");
    }

    @Test
    void someoneGoneFromTheDirectoryIsALeaver() throws Exception {
        sync.apply(helpdesk, sync.preview(helpdesk), null);
        ldap.delete("nnogroup");
        var preview = sync.preview(helpdesk);
        assertEquals(1, preview.items().size());
        assertEquals(Kind.LEAVE, preview.items().get(0).kind());
        assertTrue(preview.items().get(0).summary().contains("no longer in the directory"));
        sync.apply(helpdesk, preview, db.services.people.today().minusDays(3));
        assertEquals(db.services.people.today().minusDays(3), person(personLinkedTo("nnogroup")).leftOn());
    }

    @Test
    void aPersonAlreadyInTheRegisterIsMatchedByEmailAndLinkedNotAddedTwice() {
        long existing = db.services.people.create(helpdesk, new PersonDraft("Sam Staff", "sam.staff@office.test", null, Category.EMPLOYEE, "Policy", null));
        var preview = sync.preview(helpdesk);
        var sam = preview.items().stream().filter(i -> i.username().equals("sstaff")).findFirst().orElseThrow();
        assertEquals(Kind.CHANGE, sam.kind()); // the staff number and manager come from the directory
        assertTrue(sam.summary().contains("staff number (none) → E102") && sam.summary().contains("linked to directory account sstaff"), sam.summary());
        sync.apply(helpdesk, preview, null);
        assertEquals(existing, personLinkedTo("sstaff"));
        assertEquals(1, count("SELECT count(*) FROM person WHERE lower(email) = 'sam.staff@office.test'"));
    }

    @Test
    void aPreviewOverTakenByAnEditIsRefusedWholeAndNothingChanges() throws Exception {
        sync.apply(helpdesk, sync.preview(helpdesk), null);
        ldap.replace("sstaff", "department", "Finance");
        ldap.user("jjoiner", "Jo Joiner", "jo.joiner@office.test", "ICT", "E200", null, false, TestDirectory.ALL_STAFF);
        var preview = sync.preview(helpdesk);
        long sam = personLinkedTo("sstaff");
        Person p = person(sam);
        db.services.people.update(helpdesk, sam, new PersonDraft(p.fullName(), p.email(), p.staffNumber(), p.category(), "Estates", p.lineManagerId()));
        var before = people();
        int audit = count("SELECT count(*) FROM audit_event");
        Refused r = assertThrows(Refused.class, () -> sync.apply(helpdesk, preview, null));
        assertTrue(r.getMessage().contains("Sam Staff was changed in Device Desk since the preview"), r.getMessage());
        assertEquals(before, people());
        assertEquals(audit, count("SELECT count(*) FROM audit_event"));
    }

    @Test
    void aChangeTheRegisterRefusesStopsTheWholeApplyWithItsReason() throws Exception {
        sync.apply(helpdesk, sync.preview(helpdesk), null);
        // a new starter given, by mistake, Harry's email address in the directory: a joiner the register refuses
        ldap.user("jjoiner", "Jo Joiner", "harry.helpdesk@office.test", "ICT", "E200", null, false, TestDirectory.ALL_STAFF);
        ldap.replace("sstaff", "department", "Finance");
        var preview = sync.preview(helpdesk);
        assertEquals(2, preview.items().size());
        var before = people();
        int audit = count("SELECT count(*) FROM audit_event");
        Refused r = assertThrows(Refused.class, () -> sync.apply(helpdesk, preview, null));
        assertTrue(r.getMessage().startsWith("Joiner Jo Joiner (directory account jjoiner): The email harry.helpdesk@office.test already belongs to Harry Helpdesk."), r.getMessage());
        assertEquals(before, people(), "all or nothing: Sam's team did not change either");
        assertEquals(audit, count("SELECT count(*) FROM audit_event"));
    }

    @Test
    void theSchedulerCallsOneMethodThatPreviewsAndApplies() throws Exception {
        var done = sync.syncNow(Session.system());
        assertEquals(5, done.joined());
        ldap.replace("hhelp", "displayName", "Harriet Helpdesk");
        ldap.replace("hhelp", "mail", "harriet.helpdesk@office.test");
        var again = sync.syncNow(Session.system());
        assertEquals(1, again.changed());
        Person h = person(personLinkedTo("hhelp"));
        assertEquals("Harriet Helpdesk", h.fullName());
        assertEquals("harriet.helpdesk@office.test", h.email());
        assertEquals(0, sync.syncNow(Session.system()).changed());
    }

    @Test
    void onlyTheHelpDeskAndAdministratorsSync() {
        Session staff = db.session("someone", Role.STAFF);
        assertThrows(AccessDenied.class, () -> sync.preview(staff));
        var preview = sync.preview(helpdesk);
        assertThrows(AccessDenied.class, () -> sync.apply(staff, preview, null));
        assertTrue(people().values().stream().noneMatch(r -> Objects.equals(r.get("directory_username"), "sstaff")));
    }

    @Test
    void aDirectoryThatIsDownGivesAClearMessage() {
        ldap.server.shutDown(true);
        Refused r = assertThrows(Refused.class, () -> sync.preview(helpdesk));
        assertTrue(r.getMessage().contains("cannot be reached just now"), r.getMessage());
        assertNull(people().values().stream().filter(r2 -> r2.get("directory_username") != null).findFirst().orElse(null));
    }
}
