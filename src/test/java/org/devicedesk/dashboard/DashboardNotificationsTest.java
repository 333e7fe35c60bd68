package org.devicedesk.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import javafx.scene.Node;
import org.devicedesk.core.Role;
import org.devicedesk.testing.FxTest;
import org.devicedesk.ui.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

class DashboardNotificationsTest extends FxTest {
    private static final Instant NOW = Instant.parse("2026-03-04T10:00:00Z");

    @BeforeEach
    void popUpsOn() {
        System.setProperty("devicedesk.notifications", "on");
    }

    @AfterEach
    void popUpsOff() {
        System.setProperty("devicedesk.notifications", "off");
    }

    @Test
    void aBreachCaseInItsLastDayPopsUpOnceAndLeadsToTheCase(FxRobot robot) {
        new Seed(testDb).breach("ASSESSING", NOW.minus(Duration.ofHours(60)));   // 12 hours left
        Shell shell = signInAs(testDb.session("dora", Role.DPO));
        waitUntil(() -> robot.lookup(".notification-bar").tryQuery().isPresent());
        assertEquals(1, robot.lookup(".notification-bar").queryAll().size(), "one pop-up for one case");
        Node bar = robot.lookup(".notification-bar").query();
        assertTrue(robot.from(bar).lookup(".title").tryQuery().isPresent());
        robot.clickOn(bar);
        waitUntil(() -> "breaches".equals(shell.currentKey()));
    }
}
