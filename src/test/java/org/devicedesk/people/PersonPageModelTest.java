package org.devicedesk.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.testing.HeldTasks;
import org.devicedesk.testing.TestDb;
import org.devicedesk.ui.FormOutcome;
import org.devicedesk.ui.Tasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A person page's view model without a window, on the real services. */
class PersonPageModelTest {
    TestDb db;
    Session helpdesk;
    int changed;

    @BeforeEach
    void open() {
        db = TestDb.create();
        helpdesk = db.session("sam", Role.HELPDESK);
    }

    @AfterEach
    void close() {
        db.close();
    }

    PersonPageModel model(Session s, Tasks tasks) {
        return new PersonPageModel(db.services.people, s, db.services.accounts::displayName, tasks, () -> changed++);
    }

    @Test
    void theHelpDeskRecordsAPaperDeclarationAndTheHistoryNamesWhoRecordedIt() {
        long id = db.person("Nel Never", (LocalDate) null);
        PersonPageModel m = model(helpdesk, Tasks.direct());
        m.show(id);
        Person p = m.shownProperty().get().person();
        assertEquals(DeclarationState.State.MISSING, m.shownProperty().get().declaration().state());
        assertEquals("Never signed", PersonPage.shown(DeclarationState.State.MISSING), "the same words as the dashboard");
        assertTrue(m.offersPaper(p));
        assertFalse(m.offersSigning(p), "only the person signs their own");
        assertTrue(m.offersLeaving(p));

        m.recordPaper(LocalDate.parse("2026-03-03"));
        assertEquals(1, changed, "the list is told");
        assertFalse(m.busy.get());
        PersonPageModel.Shown s = m.shownProperty().get();
        assertEquals(DeclarationState.State.CURRENT, s.declaration().state());
        assertEquals(1, s.history().size());
        assertEquals("Sam Tester", s.recordedBy(s.history().get(0)), "by name, not the username sam");
    }

    @Test
    void aPaperDeclarationInTheFutureIsRefusedInTheDeclarationForm() {
        long id = db.person("Nel Never", (LocalDate) null);
        PersonPageModel m = model(helpdesk, Tasks.direct());
        m.show(id);
        m.recordPaper(LocalDate.parse("2027-01-01"));
        assertTrue(m.declarationOutcome.get().isFailure());
        assertFalse(m.busy.get(), "the button is usable again");
        assertEquals(0, changed);
        assertSame(FormOutcome.NONE, m.leavingOutcome.get(), "the refusal is the declaration form's, not the leaving form's");
    }

    @Test
    void staffSignTheirOwnDeclarationOnlyWhenTheyTickTheBox() {
        Session kim = db.session("kim", false, Role.STAFF);
        PersonPageModel m = model(kim, Tasks.direct());
        m.show(kim.personId());
        Person p = m.shownProperty().get().person();
        assertTrue(m.offersSigning(p));
        assertFalse(m.offersPaper(p));
        assertFalse(m.offersLeaving(p));
        m.sign(false);
        assertTrue(m.declarationOutcome.get().isFailure(), "unticked is refused");
        m.sign(true);
        assertEquals(DeclarationState.State.CURRENT, m.shownProperty().get().declaration().state());
        assertEquals("Kim Tester", m.shownProperty().get().recordedBy(m.shownProperty().get().history().get(0)));
    }

    @Test
    void markingSomeoneAsLeftTakesAwayTheLeavingAndDeclarationForms() {
        long id = db.person("Lee Leaving", true);
        PersonPageModel m = model(helpdesk, Tasks.direct());
        m.show(id);
        m.markLeft(LocalDate.parse("2026-03-04"));
        Person p = m.shownProperty().get().person();
        assertFalse(p.active());
        assertFalse(m.offersLeaving(p));
        assertFalse(m.offersPaper(p));
    }

    @Test
    void openingAnotherPersonWhileTheFirstIsLoadingShowsOnlyTheSecond() {
        long a = db.person("Ann First", true);
        long b = db.person("Ben Second", true);
        HeldTasks deferred = new HeldTasks();
        PersonPageModel m = model(helpdesk, deferred);
        m.show(a);
        m.show(b);
        deferred.finish(1);
        deferred.finish(0);
        assertEquals("Ben Second", m.shownProperty().get().person().fullName());
        assertEquals(b, m.personId());
    }

    @Test
    void aPersonWhoCannotBeLoadedSaysWhy() {
        PersonPageModel m = model(helpdesk, Tasks.direct());
        m.show(987654);
        assertTrue(m.loadFailureProperty().get() != null);
        assertNull(m.shownProperty().get());
    }

}
