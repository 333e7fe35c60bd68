package org.devicedesk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.devicedesk.core.DatabaseProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up work Main begins before JavaFX starts: what the first screen needs, or the problem to explain. */
class StartupTest {
    @TempDir Path dir;

    private static Startup.Ready ready(Startup s) throws Exception {
        return s.ready.get(5, TimeUnit.MINUTES); // a guard against hanging, not a timing assertion
    }

    @Test
    void aNewDatabaseIsCreatedOnlyWhenThePersonSaysSoThenMigratedAndAsksForTheFirstAdministrator() throws Exception {
        Path f = dir.resolve("new.db");
        Startup s = Startup.begin(List.of("--db", f.toString()));
        Startup.Ready asked = ready(s);
        assertTrue(asked.needsNewDatabase(), "the window asks first");
        assertEquals(f.toAbsolutePath(), asked.newFile, "the question names the file it will create");
        assertNull(asked.services);
        assertFalse(Files.exists(f), "nothing created before the person says so");
        try (var left = Files.list(dir)) {
            assertEquals(List.of(), left.toList(), "no log, no backups folder, no database beside it");
        }
        Startup.Ready r = s.createNew().get(5, TimeUnit.MINUTES);
        try {
            assertFalse(r.needsNewDatabase());
            assertTrue(r.firstRun, "no account yet: first-run set-up");
            assertNull(r.services.demoMessage);
            assertTrue(r.services.accounts.needsFirstAdministrator());
            assertNotNull(r.services.settings.values().organisationName());
            assertTrue(Files.exists(f));
            assertEquals(Startup.appFolder().toString(), System.getProperty("devicedesk.logdir"), "logs in the user's own app folder");
        } finally {
            r.services.db.close();
        }
    }

    @Test
    void aDemoDatabaseHasAccountsSoSignInIsShown() throws Exception {
        Path f = dir.resolve("demo.db");
        Startup.Ready r = ready(Startup.begin(List.of("--db", f.toString(), "--demo")));
        try {
            assertFalse(r.firstRun);
            assertNotNull(r.services.demoMessage, "the one-time message with the demo password");
            assertTrue(r.services.demoMessage.contains("admin"));
        } finally {
            r.services.db.close();
        }
    }

    @Test
    void aFileThatIsNotADatabaseEndsInItsProblemAndIsLeftAsItWas() throws Exception {
        Path f = dir.resolve("notes.db");
        byte[] text = "not a database\n".getBytes(StandardCharsets.UTF_8);
        Files.write(f, text);
        Startup s = Startup.begin(List.of("--db", f.toString()));
        ExecutionException e = assertThrows(ExecutionException.class, () -> s.ready.get(5, TimeUnit.MINUTES));
        DatabaseProblem p = assertInstanceOf(DatabaseProblem.class, e.getCause());
        assertEquals(DatabaseProblem.Kind.NOT_A_DATABASE, p.kind());
        assertEquals(f.toAbsolutePath().toString(), p.location());
        assertArrayEquals(text, Files.readAllBytes(f));
    }

    @Test
    void aMistypedFolderGetsTheMissingFolderProblemAndLeavesNoTrace() throws Exception {
        Path mistyped = dir.resolve("Ofice-data");
        Path f = mistyped.resolve("devicedesk.db");
        Startup s = Startup.begin(List.of("--db", f.toString()));
        ExecutionException e = assertThrows(ExecutionException.class, () -> s.ready.get(5, TimeUnit.MINUTES));
        DatabaseProblem p = assertInstanceOf(DatabaseProblem.class, e.getCause());
        assertEquals(DatabaseProblem.Kind.MISSING_FOLDER, p.kind());
        assertFalse(Files.exists(mistyped), "the folder was not created (not by the log, not by the database)");
        assertEquals(Startup.appFolder().toString(), System.getProperty("devicedesk.logdir"));
    }

    @Test
    void wrongArgumentsGiveNoOptionsAndOpenNothing() {
        Startup s = Startup.begin(List.of("--no-such-option"));
        assertNull(s.options, "DeviceDesk shows the usage dialog");
        assertTrue(s.ready.isCompletedExceptionally());
    }

    @Test
    void mainAndTheApplicationShareOneStartup() throws Exception {
        List<String> args = List.of("--db", dir.resolve("once.db").toString());
        Startup first = Startup.begin(args);
        try {
            assertSame(first, Startup.begin(List.copyOf(args)), "DeviceDesk.init() gets the one Main began");
        } finally {
            if (ready(first).services != null) ready(first).services.db.close();
        }
    }
}
