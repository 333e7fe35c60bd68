package org.devicedesk.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import org.devicedesk.incidents.Incident;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.testing.FxTest;
import org.devicedesk.ui.Shell;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

class DashboardViewTest extends FxTest {
    private static final Instant NOW = Instant.parse("2026-03-04T10:00:00Z");

    @Test
    void theHelpdeskSeesTheCountsAndANumberOpensTheList(FxRobot robot) {
        Seed seed = new Seed(testDb);
        seed.device("IN_SERVICE");
        seed.device("LOST");
        seed.device("LOST");
        long reporter = testDb.person("Rita Reporter", true);
        seed.incident("PASSWORD_COMPROMISED", "REPORTED", true, NOW.minusSeconds(600), reporter);
        seed.incident("LOST", "ACKNOWLEDGED", false, NOW.minusSeconds(6000), reporter);
        Session helen = testDb.session("helen", Role.HELPDESK);

        Shell shell = signInAs(helen);
        assertEquals("dashboard", shell.currentKey(), "the dashboard is the first screen");
        Button lost = node(robot, "dashboard-devices-lost", Button.class);
        assertEquals("2", lost.getText());
        assertEquals("2", robot.lookup("#dashboard-incidents-open").queryAs(Button.class).getText());
        assertEquals("1", robot.lookup("#dashboard-incidents-reported").queryAs(Button.class).getText());
        assertTrue(robot.lookup("#dashboard-breaches-overdue").tryQuery().isEmpty(), "breach cases are the DPO's");
        assertTrue(robot.lookup("#dashboard-urgent-list .hyperlink").tryQuery().isPresent(), "the urgent incident is listed");
        // each slice of the devices chart in its status's colour, not only the last one added (issue 17 point 8)
        javafx.scene.chart.PieChart pie = node(robot, "dashboard-devices-chart", javafx.scene.chart.PieChart.class);
        java.util.Map<String, java.util.List<String>> classes = new java.util.HashMap<>();
        fx(() -> pie.getData().forEach(d -> classes.put(d.getName(), java.util.List.copyOf(d.getNode().getStyleClass()))));
        assertEquals(2, classes.size(), classes.toString());
        assertTrue(classes.values().stream().filter(c -> c.contains("device-status-lost")).count() == 1
                && classes.values().stream().filter(c -> c.contains("device-status-in-service")).count() == 1, classes.toString());
        assertTrue(classes.entrySet().stream().noneMatch(e -> e.getValue().stream().filter(c -> c.startsWith("device-status-")).count() != 1), classes.toString());

        // issue 17: one card style: every titled card is AtlantaFX's Card with its title (title-4) in the header band
        java.util.List<String> odd = new java.util.ArrayList<>();
        java.util.List<String> seen = new java.util.ArrayList<>();
        fx(() -> shell.root().lookupAll(".card").forEach(c -> {
            if (!c.isVisible() || "dashboard-report-card".equals(c.getId())) return; // staff's call to action has no title
            seen.add(c.getId());
            boolean titled = c instanceof atlantafx.base.controls.Card card && card.getHeader() instanceof javafx.scene.control.Label l
                    && l.getStyleClass().contains(atlantafx.base.theme.Styles.TITLE_4) && card.getPadding().getTop() == 0;
            if (!titled) odd.add(c.getClass().getSimpleName() + " " + c.getStyleClass() + " " + c.getId());
        }));
        assertTrue(odd.isEmpty(), "cards with another header: " + odd);
        assertTrue(seen.contains("dashboard-bookings") && seen.size() >= 4, "the bookings card among them: " + seen);

        robot.clickOn(lost);
        waitUntil(() -> "devices".equals(shell.currentKey()));
    }

