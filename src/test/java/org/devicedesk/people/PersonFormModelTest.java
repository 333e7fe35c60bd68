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
import org.devicedesk.testing.TestDb;
import org.devicedesk.ui.Tasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The person form's view model without a window, on the real services. */
class PersonFormModelTest {
    TestDb db;
    Session helpdesk;
    PeopleService people;
    final List<Long> saved = new ArrayList<>();

    @BeforeEach
    void open() {
        db = TestDb.create();
        helpdesk = db.session("sam", Role.HELPDESK);
        people = db.services.people;
    }

    @AfterEach
    void close() {
        db.close();
    }

    PersonFormModel model() {
        return new PersonFormModel(people, helpdesk, Tasks.direct(), saved::add);
    }

    List<Person> everyone() {
        return people.list(helpdesk, new PeopleService.Query(null, null, null, null, true)).stream().map(PeopleService.Row::person).toList();
    }

    @Test
    void aNewPersonStartsAsAnEmployeeWithNoManagerAndIsSaved() {
        PersonFormModel m = model();
        m.open(null, everyone(), List.of("Policy"));
        assertEquals("New person", m.title.get());
        assertEquals(Category.EMPLOYEE, m.category.get());
        assertSame(PersonFormModel.NO_MANAGER, m.lineManager.get());
        assertEquals(List.of("Policy"), m.teams);
        m.fullName.set("Nia New");
        m.team.set("Policy");
        m.save();
        assertEquals(1, saved.size());
        Person p = people.get(helpdesk, saved.get(0));
        assertEquals("Nia New", p.fullName());
        assertEquals("Policy", p.team());
        assertNull(p.lineManagerId());
    }

    @Test
    void aRefusalNamesTheFieldAndSavesNothing() {
        PersonFormModel m = model();
        m.open(null, everyone(), List.of());
        m.save();
        assertTrue(m.outcome.get().isFailure());
        assertTrue(m.outcome.get().text().toLowerCase().contains("name"), m.outcome.get().text());
        assertTrue(saved.isEmpty());
        assertFalse(m.saving.get());
    }

    @Test
    void theManagersOfferedAreThePeopleStillHereButNeverThePersonThemselves() {
        long boss = db.person("Bea Boss", true);
        long gone = db.person("Gil Gone", true);
        long worker = db.person("Wyn Worker", true);
        Person w = people.get(helpdesk, worker);
        people.update(helpdesk, worker, w.version(), new PersonDraft(w.fullName(), null, w.staffNumber(), w.category(), w.team(), gone));
        people.markLeft(Session.system(), gone, LocalDate.parse("2026-03-01"));
        PersonFormModel m = model();
        m.open(people.get(helpdesk, worker), everyone(), List.of());
        List<Long> ids = m.managers.stream().map(Person::id).toList();
        assertTrue(ids.contains(boss));
        assertTrue(ids.contains(gone), "the current manager stays on the list after leaving");
        assertFalse(ids.contains(worker), "nobody manages themselves");
        assertEquals(gone, m.lineManager.get().id());

        PersonFormModel forNew = model();
        forNew.open(null, everyone(), List.of());
        assertFalse(forNew.managers.stream().anyMatch(p -> p.id() == gone), "a new person cannot be given a manager who has left");
    }

    @Test
    void aStaleSaveOffersTheReloadWhichKeepsMyChangeAndShowsTheirs() {
        long id = db.person("Rhi Record", true);
        PersonFormModel m = model();
        m.open(people.get(helpdesk, id), everyone(), List.of());
        Person stored = people.get(helpdesk, id);
        people.update(helpdesk, id, stored.version(), new PersonDraft(stored.fullName(), "rhi@opcc.example", stored.staffNumber(),
                stored.category(), stored.team(), null));
        m.staffNumber.set("S-123");
        m.save();
        assertTrue(m.outcome.get().isFailure());
        assertTrue(m.reloadOffered.get());
        assertTrue(saved.isEmpty());

        m.reload();
        assertFalse(m.reloadOffered.get());
        assertEquals("S-123", m.staffNumber.get());
        assertEquals("rhi@opcc.example", m.email.get());
        m.save();
        assertEquals(List.of(id), saved);
        Person now = people.get(helpdesk, id);
        assertEquals("S-123", now.staffNumber());
        assertEquals("rhi@opcc.example", now.email());
    }

    /** Issue 17 (ADR 0014): what counts as unsaved, for Cancel, Esc, another row, navigating away and signing out. */
    @Test
    void unsavedChangesAreWhatDiffersFromTheRecordAsOpened() {
        PersonFormModel m = model();
        m.open(null, everyone(), List.of("Policy"));
        assertNull(m.unsavedChanges(), "an empty new form holds nothing");
        m.fullName.set("Zoe Brown");
        assertEquals("the new person", m.unsavedChanges());
        m.fullName.set("");
        assertNull(m.unsavedChanges(), "typed and taken back");

        Person ann = people.get(helpdesk, people.create(helpdesk, new PersonDraft("Ann Able", "ann@opcc.example", null, Category.EMPLOYEE, "Policy", null)));
        m.open(ann, everyone(), List.of("Policy"));
        assertNull(m.unsavedChanges(), "a record just opened holds nothing unsaved");
        m.team.set("Estates");
        assertEquals("your changes to Ann Able", m.unsavedChanges());
        m.category.set(Category.TEMPORARY);
        m.team.set("Policy");
        assertEquals("your changes to Ann Able", m.unsavedChanges(), "a choice counts as much as typing");
    }
}
