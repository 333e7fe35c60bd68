package org.devicedesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.devicedesk.core.Database;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    @Test
    void noArgumentsUseTheDefaultFileWithoutDemoOrClock() {
        LaunchOptions o = LaunchOptions.parse(List.of());
        assertEquals(Database.defaultFile(), o.db());
        assertTrue(o.usesDefaultFile());
        assertFalse(o.demo());
        assertNull(o.now());
        assertNull(o.dbUrl());
    }

    @Test
    void dbDemoAndNowAreRead() {
        LaunchOptions o = LaunchOptions.parse(List.of("--db", "/tmp/x/office.db", "--demo", "--now", "2026-03-02T09:00:00Z"));
        assertEquals(Path.of("/tmp/x/office.db"), o.db());
        assertFalse(o.usesDefaultFile());
        assertTrue(o.demo());
        assertEquals("normal", o.demoSize());
        assertEquals(Instant.parse("2026-03-02T09:00:00Z"), o.now());
    }

    @Test
    void aLargeDemoImpliesDemo() {
        LaunchOptions o = LaunchOptions.parse(List.of("--demo-size", "large"));
        assertTrue(o.demo());
        assertEquals("large", o.demoSize());
        var bad = assertThrows(LaunchOptions.BadArguments.class, () -> LaunchOptions.parse(List.of("--demo-size", "huge")));
        assertTrue(bad.getMessage().startsWith("--demo-size is normal or large, not huge."), bad.getMessage());
    }

    @Test
    void postgresArgumentsAreRead() {
        LaunchOptions o = LaunchOptions.parse(List.of("--db-url", "jdbc:postgresql://server/dd", "--db-user", "dd", "--db-password", "secret"));
        assertEquals("jdbc:postgresql://server/dd", o.dbUrl());
        assertEquals("dd", o.dbUser());
        assertEquals("secret", o.dbPassword());
        assertNull(o.db());
        assertFalse(o.usesDefaultFile());
    }

    @Test
    void mistakesAreExplainedWithTheUsage() {
        var unknown = assertThrows(LaunchOptions.BadArguments.class, () -> LaunchOptions.parse(List.of("--dmeo")));
        assertTrue(unknown.getMessage().startsWith("Unknown argument: --dmeo"));
        assertTrue(unknown.getMessage().contains("Usage: devicedesk"), "the usage follows");

        var missing = assertThrows(LaunchOptions.BadArguments.class, () -> LaunchOptions.parse(List.of("--db")));
        assertTrue(missing.getMessage().startsWith("--db needs a value."));
        var flagAsValue = assertThrows(LaunchOptions.BadArguments.class, () -> LaunchOptions.parse(List.of("--db", "--demo")));
        assertTrue(flagAsValue.getMessage().startsWith("--db needs a value."));

        var badNow = assertThrows(LaunchOptions.BadArguments.class, () -> LaunchOptions.parse(List.of("--now", "2026-03-02")));
        assertTrue(badNow.getMessage().startsWith("--now needs an ISO instant such as 2026-03-02T09:00:00Z, not 2026-03-02."));

        var both = assertThrows(LaunchOptions.BadArguments.class, () -> LaunchOptions.parse(List.of("--db", "a.db", "--db-url", "jdbc:postgresql://x/y")));
        assertTrue(both.getMessage().startsWith("Give either --db or --db-url, not both."));
    }
}
