package org.devicedesk.accounts;

import java.time.Instant;
import java.util.Set;
import org.devicedesk.core.Role;

/** A sign-in account (SPEC section 6). The password hash never leaves the repository. */
public record Account(long id, String username, Long personId, String personName, Set<Role> roles,
                      boolean active, int failedAttempts, Instant lockedUntil, Instant createdAt, long version) {

    public boolean isLocked(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }
}
