package org.devicedesk.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.devicedesk.core.Session;
import org.devicedesk.people.Category;
import org.devicedesk.people.DeclarationState.State;
import org.devicedesk.people.PeopleService;
import org.devicedesk.testing.TestDb;
import org.junit.jupiter.api.Test;

/** The demo's people: about 60, every category, the eight teams, line managers, leavers and a mix of declarations. */
class DemoPeopleTest {

    @Test
    void aBelievableMix() {
        try (TestDb db = TestDb.create()) {
            DemoPeople.Result result = DemoPeople.fill(db.services, Session.system(), new Random(20261122L));
            List<PeopleService.Row> rows = db.services.people.list(Session.system(), new PeopleService.Query(null, null, null, null, true));
            assertTrue(rows.size() >= 55 && rows.size() <= 65, rows.size() + " people");
            assertEquals(EnumSet.allOf(Category.class), rows.stream().map(r -> r.person().category()).collect(Collectors.toCollection(() -> EnumSet.noneOf(Category.class))));
            Set<String> teams = rows.stream().map(r -> r.person().team()).collect(Collectors.toSet());
            assertTrue(teams.containsAll(List.of("Policy", "Business Services", "IT&D", "Information Security", "Communications", "Commissioning", "Estates", "Board")), teams.toString());
            assertTrue(rows.stream().filter(r -> r.person().lineManagerId() != null).count() > 45, "most people have a line manager");
            long left = rows.stream().filter(r -> !r.person().active()).count();
            assertTrue(left >= 3 && left <= 6, left + " have left");
            Map<State, Long> states = rows.stream().filter(r -> r.person().active())
                    .collect(Collectors.groupingBy(r -> r.declaration().state(), Collectors.counting()));
            assertTrue(states.get(State.CURRENT) >= 30, states.toString());
            assertTrue(states.get(State.EXPIRING) >= 6, states.toString());
            assertTrue(states.get(State.EXPIRED) >= 5, states.toString());
            assertTrue(states.get(State.MISSING) >= 5, states.toString());
            assertEquals(State.CURRENT, db.services.people.declaration(Session.system(), result.helpdesk()).state());
            assertEquals(State.EXPIRING, db.services.people.declaration(Session.system(), result.staff()).state(), "My page has something to do");
            for (long id : result.declared()) assertTrue(db.services.people.declaration(Session.system(), id).state() == State.CURRENT);
        }
    }
}
