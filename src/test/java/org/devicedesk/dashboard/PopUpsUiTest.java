package org.devicedesk.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.stage.Popup;
import javafx.util.Duration;
import org.devicedesk.testing.FxTest;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The dashboard's pop-ups (AtlantaFX notifications since issue 20), driven by their automation ids. */
class PopUpsUiTest extends FxTest {

    @Test
    void openGoesToTheRecordAndClosesThePopUpAndTheOthersStayInTheCorner(FxRobot robot) {
        PopUpsUi popUps = new PopUpsUi();
        AtomicInteger opened = new AtomicInteger();
        AtomicInteger openedOther = new AtomicInteger();
        robot.interact(() -> {
            popUps.show(stage, "INC-2026-0001 is urgent", "A lost laptop, not locked.", true, Duration.minutes(10), opened::incrementAndGet);
            popUps.show(stage, "2 more to look at", "See the dashboard for the rest.", false, Duration.minutes(10), openedOther::incrementAndGet);
        });
        waitUntil(() -> popUps.showing().size() == 2);
        List<Popup> shown = popUps.showing();
        Popup first = shown.get(0), second = shown.get(1);
        // both in the window's bottom-right corner, the newer one below the older one
        waitUntil(() -> first.getHeight() > 0 && second.getHeight() > 0);
        robot.interact(() -> { });
        assertTrue(second.getY() > first.getY(), "the newest is lowest");
        assertTrue(first.getX() + PopUpsUi.WIDTH <= stage.getX() + stage.getWidth(), "inside the window's right edge");
        assertTrue(second.getY() + second.getHeight() <= stage.getY() + stage.getHeight(), "inside the window's bottom edge");
        Node firstNote = first.getContent().get(0);
        assertEquals("notice-popup", firstNote.getId());

        robot.clickOn(robot.from(firstNote).lookup("#notice-open").queryAs(Button.class));
        waitUntil(() -> opened.get() == 1 && !first.isShowing());
        assertEquals(0, openedOther.get(), "only the clicked one opens its record");
        assertEquals(List.of(second), popUps.showing(), "the other stays");
        robot.interact(second::hide);
        waitUntil(() -> popUps.showing().isEmpty());
    }

    @Test
    void aPopUpGoesByItselfAfterItsTime(FxRobot robot) {
        PopUpsUi popUps = new PopUpsUi();
        AtomicInteger opened = new AtomicInteger();
        robot.interact(() -> popUps.show(stage, "Declaration expiring", "Ben Tester's declaration expires in 12 days.", false,
                Duration.millis(500), opened::incrementAndGet));
        waitUntil(() -> popUps.showing().isEmpty());
        assertEquals(0, opened.get());
        assertFalse(robot.lookup("#notice-popup").tryQuery().isPresent(), "nothing of it is left on screen");
    }
}
