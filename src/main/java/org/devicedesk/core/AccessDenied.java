package org.devicedesk.core;

/** The signed-in account may not do this; enforced in services, not only by hiding buttons. */
public final class AccessDenied extends RuntimeException {
    public AccessDenied(String message) {
        super(message);
    }
}
