package org.devicedesk.travel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.testing.FxTest;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** Settings &gt; Travel encryption list: an administrator adds a country; an edit from a stale copy is refused by name. */
class CryptoListViewTest extends FxTest {
    @Test
    void anAdministratorAddsACountryAndAStaleEditIsRefusedSayingWhoChangedTheList(FxRobot robot) {
        Session ada = testDb.session("ada", Role.ADMIN);
        Session bob = testDb.session("bob", Role.ADMIN);
        var shell = signInAs(ada);
        fx(() -> shell.navigate("settings", "crypto"));
        TableView<?> table = node(robot, "crypto-table", TableView.class);
        waitUntil(() -> !table.getItems().isEmpty());
        int before = table.getItems().size();
        Label changed = node(robot, "crypto-changed", Label.class);
        waitUntil(() -> changed.getText().contains("Device Desk"));

        fx(() -> org.devicedesk.tools.Scenarios.choose(shell, "crypto-country", Country.nameOf("VN")));
        robot.clickOn("#crypto-note").write("Import licence needed for encrypted laptops.");
        robot.clickOn("#crypto-add");
        waitUntil(() -> table.getItems().size() == before + 1);
        Label message = node(robot, "crypto-message", Label.class);
        waitUntil(() -> message.isVisible() && message.getText().contains("saved"));
        assertTrue(testDb.services.travel.cryptoList(ada).restricts("VN"));

        // another administrator changes the list meanwhile; this screen's copy is now stale
        long v = testDb.services.travel.cryptoList(bob).version();
        testDb.services.travel.removeCryptoCountry(bob, v, "VN");
        fx(() -> table.getSelectionModel().select(0));
        robot.clickOn("#crypto-note").eraseText(60).write("Changed note");
        robot.clickOn("#crypto-add");
        waitUntil(() -> message.getText().contains("was changed by bob"));
        assertTrue(message.getText().contains("Reload"), message.getText());
        waitUntil(() -> changed.getText().contains("Bob Tester"));
        assertTrue(!testDb.services.travel.cryptoList(ada).restricts("VN"), "the stale edit did not put it back");
    }
}
