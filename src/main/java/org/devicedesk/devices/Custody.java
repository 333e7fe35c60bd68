package org.devicedesk.devices;

import java.time.Instant;

/**
 * One custody record (policy 50): who held a device from when to when ({@code to} null: still held),
 * who recorded the hand-over and who recorded the return.
 */
public record Custody(long id, long deviceId, String assetTag, String makeModel, long personId, String personName, Kind kind,
                      Instant from, Instant to, String recordedBy, String returnedBy) {

    public enum Kind {
        ISSUE("Issued"), POOL_CHECKOUT("Pool check-out");
        private final String label;
        Kind(String label) { this.label = label; }
        public String label() { return label; }
        @Override public String toString() { return label; }
    }

    public boolean isOpen() {
        return to == null;
    }

    /** Held at {@code at}: from inclusive, to exclusive (returned at 12:00 means not held at 12:00). */
    public boolean heldAt(Instant at) {
        return !from.isAfter(at) && (to == null || to.isAfter(at));
    }
}
