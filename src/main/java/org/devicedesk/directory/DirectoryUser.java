package org.devicedesk.directory;

import java.util.List;

/**
 * One person's entry as the directory has it. {@code staffNumber} is AD's {@code employeeID}
 * (or {@code employeeNumber} on OpenLDAP's inetOrgPerson); {@code managerDn} is the {@code manager} entry.
 * A null field means the directory says nothing about it (Device Desk then keeps what it has).
 */
public record DirectoryUser(String dn, String username, String fullName, String email, String team, String managerDn,
                            String staffNumber, boolean disabled, List<String> memberOf) {

    /** The login name as Device Desk keys it: lower case. */
    public String key() {
        return username.toLowerCase(java.util.Locale.ROOT);
    }
}
