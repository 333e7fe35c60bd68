package org.devicedesk.dashboard;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.devicedesk.core.Session;

/**
 * Remembers, for one signed-in session, which notifications were shown, so each fires once while
 * the app is open. Plain Java, so the "once" rule is tested without a window.
 */
public final class Notifier {
    private final DashboardService dashboard;
    private final Session session;
    private final Set<String> shown = new HashSet<>();

    public Notifier(DashboardService dashboard, Session session) {
        this.dashboard = dashboard;
        this.session = session;
    }

    /** The notifications due now that were not shown before; they count as shown from now on. */
    public synchronized List<Notice> due() {
        return dashboard.notices(session).stream().filter(n -> shown.add(n.key())).toList();
    }
}
