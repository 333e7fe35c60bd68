package org.devicedesk.devices;

import java.time.Instant;

/** A named designated user of a pool device (SPEC section 2), and when they were added. */
public record DesignatedUser(long deviceId, long personId, String name, Instant addedAt) {}
