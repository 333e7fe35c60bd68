package org.devicedesk.devices;

import java.util.List;

/**
 * What one person holds now and held before (policy 50), read in one go so the two lists agree:
 * {@code heldNow} the devices issued or checked out to them (by asset tag), {@code heldBefore} their
 * closed custody records, newest first.
 */
public record PersonCustody(List<Device> heldNow, List<Custody> heldBefore) {
    public PersonCustody {
        heldNow = List.copyOf(heldNow);
        heldBefore = List.copyOf(heldBefore);
    }
}
