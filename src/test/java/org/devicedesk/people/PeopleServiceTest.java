package org.devicedesk.people;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.devicedesk.core.AccessDenied;
import org.devicedesk.core.Refused;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.people.DeclarationState.State;
import org.devicedesk.testing.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SPEC section 1 rules in PeopleService, on a real database with a fixed clock (4 March 2026). */
class PeopleServiceTest {
    private final TestDb db = TestDb.create();
    private final PeopleService people = db.services.people;
    private final Session helpdesk = db.session("hana", Role.HELPDESK);
    private final Session staff = db.session("stan", Role.STAFF);

    @AfterEach
    void close() {
        db.close();
    }

    private static PersonDraft draft(String name, String email, String staffNumber) {
        return new PersonDraft(name, email, staffNumber, Category.EMPLOYEE, "Policy", null);
    }

    private int people() {
        return db.db.read(h -> h.createQuery("SELECT count(*) FROM person").mapTo(Integer.class).one());
    }

    private int declarations(long personId) {
        return db.db.read(h -> h.createQuery("SELECT count(*) FROM declaration WHERE person_id = :p").bind("p", personId).mapTo(Integer.class).one());
    }

    /** The audit rows for this record and action: actor | summary. */
    private List<String> audit(String action, long personId) {
        return db.db.read(h -> h.createQuery("SELECT actor, summary FROM audit_event WHERE action = :a AND record_type = 'person' AND record_id = :r ORDER BY seq")
                .bind("a", action).bind("r", Long.toString(personId)).map((rs, ctx) -> rs.getString(1) + " | " + rs.getString(2)).list());
    }

    private int auditCount() {
        return db.db.read(h -> h.createQuery("SELECT count(*) FROM audit_event").mapTo(Integer.class).one());
    }

    // ---- create and edit ----

    @Test
    void createStoresThePersonAndAuditsIt() {
        long id = people.create(helpdesk, new PersonDraft("  Ruth Ogunleye ", "ruth.o@opcc.example", "OP2001", Category.CONSULTANT, "Commissioning", null));
        Person p = people.get(helpdesk, id);
        assertEquals("Ruth Ogunleye", p.fullName());
        assertEquals(Category.CONSULTANT, p.category());
        assertTrue(p.active());
        assertEquals(List.of("hana | Created Ruth Ogunleye (Consultant)"), audit("PERSON_CREATED", id));
    }

    @Test
    void nameAndCategoryAreRequiredAndNothingIsStored() {
        int before = people();
        int events = auditCount();
        Refused r = assertThrows(Refused.class, () -> people.create(helpdesk, new PersonDraft("  ", null, null, null, null, null)));
        assertEquals("The full name is required.", r.messageFor("full-name"));
        assertEquals("The category is required.", r.messageFor("category"));
        assertEquals(before, people());
        assertEquals(events, auditCount());
    }

    @Test
    void emailMustLookLikeOne() {
        Refused r = assertThrows(Refused.class, () -> people.create(helpdesk, draft("Ann", "ann at opcc", null)));
        assertEquals("The email address ann at opcc does not look right.", r.messageFor("email"));
    }

    @Test
    void emailIsUniqueIgnoringCaseAndTheRefusalNamesTheHolder() {
        people.create(helpdesk, draft("Ann Able", "ann@opcc.example", null));
        int before = people();
        Refused r = assertThrows(Refused.class, () -> people.create(helpdesk, draft("Ann Other", "ANN@opcc.example", null)));
        assertEquals("The email ANN@opcc.example already belongs to Ann Able.", r.messageFor("email"));
        assertEquals(before, people());
    }

    @Test
    void staffNumberIsUniqueAndTheRefusalNamesTheHolder() {
        people.create(helpdesk, draft("Ben Bold", null, "OP7"));
        Refused r = assertThrows(Refused.class, () -> people.create(helpdesk, draft("Ben Other", null, " OP7 ")));
        assertEquals("The staff number OP7 already belongs to Ben Bold.", r.messageFor("staff-number"));
    }

    @Test
    void emptyEmailsAndStaffNumbersDoNotClash() {
        people.create(helpdesk, draft("Cat One", "", " "));
        assertDoesNotThrow(() -> people.create(helpdesk, draft("Cat Two", null, "")));
    }

