package org.devicedesk.demo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.devicedesk.core.Session;
import org.devicedesk.testing.TestDb;
import org.devicedesk.travel.TravelNotice;
import org.junit.jupiter.api.Test;

class DemoTravelTest {
    @Test
    void theDemoFilesAboutFortyNoticesPastUpcomingLateAndWarned() {
        try (TestDb t = TestDb.create()) {
            System.setProperty("devicedesk.demoPassword", "demo-password-for-tests");
            Demo.fillIfEmpty(t.services, "normal");
            List<TravelNotice> all = t.services.travel.list(Session.system());
            var today = t.services.travel.today();
            assertTrue(all.size() >= 35 && all.size() <= 45, "about 40: " + all.size());
            assertTrue(all.stream().anyMatch(TravelNotice::late), "some late");
            assertTrue(all.stream().anyMatch(TravelNotice::cryptoWarning), "some to countries that restrict encryption");
            assertTrue(all.stream().anyMatch(n -> n.returnDate().isBefore(today)), "some past");
            assertTrue(all.stream().anyMatch(n -> n.departureDate().isAfter(today)), "some upcoming");
            assertTrue(all.stream().anyMatch(TravelNotice::isPending), "some pending for Information Security");
            assertTrue(all.stream().filter(n -> n.late() && !n.isPending() && n.decision().approves()).allMatch(n -> n.lateJustification() != null),
                    "late approvals carry a justification");
            assertTrue(t.services.audit != null && t.db.read(h -> h.createQuery("SELECT count(*) FROM audit_event WHERE action = 'TRAVEL_NOTICE_FILED'")
                    .mapTo(Integer.class).one()) == all.size(), "every demo notice is audited");
        } finally {
            System.clearProperty("devicedesk.demoPassword");
        }
    }
}
