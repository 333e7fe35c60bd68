package org.devicedesk.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.devicedesk.Services;
import org.devicedesk.core.Database;
import org.devicedesk.core.Session;
import org.devicedesk.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The outbox on PostgreSQL: four senders, each with its own connections (as four service processes would
 * have), claim with FOR UPDATE SKIP LOCKED; every message reaches the SMTP server once. Runs when
 * DEVICEDESK_TEST_PG_URL names a database it may wipe (.ci/run sets one up).
 */
@EnabledIfEnvironmentVariable(named = "DEVICEDESK_TEST_PG_URL", matches = ".+")
class OutboxPostgresTest {
    private static final String URL = System.getenv("DEVICEDESK_TEST_PG_URL");
    private static final String USER = System.getenv().getOrDefault("DEVICEDESK_TEST_PG_USER", "devicedesk");
    private static final String PASSWORD = System.getenv().getOrDefault("DEVICEDESK_TEST_PG_PASSWORD", "devicedesk");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-04T10:00:00Z"));
    private final List<Database> databases = new ArrayList<>();
    private GreenMail smtp;
    private int port;

    @BeforeEach
    void setUp() throws Exception {
        try (var c = DriverManager.getConnection(URL, USER, PASSWORD); var st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS public CASCADE");
            System.setProperty("devicedesk.anchorsDir", java.nio.file.Files.createTempDirectory("devicedesk-anchors").toString()); // a wiped schema starts a new trail: no anchor of an earlier test
            st.execute("CREATE SCHEMA public");
        }
        port = MailFixture.freePort();
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void tearDown() {
        databases.forEach(Database::close);
        smtp.stop();
    }

    private Database open() {
        Database db = Database.openPostgres(URL, USER, PASSWORD);
        databases.add(db);
        return db;
    }

    @Test
    void fourSendersAtOnceSendEachMessageOnce() throws Exception {
        Database first = open();
        Services services = new Services(first, clock);
        Session admin = services.accounts.createFirstAdministrator("Ada Admin", "ada", "a-long-enough-password", "a-long-enough-password");
        services.mail.save(admin, MailFixture.settings(port));
        int n = 120;
        MailFixture.enqueueTestMessages(first, clock, n);
        List<OutboxSender> senders = new ArrayList<>();
        for (int i = 0; i < 4; i++) senders.add(new OutboxSender(i == 0 ? first : open(), clock, "sender-" + i));
        assertEquals(n, MailFixture.sendAtOnce(senders, 180));
        MailFixture.assertEachReceivedOnce(smtp, n);
        assertEquals(List.of("SENT"), first.read(h -> h.createQuery("SELECT DISTINCT status FROM mail_outbox").mapTo(String.class).list()));
    }

    @Test
    void remindersAndADeadServerBehaveTheSameOnPostgres() {
        Database db = open();
        Services services = new Services(db, clock);
        Session admin = services.accounts.createFirstAdministrator("Ada Admin", "ada", "a-long-enough-password", "a-long-enough-password");
        services.mail.save(admin, MailFixture.settings(port));
        smtp.stop();
        db.useTransaction(h -> Outbox.enqueue(h, clock.instant(), MailKind.TEST, List.of(new Outbox.To("x@opcc.test", "x")),
                Map.of("at", "now", "actor", "a test"), null, null));
        OutboxSender sender = services.mail.sender("pg");
        assertEquals(1, sender.runOnce().retrying());
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        clock.advance(Duration.ofMinutes(1));
        assertEquals(1, sender.runOnce().sent());
        assertEquals(1, smtp.getReceivedMessages().length);
        // a reminder key is recorded once (ON CONFLICT DO NOTHING on PostgreSQL too)
        boolean firstTime = db.inTransaction(h -> OutboxRepository.recordReminder(h, "ICO_24H:breach_case:1", clock.instant()));
        boolean secondTime = db.inTransaction(h -> OutboxRepository.recordReminder(h, "ICO_24H:breach_case:1", clock.instant()));
        assertTrue(firstTime);
        assertEquals(false, secondTime);
    }
}