    @Test
    void editingKeepsYourOwnEmailAndIsAuditedWithWhatChanged() {
        long id = people.create(helpdesk, draft("Dan Dee", "dan@opcc.example", "OP9"));
        people.update(helpdesk, id, new PersonDraft("Dan Dee", "dan@opcc.example", "OP9", Category.CONTRACTOR, "Estates", null));
        Person p = people.get(helpdesk, id);
        assertEquals(Category.CONTRACTOR, p.category());
        assertEquals("Estates", p.team());
        assertEquals(List.of("hana | Dan Dee: category Employee → Contractor; team Policy → Estates;"), audit("PERSON_UPDATED", id));
    }

    @Test
    void aPersonCannotBeTheirOwnLineManager() {
        long id = people.create(helpdesk, draft("Eve Self", null, null));
        Refused r = assertThrows(Refused.class, () -> people.update(helpdesk, id, new PersonDraft("Eve Self", null, null, Category.EMPLOYEE, null, id)));
        assertEquals("A person cannot be their own line manager. Choose someone else, or leave it empty.", r.messageFor("line-manager"));
        assertNull(people.get(helpdesk, id).lineManagerId());
        assertTrue(audit("PERSON_UPDATED", id).isEmpty());
    }

    @Test
    void aLineManagerCannotReportToTheirOwnReport() {
        long boss = people.create(helpdesk, draft("Fay Boss", null, null));
        long report = people.create(helpdesk, new PersonDraft("Gil Report", null, null, Category.EMPLOYEE, null, boss));
        Refused r = assertThrows(Refused.class, () -> people.update(helpdesk, boss, new PersonDraft("Fay Boss", null, null, Category.EMPLOYEE, null, report)));
        assertEquals("Gil Report reports to Fay Boss (directly or through others), so cannot also be their line manager.", r.messageFor("line-manager"));
    }

    @Test
    void someoneWhoHasLeftCannotBecomeALineManagerButStaysWhereTheyAre() {
        long gone = people.create(helpdesk, draft("Hal Gone", null, null));
        long report = people.create(helpdesk, new PersonDraft("Ivy Report", null, null, Category.EMPLOYEE, null, gone));
        people.markLeft(helpdesk, gone, LocalDate.of(2026, 2, 27));
        // editing Ivy without changing her manager is fine
        assertDoesNotThrow(() -> people.update(helpdesk, report, new PersonDraft("Ivy Report", null, null, Category.TEMPORARY, null, gone)));
        Refused r = assertThrows(Refused.class, () -> people.create(helpdesk, new PersonDraft("Jo New", null, null, Category.EMPLOYEE, null, gone)));
        assertEquals("Hal Gone has left (on 27 February 2026) and cannot become a line manager. Choose someone who is still here.", r.messageFor("line-manager"));
    }

    @Test
    void staffCannotCreateEditOrMarkPeopleLeft() {
        long id = db.person("Kim Kept", true);
        int before = people();
        assertThrows(AccessDenied.class, () -> people.create(staff, draft("Not Allowed", null, null)));
        assertThrows(AccessDenied.class, () -> people.update(staff, id, draft("Kim Changed", null, null)));
        assertThrows(AccessDenied.class, () -> people.markLeft(staff, id, LocalDate.of(2026, 3, 1)));
        assertEquals(before, people());
        assertEquals("Kim Kept", people.get(helpdesk, id).fullName());
        assertTrue(people.get(helpdesk, id).active());
    }

    @Test
    void staffSeeOnlyThemselves() {
        long other = db.person("Lou Other", true);
        assertThrows(AccessDenied.class, () -> people.get(staff, other));
        assertThrows(AccessDenied.class, () -> people.declaration(staff, other));
        assertThrows(AccessDenied.class, () -> people.declarations(staff, other));
        assertEquals(List.of(staff.personId()), people.list(staff, PeopleService.Query.all()).stream().map(r -> r.person().id()).toList());
        assertEquals("Stan Tester", people.get(staff, staff.personId()).fullName());
    }

    // ---- leaving ----

