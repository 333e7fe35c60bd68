package org.devicedesk.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.devicedesk.core.AccessDenied;
import org.devicedesk.core.CsvImport;
import org.devicedesk.core.Refused;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.testing.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeviceImportTest {
    static final String HEADER = "asset_tag,kind,make_model,serial_number,imei,phone_number,encrypted,mode,status,team,notes\n";

    TestDb db;
    Session helpdesk;
    DeviceImport importer;

    @BeforeEach
    void open() {
        db = TestDb.create();
        helpdesk = db.session("sam", Role.HELPDESK);
        importer = db.services.devices.importer();
    }

    @AfterEach
    void close() {
        db.close();
    }

    int count(String sql) {
        return db.db.read(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    /** 1000 phones with valid, distinct IMEIs; the file's line n holds row n - 1. */
    static String thousandPhones(int badLine) {
        StringBuilder sb = new StringBuilder(HEADER);
        for (int i = 1; i <= 1000; i++) {
            int line = i + 1;
            String first14 = String.format("35%012d", i);
            String imei = first14 + DeviceService.luhnCheckDigit(first14);
            if (line == badLine) imei = imei.substring(0, 14) + (char) ('0' + (imei.charAt(14) - '0' + 1) % 10); // wrong check digit
            sb.append(String.format("PH-%04d,MOBILE_PHONE,Samsung Galaxy A55,SN%04d,%s,,yes,ISSUED,IN_STOCK,Policy,%n", i, i, imei));
        }
        return sb.toString();
    }

    @Test
    void aThousandRowsImportInOneGo() {
        CsvImport.Preview preview = importer.preview(helpdesk, new StringReader(thousandPhones(-1)));
        assertTrue(preview.ok(), String.valueOf(preview.problems()));
        assertEquals(1000, preview.rowCount());
        assertEquals(20, preview.sample().size());
        assertEquals(0, count("SELECT count(*) FROM device"), "a preview keeps nothing");

        assertEquals(1000, importer.importAll(helpdesk, new StringReader(thousandPhones(-1))));
        assertEquals(1000, count("SELECT count(*) FROM device"));
        assertEquals(1000, count("SELECT count(*) FROM audit_event WHERE action = 'DEVICE_CREATED'"));
        assertEquals(1, count("SELECT count(*) FROM audit_event WHERE action = 'DEVICES_IMPORTED'"));
        assertEquals(0, count("""
                SELECT count(*) FROM audit_event e WHERE e.action = 'DEVICE_CREATED' AND NOT EXISTS
                (SELECT 1 FROM device d WHERE CAST(d.id AS TEXT) = e.record_id AND e.summary LIKE '% ' || d.asset_tag || ' %')"""),
                "each device's event names that device's id and tag");
        assertTrue(db.services.audit.verify(helpdeskAndAdmin(), n -> { }).intact(), "the batch kept the chain");
    }

    Session helpdeskAndAdmin() {
        // the account really holds both roles: every change re-checks the session against its account
        db.db.useTransaction(h -> h.execute("INSERT OR IGNORE INTO account_role (account_id, role) VALUES (?, 'ADMIN')", helpdesk.accountId()));
        return new Session(helpdesk.accountId(), helpdesk.username(), helpdesk.personId(), helpdesk.displayName(),
                java.util.EnumSet.of(Role.HELPDESK, Role.ADMIN));
    }

    @Test
    void aBadRowAtLine500Of1000LeavesTheDatabaseUnchanged() {
        int auditBefore = count("SELECT count(*) FROM audit_event");
        Refused r = assertThrows(Refused.class, () -> importer.importAll(helpdesk, new StringReader(thousandPhones(500))));
        assertEquals("Nothing was imported: the file has 1 problem. Correct the file and import it again.", r.messages().get(0));
        assertEquals(2, r.messages().size());
        assertTrue(r.messages().get(1).startsWith("Line 500, column imei: The IMEI 35000000000499"), r.messages().get(1));
        assertTrue(r.messages().get(1).contains("fails its check digit"), r.messages().get(1));
        assertEquals(0, count("SELECT count(*) FROM device"));
        assertEquals(auditBefore, count("SELECT count(*) FROM audit_event"), "no audit event either");

        CsvImport.Preview preview = importer.preview(helpdesk, new StringReader(thousandPhones(500)));
        assertFalse(preview.ok());
        assertEquals(List.of(r.messages().get(1)), preview.problems());
    }

    @Test
    void duplicatesWithinTheFileAndAgainstTheRegisterNameTheirLines() {
        db.services.devices.create(helpdesk, DeviceServiceTest.laptop("LT-0001"));
        String csv = HEADER
                + "LT-0001,LAPTOP,Dell,,,,yes,ISSUED,,,\n"
                + "LT-0002,Laptop,Dell,S1,,,yes,Issued,,,\n"
                + "LT-0003,laptop,Dell,s1,,,maybe,issued,,,\n"
                + "LT-0004,Toaster,Dell,,,,yes,POOL,,,\n";
        Refused r = assertThrows(Refused.class, () -> importer.importAll(helpdesk, new StringReader(csv)));
        List<String> m = r.messages();
        assertTrue(m.get(0).contains("the file has 3 problems"), m.get(0));
        assertTrue(m.get(1).startsWith("Line 2, column asset_tag: The asset tag LT-0001 is already used"), m.get(1));
        assertEquals("Line 4, column encrypted: Write yes or no for encrypted, not \"maybe\".", m.get(2));
        assertTrue(m.get(3).startsWith("Line 5, column kind: \"Toaster\" is not a kind Device Desk knows; use one of LAPTOP, MOBILE_PHONE"), m.get(3));
        assertEquals(4, m.size());
        assertEquals(1, count("SELECT count(*) FROM device"));
    }

    @Test
    void serialDuplicatedWithinTheFileIsFound() {
        String csv = HEADER + "LT-0002,LAPTOP,Dell,S1,,,yes,ISSUED,,,\nLT-0003,LAPTOP,Dell,s1,,,yes,ISSUED,,,\n";
        Refused r = assertThrows(Refused.class, () -> importer.importAll(helpdesk, new StringReader(csv)));
        assertTrue(r.messages().get(1).startsWith("Line 3, column serial_number: The serial number s1 is already recorded for device LT-0002"), r.getMessage());
    }

    @Test
    void quotedFieldsWithCommasQuotesAndLineBreaks() {
        String csv = HEADER
                + "LT-0001,LAPTOP,\"Dell, Latitude \"\"5440\"\"\",,,,no,ISSUED,IN_SERVICE,\"Finance, Payroll\",\"first line\nsecond line\"\n"
                + "LT-0002,TABLET,iPad,,,,,POOL,,Comms,\n";
        assertEquals(2, importer.importAll(helpdesk, new StringReader(csv)));
        Device d = db.services.devices.list(helpdesk, DeviceQuery.all().withText("LT-0001")).devices().get(0);
        assertEquals("Dell, Latitude \"5440\"", d.makeModel());
        assertEquals("Finance, Payroll", d.team());
        assertEquals("first line\nsecond line", d.notes());
        assertFalse(d.encrypted());
        assertEquals(Device.Status.IN_SERVICE, d.status());
        Device tablet = db.services.devices.list(helpdesk, DeviceQuery.all().withText("LT-0002")).devices().get(0);
        assertTrue(tablet.encrypted(), "blank means encrypted");
        assertEquals(Device.Status.IN_STOCK, tablet.status(), "blank status means in stock");
    }

    @Test
    void lineNumbersCountLinesInsideQuotedFields() {
        String csv = HEADER + "LT-0001,LAPTOP,Dell,,,,,ISSUED,,,\"a\nb\nc\"\nLT-0002,LAPTOP,Dell,,12345,,,ISSUED,,,\n";
        Refused r = assertThrows(Refused.class, () -> importer.importAll(helpdesk, new StringReader(csv)));
        assertTrue(r.messages().get(1).startsWith("Line 5, column imei:"), r.messages().get(1));
    }

    @Test
    void formulaLookingCellsSurviveAnExportAndImportRoundTrip() {
        db.services.devices.create(helpdesk, new DeviceDraft("=cmd|' /C calc'!A0", Device.Kind.OTHER, "+Generic", "-SN-1", null,
                "+44 7700 900123", true, Device.Mode.ISSUED, Device.Status.IN_STOCK, "@Ops", "=SUM(A1:A9)"));
        StringWriter out = new StringWriter();
        db.services.devices.exportCsv(helpdesk, DeviceQuery.all(), out);
        String csv = out.toString();
        assertTrue(csv.contains("'=cmd|' /C calc'!A0"), csv);
        assertTrue(csv.contains("'=SUM(A1:A9)"), csv);
        assertTrue(csv.contains("'+44 7700 900123"), csv);

        try (TestDb other = TestDb.create()) {
            Session there = other.session("kim", Role.ADMIN);
            assertEquals(1, other.services.devices.importer().importAll(there, new StringReader(csv)));
            Device d = other.services.devices.list(there, DeviceQuery.all()).devices().get(0);
            assertEquals("=cmd|' /C calc'!A0", d.assetTag());
            assertEquals("+Generic", d.makeModel());
            assertEquals("-SN-1", d.serialNumber());
            assertEquals("+44 7700 900123", d.phoneNumber());
            assertEquals("@Ops", d.team());
            assertEquals("=SUM(A1:A9)", d.notes());
        }
    }

    @Test
    void theHeaderIsCheckedFirst() {
        Refused r = assertThrows(Refused.class, () -> importer.importAll(helpdesk, new StringReader("Asset tag,Kind,Serial\nLT-1,LAPTOP,S\n")));
        assertTrue(r.messages().contains("Line 1, column 3: \"Serial\" is not a column Device Desk knows. The columns are: "
                + String.join(", ", DeviceImport.COLUMNS) + "."), r.getMessage());
        assertTrue(r.messages().contains("Line 1: the required column mode is missing."), r.getMessage());
        Refused empty = assertThrows(Refused.class, () -> importer.importAll(helpdesk, new StringReader(HEADER)));
        assertTrue(empty.getMessage().contains("no devices to import"), empty.getMessage());
    }

    @Test
    void onlyTheHelpdeskAndAdministratorsImport() {
        Session staff = db.session("pat", Role.STAFF);
        assertThrows(AccessDenied.class, () -> importer.preview(staff, new StringReader(HEADER)));
        assertThrows(AccessDenied.class, () -> importer.importAll(staff, new StringReader(HEADER)));
    }
}
