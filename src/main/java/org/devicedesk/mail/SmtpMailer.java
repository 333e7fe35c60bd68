package org.devicedesk.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;

/** One connection to the office's SMTP server (Jakarta Mail, Eclipse Angus), for a batch of messages. */
final class SmtpMailer implements AutoCloseable {
    static final int TIMEOUT_MS = 20_000;

    private final jakarta.mail.Session session;
    private final Transport transport;
    private final String from;

    private SmtpMailer(jakarta.mail.Session session, Transport transport, String from) {
        this.session = session;
        this.transport = transport;
        this.from = from;
    }

    /** Connects (and signs in when a user is set); throws what the server or the network said. */
    static SmtpMailer connect(MailSettings s) throws MessagingException {
        if (s.host().isEmpty()) throw new MessagingException("No SMTP server is set in Settings → Mail.");
        String protocol = s.security() == MailSettings.Security.SMTPS ? "smtps" : "smtp";
        Properties p = new Properties();
        String pre = "mail." + protocol + ".";
        p.put("mail.transport.protocol", protocol);
        p.put(pre + "host", s.host());
        p.put(pre + "port", Integer.toString(s.port()));
        p.put(pre + "connectiontimeout", Integer.toString(TIMEOUT_MS));
        p.put(pre + "timeout", Integer.toString(TIMEOUT_MS));
        p.put(pre + "writetimeout", Integer.toString(TIMEOUT_MS));
        boolean auth = !s.user().isEmpty();
        p.put(pre + "auth", Boolean.toString(auth));
        if (s.security() == MailSettings.Security.STARTTLS) {
            p.put(pre + "starttls.enable", "true");
            p.put(pre + "starttls.required", "true");
        }
        if (s.security() != MailSettings.Security.NONE) p.put(pre + "ssl.checkserveridentity", "true");
        jakarta.mail.Session session = jakarta.mail.Session.getInstance(p);
        Transport t = session.getTransport(protocol);
        String password = auth ? MailPassword.resolve(s).orElse(null) : null;
        if (auth && password == null) {
            throw new MessagingException("No SMTP password: set the environment variable " + s.passwordEnv()
                    + " (or a password file) for the account that sends.");
        }
        t.connect(s.host(), s.port(), auth ? s.user() : null, password);
        String from = s.from().isEmpty() ? (s.user().contains("@") ? s.user() : "devicedesk@" + s.host()) : s.from();
        return new SmtpMailer(session, t, from);
    }

    void send(String to, String subject, String text, String html, Instant at) throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(from, true));
        m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to, true));
        m.setSubject(subject, StandardCharsets.UTF_8.name());
        m.setSentDate(Date.from(at));
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(text, StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart rich = new MimeBodyPart();
        rich.setText(html, StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternative = new MimeMultipart("alternative", plain, rich);
        m.setContent(alternative);
        m.saveChanges();
        transport.sendMessage(m, m.getAllRecipients());
    }

    @Override
    public void close() {
        try {
            transport.close();
        } catch (MessagingException ignored) {
            // the messages are sent or marked already
        }
    }
}