    @Test
    void markLeftIsAuditedAndTwiceIsRefused() {
        long id = db.person("Mo Mover", true);
        people.markLeft(helpdesk, id, LocalDate.of(2026, 3, 4));
        Person p = people.get(helpdesk, id);
        assertFalse(p.active());
        assertEquals(LocalDate.of(2026, 3, 4), p.leftOn());
        assertEquals(List.of("hana | Mo Mover left on 2026-03-04"), audit("PERSON_LEFT", id));
        Refused r = assertThrows(Refused.class, () -> people.markLeft(helpdesk, id, LocalDate.of(2026, 3, 3)));
        assertEquals("Mo Mover is already marked as having left on 4 March 2026; there is nothing more to do.", r.messageFor("left-on"));
        assertEquals(LocalDate.of(2026, 3, 4), people.get(helpdesk, id).leftOn(), "the first date stands");
        assertEquals(1, audit("PERSON_LEFT", id).size());
    }

    @Test
    void markLeftNeedsADateThatIsNotInTheFuture() {
        long id = db.person("Ned Next", true);
        Refused none = assertThrows(Refused.class, () -> people.markLeft(helpdesk, id, null));
        assertEquals("Enter the date the person left.", none.messageFor("left-on"));
        Refused future = assertThrows(Refused.class, () -> people.markLeft(helpdesk, id, LocalDate.of(2026, 3, 5)));
        assertEquals("The leaving date 5 March 2026 is in the future. Mark the person as left on or after their last day.", future.messageFor("left-on"));
        assertTrue(people.get(helpdesk, id).active());
    }

    @Test
    void leftPeopleAreHiddenUnlessAskedFor() {
        long id = db.person("Ola Old", true);
        people.markLeft(helpdesk, id, LocalDate.of(2026, 1, 31));
        assertFalse(names(new PeopleService.Query("Ola", null, null, null, false)).contains("Ola Old"));
        assertEquals(List.of("Ola Old"), names(new PeopleService.Query("Ola", null, null, null, true)));
    }

    // ---- declarations ----

    @Test
    void staffSignForThemselvesAndItIsAudited() {
        long other = db.person("Pat Other", (LocalDate) null);
        long me = staff.personId();
        db.clock.advance(Duration.ofDays(400)); // Stan's declaration from the set-up has expired
        assertEquals(State.EXPIRED, people.declaration(staff, me).state());
        people.signDeclaration(staff, true);
        DeclarationState st = people.declaration(staff, me);
        assertEquals(State.CURRENT, st.state());
        assertEquals(people.today(), st.signedOn());
        Declaration latest = people.declarations(staff, me).get(0);
        assertEquals(Declaration.Method.IN_APP, latest.method());
        assertEquals("stan", latest.recordedBy());
        assertEquals(db.clock.instant(), latest.signedAt());
        assertEquals(0, declarations(other), "signing touches nobody else");
        List<String> events = audit("DECLARATION_SIGNED", me);
        assertEquals("stan | Stan Tester signed the annual declaration in the app", events.get(events.size() - 1));
    }

    @Test
    void signingNeedsTheTick() {
        long me = staff.personId();
        int before = declarations(me);
        Refused r = assertThrows(Refused.class, () -> people.signDeclaration(staff, false));
        assertEquals("Tick the box to confirm you have read and understood the policy and will comply with it.", r.messageFor("confirm"));
        assertEquals(before, declarations(me));
    }

    @Test
    void anAccountWithoutAPersonHasNothingToSign() {
        Session unlinked = new Session(99, "ghost", null, "Ghost", java.util.EnumSet.of(Role.STAFF));
        Refused r = assertThrows(Refused.class, () -> people.signDeclaration(unlinked, true));
        assertTrue(r.getMessage().startsWith("Your account is not linked to a person"), r.getMessage());
    }

    @Test
    void someoneWhoHasLeftCannotSign() {
        people.markLeft(helpdesk, staff.personId(), LocalDate.of(2026, 3, 2));
        int before = declarations(staff.personId());
        Refused r = assertThrows(Refused.class, () -> people.signDeclaration(staff, true));
        assertEquals("You are recorded as having left on 2 March 2026, so there is no declaration to sign. If that is wrong, call the help desk.", r.getMessage());
        assertEquals(before, declarations(staff.personId()));
    }

