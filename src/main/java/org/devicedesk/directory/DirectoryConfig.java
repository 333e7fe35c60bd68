package org.devicedesk.directory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.devicedesk.core.Role;

/**
 * How Device Desk reaches the office directory (SPEC section 11). The service account's password is
 * never part of it: only the name of the environment variable or the file that holds it.
 *
 * @param groupRoles directory group DN -> the roles its members (directly or through nested groups) get
 */
public record DirectoryConfig(boolean enabled, String host, int port, Security security, String baseDn, String userFilter,
                              String usernameAttribute, String bindDn, String bindPasswordEnv, String bindPasswordFile,
                              String trustFile, String groupBaseDn, String disabledAttribute, String disabledValue,
                              int timeoutSeconds, Map<String, Set<Role>> groupRoles) {

    /** How the connection is protected. PLAIN only when an administrator chooses it. */
    public enum Security {
        LDAPS("LDAPS (TLS from the start, port 636)"),
        STARTTLS("StartTLS (port 389, then TLS)"),
        PLAIN("Plain LDAP, not encrypted (test rooms only)");

        private final String label;

        Security(String label) { this.label = label; }

        public String label() { return label; }

        @Override public String toString() { return label; }
    }

    /** The login-name attributes an office can choose. */
    public static final List<String> USERNAME_ATTRIBUTES = List.of("sAMAccountName", "userPrincipalName", "uid");

    public static final String DEFAULT_PASSWORD_ENV = "DEVICEDESK_LDAP_BIND_PASSWORD";

    public DirectoryConfig {
        groupRoles = Map.copyOf(new LinkedHashMap<>(groupRoles));
    }

    /** Switched off, with Active Directory's usual names filled in. */
    public static DirectoryConfig defaults() {
        return new DirectoryConfig(false, "", 636, Security.LDAPS, "", "(objectClass=person)", "sAMAccountName", "",
                DEFAULT_PASSWORD_ENV, "", "", "", "userAccountControl", "", 10, Map.of());
    }

    /** The base under which groups are searched: the group base if set, else the user base. */
    public String groupSearchBase() {
        return groupBaseDn == null || groupBaseDn.isBlank() ? baseDn : groupBaseDn;
    }

    public String where() {
        return host + ":" + port;
    }
}
