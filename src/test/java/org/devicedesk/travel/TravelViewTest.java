package org.devicedesk.travel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.testing.FxTest;
import org.devicedesk.testing.TestDb;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The travel screen driven by its automation ids; the clock stands at Wednesday 4 March 2026, 10:00. */
class TravelViewTest extends FxTest {
    private Session sam;
    private Session ines;
    private long laptop;

    @Override
    protected void prepare(TestDb db) {
        sam = db.session("sam", Role.STAFF);
        ines = db.session("ines", Role.INFOSEC, Role.STAFF);
        laptop = TravelFixtures.heldDevice(db, "LT-0042", sam.personId());
    }

    @Test
    void aLateNoticeShowsTheLateWarningBeforeSaving(FxRobot robot) {
        signInAs(sam);
        robot.clickOn(node(robot, "nav-travel"));
        robot.clickOn(node(robot, "travel-new"));
        robot.clickOn(node(robot, "travel-destinations-search")).write("China");
        robot.type(KeyCode.ENTER);
        Label crypto = node(robot, "travel-crypto-warning", Label.class);
        waitUntil(crypto::isVisible);
        assertTrue(crypto.getText().contains("China restricts the import or use of encryption"), crypto.getText());

        robot.clickOn("#travel-departure-date").write("09/03/2026");
        Label days = node(robot, "travel-notice-days", Label.class);
        waitUntil(days::isVisible);
        assertEquals("5 days' notice — late — fewer than 7 days before travel", days.getText());
        assertTrue(testDb.services.travel.list(sam).isEmpty(), "shown before anything is saved");

        retype(robot, "travel-departure-date", "11/03/2026");
        waitUntil(() -> days.getText().equals("7 days' notice — on time"));
        retype(robot, "travel-departure-date", "10/03/2026");
        waitUntil(() -> days.getText().startsWith("6 days' notice — late"));

        robot.clickOn("#travel-return-date").write("16/03/2026");
        robot.clickOn(node(robot, "travel-device-LT-0042"));
        robot.clickOn("#travel-purpose").write("Trade delegation with the Mayor's office");
        Label message = node(robot, "travel-message", Label.class);
        robot.clickOn("#travel-save");
        TableView<?> table = node(robot, "travel-table", TableView.class);
        waitUntil(() -> table.getItems().size() == 1 || message.isVisible());
        assertFalse(message.isVisible(), message.getText());
        TravelNotice saved = testDb.services.travel.list(sam).get(0);
        assertTrue(saved.late());
        assertEquals(6, saved.noticeDays());
        assertTrue(saved.cryptoWarning());
        assertEquals(List.of("CN"), saved.destinations());
        assertEquals(List.of(laptop), saved.devices().stream().map(TravelDevice::id).toList());
        waitUntil(() -> robot.lookup("#travel-table .badge").queryAll().stream()
                .anyMatch(n -> n instanceof Label l && l.getText().equals("6 days' notice · late")));
    }

    /** Selects what is in the field and types over it, as a person would. */
    private static void retype(FxRobot robot, String id, String text) {
        robot.clickOn("#" + id).push(KeyCode.CONTROL, KeyCode.A).write(text);
    }

    /** Issue 17 (ADR 0014): Cancel or Esc on a notice with something typed asks first; with nothing typed it just closes. */
    @Test
    void cancellingANoticeWithSomethingTypedAsksFirst(FxRobot robot) {
        signInAs(sam);
        robot.clickOn(node(robot, "nav-travel"));
        robot.clickOn(node(robot, "travel-new"));
        robot.clickOn(node(robot, "travel-purpose")).write("Conference in Lyon");
        robot.clickOn("#travel-cancel");
        robot.clickOn(node(robot, "unsaved-no")); // keep working on it
        waitUntil(() -> robot.lookup("#unsaved").tryQuery().isEmpty());
        assertEquals("Conference in Lyon", robot.lookup("#travel-purpose").queryAs(javafx.scene.control.TextArea.class).getText());
        robot.clickOn("#travel-purpose");
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        robot.clickOn(node(robot, "unsaved-yes")); // leave without saving
        waitUntil(() -> robot.lookup("#travel-purpose").tryQuery().isEmpty());
        assertTrue(testDb.services.travel.list(sam).isEmpty(), "nothing was saved");

        robot.clickOn(node(robot, "travel-new"));
        node(robot, "travel-purpose");
        robot.clickOn("#travel-cancel"); // nothing typed: closed at once
        waitUntil(() -> robot.lookup("#travel-purpose").tryQuery().isEmpty());
        assertTrue(robot.lookup("#unsaved").tryQuery().isEmpty(), "nothing to ask about");
    }