    @Test
    void staffCannotRecordAPaperDeclarationForAnyoneElseNorThemselves() {
        long other = db.person("Quin Paper", (LocalDate) null);
        assertThrows(AccessDenied.class, () -> people.recordPaperDeclaration(staff, other, LocalDate.of(2026, 3, 1)));
        assertThrows(AccessDenied.class, () -> people.recordPaperDeclaration(staff, staff.personId(), LocalDate.of(2026, 3, 1)));
        assertEquals(0, declarations(other));
        assertEquals(State.MISSING, people.declaration(helpdesk, other).state());
    }

    @Test
    void helpdeskRecordsAPaperDeclarationWithItsDateAndItIsAudited() {
        long id = db.person("Rae Paper", (LocalDate) null);
        people.recordPaperDeclaration(helpdesk, id, LocalDate.of(2026, 2, 20));
        DeclarationState st = people.declaration(helpdesk, id);
        assertEquals(State.CURRENT, st.state());
        assertEquals(LocalDate.of(2026, 2, 20), st.signedOn());
        assertEquals(LocalDate.of(2027, 2, 19), st.lastCurrentDay());
        Declaration d = people.declarations(helpdesk, id).get(0);
        assertEquals(Declaration.Method.PAPER, d.method());
        assertEquals("hana", d.recordedBy());
        assertEquals(List.of("hana | Paper declaration signed by Rae Paper on 2026-02-20"), audit("DECLARATION_RECORDED", id));
    }

    @Test
    void aPaperDeclarationDatedInTheFutureIsRefused() {
        long id = db.person("Sid Soon", (LocalDate) null);
        Refused r = assertThrows(Refused.class, () -> people.recordPaperDeclaration(helpdesk, id, LocalDate.of(2026, 3, 5)));
        assertEquals("The date signed, 5 March 2026, is in the future. Enter the date written on the paper form.", r.messageFor("signed-on"));
        Refused none = assertThrows(Refused.class, () -> people.recordPaperDeclaration(helpdesk, id, null));
        assertEquals("The date on the paper declaration is required.", none.messageFor("signed-on"));
        assertEquals(0, declarations(id));
        assertTrue(audit("DECLARATION_RECORDED", id).isEmpty());
        assertDoesNotThrow(() -> people.recordPaperDeclaration(helpdesk, id, LocalDate.of(2026, 3, 4)), "today is fine");
    }

    @Test
    void anOlderPaperFormDoesNotShortenACurrentDeclaration() {
        long id = db.person("Tia Twice", LocalDate.of(2026, 2, 1));
        people.recordPaperDeclaration(helpdesk, id, LocalDate.of(2025, 1, 10));
        assertEquals(LocalDate.of(2026, 2, 1), people.declaration(helpdesk, id).signedOn());
        assertEquals(2, people.declarations(helpdesk, id).size());
        assertEquals(LocalDate.of(2026, 2, 1), people.declarations(helpdesk, id).get(0).signedOn(), "newest first");
    }

    // ---- requireCurrentDeclaration, for devices and pools ----

    private Refused require(long personId) {
        return assertThrows(Refused.class, () -> db.db.useTransaction(h -> people.requireCurrentDeclaration(h, personId, "person")));
    }

    @Test
    void requireCurrentDeclarationRefusesMissingExpiredAndLeft() {
        long never = db.person("Una Unsigned", (LocalDate) null);
        long expired = db.person("Vic Lapsed", LocalDate.of(2025, 3, 3));
        long left = db.person("Wyn Went", true);
        people.markLeft(helpdesk, left, LocalDate.of(2026, 3, 1));

        assertEquals("Una Unsigned has not signed the annual IT policy declaration. They must sign it in Device Desk (My page) or on paper,"
                + " recorded by the helpdesk, first.", require(never).messageFor("person"));
        assertEquals("Vic Lapsed's annual IT policy declaration expired on 2 March 2026. They must sign it in Device Desk (My page) or on paper,"
                + " recorded by the helpdesk, first.", require(expired).messageFor("person"));
        assertEquals("Wyn Went left on 1 March 2026 and cannot be given a device.", require(left).messageFor("person"));
    }

