package org.devicedesk.devices;

import java.time.Instant;

/**
 * A device in the register (SPEC section 2, policy 37, 38, 49, 50, 52), with who holds it now
 * ({@code holder} is null when nobody does).
 */
public record Device(long id, String assetTag, Kind kind, String makeModel, String serialNumber, String imei,
                     String phoneNumber, boolean encrypted, Mode mode, Status status, String team, String notes,
                     Instant createdAt, Instant updatedAt, Holder holder, long version) {

    public enum Kind {
        LAPTOP("Laptop"), MOBILE_PHONE("Mobile phone"), TABLET("Tablet"), OTHER("Other");
        private final String label;
        Kind(String label) { this.label = label; }
        public String label() { return label; }
        @Override public String toString() { return label; }
    }

    /** Issued to one person, or kept in a team's pool for its designated users. */
    public enum Mode {
        ISSUED("Issued"), POOL("Pool");
        private final String label;
        Mode(String label) { this.label = label; }
        public String label() { return label; }
        @Override public String toString() { return label; }
    }

    public enum Status {
        IN_STOCK("In stock"), IN_SERVICE("In service"), LOST("Lost"), STOLEN("Stolen"), QUARANTINED("Quarantined"), RETIRED("Retired");
        private final String label;
        Status(String label) { this.label = label; }
        public String label() { return label; }
        @Override public String toString() { return label; }

        /** Lost, stolen and retired devices cannot be handed to anyone; a quarantined one not until cleared. */
        public boolean canBeHandedOut() {
            return this == IN_STOCK || this == IN_SERVICE;
        }
    }

    /** Who holds the device now, since when, and how (issued or checked out of the pool). */
    public record Holder(long personId, String name, Instant since, Custody.Kind kind) {}

    public boolean isHeld() {
        return holder != null;
    }

    public boolean isPool() {
        return mode == Mode.POOL;
    }

    /** Asset tag and model, for sentences: "LT-0042 (Dell Latitude 5440)". */
    public String describe() {
        return makeModel == null ? assetTag : assetTag + " (" + makeModel + ")";
    }

    public DeviceDraft draft() {
        return new DeviceDraft(assetTag, kind, makeModel, serialNumber, imei, phoneNumber, encrypted, mode, status, team, notes);
    }
}