    @Test
    void aRefusedSaveKeepsTheFormOpenAndSaysWhy(FxRobot robot) {
        signInAs(sam);
        robot.clickOn(node(robot, "nav-travel"));
        robot.clickOn(node(robot, "travel-new"));
        robot.clickOn(node(robot, "travel-departure-date")).write("20/03/2026");
        robot.clickOn("#travel-return-date").write("18/03/2026");
        robot.clickOn("#travel-save");
        Label message = node(robot, "travel-message", Label.class);
        waitUntil(message::isVisible);
        assertTrue(message.getText().contains("Choose at least one destination country."), message.getText());
        assertTrue(message.getText().contains("is before the departure date"), message.getText());
        assertTrue(testDb.services.travel.list(sam).isEmpty());
    }

    @Test
    void informationSecurityApprovesAnOnTimeNotice(FxRobot robot) {
        long id = testDb.services.travel.submit(sam, new TravelDraft(null, List.of("FR"), LocalDate.parse("2026-03-20"),
                LocalDate.parse("2026-03-23"), List.of(laptop), "APCC conference in Lyon"));
        signInAs(ines);
        robot.clickOn(node(robot, "nav-travel"));
        TableView<?> table = node(robot, "travel-table", TableView.class);
        waitUntil(() -> table.getItems().size() == 1);
        robot.clickOn(robot.lookup("#travel-table .table-row-cell").nth(0).queryAs(Node.class));
        robot.clickOn(node(robot, "travel-decision"));
        robot.clickOn(robot.lookup(".list-cell").match((ListCell<?> c) -> "Approved".equals(c.getText())).queryAs(Node.class));
        robot.clickOn("#travel-advice").write("Keep the laptop in your hand luggage and use the VPN.");
        assertFalse(robot.lookup("#travel-late-justification").tryQuery().isPresent(), "no justification asked for an on-time notice");
        robot.clickOn("#travel-decision-save");
        waitUntil(() -> testDb.services.travel.get(ines, id).decision() == TravelDecision.APPROVED);
        TravelNotice n = testDb.services.travel.get(ines, id);
        assertEquals("Keep the laptop in your hand luggage and use the VPN.", n.advice());
        assertEquals("ines", n.decidedBy());
        waitUntil(() -> robot.lookup("#travel-detail .badge").queryAll().stream().anyMatch(b -> b instanceof Label l && l.getText().equals("Approved")));
    }

    @Test
    void aLateNoticeCannotBeApprovedWithoutAJustification(FxRobot robot) {
        long id = testDb.services.travel.submit(sam, new TravelDraft(null, List.of("DE"), LocalDate.parse("2026-03-06"),
                LocalDate.parse("2026-03-08"), List.of(laptop), "Partnership meeting"));
        signInAs(ines);
        robot.clickOn(node(robot, "nav-travel"));
        TableView<?> table = node(robot, "travel-table", TableView.class);
        waitUntil(() -> table.getItems().size() == 1);
        robot.clickOn(robot.lookup("#travel-table .table-row-cell").nth(0).queryAs(Node.class));
        robot.clickOn(node(robot, "travel-decision"));
        robot.clickOn(robot.lookup(".list-cell").match((ListCell<?> c) -> "Approved".equals(c.getText())).queryAs(Node.class));
        robot.clickOn("#travel-advice").write("Fine.");
        robot.clickOn("#travel-decision-save");
        Label message = node(robot, "travel-decision-message", Label.class);
        waitUntil(message::isVisible);
        assertTrue(message.getText().contains("Write down why it is late"), message.getText());
        assertEquals(null, testDb.services.travel.get(ines, id).decision());
        robot.clickOn("#travel-late-justification").write("Called at short notice by the Commissioner.");
        robot.clickOn("#travel-decision-save");
        waitUntil(() -> testDb.services.travel.get(ines, id).decision() == TravelDecision.APPROVED);
    }

    @Test
    void staffSeeOnlyTheirOwnNotices(FxRobot robot) {
        Session olive = testDb.session("olive", Role.STAFF);
        long olivesPhone = TravelFixtures.heldDevice(testDb, "MB-0007", olive.personId());
        testDb.services.travel.submit(olive, new TravelDraft(null, List.of("ES"), LocalDate.parse("2026-03-20"), LocalDate.parse("2026-03-22"),
                List.of(olivesPhone), "Leave"));
        testDb.services.travel.submit(sam, new TravelDraft(null, List.of("FR"), LocalDate.parse("2026-03-20"), LocalDate.parse("2026-03-22"),
                List.of(laptop), "Conference"));
        signInAs(sam);
        robot.clickOn(node(robot, "nav-travel"));
        TableView<?> table = node(robot, "travel-table", TableView.class);
        waitUntil(() -> table.getItems().size() == 1);
        assertEquals("Sam Tester", ((TravelNotice) table.getItems().get(0)).travellerName());
    }

