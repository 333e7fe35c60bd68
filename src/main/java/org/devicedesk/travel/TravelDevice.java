package org.devicedesk.travel;

/** A device taken on a trip (or one the traveller could take): its tag and what it is. */
public record TravelDevice(long id, String assetTag, String description, boolean tamperingSuspected, Long incidentId) {
    public TravelDevice(long id, String assetTag, String description) {
        this(id, assetTag, description, false, null);
    }

    public String label() {
        return description == null || description.isBlank() ? assetTag : assetTag + " — " + description;
    }

    @Override public String toString() { return label(); }
}
