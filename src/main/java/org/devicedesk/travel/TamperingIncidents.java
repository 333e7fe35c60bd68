package org.devicedesk.travel;

import org.devicedesk.core.Session;
import org.jdbi.v3.core.Handle;

/** Opens a TAMPERING incident for a device in the caller's transaction; returns the incident id (the incidents service). */
@FunctionalInterface
public interface TamperingIncidents {
    long open(Handle h, Session s, long deviceId, long reporterPersonId, String whatHappened);
}
