package org.devicedesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.devicedesk.core.Database;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.mail.MailFixture;
import org.devicedesk.mail.MailSettings;
import org.devicedesk.testing.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The headless commands run as processes, as a script or a scheduled task would: exit codes and output, no JavaFX. */
class HeadlessTest {
    @TempDir Path dir;

    record Run(int exit, String out, String err) {}

    /** {@code java -cp <the test JVM's class path> org.devicedesk.Main args}, waited on (bounded generously). */
    static Process start(Path dir, Map<String, String> env, List<String> jvm, String... args) throws IOException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvm);
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("-cp");
        cmd.add(cp);
        cmd.add("org.devicedesk.Main");
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().putAll(env);
        pb.redirectOutput(dir.resolve("service-out.txt").toFile());
        pb.redirectError(dir.resolve("service-err.txt").toFile());
        return pb.start();
    }

    static Run run(Path dir, List<String> jvm, String... args) throws Exception {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvm);
        cmd.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-cp", cp, "org.devicedesk.Main"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the command finished");
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    static Run run(Path dir, String... args) throws Exception {
        return run(dir, List.of(), args);
    }

    @Test
    void helpPrintsTheUsageAndExitsZeroWithoutLoadingJavaFx() throws Exception {
        Run r = run(dir, List.of("-Xlog:class+load=info:file=" + dir.resolve("classes.txt")), "--help");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("devicedesk COMMAND [database options]"), r.out());
        assertTrue(r.out().contains("export-register --out FILE"));
        String loaded = Files.readString(dir.resolve("classes.txt"));
        assertTrue(loaded.contains("org.devicedesk.Main"), "the log lists the classes loaded");
        assertFalse(loaded.contains("javafx."), "no JavaFX class was loaded");
    }

    @Test
    void anUnknownArgumentPrintsTheUsageToStderrAndExitsTwo() throws Exception {
        Run r = run(dir, "--dmeo");
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("Unknown argument: --dmeo"), r.err());
        assertTrue(r.err().contains("Usage: devicedesk"), r.err());
        assertEquals("", r.out());

        Run badCommand = run(dir, "export-register", "--db", dir.resolve("x.db").toString());
        assertEquals(2, badCommand.exit());
        assertTrue(badCommand.err().startsWith("--out FILE is needed."), badCommand.err());
    }

    @Test
    void verifyAuditBackupExportAndImportServeScripts() throws Exception {
        Path db = dir.resolve("office.db");
        Run verify = run(dir, List.of("-Xlog:class+load=info:file=" + dir.resolve("classes.txt")), "verify-audit", "--db", db.toString());
        assertEquals(0, verify.exit(), verify.err());
        assertTrue(verify.out().startsWith("The audit trail is intact: "), verify.out());
        assertFalse(Files.readString(dir.resolve("classes.txt")).contains("javafx."), "a command opens the database without JavaFX");

        Path csv = dir.resolve("devices.csv");
        Files.writeString(csv, "asset_tag,kind,make_model,serial_number,imei,phone_number,encrypted,mode,status,team,notes\n"
                + "LT-9001,LAPTOP,Dell Latitude 5440,SN9001,,,yes,ISSUED,IN_STOCK,,\n"
                + "PH-9002,MOBILE_PHONE,Samsung Galaxy A55,,,,yes,ISSUED,IN_STOCK,,\n", StandardCharsets.UTF_8);
        Run imported = run(dir, "import", "devices", csv.toString(), "--db", db.toString());
        assertEquals(0, imported.exit(), imported.err());
        assertEquals("Imported 2 devices from " + csv + ".", imported.out().strip());

        Run again = run(dir, "import", "devices", csv.toString(), "--db", db.toString());
        assertEquals(1, again.exit(), "every row or none: the same tags again are refused");
        assertTrue(again.err().contains("Line 2") && again.err().contains("LT-9001"), again.err());

        Path register = dir.resolve("register.csv");
        Run export = run(dir, "export-register", "--out", register.toString(), "--db", db.toString());
        assertEquals(0, export.exit(), export.err());
        assertTrue(export.out().startsWith("Breach register written to " + register + ": 0 cases."), export.out());
        assertTrue(Files.readString(register).startsWith("Reference,Source,Title,Aware at"), Files.readString(register));

        Run backup = run(dir, "backup", "--db", db.toString());
        assertEquals(0, backup.exit(), backup.err());
        assertTrue(backup.out().startsWith("Backup made: "), backup.out());
        assertTrue(Files.exists(Path.of(backup.out().strip().substring("Backup made: ".length()))));

        // the audit trail of the commands above, then tampered with: verify-audit says where and exits 1
        try (Database d = Database.openSqlite(db)) {
            d.useTransaction(h -> {
                h.execute("DROP TRIGGER audit_event_no_update"); // a database tool can (V90 refuses the edit otherwise)
                h.execute("UPDATE audit_event SET summary = 'nothing happened' WHERE seq = 2");
            });
        }
        Run broken = run(dir, "verify-audit", "--db", db.toString());
        assertEquals(1, broken.exit());
        assertTrue(broken.out().startsWith("The audit trail is BROKEN at event 2"), broken.out());

        Run noDb = run(dir, "verify-audit", "--db", dir.resolve("no-such-folder/office.db").toString());
        assertEquals(3, noDb.exit());
        assertTrue(noDb.err().contains("The folder for the database does not exist."), noDb.err());
    }

    /**
     * Done when: a referral made in one client reaches the DPO's mailbox with no Device Desk window open — the
     * headless service runs as its own process on the SQLite file, another stack files the incident.
     */
    @Test
    void aReferralMadeInOneClientReachesTheDpoThroughTheHeadlessService() throws Exception {
        int port = MailFixture.freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.setUser("devicedesk@opcc.test", "devicedesk", "s3cret-from-the-environment");
        smtp.start();
        Process service = null;
        try (TestDb t = TestDb.create()) {
            Session admin = t.session("ada", Role.ADMIN);
            t.services.mail.save(admin, MailFixture.settings(port).withLogin("devicedesk", "DEVICEDESK_SMTP_PASSWORD", ""));

            service = start(dir, Map.of("DEVICEDESK_SMTP_PASSWORD", "s3cret-from-the-environment"), List.of(),
                    "service", "--db", t.db.file().toString(), "--poll-seconds", "1", "--now", TestDb.DEFAULT_NOW.toString());
            Session sam = MailFixture.person(t, "sam", "sam@opcc.test");
            var reported = t.services.incidents.report(sam, MailFixture.lost(MailFixture.phoneFor(t, sam.personId(), "PH-1")));

            assertTrue(smtp.waitForIncomingEmail(120_000, 3), "the service delivered the referral, the help desk's copy and the receipt");
            List<MimeMessage> dpo = new ArrayList<>();
            for (MimeMessage m : smtp.getReceivedMessages()) if (m.getAllRecipients()[0].toString().equals(MailFixture.DPO)) dpo.add(m);
            assertEquals(1, dpo.size());
            assertTrue(dpo.get(0).getSubject().startsWith("New breach referral BRE-2026-0001"), dpo.get(0).getSubject());
            assertTrue(String.valueOf(((jakarta.mail.internet.MimeMultipart) dpo.get(0).getContent()).getBodyPart(0).getContent())
                    .contains("from incident " + reported.reference()));
            assertTrue(service.isAlive(), "the service keeps running");
        } finally {
            if (service != null) {
                service.destroy(); // SIGTERM, as systemd stops it
                assertTrue(service.waitFor(60, TimeUnit.SECONDS));
                assertEquals(143, service.exitValue(), "stopped by SIGTERM (128 + 15)");
                String said = Files.readString(dir.resolve("service-out.txt"));
                assertTrue(said.startsWith("Device Desk service on "), said);
                assertTrue(said.contains("Mail sent: "), said);
                StringBuilder got = new StringBuilder();
                for (MimeMessage m : smtp.getReceivedMessages()) got.append(m.getAllRecipients()[0]).append(' ').append(m.getSubject()).append('\n');
                assertEquals(3, smtp.getReceivedMessages().length, "nothing sent twice: " + got + said + Files.readString(dir.resolve("service-err.txt")));
            }
            smtp.stop();
        }
    }
}
