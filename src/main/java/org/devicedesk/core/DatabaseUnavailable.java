package org.devicedesk.core;

/**
 * The shared database server went away or stopped answering during an operation (PostgreSQL only). The
 * operation's transaction was not committed; the pool reconnects by itself when the server is back.
 */
public final class DatabaseUnavailable extends RuntimeException {
    /** Why the server could not be used. */
    public enum Reason { UNREACHABLE, NOT_ANSWERING }

    private final Reason reason;
    private final boolean saving;

    public DatabaseUnavailable(Reason reason, boolean saving, Throwable cause) {
        super(describe(reason, saving), cause);
        this.reason = reason;
        this.saving = saving;
    }

    public Reason reason() { return reason; }

    /** Whether the failed operation was a change (then nothing of it was saved) rather than a read. */
    public boolean saving() { return saving; }

    private static String describe(Reason reason, boolean saving) {
        String what = reason == Reason.UNREACHABLE
                ? "The database server cannot be reached (it may be restarting)."
                : "The database server stopped answering (no reply within " + PostgresPool.SOCKET_TIMEOUT_SECONDS + " seconds).";
        return what + (saving ? " Nothing was saved; try again in a moment — Device Desk reconnects by itself."
                : " Device Desk reconnects by itself; try again in a moment.");
    }
}
