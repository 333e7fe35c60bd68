package org.devicedesk.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.testing.HeldTasks;
import org.devicedesk.testing.TestDb;
import org.devicedesk.ui.Tasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The people list's view model without a window, on the real services. */
class PeopleModelTest {
    TestDb db;
    Session helpdesk;

    @BeforeEach
    void open() {
        db = TestDb.create();
        helpdesk = db.session("sam", Role.HELPDESK);
    }

    @AfterEach
    void close() {
        db.close();
    }

    List<String> names(PeopleModel m) {
        return m.foundProperty().get().stream().map(r -> r.person().fullName()).sorted().toList();
    }

    @Test
    void theSearchAndFiltersNarrowTheListAndTheCountSaysHowMany() {
        db.person("Ann Current", true);
        db.person("Ben Never", (LocalDate) null);
        long left = db.person("Cal Leaver", true);
        db.services.people.markLeft(Session.system(), left, LocalDate.parse("2026-03-01"));
        PeopleModel m = new PeopleModel(helpdesk, db.services.people, Tasks.direct());
        m.reload();
        assertEquals(List.of("Ann Current", "Ben Never", "Sam Tester"), names(m), "people who have left are not shown unless asked for");
        assertEquals("3 people", m.count.get());

        m.includeLeft.set(true);
        m.reload();
        assertTrue(names(m).contains("Cal Leaver"));

        m.includeLeft.set(false);
        m.declaration.set(DeclarationState.State.MISSING);
        m.reload();
        assertEquals(List.of("Ben Never"), names(m));
        assertEquals("1 person", m.count.get());

        m.declaration.set(null);
        m.search.set("ann");
        m.reload();
        assertEquals(List.of("Ann Current"), names(m));
    }

    @Test
    void aTeamThatIsNoLongerThereIsNoLongerChosen() {
        db.person("Ann Current", true);
        PeopleModel m = new PeopleModel(helpdesk, db.services.people, Tasks.direct());
        m.loadTeams();
        assertTrue(m.teams.size() >= 1, m.teams.toString());
        m.team.set(m.teams.get(0));
        m.loadTeams();
        assertEquals(m.teams.get(0), m.team.get(), "a team still there stays chosen");
        m.team.set("Gone Team");
        m.loadTeams();
        assertNull(m.team.get());
    }

    @Test
    void anOlderSearchThatFinishesLateNeverReplacesTheNewerOne() {
        db.person("Ann Current", true);
        db.person("Ben Never", (LocalDate) null);
        HeldTasks deferred = new HeldTasks();
        PeopleModel m = new PeopleModel(helpdesk, db.services.people, deferred);
        m.search.set("Ann");
        m.reload();
        m.search.set("Ben");
        m.reload();
        deferred.finish(1);
        deferred.finish(0);
        assertEquals(List.of("Ben Never"), names(m));
    }

    @Test
    void theLineManagerChoiceIsEveryoneWhateverTheFilters() {
        db.person("Ann Current", true);
        long left = db.person("Cal Leaver", true);
        db.services.people.markLeft(Session.system(), left, LocalDate.parse("2026-03-01"));
        PeopleModel m = new PeopleModel(helpdesk, db.services.people, Tasks.direct());
        m.search.set("nobody matches this");
        m.reload();
        List<Person> everyone = new ArrayList<>();
        m.withEveryone(everyone::addAll);
        assertEquals(List.of("Ann Current", "Cal Leaver", "Sam Tester"), everyone.stream().map(Person::fullName).sorted().toList());
    }
}
