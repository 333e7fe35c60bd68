package org.devicedesk.bookings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.devices.Device;
import org.devicedesk.devices.DeviceDraft;
import org.devicedesk.people.PeopleService;
import org.devicedesk.testing.FxTest;
import org.devicedesk.testing.TestDb;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The bookings screen driven by its automation ids; the clock stands at Wednesday 4 March 2026, 10:00. */
class BookingsViewTest extends FxTest {
    Session helpdesk;
    Session priya;
    long tom;
    long pool;

    @Override
    protected void prepare(TestDb db) {
        helpdesk = db.session("helen", Role.HELPDESK);
        priya = db.session("priya", Role.STAFF);
        tom = db.person("Tom Walker", true);
        pool = db.services.devices.create(helpdesk, new DeviceDraft("PL-0001", Device.Kind.LAPTOP, "Dell Latitude 5440", null, null, null, true,
                Device.Mode.POOL, Device.Status.IN_STOCK, "Comms", null));
        db.services.devices.addDesignatedUser(helpdesk, pool, priya.personId());
        db.services.devices.addDesignatedUser(helpdesk, pool, tom);
    }

    @SuppressWarnings("unchecked")
    TableView<Booking> table(FxRobot robot) {
        return node(robot, "bookings-table", TableView.class);
    }

    @SuppressWarnings("unchecked")
    void chooseDevice(FxRobot robot, String tag) {
        ComboBox<BookingService.PoolDevice> combo = node(robot, "booking-device", ComboBox.class);
        robot.clickOn(combo);
        waitUntil(() -> combo.isShowing() && combo.getItems().stream().anyMatch(d -> d.assetTag().equals(tag)));
        fx(() -> {
            combo.getItems().stream().filter(d -> d.assetTag().equals(tag)).findFirst().ifPresent(combo::setValue);
            combo.hide();
        });
    }

    static void retype(FxRobot robot, String id, String text) {
        robot.clickOn("#" + id).push(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.A).write(text);
    }

    @Test
    void aStaffMemberBooksAndIsToldWhenTheDaysTouchAnotherBooking(FxRobot robot) {
        testDb.services.bookings.book(helpdesk, new BookingDraft(pool, tom, LocalDate.parse("2026-03-10"), LocalDate.parse("2026-03-12"), "Court visit"));
        signInAs(priya);
        robot.clickOn(node(robot, "nav-bookings"));
        waitUntil(() -> robot.lookup(".booking-bar").queryAll().size() == 1);
        Label bar = robot.lookup(".booking-bar").queryAs(Label.class);
        assertEquals("Booked", bar.getText(), "someone else's booking shows without their name");
        assertTrue(table(robot).getItems().isEmpty(), "nor in the list");

        chooseDevice(robot, "PL-0001");
        robot.clickOn("#booking-from").write("12/03/2026"); // the day Tom's booking ends: taken
        retype(robot, "booking-to", "13/03/2026");
        robot.clickOn("#booking-purpose").write("Partnership meeting in Coventry");
        robot.clickOn("#booking-save");
        Label message = node(robot, "booking-message", Label.class);
        waitUntil(message::isVisible);
        assertEquals("PL-0001 is already booked for someone else from Tue 10 March 2026 to Thu 12 March 2026. A booking holds the device "
                + "on its first and last days too; choose other days or another device.", message.getText());
        assertEquals(1, testDb.services.bookings.calendar(helpdesk, null, pool, LocalDate.parse("2026-03-09"), 14).get(0).bookings().size(), "nothing stored");

        retype(robot, "booking-from", "13/03/2026"); // the day after: free
        robot.clickOn("#booking-purpose");
        robot.clickOn("#booking-save");
        waitUntil(() -> message.getText().startsWith("PL-0001 is booked for you"));
        assertEquals("PL-0001 is booked for you on Fri 13 March 2026.", message.getText());
        waitUntil(() -> table(robot).getItems().size() == 1);
        Booking mine = table(robot).getItems().get(0);
        assertEquals(priya.personId(), mine.personId());
        assertEquals(LocalDate.parse("2026-03-13"), mine.from());
        waitUntil(() -> robot.lookup(".booking-bar").queryAll().size() == 2);
        assertTrue(robot.lookup("#bookings-check-out").tryQuery().map(n -> !n.isVisible()).orElse(true), "staff do not hand devices out");
    }

