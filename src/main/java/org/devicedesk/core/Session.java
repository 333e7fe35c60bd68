package org.devicedesk.core;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is signed in. Every service call takes the session and checks it before touching data.
 * {@code personId} is the person the account is linked to (null for an account without one).
 */
public record Session(long accountId, String username, Long personId, String displayName, Set<Role> roles) {

    public Session {
        roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    /** The actor used for work the application does by itself (start-up checks, demo data). */
    public static Session system() {
        return new Session(0, "system", null, "Device Desk", EnumSet.allOf(Role.class));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... any) {
        return Arrays.stream(any).anyMatch(roles::contains);
    }

    /** Throws {@link AccessDenied} unless the session holds one of the roles. */
    public void require(Role... any) {
        if (!hasAny(any)) {
            throw new AccessDenied("Your account (" + username + ") cannot do this: it needs the role "
                    + Arrays.stream(any).map(Role::label).collect(Collectors.joining(" or ")) + ".");
        }
    }

    /** STAFF may act for themselves; the listed roles may act for anyone. */
    public void requireSelfOr(Long personId, Role... any) {
        if (hasAny(any)) return;
        if (this.personId != null && this.personId.equals(personId)) return;
        throw new AccessDenied("Your account (" + username + ") can only do this for yourself.");
    }

    public boolean isSelf(Long personId) {
        return this.personId != null && this.personId.equals(personId);
    }
}
