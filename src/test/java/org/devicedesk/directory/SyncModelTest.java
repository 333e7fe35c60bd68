package org.devicedesk.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.devices.Device;
import org.devicedesk.devices.DeviceDraft;
import org.devicedesk.directory.DirectoryConfig.Security;
import org.devicedesk.testing.TestDb;
import org.devicedesk.ui.Tasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** "Sync with directory"'s view model without a window, against the in-memory LDAP server the directory tests use. */
class SyncModelTest {
    private TestDb db;
    private TestDirectory ldap;
    private Session helpdesk;
    private DirectorySync sync;
    private final AtomicInteger applied = new AtomicInteger();

    @BeforeEach
    void setUp() {
        db = TestDb.create();
        ldap = TestDirectory.start();
        Session admin = db.session("ada", Role.ADMIN);
        helpdesk = db.session("helen", Role.HELPDESK);
        db.services.directory.save(admin, ldap.config(Security.LDAPS));
        sync = db.services.directorySync;
    }

    @AfterEach
    void tearDown() {
        ldap.close();
        db.close();
    }

    private SyncModel model() {
        return new SyncModel(sync, helpdesk, db.services.people.today(), Tasks.direct(), applied::incrementAndGet);
    }

    private long linked(String username) {
        return db.db.read(h -> h.createQuery("SELECT id FROM person WHERE directory_username = :u").bind("u", username).mapTo(Long.class).one());
    }

    @Test
    void thePreviewIsSummedUpAndAppliedOnceWithTheLeaversDevices() throws Exception {
        sync.apply(helpdesk, sync.preview(helpdesk), null);
        long fiona = linked("ffinance");
        db.services.people.recordPaperDeclaration(Session.system(), fiona, db.services.people.today());
        long laptop = db.services.devices.create(Session.system(), new DeviceDraft("LT-0042", Device.Kind.LAPTOP, "Dell Latitude 5450",
                null, null, null, true, Device.Mode.ISSUED, Device.Status.IN_STOCK, null, null));
        db.services.devices.issue(Session.system(), laptop, fiona);
        ldap.user("jjoiner", "Jo Joiner", "jo.joiner@office.test", "ICT", "E200", TestDirectory.dn("hhelp"), false, TestDirectory.ALL_STAFF);
        ldap.replace("sstaff", "department", "Finance");
        ldap.replace("ffinance", "userAccountControl", "514");

        SyncModel m = model();
        assertEquals("Reading the directory…", m.summary.get());
        assertTrue(m.applyDisabled.get(), "nothing to apply before the preview");
        assertEquals(db.services.people.today(), m.leftOn.get(), "leavers leave today unless changed");
        m.open();
        assertEquals(List.of("Joiner Jo Joiner", "Change Sam Staff", "Leaver Fiona Finance"),
                m.items.stream().map(i -> i.kind().label() + " " + i.name()).toList());
        assertEquals(List.of("Fiona Finance: LT-0042 (Laptop)"), m.devices);
        assertEquals("1 joining, 1 changed, 0 to link, 1 leaving. Apply makes all of these changes at once, or none.", m.summary.get());
        assertFalse(m.applyDisabled.get());

        LocalDate yesterday = db.services.people.today().minusDays(1);
        m.leftOn.set(yesterday);
        m.apply();
        assertEquals("Applied: 1 joined, 1 changed, 0 linked, 1 marked as left; 1 leaver still holds devices to recover. Written to the audit trail.",
                m.outcome.get().text());
        assertEquals("Done. The list below is what was changed.", m.summary.get());
        assertEquals(List.of("Fiona Finance: LT-0042 (Laptop)"), m.devices);
        assertTrue(m.applyDisabled.get(), "applied once");
        assertEquals(1, applied.get(), "the people list is told");
        assertFalse(db.services.people.get(helpdesk, fiona).active());
        assertEquals(yesterday, db.services.people.get(helpdesk, fiona).leftOn(), "on the day chosen");
        assertEquals("Finance", db.services.people.get(helpdesk, linked("sstaff")).team());
    }

    @Test
    void inStepWithTheDirectoryThereIsNothingToApply() {
        sync.apply(helpdesk, sync.preview(helpdesk), null);
        SyncModel m = model();
        m.open();
        assertTrue(m.items.isEmpty());
        assertEquals("Nothing to change: everyone is in step with the directory.", m.summary.get());
        assertTrue(m.applyDisabled.get());
    }

    @Test
    void aDirectoryThatIsDownIsSaidAndNothingCanBeApplied() {
        ldap.close();
        SyncModel m = model();
        m.open();
        assertEquals("The preview could not be made.", m.summary.get());
        assertTrue(m.outcome.get().isFailure());
        assertFalse(m.outcome.get().text().isBlank());
        assertTrue(m.applyDisabled.get());
        assertEquals(0, applied.get());
    }
}
