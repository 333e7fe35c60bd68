package org.devicedesk.bookings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableView;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.devices.Device;
import org.devicedesk.devices.DeviceDraft;
import org.devicedesk.testing.FxTest;
import org.devicedesk.testing.TestDb;
import org.devicedesk.travel.PostTravelOutcome;
import org.devicedesk.travel.TravelDecision;
import org.devicedesk.travel.TravelDraft;
import org.devicedesk.travel.TravelLoaners;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** Information Security requires a clean loaner on a travel notice; the help desk's post-travel check records its wipe. */
class LoanerDecisionViewTest extends FxTest {
    Session sam;
    Session ines;
    Session helpdesk;
    long notice;
    long pool;

    @Override
    protected void prepare(TestDb db) {
        sam = db.session("sam", Role.STAFF);
        ines = db.session("ines", Role.INFOSEC, Role.STAFF);
        helpdesk = db.session("helen", Role.HELPDESK);
        long own = db.services.devices.create(helpdesk, new DeviceDraft("LT-0042", Device.Kind.LAPTOP, "Dell Latitude 7450", null, null, null, true,
                Device.Mode.ISSUED, Device.Status.IN_STOCK, null, null));
        db.services.devices.issue(helpdesk, own, sam.personId());
        pool = db.services.devices.create(helpdesk, new DeviceDraft("PL-0007", Device.Kind.LAPTOP, "Lenovo ThinkPad T14", null, null, null, true,
                Device.Mode.POOL, Device.Status.IN_STOCK, "Loaners", null));
        notice = db.services.travel.submit(sam, new TravelDraft(null, List.of("CN"), LocalDate.parse("2026-03-16"), LocalDate.parse("2026-03-20"),
                List.of(own), "Trade delegation with the Mayor's office"));
    }

    void openNotice(FxRobot robot) {
        robot.clickOn(node(robot, "nav-travel"));
        TableView<?> table = node(robot, "travel-table", TableView.class);
        waitUntil(() -> table.getItems().size() == 1);
        waitUntil(() -> robot.lookup("#travel-table .table-row-cell").tryQuery().isPresent());
        robot.clickOn(robot.lookup("#travel-table .table-row-cell").nth(0).queryAs(Node.class));
    }

    @Test
    void informationSecurityRequiresALoanerAndTheNoticeListsIt(FxRobot robot) {
        signInAs(ines);
        openNotice(robot);
        robot.clickOn(node(robot, "travel-decision"));
        robot.clickOn(robot.lookup(".list-cell").match((ListCell<?> c) -> "Approved with conditions".equals(c.getText())).queryAs(Node.class));
        robot.clickOn("#travel-advice").write("Take the clean loaner laptop; leave your own at home.");
        @SuppressWarnings("unchecked") ComboBox<Object> loaner = node(robot, "travel-loaner", ComboBox.class);
        // below the advice, perhaps under the fold of the detail's scroll pane: chosen through the control itself
        assertEquals("A clean loaner laptop from the pool", loaner.getConverter().toString(Device.Kind.LAPTOP));
        fx(() -> loaner.setValue(Device.Kind.LAPTOP));
        robot.clickOn("#travel-decision-save");
        waitUntil(() -> testDb.services.travel.get(ines, notice).decision() == TravelDecision.APPROVED_WITH_CONDITIONS);
        Label line = node(robot, "travel-loaner-PL-0007", Label.class);
        assertTrue(line.getText().startsWith("Loaner: PL-0007 (Lenovo ThinkPad T14), "), line.getText());
        assertTrue(line.getText().contains("16") && line.getText().contains("20"), line.getText());
        assertTrue(line.getText().endsWith(" — booked, to be collected from the help desk."), line.getText());
        List<TravelLoaners.Loaner> loaners = testDb.services.travel.loaners(ines, notice);
        assertEquals(1, loaners.size());
        assertEquals(pool, loaners.get(0).deviceId());
        assertTrue(testDb.services.devices.designatedUsers(helpdesk, pool).stream().anyMatch(u -> u.personId() == sam.personId()));
    }

    @Override
    protected Instant startAt() {
        return TestDb.DEFAULT_NOW;
    }

    @Test
    void thePostTravelCheckRecordsThatTheLoanerWasWiped(FxRobot robot) {
        testDb.services.travel.decide(ines, notice, TravelDecision.APPROVED, "Loaner only.", null, Device.Kind.LAPTOP);
        long booking = testDb.services.travel.loaners(ines, notice).get(0).bookingId();
        testDb.clock.set(Instant.parse("2026-03-16T07:00:00Z"));
        testDb.services.bookings.checkOut(helpdesk, booking);
        testDb.clock.set(Instant.parse("2026-03-21T09:00:00Z"));
        testDb.services.devices.checkIn(helpdesk, pool);
        signInAs(helpdesk);
        openNotice(robot);
        CheckBox wiped = node(robot, "travel-post-check-loaner-wiped", CheckBox.class);
        waitUntil(wiped::isVisible);
        assertEquals("PL-0007 (the loaner) was wiped and re-imaged before its next use", wiped.getText());
        @SuppressWarnings("unchecked") ComboBox<PostTravelOutcome> outcome = node(robot, "travel-post-check-outcome", ComboBox.class);
        fx(() -> {
            outcome.setValue(PostTravelOutcome.NO_CONCERNS);
            wiped.setSelected(true);
        });
        robot.clickOn("#travel-post-check-save");
        waitUntil(() -> testDb.services.travel.get(helpdesk, notice).postCheckOutcome() == PostTravelOutcome.NO_CONCERNS);
        assertTrue(testDb.services.travel.loaners(helpdesk, notice).get(0).wipedAt() != null, "the wipe is recorded with the check");
        waitUntil(() -> robot.lookup("#travel-loaner-PL-0007").tryQuery().map(n -> ((Label) n).getText().contains("wiped and re-imaged by helen")).orElse(false));
    }
}