    /** Issue 17: a change from a form loaded before someone else's is refused, and Reload keeps what was typed. */
    @Test
    void aStaleChangeOffersReloadWhichKeepsWhatWasTyped(FxRobot robot) {
        long id = testDb.services.travel.submit(sam, new TravelDraft(null, List.of("FR"), LocalDate.parse("2026-03-20"),
                LocalDate.parse("2026-03-22"), List.of(laptop), "Conference"));
        signInAs(sam);
        robot.clickOn(node(robot, "nav-travel"));
        TableView<?> table = node(robot, "travel-table", TableView.class);
        waitUntil(() -> table.getItems().size() == 1);
        robot.clickOn(robot.lookup("#travel-table .table-row-cell").nth(0).queryAs(Node.class));
        robot.clickOn(node(robot, "travel-edit"));
        TravelNotice now = testDb.services.travel.get(ines, id);
        testDb.services.travel.update(ines, id, now.version(), new TravelDraft(null, List.of("FR"), now.departureDate(),
                LocalDate.parse("2026-03-23"), List.of(laptop), now.purpose())); // Information Security moves the return meanwhile
        retype(robot, "travel-purpose", "Conference on victim services");
        robot.clickOn("#travel-save");
        javafx.scene.control.Button reload = node(robot, "travel-reload", javafx.scene.control.Button.class);
        waitUntil(reload::isVisible);
        robot.clickOn(reload);
        Label message = node(robot, "travel-message", Label.class);
        waitUntil(() -> message.isVisible() && message.getText().startsWith("Reloaded"));
        assertTrue(message.getText().contains("Your changes to purpose are kept."), message.getText());
        robot.clickOn("#travel-save");
        waitUntil(() -> testDb.services.travel.get(sam, id).purpose().equals("Conference on victim services"));
        assertEquals(LocalDate.parse("2026-03-23"), testDb.services.travel.get(sam, id).returnDate(), "their change kept too");
    }

    /** Issue 17 / SPEC 4: a trip that is over with no decision is flagged in the queue, and the queue can show only those. */
    @Test
    void aTripBackWithNoDecisionIsFlaggedAndCanBeListedAlone(FxRobot robot) {
        long over = testDb.services.travel.submit(sam, new TravelDraft(null, List.of("FR"), LocalDate.parse("2026-03-12"),
                LocalDate.parse("2026-03-14"), List.of(laptop), "Conference"));
        testDb.services.travel.submit(sam, new TravelDraft(null, List.of("DE"), LocalDate.parse("2026-03-20"),
                LocalDate.parse("2026-03-25"), List.of(laptop), "Partnership meeting"));
        testDb.clock.set(java.time.Instant.parse("2026-03-16T10:00:00Z")); // back on the 14th; nobody decided
        signInAs(ines);
        robot.clickOn(node(robot, "nav-travel"));
        TableView<?> table = node(robot, "travel-table", TableView.class);
        waitUntil(() -> table.getItems().size() == 2);
        waitUntil(() -> robot.lookup("#travel-table .badge").queryAll().stream()
                .anyMatch(n -> n instanceof Label l && l.getText().equals("Back, undecided")));
        robot.clickOn("#travel-overdue-only");
        waitUntil(() -> table.getItems().size() == 1);
        assertEquals(over, ((TravelNotice) table.getItems().get(0)).id());
        robot.clickOn("#travel-overdue-only");
        waitUntil(() -> table.getItems().size() == 2);
    }

    /** Issue 17: Destinations is the column that gives way; a cut list of countries shows whole in its tooltip. */
    @Test
    void theDestinationsShowWholeInATooltip(FxRobot robot) {
        testDb.services.travel.submit(sam, new TravelDraft(null, List.of("CH", "DE", "FR", "IT", "AT", "BE"), LocalDate.parse("2026-03-20"),
                LocalDate.parse("2026-03-25"), List.of(laptop), "Partnership tour"));
        String whole = testDb.services.travel.list(sam).get(0).destinationNames();
        signInAs(ines);
        robot.clickOn(node(robot, "nav-travel"));
        TableView<?> table = node(robot, "travel-table", TableView.class);
        waitUntil(() -> table.getItems().size() == 1);
        assertEquals("Destinations", table.getVisibleLeafColumns().get(table.getVisibleLeafColumns().size() - 1).getText(),
                "last, taking what the whole columns leave");
        waitUntil(() -> robot.lookup("#travel-table .table-cell").queryAll().stream().anyMatch(n -> n instanceof javafx.scene.control.TableCell<?, ?> c
                && whole.equals(c.getText()) && c.getTooltip() != null && whole.equals(c.getTooltip().getText())));
    }
}
