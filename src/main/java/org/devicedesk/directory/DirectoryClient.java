package org.devicedesk.directory;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.BindResult;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.ExtendedResult;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import com.unboundid.ldap.sdk.extensions.StartTLSExtendedRequest;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.PEMFileTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import java.io.File;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.devicedesk.core.Refused;

/**
 * One conversation with the directory over LDAP (UnboundID LDAP SDK): connect with TLS as configured,
 * bind as the service account, find users, check a password by binding as the user on a second
 * connection, and follow group membership (AD's memberOf and groupOfNames/group member chains).
 * Every failure becomes a {@link Refused} with a sentence a person understands.
 */
final class DirectoryClient implements AutoCloseable {
    private static final int MAX_GROUPS = 1_000;
    private static final int PAGE = 500;
    // AD: userAccountControl bit 2 (ACCOUNTDISABLE)
    private static final int AD_ACCOUNT_DISABLE = 0x2;

    /** What the directory said of a user's password. */
    enum PasswordCheck { RIGHT, WRONG, DISABLED, LOCKED, EXPIRED }

    private final DirectoryConfig config;
    private final LDAPConnection connection;

    private DirectoryClient(DirectoryConfig config, LDAPConnection connection) {
        this.config = config;
        this.connection = connection;
    }

    /** Connects and binds as the service account (anonymously when no bind DN is set). */
    static DirectoryClient open(DirectoryConfig config, String bindPassword) {
        LDAPConnection c = connect(config);
        try {
            if (config.bindDn() != null && !config.bindDn().isBlank()) {
                if (bindPassword == null || bindPassword.isEmpty()) {
                    throw Refused.because("Device Desk has no password for the directory service account " + config.bindDn()
                            + ". Set the environment variable or file named under Settings > Directory.");
                }
                c.bind(config.bindDn(), bindPassword);
            }
            return new DirectoryClient(config, c);
        } catch (LDAPException e) {
            c.close();
            if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS) {
                throw Refused.because("The directory refused Device Desk's service account (" + config.bindDn()
                        + "). Check its bind DN and password under Settings > Directory.");
            }
            throw explain(config, e);
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private static LDAPConnection connect(DirectoryConfig config) {
        if (config.host() == null || config.host().isBlank()) {
            throw Refused.because("host", "The directory's server name is not set. Enter it under Settings > Directory.");
        }
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        int millis = Math.max(1, config.timeoutSeconds()) * 1000;
        options.setConnectTimeoutMillis(millis); // a dead directory must never hang a sign-in
        options.setResponseTimeoutMillis(millis);
        options.setAbandonOnTimeout(true);
        options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
        try {
            return switch (config.security()) {
                case LDAPS -> new LDAPConnection(ssl(config).createSSLSocketFactory(), options, config.host(), config.port());
                case STARTTLS -> {
                    LDAPConnection c = new LDAPConnection(options, config.host(), config.port());
                    try {
                        SSLContext context = ssl(config).createSSLContext();
                        ExtendedResult r = c.processExtendedOperation(new StartTLSExtendedRequest(context));
                        if (r.getResultCode() != ResultCode.SUCCESS) {
                            throw Refused.because("The directory at " + config.where() + " did not agree to StartTLS ("
                                    + r.getDiagnosticMessage() + "). Choose LDAPS, or ask the directory's administrator to enable StartTLS.");
                        }
                        yield c;
                    } catch (LDAPException | RuntimeException e) {
                        c.close();
                        throw e;
                    }
                }
                case PLAIN -> new LDAPConnection(options, config.host(), config.port());
            };
        } catch (LDAPException e) {
            throw explain(config, e);
        } catch (GeneralSecurityException e) {
            throw Refused.because("trust-file", "The trusted certificate file " + config.trustFile()
                    + " could not be read as PEM certificates (" + e.getMessage() + ").");
        }
    }

    private static SSLUtil ssl(DirectoryConfig config) throws GeneralSecurityException {
        if (config.trustFile() == null || config.trustFile().isBlank()) return new SSLUtil(JVMDefaultTrustManager.getInstance());
        File f = new File(config.trustFile().strip());
        if (!f.isFile()) {
            throw Refused.because("trust-file", "The trusted certificate file " + f + " does not exist. Name the office's CA certificate (PEM), or leave it empty to use Java's own list.");
        }
        return new SSLUtil(new PEMFileTrustManager(f));
    }

    /** Turns a failure into what a person can act on: untrusted certificate, unreachable, too slow. */
    static Refused explain(DirectoryConfig config, LDAPException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateException || t instanceof javax.net.ssl.SSLHandshakeException
                    || t instanceof java.security.cert.CertPathValidatorException) {
                return Refused.because("trust-file", "Device Desk does not trust the certificate of the directory at " + config.where()
                        + ". Name the office's CA certificate (PEM file) under Settings > Directory; nothing was changed.");
            }
        }
        String text = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (text.contains("hostname") || text.contains("host name")) {
            return Refused.because("host", "The directory's certificate is not for the name " + config.host()
                    + ". Use the server name the certificate was issued for; nothing was changed.");
        }
        if (e.getResultCode() == ResultCode.TIMEOUT) {
            return Refused.because("The office directory at " + config.where() + " did not answer within " + config.timeoutSeconds()
                    + " seconds. Local Device Desk accounts still sign in; try again shortly or call the help desk.");
        }
        if (e.getResultCode() == ResultCode.CONNECT_ERROR || e.getResultCode() == ResultCode.SERVER_DOWN
                || e.getResultCode() == ResultCode.UNAVAILABLE || e.getCause() instanceof SSLException) {
            return Refused.because("The office directory at " + config.where() + " cannot be reached just now."
                    + " Local Device Desk accounts still sign in; try again shortly or call the help desk.");
        }
        return Refused.because("The office directory at " + config.where() + " answered with an error: "
                + e.getResultCode().getName() + (e.getDiagnosticMessage() == null ? "" : " (" + e.getDiagnosticMessage() + ")") + ".");
    }

    private String[] attributes() {
        return new String[] {config.usernameAttribute(), "displayName", "cn", "givenName", "sn", "mail", "department", "departmentNumber", "manager",
                "employeeID", "employeeNumber", "memberOf", config.disabledAttribute()};
    }

    private Filter userFilter(Filter extra) throws LDAPException {
        String base = config.userFilter() == null || config.userFilter().isBlank() ? "(objectClass=person)" : config.userFilter().strip();
        return Filter.createANDFilter(Filter.create(base), extra);
    }

    /** The one user whose login name is {@code username}, or null. */
    DirectoryUser findUser(String username) {
        try {
            SearchResult r = connection.search(new SearchRequest(config.baseDn(), SearchScope.SUB,
                    userFilter(Filter.createEqualityFilter(config.usernameAttribute(), username)), attributes()));
            List<SearchResultEntry> entries = r.getSearchEntries();
            if (entries.isEmpty()) return null;
            if (entries.size() > 1) {
                throw Refused.because("The directory has " + entries.size() + " entries with the login name " + username
                        + "; Device Desk cannot tell which is you. Ask the help desk to fix the directory.");
            }
            return user(entries.get(0));
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) throw baseMissing();
            throw explain(config, e);
        }
    }

    private Refused baseMissing() {
        return Refused.because("base-dn", "The directory has no entry " + config.baseDn() + ". Check the search base under Settings > Directory.");
    }

    /** Every user under the base (paged, so AD's 1,000-entry limit does not cut the list). */
    List<DirectoryUser> allUsers() {
        List<DirectoryUser> out = new ArrayList<>();
        try {
            SearchRequest request = new SearchRequest(config.baseDn(), SearchScope.SUB,
                    userFilter(Filter.createPresenceFilter(config.usernameAttribute())), attributes());
            ASN1OctetString cookie = null;
            do {
                request.setControls(new SimplePagedResultsControl(PAGE, cookie));
                SearchResult r = connection.search(request);
                for (SearchResultEntry e : r.getSearchEntries()) out.add(user(e));
                SimplePagedResultsControl next = SimplePagedResultsControl.get(r);
                cookie = next == null ? null : next.getCookie();
            } while (cookie != null && cookie.getValueLength() > 0);
            return out;
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) throw baseMissing();
            throw explain(config, e);
        }
    }

    private DirectoryUser user(SearchResultEntry e) {
        String name = first(e, "displayName");
        if (name == null) name = first(e, "cn");
        if (name == null && (first(e, "givenName") != null || first(e, "sn") != null)) {
            name = ((first(e, "givenName") == null ? "" : first(e, "givenName")) + " " + (first(e, "sn") == null ? "" : first(e, "sn"))).strip();
        }
        String staff = first(e, "employeeID");
        if (staff == null) staff = first(e, "employeeNumber");
        String team = first(e, "department"); // AD; inetOrgPerson has departmentNumber
        if (team == null) team = first(e, "departmentNumber");
        String[] memberOf = e.getAttributeValues("memberOf");
        return new DirectoryUser(e.getDN(), first(e, config.usernameAttribute()), name, first(e, "mail"), team,
                first(e, "manager"), staff, disabled(e), memberOf == null ? List.of() : Arrays.asList(memberOf));
    }

    /** AD: bit 2 of userAccountControl. Elsewhere: the named attribute holds the configured value (OpenLDAP has no standard one). */
    private boolean disabled(SearchResultEntry e) {
        String attribute = config.disabledAttribute();
        if (attribute == null || attribute.isBlank()) return false;
        String[] values = e.getAttributeValues(attribute);
        if (values == null) return false;
        for (String v : values) {
            if (attribute.equalsIgnoreCase("userAccountControl")) {
                try {
                    if ((Long.parseLong(v.strip()) & AD_ACCOUNT_DISABLE) != 0) return true;
                } catch (NumberFormatException ignored) {
                    // not a number: not AD's flag word
                }
            } else if (config.disabledValue() == null || config.disabledValue().isBlank() || v.strip().equalsIgnoreCase(config.disabledValue().strip())) {
                return true;
            }
        }
        return false;
    }

    private static String first(SearchResultEntry e, String attribute) {
        if (attribute == null || attribute.isBlank()) return null;
        String v = e.getAttributeValue(attribute);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** Checks the password by binding as the user on a connection of its own (the service connection stays as it is). */
    PasswordCheck checkPassword(String userDn, String password) {
        if (password == null || password.isEmpty()) return PasswordCheck.WRONG; // an empty password would be an anonymous bind
        try (LDAPConnection c = connect(config)) {
            BindResult r = c.bind(userDn, password);
            return r.getResultCode() == ResultCode.SUCCESS ? PasswordCheck.RIGHT : PasswordCheck.WRONG;
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS) {
                // AD says why in the diagnostic: 533 disabled, 775 locked, 532/773 password expired or must change
                String d = String.valueOf(e.getDiagnosticMessage());
                if (d.contains("data 533")) return PasswordCheck.DISABLED;
                if (d.contains("data 775")) return PasswordCheck.LOCKED;
                if (d.contains("data 532") || d.contains("data 773")) return PasswordCheck.EXPIRED;
                return PasswordCheck.WRONG;
            }
            throw explain(config, e);
        }
    }

    /**
     * Every group the user belongs to, directly or through nested groups, as normalised DNs: AD's
     * {@code memberOf} on the user and on each group, and groups whose {@code member}/{@code uniqueMember} names them.
     */
    Set<String> groupsOf(DirectoryUser user) {
        Map<String, String> found = new LinkedHashMap<>(); // normalised -> as the directory spells it
        Deque<String> next = new ArrayDeque<>();
        for (String g : user.memberOf()) next.add(g);
        next.addAll(groupsNaming(user.dn()));
        while (!next.isEmpty() && found.size() < MAX_GROUPS) {
            String g = next.poll();
            String key = normalise(g);
            if (found.containsKey(key)) continue;
            found.put(key, g);
            next.addAll(memberOfOf(g));
            next.addAll(groupsNaming(g));
        }
        return new LinkedHashSet<>(found.keySet());
    }

    private List<String> groupsNaming(String dn) {
        try {
            SearchResult r = connection.search(config.groupSearchBase(), SearchScope.SUB,
                    Filter.createORFilter(Filter.createEqualityFilter("member", dn), Filter.createEqualityFilter("uniqueMember", dn)), "1.1");
            return r.getSearchEntries().stream().map(SearchResultEntry::getDN).toList();
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                throw Refused.because("group-base-dn", "The directory has no entry " + config.groupSearchBase() + " to search for groups.");
            }
            throw explain(config, e);
        }
    }

    private List<String> memberOfOf(String groupDn) {
        try {
            SearchResultEntry e = connection.getEntry(groupDn, "memberOf");
            String[] values = e == null ? null : e.getAttributeValues("memberOf");
            return values == null ? List.of() : Arrays.asList(values);
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) return List.of();
            throw explain(config, e);
        }
    }

    /** A DN in one spelling, so "CN=Help Desk,OU=Groups" and "cn=help desk, ou=groups" compare equal. */
    static String normalise(String dn) {
        try {
            return new DN(dn).toNormalizedString();
        } catch (LDAPException e) {
            return dn.strip().toLowerCase(Locale.ROOT);
        }
    }

    /** Whether the base DN exists (test connection). */
    boolean baseExists() {
        try {
            return connection.getEntry(config.baseDn(), "1.1") != null;
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) return false;
            throw explain(config, e);
        }
    }

    @Override
    public void close() {
        connection.close();
    }
}