    /** Issue 17: a one-day booking by someone else is a short mark, not an empty box; the tooltip says "Booked". */
    @Test
    void someoneElsesOneDayBookingShowsAMarkThatSaysBooked(FxRobot robot) {
        testDb.services.bookings.book(helpdesk, new BookingDraft(pool, tom, LocalDate.parse("2026-03-13"), LocalDate.parse("2026-03-13"), "Court visit"));
        signInAs(priya);
        robot.clickOn(node(robot, "nav-bookings"));
        waitUntil(() -> robot.lookup(".booking-bar").queryAll().size() == 1);
        Label bar = robot.lookup(".booking-bar").queryAs(Label.class);
        waitUntil(() -> bar.getWidth() > 0);
        assertTrue(List.of("Booked", "B").contains(bar.getText()), "\"" + bar.getText() + "\" on a bar " + bar.getWidth() + " wide");
        assertEquals("Booked", bar.getAccessibleText());
        assertTrue(bar.getTooltip().getText().startsWith("Booked\n"), bar.getTooltip().getText());
    }

    @Test
    void theHelpDeskSeesWhatIsDueOutAndChecksItOutAgainstTheBooking(FxRobot robot) {
        long id = testDb.services.bookings.book(priya, new BookingDraft(pool, null, LocalDate.parse("2026-03-04"), LocalDate.parse("2026-03-05"), "Training day"));
        signInAs(helpdesk);
        Button due = node(robot, "dashboard-bookings-due-out", Button.class);
        waitUntil(() -> "1".equals(due.getText()));
        assertEquals("0", node(robot, "dashboard-bookings-overdue", Button.class).getText());
        robot.clickOn(due); // leads to the bookings screen
        waitUntil(() -> table(robot).getItems().size() == 1);
        robot.clickOn(robot.lookup("#bookings-table .table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
        Button checkOut = node(robot, "bookings-check-out", Button.class);
        waitUntil(() -> !checkOut.isDisabled());
        robot.clickOn(checkOut);
        Label message = node(robot, "bookings-message", Label.class);
        waitUntil(() -> message.getText().equals("PL-0001 is checked out to Priya Tester."));
        assertEquals(priya.personId(), testDb.services.devices.get(helpdesk, pool).orElseThrow().holder().personId());
        waitUntil(() -> table(robot).getItems().get(0).state(LocalDate.parse("2026-03-04")) == Booking.State.OUT);
        assertEquals(Booking.Status.CHECKED_OUT, testDb.services.bookings.get(helpdesk, id).status());
    }

    @Test
    void theHelpDeskBooksForADesignatedUserAndItShowsOnTheirPage(FxRobot robot) {
        signInAs(helpdesk);
        robot.clickOn(node(robot, "nav-bookings"));
        chooseDevice(robot, "PL-0001");
        @SuppressWarnings("unchecked") ComboBox<PeopleService.Row> person = node(robot, "booking-person", ComboBox.class);
        robot.clickOn(person);
        waitUntil(() -> person.isShowing() && person.getItems().stream().anyMatch(r -> r.person().fullName().equals("Tom Walker")));
        fx(() -> {
            person.getItems().stream().filter(r -> r.person().fullName().equals("Tom Walker")).findFirst().ifPresent(person::setValue);
            person.hide();
        });
        robot.clickOn("#booking-from").write("09/03/2026");
        retype(robot, "booking-to", "11/03/2026");
        robot.clickOn("#booking-purpose").write("Victims' board");
        robot.clickOn("#booking-save");
        Label message = node(robot, "booking-message", Label.class);
        waitUntil(() -> message.getText().startsWith("PL-0001 is booked for Tom Walker"));
        waitUntil(() -> table(robot).getItems().size() == 1);

        fx(() -> window.shell().navigate("people", tom));
        VBox section = node(robot, "person-bookings", VBox.class);
        waitUntil(() -> robot.lookup("#person-bookings .hyperlink").tryQuery().isPresent());
        assertTrue(robot.lookup("#person-bookings .label").queryAll().stream()
                .anyMatch(n -> n instanceof Label l && l.getText().startsWith("from Mon 9 March 2026 to Wed 11 March 2026 · Victims' board")), section.toString());
    }
}
