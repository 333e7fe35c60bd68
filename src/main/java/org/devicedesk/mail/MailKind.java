package org.devicedesk.mail;

/**
 * Every kind of message Device Desk sends (SPEC section 10); each can be switched off in Settings → Mail.
 * The template of each is {@code templates/<name in lower case>.txt} beside this class.
 */
public enum MailKind {
    REFERRAL("A new breach referral, to the DPO"),
    ICO_24H("ICO deadline in 24 hours, to the DPO"),
    ICO_6H("ICO deadline in 6 hours, to the DPO"),
    ICO_OVERDUE("ICO deadline passed, to the DPO"),
    INCIDENT_HELPDESK("A staff report, to the help desk"),
    INCIDENT_RECEIPT("A receipt to the person who reported"),
    TRAVEL_FILED("A travel notice filed, to Information Security"),
    TRAVEL_DECISION("The travel decision, to the traveller"),
    DECLARATION_30D("Declaration expiring in 30 days, to the person"),
    DECLARATION_7D("Declaration expiring in 7 days, to the person"),
    DECLARATION_EXPIRED("Declaration expired, to the person"),
    DECLARATION_EXPIRED_MANAGER("Declaration expired while holding devices, to the line manager"),
    POST_TRAVEL_DUE("A post-travel device check due, to the help desk"),
    ACCOUNT_LOCKED("An account locked, to the administrators"),
    TEST("A test message from Settings");

    private final String label;

    MailKind(String label) { this.label = label; }

    public String label() { return label; }

    /** The kebab-case name used in automation ids ({@code mail-kind-ico-24h}). */
    public String id() { return name().toLowerCase().replace('_', '-'); }

    /** Whether an administrator may switch it off (the test message is always sent when asked for). */
    public boolean switchable() { return this != TEST; }

    @Override public String toString() { return label; }
}
