package org.devicedesk.core;

import org.devicedesk.Services;
import org.devicedesk.testing.MutableClock;

/** Each feature's main write and read paths on PostgreSQL; features add their steps here. */
final class PostgresFeatureSmoke {
    private PostgresFeatureSmoke() {}

    static void run(Services services, Session admin, MutableClock clock) {
        // features add their smoke steps here (devices, incidents, breaches, travel, dashboard)
    }
}
