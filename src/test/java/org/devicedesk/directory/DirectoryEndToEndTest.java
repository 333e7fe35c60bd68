package org.devicedesk.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.devices.Device;
import org.devicedesk.devices.DeviceDraft;
import org.devicedesk.directory.DirectoryConfig.Security;
import org.devicedesk.directory.DirectorySync.Kind;
import org.devicedesk.incidents.Incident;
import org.devicedesk.testing.TestDb;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * End to end against a real OpenLDAP (Debian's slapd) that {@code .ci/run} starts on a loopback port
 * ({@code .ci/slapd.sh}, data in {@code src/test/resources/ldap/openldap-e2e.ldif}); skipped when
 * {@code DEVICEDESK_TEST_LDAP_URL} is not set. The directory is put back as it was at the end.
 */
class DirectoryEndToEndTest {
    private static final String BASE = "dc=devicedesk,dc=test";
    private static final String PEOPLE = "ou=people," + BASE;

    @Test
    void aDirectoryOnlyPersonSignsInAndReportsThenASyncBringsAJoinerAChangeAndALeaverWithADevice() throws Exception {
        String url = System.getenv("DEVICEDESK_TEST_LDAP_URL");
        Assumptions.assumeTrue(url != null && !url.isBlank(), "DEVICEDESK_TEST_LDAP_URL not set: no OpenLDAP to test against");
        LDAPURL ldapUrl = new LDAPURL(url);
        String joiner = "jo" + System.nanoTime();
        try (TestDb db = TestDb.create();
             LDAPConnection directoryAdmin = new LDAPConnection(ldapUrl.getHost(), ldapUrl.getPort(),
                     System.getenv("DEVICEDESK_TEST_LDAP_ADMIN_DN"), System.getenv("DEVICEDESK_TEST_LDAP_ADMIN_PASSWORD"))) {
            try {
                Session admin = db.session("localadmin", Role.ADMIN, Role.HELPDESK, Role.STAFF);
                var directory = new DirectoryService(db.db, db.clock, db.services.people, db.services.accounts,
                        Map.of("E2E_LDAP_BIND_PASSWORD", "svc-e2e-password")::get);
                db.services.accounts.useDirectory(directory);
                directory.save(admin, new DirectoryConfig(true, ldapUrl.getHost(), ldapUrl.getPort(), Security.PLAIN, BASE,
                        "(objectClass=inetOrgPerson)", "uid", "cn=devicedesk-svc," + BASE, "E2E_LDAP_BIND_PASSWORD", "", "",
                        "ou=groups," + BASE, "employeeType", "disabled", 10,
                        Map.of("cn=devicedesk-staff,ou=groups," + BASE, EnumSet.of(Role.STAFF))));

                // Olga exists only in the directory; she is in devicedesk-staff through the finance group
                Session olga = db.services.accounts.signIn("olga", "olga-e2e-password");
                assertEquals(EnumSet.of(Role.STAFF), olga.roles());
                assertEquals("Olga Ortiz", olga.displayName());
                db.services.people.signDeclaration(olga, true);
                long phone = issue(db, olga.personId(), "E2E-PH-1", Device.Kind.MOBILE_PHONE);
                var reported = db.services.incidents.report(olga, new Incident.Draft(Incident.Type.LOST, null, phone, null, null, null,
                        "Platform 2", "Left it on the train.", true, null, null, null, null, null));
                assertTrue(reported.reference().startsWith("INC-"));

                var sync = new DirectorySync(db.db, db.clock, db.services.people, db.services.devices, directory);
                sync.apply(admin, sync.preview(admin), null); // the office's first sync
                long lena = personLinkedTo(db, "lena");
                db.services.people.recordPaperDeclaration(Session.system(), lena, db.services.people.today());
                issue(db, lena, "E2E-LT-1", Device.Kind.LAPTOP);

                directoryAdmin.add("dn: uid=" + joiner + "," + PEOPLE, "objectClass: inetOrgPerson", "uid: " + joiner, "cn: Jo Newstart",
                        "sn: Newstart", "mail: " + joiner + "@devicedesk.test", "departmentNumber: Policy", "employeeNumber: OP-" + joiner,
                        "manager: uid=owen," + PEOPLE, "userPassword: jo-e2e-password");
                directoryAdmin.modify("uid=olga," + PEOPLE, new Modification(ModificationType.REPLACE, "departmentNumber", "Audit"));
                directoryAdmin.modify("uid=lena," + PEOPLE, new Modification(ModificationType.REPLACE, "employeeType", "disabled"));

                var preview = sync.preview(admin);
                assertEquals(3, preview.items().size(), preview.items().toString());
                assertEquals(joiner, preview.of(Kind.JOIN).get(0).username());
                assertEquals("team Finance → Audit", preview.of(Kind.CHANGE).get(0).summary());
                assertEquals("Lena Lindqvist", preview.leaversWithDevices().get(0).name());

                var applied = sync.apply(admin, preview, null);
                assertEquals(List.of(1, 1, 1), List.of(applied.joined(), applied.changed(), applied.left()));
                assertEquals(List.of("Lena Lindqvist: E2E-LT-1 (Laptop)"), DirectorySync.recoveryLines(applied.leaversWithDevices()));
                assertEquals("Audit", db.services.people.get(admin, olga.personId()).team());
                assertEquals(db.services.people.today(), db.services.people.get(admin, lena).leftOn());
                var jo = db.services.people.get(admin, personLinkedTo(db, joiner));
                assertEquals("Owen Oakley", jo.lineManagerName());
                assertTrue(sync.preview(admin).isEmpty());
            } finally {
                directoryAdmin.modify("uid=olga," + PEOPLE, new Modification(ModificationType.REPLACE, "departmentNumber", "Finance"));
                directoryAdmin.modify("uid=lena," + PEOPLE, new Modification(ModificationType.DELETE, "employeeType"));
                if (directoryAdmin.getEntry("uid=" + joiner + "," + PEOPLE) != null) directoryAdmin.delete("uid=" + joiner + "," + PEOPLE);
            }
        }
    }

    private static long personLinkedTo(TestDb db, String username) {
        return db.db.read(h -> h.createQuery("SELECT id FROM person WHERE directory_username = :u").bind("u", username).mapTo(Long.class).one());
    }

    private static long issue(TestDb db, long personId, String tag, Device.Kind kind) {
        long id = db.services.devices.create(Session.system(), new DeviceDraft(tag, kind, "Test model", null, null, null, true,
                Device.Mode.ISSUED, Device.Status.IN_STOCK, null, null));
        db.services.devices.issue(Session.system(), id, personId);
        return id;
    }
}
