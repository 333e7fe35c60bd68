package org.devicedesk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.Map;
import org.devicedesk.testing.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 17: people's names instead of usernames and "system", the same from Java and from SQL. */
class ActorsTest {
    TestDb t;

    @BeforeEach
    void setUp() {
        t = TestDb.create();
        t.session("ines", Role.INFOSEC);
    }

    @AfterEach
    void tearDown() {
        t.close();
    }

    @Test
    void aUsernameReadsAsThePersonsNameAndSystemAsDeviceDesk() {
        Map<String, String> names = t.db.read(h -> Actors.names(h, Arrays.asList("ines", "INES", "system", "gone", null)));
        assertEquals("Ines Tester", names.get("ines"));
        assertEquals("Ines Tester", names.get("INES"), "usernames are matched without regard to case, as at sign-in");
        assertEquals("Device Desk", names.get("system"));
        assertEquals("gone", names.get("gone"), "an account no longer there keeps its username");
        assertEquals(4, names.size());
    }

    @Test
    void theSqlExpressionGivesTheSameNames() {
        for (String u : new String[] {"ines", "system", "gone"}) {
            String viaSql = t.db.read(h -> h.createQuery("SELECT " + Actors.sql(":u")).bind("u", u).mapTo(String.class).one());
            assertEquals(t.db.read(h -> Actors.names(h, java.util.List.of(u))).get(u), viaSql, u);
        }
        assertNull(t.db.read(h -> h.createQuery("SELECT " + Actors.sql("NULL")).mapTo(String.class).one()));
    }
}