    @Test
    void anIncidentNumberOpensTheIncidentListFilteredToThatStatusAndType(FxRobot robot) {
        Seed seed = new Seed(testDb);
        long reporter = testDb.person("Rita Reporter", true);
        long reported = seed.incident("LOST", "REPORTED", false, NOW.minusSeconds(600), reporter);
        seed.incident("STOLEN", "ACKNOWLEDGED", false, NOW.minusSeconds(6000), reporter);
        seed.incident("LOST", "CONTAINED", false, NOW.minusSeconds(6000), reporter);
        seed.incident("LOST", "CLOSED", false, NOW.minusSeconds(9000), reporter);
        Shell shell = signInAs(testDb.session("helen", Role.HELPDESK));

        Button reportedCount = node(robot, "dashboard-incidents-reported", Button.class);
        assertEquals("1", reportedCount.getText());
        robot.clickOn(reportedCount);
        waitUntil(() -> "incidents".equals(shell.currentKey()));
        @SuppressWarnings("unchecked") TableView<Incident> table = node(robot, "incidents-table", TableView.class);
        waitUntil(() -> table.getItems().size() == 1);
        assertEquals(reported, table.getItems().get(0).id());
        assertEquals("Reported", robot.lookup("#incidents-status").queryAs(ComboBox.class).getValue().toString());

        robot.clickOn("#nav-dashboard");
        // the dashboard first: under load the click on a number could otherwise land while the incident list still shows
        waitUntil(() -> "dashboard".equals(shell.currentKey()));
        robot.clickOn(node(robot, "dashboard-incidents-type-lost"));       // "Lost: 2" open ones, the closed one not
        waitUntil(() -> "incidents".equals(shell.currentKey()));
        waitUntil(() -> table.getItems().size() == 2);
        assertTrue(table.getItems().stream().allMatch(i -> i.type() == Incident.Type.LOST && i.status() != Incident.Status.CLOSED));
    }

    @Test
    void theLateTravelNumberOpensTheTravelListNarrowedToLateNotices(FxRobot robot) {
        Seed seed = new Seed(testDb);
        long traveller = testDb.person("Tom Traveller", true);
        java.time.LocalDate today = java.time.LocalDate.parse("2026-03-04");
        long lateSoon = seed.travel(traveller, today.plusDays(3), true, null);
        seed.travel(traveller, today.plusDays(10), false, null);
        long lateLater = seed.travel(traveller, today.plusDays(20), true, "APPROVED");
        seed.travel(traveller, today.minusDays(2), true, "APPROVED");          // already departed
        Shell shell = signInAs(testDb.session("ines", Role.INFOSEC));

        Button late = node(robot, "dashboard-travel-late", Button.class);
        assertEquals("2", late.getText());
        assertEquals("2", robot.lookup("#dashboard-travel-soon").queryAs(Button.class).getText());
        robot.clickOn(late);
        waitUntil(() -> "travel".equals(shell.currentKey()));
        @SuppressWarnings("unchecked") TableView<org.devicedesk.travel.TravelNotice> table = node(robot, "travel-table", TableView.class);
        waitUntil(() -> table.getItems().size() == 2);
        assertEquals(java.util.Set.of(lateSoon, lateLater), table.getItems().stream().map(org.devicedesk.travel.TravelNotice::id)
                .collect(java.util.stream.Collectors.toSet()));

        robot.clickOn("#nav-travel");                                           // the navigation shows every notice again
        waitUntil(() -> table.getItems().size() == 4);
    }

    @Test
    void theDpoSeesBreachCasesByTimeLeft(FxRobot robot) {
        Seed seed = new Seed(testDb);
        seed.breach("AWAITING_REVIEW", NOW.minus(Duration.ofHours(80)));
        seed.breach("ASSESSING", NOW.minus(Duration.ofHours(50)));
        seed.breach("ASSESSING", NOW.minus(Duration.ofHours(1)));
        Session dora = testDb.session("dora", Role.DPO);

        Shell shell = signInAs(dora);
        Button overdue = node(robot, "dashboard-breaches-overdue", Button.class);
        assertEquals("1", overdue.getText());
        assertEquals("1", robot.lookup("#dashboard-breaches-last-24h").queryAs(Button.class).getText());
        assertEquals("1", robot.lookup("#dashboard-breaches-later").queryAs(Button.class).getText());
        assertTrue(robot.lookup("#dashboard-devices-lost").tryQuery().isEmpty(), "the register is the helpdesk's");
        robot.clickOn(overdue);
        waitUntil(() -> "breaches".equals(shell.currentKey()));
    }
}
