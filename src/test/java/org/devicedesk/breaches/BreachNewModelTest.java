package org.devicedesk.breaches;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.devicedesk.core.Refused;
import org.devicedesk.core.Session;
import org.devicedesk.ui.Tasks;
import org.junit.jupiter.api.Test;

/** Opening a case the DPO found herself (a misdirected email), through the form's view model: no window. */
class BreachNewModelTest extends DpoModelTestBase {

    BreachNewModel filled(Session who, String date, String time) {
        BreachNewModel m = new BreachNewModel(breaches, who, Tasks.direct());
        m.title().set("Email with a victim's details sent to the wrong address");
        m.description().set("Sent to a partner agency by mistake");
        m.awareDateText().set(date);
        m.awareTimeText().set(time);
        return m;
    }

    @Test
    void aCaseOpensWithTheDeadline72HoursFromTheMomentTyped() {
        BreachNewModel m = filled(dpo, "04/03/2026", "0930");
        AtomicLong opened = new AtomicLong();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        m.save(opened::set, failed::set);
        assertNull(failed.get());
        assertFalse(m.saving().get(), "the button is free again");
        BreachCase c = breaches.get(dpo, opened.get());
        assertEquals(Instant.parse("2026-03-04T09:30:00Z"), c.awareAt(), "\"0930\" in office time");
        assertEquals(Instant.parse("2026-03-07T09:30:00Z"), c.icoDeadline());
        assertEquals("Email with a victim's details sent to the wrong address", c.title());
    }

    @Test
    void aMomentThatCannotBeReadIsRefusedAndNothingIsSent() {
        BreachNewModel m = filled(dpo, "04/03/2026", "25:00");
        AtomicReference<Throwable> failed = new AtomicReference<>();
        m.save(id -> { throw new AssertionError("nothing is opened"); }, failed::set);
        Refused r = assertInstanceOf(Refused.class, failed.get());
        assertEquals("aware-at", r.problems().get(0).field());
        assertTrue(breaches.queue(dpo, "").isEmpty(), "no case was opened");
    }

    @Test
    void theServicesRefusalIsPassedOnAndTheFormCanSaveAgain() {
        BreachNewModel m = filled(dpo, "04/03/2026", "09:30");
        m.title().set("  ");
        AtomicReference<Throwable> failed = new AtomicReference<>();
        m.save(id -> { throw new AssertionError("nothing is opened"); }, failed::set);
        assertInstanceOf(Refused.class, failed.get(), "a case needs a title: " + failed.get());
        assertFalse(m.saving().get());
        assertTrue(breaches.queue(dpo, "").isEmpty());
    }
}
