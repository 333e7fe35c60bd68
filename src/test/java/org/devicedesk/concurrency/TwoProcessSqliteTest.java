package org.devicedesk.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.devicedesk.core.Audit;
import org.devicedesk.core.Database;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.junit.jupiter.api.Test;

/**
 * Two OS processes saving into one SQLite file at the same time (issue 13): no error reaches the caller
 * and no save that committed is reported failed. Each process is a second JVM on the test class path
 * ({@link SqliteWriterMain}); both start their saves when told GO, after both said READY.
 * 50 saves each in the normal suite; 1000 each with -Ddevicedesk.concurrency.full=true.
 */
class TwoProcessSqliteTest {
    @Test
    void twoProcessesSavingIntoOneFileLoseNothingAndReportEveryCommitAsCommitted() throws Exception {
        int perProcess = Office.FULL ? 1000 : 50;
        Path dir = Files.createTempDirectory("devicedesk-two-processes");
        Path file = dir.resolve("office.db");
        Session staff;
        try (Office setup = new Office(() -> Database.openSqlite(file), 1)) {
            staff = setup.person("sam", Role.STAFF);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> processes = new ArrayList<>();
        List<CompletableFuture<List<String>>> outputs = new ArrayList<>();
        List<BufferedReader> readers = new ArrayList<>();
        for (String label : List.of("A", "B")) {
            Process p = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                    SqliteWriterMain.class.getName(), file.toString(), Long.toString(staff.accountId()), Long.toString(staff.personId()),
                    Integer.toString(perProcess), "process " + label)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            processes.add(p);
            readers.add(new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)));
        }
        // both open the file and say READY before either starts: then GO to both
        for (BufferedReader r : readers) {
            String line;
            while ((line = r.readLine()) != null && !line.equals("READY")) { /* start-up output */ }
            assertEquals("READY", line, "the writer process started");
        }
        for (Process p : processes) {
            Writer w = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8);
            w.write("GO\n");
            w.flush();
        }
        for (BufferedReader r : readers) {
            outputs.add(CompletableFuture.supplyAsync(() -> r.lines().toList()));
        }
        for (Process p : processes) {
            assertTrue(p.waitFor(30, TimeUnit.MINUTES), "writer process finished");
            assertEquals(0, p.exitValue(), "writer process exit code");
        }
        List<String> failed = new ArrayList<>();
        int ok = 0, errors = 0;
        long retries = 0;
        for (var out : outputs) {
            for (String line : out.get()) {
                if (line.startsWith("FAILED ")) failed.add(line.substring(7, line.indexOf('\t')));
                if (line.startsWith("RESULT ")) {
                    String[] parts = line.split("[ =]");
                    ok += Integer.parseInt(parts[2]);
                    errors += Integer.parseInt(parts[4]);
                    retries += Long.parseLong(parts[6]);
                }
            }
        }
        try (Database db = Database.openSqlite(file)) {
            int committedReportedFailed = 0;
            for (String marker : failed) {
                committedReportedFailed += db.read(h -> h.createQuery("SELECT count(*) FROM incident WHERE what_happened = :m")
                        .bind("m", marker).mapTo(Integer.class).one());
            }
            int stored = db.read(h -> h.createQuery("SELECT count(*) FROM incident").mapTo(Integer.class).one());
            int distinct = db.read(h -> h.createQuery("SELECT count(DISTINCT reference) FROM incident").mapTo(Integer.class).one());
            Audit.Verification v = db.read(h -> Audit.verify(h, null));
            System.out.printf("[issue 13] two processes x %d SQLite saves: %d reported saved, %d errors reached the caller, "
                    + "%d committed saves reported failed, %d incidents stored, %d distinct references, "
                    + "%d starts retried after the busy timeout, %s%n",
                    perProcess, ok, errors, committedReportedFailed, stored, distinct, retries, v.explanation());
            assertEquals(0, errors, "errors reaching the caller: " + failed);
            assertEquals(0, committedReportedFailed, "committed saves reported as failed");
            assertEquals(2 * perProcess, ok);
            assertEquals(ok, stored, "every save reported saved is stored, and only those");
            assertEquals(stored, distinct, "no duplicate references");
            assertTrue(v.intact(), v.explanation());
        }
    }
}
