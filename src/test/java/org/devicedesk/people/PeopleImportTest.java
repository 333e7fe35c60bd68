package org.devicedesk.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
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

class PeopleImportTest {
    TestDb db;
    Session admin;
    PeopleImport importer;

    @BeforeEach
    void open() {
        db = TestDb.create();
        admin = db.session("ada", Role.ADMIN);
        importer = db.services.peopleImport;
    }

    @AfterEach
    void close() {
        db.close();
    }

    int people() {
        return db.db.read(h -> h.createQuery("SELECT count(*) FROM person").mapTo(Integer.class).one());
    }

    Person byEmail(String email) {
        return db.services.people.list(admin, new PeopleService.Query(email, null, null, null, true)).get(0).person();
    }

    /** Issue 17 point 6: the import tells its progress after every row, so the dialog can show the row it is on. */
    @Test
    void theImportTellsItsProgressRowByRow() {
        String csv = "full_name,category\nAnn One,EMPLOYEE\nBen Two,EMPLOYEE\nCal Three,CONTRACTOR\n";
        List<String> told = new java.util.ArrayList<>();
        assertEquals(3, importer.importAll(admin, new StringReader(csv), (done, total) -> told.add(done + "/" + total)));
        assertEquals(List.of("1/3", "2/3", "3/3"), told);
        told.clear();
        assertThrows(Refused.class, () -> importer.importAll(admin, new StringReader("full_name,category\nDee Four,NOPE\n"),
                (done, total) -> told.add(done + "/" + total)));
        assertEquals(List.of("1/1"), told, "a refused row is done too (and nothing is kept)");
    }

    @Test
    void utf8NamesQuotedFieldsAndLineManagersFromEarlierLines() {
        String csv = "\uFEFFfull_name,email,staff_number,category,team,line_manager\n"
                + "Siobhán Ó Briain,siobhan@opcc.example,OP2001,EMPLOYEE,\"Policy, Research\",\n"
                + "Łukasz Żółć,lukasz@opcc.example,OP2002,Contractor,IT&D,siobhan@opcc.example\n"
                + "\"Zoë \"\"Zed\"\" Ñúñez\",zoe@opcc.example,,Board member,,OP2001\n";
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        int before = people();
        assertEquals(3, importer.importAll(admin, new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)));
        assertEquals(before + 3, people());
        Person siobhan = byEmail("siobhan@");
        assertEquals("Siobhán Ó Briain", siobhan.fullName());
        assertEquals("Policy, Research", siobhan.team());
        Person lukasz = byEmail("lukasz@");
        assertEquals("Łukasz Żółć", lukasz.fullName());
        assertEquals(Category.CONTRACTOR, lukasz.category());
        assertEquals(siobhan.id(), lukasz.lineManagerId());
        Person zoe = byEmail("zoe@");
        assertEquals("Zoë \"Zed\" Ñúñez", zoe.fullName());
        assertEquals(Category.BOARD_MEMBER, zoe.category());
        assertEquals(siobhan.id(), zoe.lineManagerId());
        int audits = db.db.read(h -> h.createQuery("SELECT count(*) FROM audit_event WHERE action IN ('PERSON_CREATED', 'PEOPLE_IMPORTED') AND actor = 'ada'")
                .mapTo(Integer.class).one());
        assertEquals(4, audits);
    }

    @Test
    void aBadRowAtLine500Of1000LeavesTheRegisterUnchanged() {
        StringBuilder sb = new StringBuilder("full_name,email,staff_number,category,team,line_manager\n");
        for (int i = 1; i <= 1000; i++) {
            int line = i + 1;
            String email = line == 500 ? "person" + i + "-at-opcc.example" : "person" + i + "@opcc.example";
            sb.append("Person ").append(i).append(',').append(email).append(",S").append(i).append(",EMPLOYEE,Policy,\n");
        }
        int before = people();
        Refused r = assertThrows(Refused.class, () -> importer.importAll(admin, new StringReader(sb.toString())));
        assertEquals(List.of("Nothing was imported: the file has 1 problem. Correct the file and import it again.",
                "Line 500, column email: The email address person499-at-opcc.example does not look right."), r.messages());
        assertEquals(before, people());

        CsvImport.Preview ok = importer.preview(admin, new StringReader(sb.toString().replace("person499-at-opcc.example", "person499@opcc.example")));
        assertTrue(ok.ok(), String.valueOf(ok.problems()));
        assertEquals(1000, ok.rowCount());
        assertEquals(before, people(), "the preview kept nothing");
    }

    @Test
    void formulaLookingCellsAreReadBackAsTheyWere() {
        String csv = "full_name,email,staff_number,category,team\n'=Ann Formula,,'-007,EMPLOYEE,'@team\n";
        assertEquals(1, importer.importAll(admin, new StringReader(csv)));
        Person p = db.services.people.list(admin, new PeopleService.Query("Ann Formula", null, null, null, true)).get(0).person();
        assertEquals("=Ann Formula", p.fullName());
        assertEquals("-007", p.staffNumber());
        assertEquals("@team", p.team());
    }

    @Test
    void unknownCategoriesAndManagersNameTheLineAndColumn() {
        String csv = "full_name,category,line_manager\nAnn,WIZARD,\n,EMPLOYEE,\nBen,EMPLOYEE,nobody@opcc.example\n";
        Refused r = assertThrows(Refused.class, () -> importer.importAll(admin, new StringReader(csv)));
        assertTrue(r.messages().get(1).startsWith("Line 2, column category: \"WIZARD\" is not a category"), r.getMessage());
        assertEquals("Line 3, column full_name: The full name is required.", r.messages().get(2));
        assertTrue(r.messages().get(3).startsWith("Line 4, column line_manager: The line manager nobody@opcc.example is not in the register"), r.getMessage());
    }

    @Test
    void staffCannotImport() {
        Session staff = db.session("pat", Role.STAFF);
        assertThrows(AccessDenied.class, () -> importer.importAll(staff, new StringReader("full_name,category\nA,EMPLOYEE\n")));
    }
}