    @Test
    void requireCurrentDeclarationAcceptsCurrentAndExpiring() {
        long current = db.person("Xan Current", LocalDate.of(2026, 1, 1));
        long expiring = db.person("Yas Expiring", LocalDate.of(2025, 3, 20));
        long lastDay = db.person("Zed Lastday", LocalDate.of(2025, 3, 5)); // its last current day is today
        assertEquals(State.EXPIRING, people.declaration(helpdesk, expiring).state());
        assertEquals(State.EXPIRING, people.declaration(helpdesk, lastDay).state());
        for (long id : new long[] {current, expiring, lastDay}) {
            assertDoesNotThrow(() -> db.db.useTransaction(h -> people.requireCurrentDeclaration(h, id, "person")));
        }
        db.clock.advance(Duration.ofDays(1));
        assertEquals("Zed Lastday's annual IT policy declaration expired on 4 March 2026. They must sign it in Device Desk (My page) or on paper,"
                + " recorded by the helpdesk, first.", require(lastDay).messageFor("person"), "the next day it is refused");
    }

    // ---- the list ----

    private List<String> names(PeopleService.Query q) {
        return people.list(helpdesk, q).stream().map(r -> r.person().fullName()).toList();
    }

    @Test
    void listFiltersByDeclarationState() {
        db.person("Amy Current", LocalDate.of(2026, 1, 10));
        db.person("Bob Expiring", LocalDate.of(2025, 3, 20));
        db.person("Cyd Expired", LocalDate.of(2024, 12, 1));
        db.person("Dee Missing", (LocalDate) null);
        PeopleService.Query q = new PeopleService.Query(null, null, null, State.CURRENT, false);
        assertTrue(names(q).contains("Amy Current"));
        assertFalse(names(q).contains("Bob Expiring"));
        assertEquals(List.of("Bob Expiring"), names(new PeopleService.Query(null, null, null, State.EXPIRING, false)));
        assertEquals(List.of("Cyd Expired", "Dee Missing"), names(new PeopleService.Query(null, null, null, State.MISSING, false)),
                "missing includes expired: neither may be issued a device");
        assertEquals(List.of("Cyd Expired"), names(new PeopleService.Query(null, null, null, State.EXPIRED, false)));
    }

    @Test
    void listSearchesTextAndFiltersCategoryAndTeam() {
        people.create(helpdesk, new PersonDraft("Greta Garden", "greta@estates.example", "ES1", Category.CONTRACTOR, "Estates", null));
        people.create(helpdesk, new PersonDraft("Harry Hall", "harry@opcc.example", "OP55", Category.EMPLOYEE, "Estates", null));
        people.create(helpdesk, new PersonDraft("Iris Ink", null, null, Category.CONTRACTOR, "Communications", null));
        assertEquals(List.of("Greta Garden"), names(new PeopleService.Query("GARDEN", null, null, null, false)), "name, any case");
        assertEquals(List.of("Harry Hall"), names(new PeopleService.Query("op55", null, null, null, false)), "staff number");
        assertEquals(List.of("Greta Garden"), names(new PeopleService.Query("estates.example", null, null, null, false)), "email");
        assertEquals(List.of("Greta Garden", "Iris Ink"), names(new PeopleService.Query(null, Category.CONTRACTOR, null, null, false)));
        assertEquals(List.of("Greta Garden", "Harry Hall"), names(new PeopleService.Query(null, null, "Estates", null, false)));
        assertEquals(List.of("Greta Garden"), names(new PeopleService.Query(null, Category.CONTRACTOR, "Estates", null, false)));
        assertTrue(people.teams(helpdesk).containsAll(List.of("Communications", "Estates")));
    }

    @Test
    void csvExportNeutralisesFormulaCells() {
        people.create(helpdesk, new PersonDraft("=HYPERLINK(\"x\")", null, null, Category.EMPLOYEE, "@Team", null));
        StringWriter out = new StringWriter();
        PeopleCsv.write(out, people.list(helpdesk, new PeopleService.Query("hyperlink", null, null, null, false)));
        String[] lines = out.toString().split("\r\n");
        assertEquals(String.join(",", PeopleCsv.HEADER), lines[0]);
        assertTrue(lines[1].startsWith("\"'=HYPERLINK(\"\"x\"\")\",,,Employee,'@Team,,Active,,Missing,,"), lines[1]);
    }
}
