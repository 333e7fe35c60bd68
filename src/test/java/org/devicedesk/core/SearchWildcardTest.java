package org.devicedesk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.devicedesk.breaches.BreachCase;
import org.devicedesk.incidents.Incident;
import org.devicedesk.incidents.IncidentService;
import org.devicedesk.people.PeopleService;
import org.devicedesk.testing.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** % and _ typed into a search are searched for literally, in every search that uses LIKE. */
class SearchWildcardTest {
    private TestDb t;
    private Session helpdesk;
    private Session dpo;

    @BeforeEach
    void open() {
        t = TestDb.create();
        helpdesk = t.session("helen", Role.HELPDESK, Role.ADMIN);
        dpo = t.session("dora", Role.DPO);
        long reporter = t.person("Rita Reporter", true);
        t.person("Percy 100% Sure", true);
        String at = Times.store(t.clock.instant());
        t.db.useTransaction(h -> {
            int k = 0;
            for (String what : List.of("Left on a train", "Phone 50% charged, then lost", "Lost near gate_7")) {
                k++;
                h.createUpdate("""
                        INSERT INTO incident (reference, type, reporter_id, reported_at, what_happened, status, urgent, recorded_by, created_at, updated_at)
                        VALUES (:ref, 'LOST', :reporter, :at, :what, 'REPORTED', 0, 'test', :at, :at)""")
                        .bind("ref", String.format("INC-2026-%04d", k)).bind("reporter", reporter).bind("at", at).bind("what", what).execute();
                h.createUpdate("""
                        INSERT INTO breach_case (reference, title, aware_at, status, created_by, created_at, updated_at)
                        VALUES (:ref, :title, :at, 'AWAITING_REVIEW', 'test', :at, :at)""")
                        .bind("ref", String.format("BRE-2026-%04d", k)).bind("title", what).bind("at", at).execute();
            }
        });
    }

    @AfterEach
    void close() {
        t.close();
    }

    private List<String> incidents(String text) {
        return t.services.incidents.list(helpdesk, new IncidentService.Query(text, null, null, null, IncidentService.Age.ANY))
                .stream().map(Incident::whatHappened).toList();
    }

    @Test
    void theIncidentSearchTakesPercentAndUnderscoreLiterally() {
        assertEquals(List.of("Phone 50% charged, then lost"), incidents("%"));
        assertEquals(List.of("Lost near gate_7"), incidents("_"));
        assertEquals(List.of("Lost near gate_7"), incidents("gate_"));
        assertEquals(List.of(), incidents("gate%7"));
        assertEquals(3, incidents("l").size(), "ordinary text still matches");
    }

    @Test
    void thePeopleSearchTakesThemLiterallyToo() {
        List<String> names = t.services.people.list(helpdesk, new PeopleService.Query("%", null, null, null, false))
                .stream().map(r -> r.person().fullName()).toList();
        assertEquals(List.of("Percy 100% Sure"), names);
        assertEquals(0, t.services.people.list(helpdesk, new PeopleService.Query("_", null, null, null, false)).size());
    }

    @Test
    void theBreachQueueSearchTakesThemLiterallyToo() {
        List<String> titles = t.services.breaches.queue(dpo, "%").stream().map(BreachCase::title).toList();
        assertEquals(List.of("Phone 50% charged, then lost"), titles);
        assertEquals(1, t.services.breaches.queue(dpo, "_").size());
    }
}
