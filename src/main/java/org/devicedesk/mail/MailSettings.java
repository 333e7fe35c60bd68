package org.devicedesk.mail;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * The office's mail settings, kept in the {@code setting} table under {@code mail.*}. The SMTP password is
 * never stored here: only where to find it (an environment variable, or a file only the account can read).
 */
public record MailSettings(boolean enabled, String host, int port, Security security, String user,
                           String passwordEnv, String passwordFile, String from,
                           String dpoMailbox, String helpdeskMailbox, String infosecMailbox, Set<MailKind> off) {

    /** How the connection to the SMTP server is protected. */
    public enum Security {
        STARTTLS("STARTTLS (usually port 587)"),
        SMTPS("SMTPS, TLS from the start (usually port 465)"),
        NONE("None (only for a relay on this machine or network)");

        private final String label;
        Security(String label) { this.label = label; }
        public String label() { return label; }
        @Override public String toString() { return label; }
    }

    public static final String DEFAULT_PASSWORD_ENV = "DEVICEDESK_SMTP_PASSWORD";

    public MailSettings {
        host = clean(host);
        user = clean(user);
        passwordEnv = clean(passwordEnv);
        passwordFile = clean(passwordFile);
        from = clean(from);
        dpoMailbox = clean(dpoMailbox);
        helpdeskMailbox = clean(helpdeskMailbox);
        infosecMailbox = clean(infosecMailbox);
        security = security == null ? Security.STARTTLS : security;
        off = off == null || off.isEmpty() ? EnumSet.noneOf(MailKind.class) : EnumSet.copyOf(off);
    }

    public static MailSettings defaults() {
        return new MailSettings(false, "", 587, Security.STARTTLS, "", DEFAULT_PASSWORD_ENV, "", "", "", "", "", Set.of());
    }

    public boolean sends(MailKind kind) {
        return enabled && (!kind.switchable() || !off.contains(kind));
    }

    public MailSettings withEnabled(boolean on) {
        return new MailSettings(on, host, port, security, user, passwordEnv, passwordFile, from, dpoMailbox, helpdeskMailbox, infosecMailbox, off);
    }

    public MailSettings withServer(String host, int port, Security security) {
        return new MailSettings(enabled, host, port, security, user, passwordEnv, passwordFile, from, dpoMailbox, helpdeskMailbox, infosecMailbox, off);
    }

    public MailSettings withMailboxes(String from, String dpo, String helpdesk, String infosec) {
        return new MailSettings(enabled, host, port, security, user, passwordEnv, passwordFile, from, dpo, helpdesk, infosec, off);
    }

    public MailSettings withLogin(String user, String passwordEnv, String passwordFile) {
        return new MailSettings(enabled, host, port, security, user, passwordEnv, passwordFile, from, dpoMailbox, helpdeskMailbox, infosecMailbox, off);
    }

    public MailSettings withOff(Set<MailKind> off) {
        return new MailSettings(enabled, host, port, security, user, passwordEnv, passwordFile, from, dpoMailbox, helpdeskMailbox, infosecMailbox, off);
    }

    /** The stored form: setting key → value. */
    Map<String, String> toStored() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("mail.enabled", Boolean.toString(enabled));
        m.put("mail.host", host);
        m.put("mail.port", Integer.toString(port));
        m.put("mail.security", security.name());
        m.put("mail.user", user);
        m.put("mail.passwordEnv", passwordEnv);
        m.put("mail.passwordFile", passwordFile);
        m.put("mail.from", from);
        m.put("mail.dpo", dpoMailbox);
        m.put("mail.helpdesk", helpdeskMailbox);
        m.put("mail.infosec", infosecMailbox);
        m.put("mail.kindsOff", off.stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
        return m;
    }

    /** Reads the mail settings in the caller's transaction (defaults for anything never set). */
    public static MailSettings load(Handle h) {
        Map<String, String> m = new LinkedHashMap<>();
        h.createQuery("SELECT key, value FROM setting WHERE key LIKE 'mail.%'")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2))).forEach(e -> m.put(e.getKey(), e.getValue()));
        return from(m);
    }

    /** The mail settings among every stored setting ({@code Settings.stored}: one read for both). */
    public static MailSettings of(Map<String, String> stored) {
        Map<String, String> m = new LinkedHashMap<>();
        stored.forEach((k, v) -> { if (k.startsWith("mail.")) m.put(k, v); });
        return from(m);
    }

    private static MailSettings from(Map<String, String> m) {
        MailSettings d = defaults();
        if (m.isEmpty()) return d;
        int port;
        try {
            port = Integer.parseInt(m.getOrDefault("mail.port", "587").trim());
        } catch (NumberFormatException e) {
            port = d.port();
        }
        Security security;
        try {
            security = Security.valueOf(m.getOrDefault("mail.security", "STARTTLS"));
        } catch (IllegalArgumentException e) {
            security = Security.STARTTLS;
        }
        Set<MailKind> off = EnumSet.noneOf(MailKind.class);
        Arrays.stream(m.getOrDefault("mail.kindsOff", "").split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .forEach(s -> { try { off.add(MailKind.valueOf(s)); } catch (IllegalArgumentException ignored) { /* a kind no longer sent */ } });
        return new MailSettings(Boolean.parseBoolean(m.getOrDefault("mail.enabled", "false")), m.get("mail.host"), port, security,
                m.get("mail.user"), m.getOrDefault("mail.passwordEnv", DEFAULT_PASSWORD_ENV), m.get("mail.passwordFile"), m.get("mail.from"),
                m.get("mail.dpo"), m.get("mail.helpdesk"), m.get("mail.infosec"), off);
    }

    private static String clean(String s) {
        return s == null ? "" : s.strip();
    }
}
