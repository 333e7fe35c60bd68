package org.devicedesk.accounts;

import org.devicedesk.core.Session;

/**
 * Sign-in through the office directory (SPEC section 11), supplied by {@code directory.DirectoryService}.
 * {@link AccountService#signIn} hands a sign-in to it when the directory is switched on and the name is
 * not a local account; local accounts never depend on the directory being up.
 */
public interface DirectorySignIn {
    boolean enabled();

    /** Signs in with the directory password, or throws {@code Refused} with the reason; never stores the password. */
    Session signIn(String username, String password);
}
