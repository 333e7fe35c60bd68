package org.devicedesk.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.devices.Device;
import org.devicedesk.devices.DeviceDraft;
import org.devicedesk.incidents.Incident;
import org.devicedesk.people.Category;
import org.devicedesk.people.PersonDraft;
import org.devicedesk.testing.TestDb;

/** A real SMTP server (GreenMail on a free port of 127.0.0.1) and a test database whose mail settings point at it. */
public final class MailFixture implements AutoCloseable {
    public static final String DPO = "dpo@opcc.test";
    public static final String HELPDESK = "helpdesk@opcc.test";
    public static final String INFOSEC = "infosec@opcc.test";

    public final int port = freePort();
    public GreenMail smtp;
    public final TestDb t;
    public final Session admin;
    private int tags;

    public MailFixture(TestDb t) {
        this.t = t;
        this.admin = t.session("ada", Role.ADMIN);
        startSmtp();
        t.services.mail.save(admin, settings(port));
    }

    public static MailSettings settings(int port) {
        return MailSettings.defaults().withEnabled(true).withServer("127.0.0.1", port, MailSettings.Security.NONE)
                .withMailboxes("devicedesk@opcc.test", DPO, HELPDESK, INFOSEC);
    }

    public void startSmtp() {
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A person with an e-mail address, an account with the roles and a current declaration. */
    public Session person(String username, String email, Role... roles) {
        return person(t, username, email, roles);
    }

    public static Session person(TestDb t, String username, String email, Role... roles) {
        Session system = Session.system();
        String name = Character.toUpperCase(username.charAt(0)) + username.substring(1) + " Example";
        long personId = t.db.inTransaction(h -> t.services.people.createInTransaction(h, system,
                new PersonDraft(name, email, "S-" + username, Category.EMPLOYEE, "Finance", null)));
        t.services.people.recordPaperDeclaration(system, personId, t.services.people.today());
        Set<Role> set = roles.length == 0 ? EnumSet.of(Role.STAFF) : EnumSet.copyOf(Arrays.asList(roles));
        long accountId = t.db.inTransaction(h -> t.services.accounts.createInTransaction(h, system, username, TestDb.PASSWORD, personId, set));
        return new Session(accountId, username, personId, name, set);
    }

    /** A phone issued to the person. */
    public long phoneFor(long personId) {
        return phoneFor(t, personId, "PH-" + (++tags));
    }

    public static long phoneFor(TestDb t, long personId, String tag) {
        Session system = Session.system();
        long id = t.services.devices.create(system, new DeviceDraft(tag, Device.Kind.MOBILE_PHONE, "Samsung Galaxy A55", null, null,
                null, true, Device.Mode.ISSUED, Device.Status.IN_STOCK, null, null));
        t.services.devices.issue(system, id, personId);
        return id;
    }

    public static Incident.Draft lost(long deviceId) {
        return new Incident.Draft(Incident.Type.LOST, null, deviceId, null, null, null, "On the train to Birmingham New Street",
                "Left my phone on the train.", true, null, null, null, null, null);
    }

    public List<OutboxMessage> outbox() {
        return t.services.mail.outbox(admin, null, 1000);
    }

    public List<MimeMessage> to(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equalsIgnoreCase(address));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The plain-text and the HTML part of a received message. */
    public static String[] parts(MimeMessage m) throws Exception {
        MimeMultipart mp = (MimeMultipart) m.getContent();
        return new String[] {String.valueOf(mp.getBodyPart(0).getContent()), String.valueOf(mp.getBodyPart(1).getContent())};
    }

    @Override
    public void close() {
        if (smtp != null) smtp.stop();
        t.close();
    }

    /** Queues {@code n} test messages to m0@opcc.test … in one transaction. */
    static void enqueueTestMessages(org.devicedesk.core.Database db, java.time.Clock clock, int n) {
        db.useTransaction(h -> {
            for (int i = 0; i < n; i++) {
                Outbox.enqueue(h, clock.instant(), MailKind.TEST, List.of(new Outbox.To("m" + i + "@opcc.test", "m")),
                        java.util.Map.of("at", "message " + i, "actor", "a test"), null, null);
            }
        });
    }

    /** Runs one pass of every sender at the same moment (started together on a barrier); returns how many they sent in all. */
    static int sendAtOnce(List<OutboxSender> senders, int timeoutSeconds) throws Exception {
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(senders.size());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(senders.size());
        try {
            List<java.util.concurrent.Future<OutboxSender.Pass>> passes = new java.util.ArrayList<>();
            for (OutboxSender s : senders) passes.add(pool.submit(() -> {
                start.await();
                return s.runOnce();
            }));
            int sent = 0;
            for (var p : passes) sent += p.get(timeoutSeconds, java.util.concurrent.TimeUnit.SECONDS).sent();
            return sent;
        } finally {
            pool.shutdown();
        }
    }

    /** The server received {@code n} messages, each to a different one of the {@code n} addresses: each exactly once. */
    static void assertEachReceivedOnce(GreenMail smtp, int n) throws Exception {
        MimeMessage[] received = smtp.getReceivedMessages();
        org.junit.jupiter.api.Assertions.assertEquals(n, received.length, "each message exactly once");
        Set<String> to = new java.util.HashSet<>();
        for (MimeMessage m : received) to.add(m.getAllRecipients()[0].toString());
        org.junit.jupiter.api.Assertions.assertEquals(n, to.size());
    }
}
