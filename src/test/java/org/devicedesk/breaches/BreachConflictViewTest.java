package org.devicedesk.breaches;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TextArea;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.testing.FxTest;
import org.devicedesk.testing.TestDb;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Issue 13: a DPO's case page loaded before another DPO saved is refused with who changed it; Reload
 * brings in the other DPO's measures and keeps the rationale this DPO typed.
 */
class BreachConflictViewTest extends FxTest {
    private Session dora;
    private Session dev;
    private long caseId;

    @Override
    protected void prepare(TestDb db) {
        dora = db.session("dora", Role.DPO, Role.STAFF);
        dev = db.session("dev", Role.DPO, Role.STAFF);
        caseId = db.services.breaches.openDirect(dora, "Misdirected email to a partner agency", null, TestDb.DEFAULT_NOW.minusSeconds(3600));
    }

    private Node reveal(FxRobot robot, String id) {
        Node n = node(robot, id);
        fx(() -> {
            ScrollPane sp = (ScrollPane) node(robot, "breach-form-scroll");
            Node content = sp.getContent();
            double y = content.sceneToLocal(n.localToScene(n.getBoundsInLocal())).getMinY();
            double room = content.getBoundsInLocal().getHeight() - sp.getViewportBounds().getHeight();
            sp.setVvalue(room <= 0 ? 0 : Math.max(0, Math.min(1, (y - 40) / room)));
        });
        return n;
    }

    @Test
    void aStaleSaveShowsWhoChangedTheCaseAndReloadKeepsWhatWasTyped(FxRobot robot) {
        signInAs(dora);
        robot.clickOn(node(robot, "nav-breaches"));
        waitUntil(() -> robot.lookup("#breaches-table .table-row-cell").match((TableRow<?> r) -> r.getItem() instanceof BreachCase c && c.id() == caseId)
                .tryQuery().isPresent());
        // the row chosen, then Enter (the queue's keyboard way in): a robot's double-click can arrive as two single
        // clicks on a loaded machine, and the double-click itself is not what this test is about
        robot.clickOn(robot.lookup("#breaches-table .table-row-cell")
                .match((TableRow<?> r) -> r.getItem() instanceof BreachCase c && c.id() == caseId).<Node>query());
        waitUntil(() -> robot.lookup("#breaches-table").queryAs(javafx.scene.control.TableView.class).getSelectionModel().getSelectedItem()
                instanceof BreachCase c && c.id() == caseId);
        robot.type(javafx.scene.input.KeyCode.ENTER);
        node(robot, "breach-save");
        robot.clickOn(reveal(robot, "breach-rationale")).write("Recalled within the hour; the agency confirmed deletion.");

        // meanwhile the other DPO records the measures from a page loaded at the same version
        BreachCase before = testDb.services.breaches.get(dev, caseId);
        BreachDraft d = BreachDraft.of(before);
        testDb.services.breaches.save(dev, caseId, before.version(), d.withAssessment(d.personalDataInvolved(), d.categoryOrdinary(),
                d.categorySpecial(), d.categoryCriminalOffence(), d.dataSubjectsApprox(), d.recordsApprox(), d.likelyConsequences(),
                "Email recalled; partner asked to delete it.", d.risk()));

        Button reload = node(robot, "breach-reload", Button.class);
        assertFalse(reload.isVisible());
        robot.clickOn("#breach-save");
        Label message = node(robot, "breach-message", Label.class);
        waitUntil(() -> message.isVisible() && message.getText().contains("was changed by dev"));
        assertTrue(message.getText().startsWith("Breach case " + before.reference() + " was changed by dev"), message.getText());
        assertTrue(message.getText().contains("Nothing was saved"), message.getText());
        waitUntil(reload::isVisible);
        assertEquals(null, testDb.services.breaches.get(dora, caseId).rationale(), "the stale save stored nothing");

        robot.clickOn("#breach-reload");
        TextArea measures = node(robot, "breach-measures", TextArea.class);
        waitUntil(() -> "Email recalled; partner asked to delete it.".equals(measures.getText()));
        TextArea rationale = node(robot, "breach-rationale", TextArea.class);
        assertEquals("Recalled within the hour; the agency confirmed deletion.", rationale.getText(), "what dora typed is kept");
        waitUntil(() -> message.getText().startsWith("Reloaded " + before.reference()));
        assertTrue(message.getText().contains("Your changes to rationale are kept"), message.getText());

        robot.clickOn("#breach-save");
        waitUntil(() -> message.getText().contains("saved"));
        BreachCase saved = testDb.services.breaches.get(dora, caseId);
        assertEquals("Email recalled; partner asked to delete it.", saved.measures(), "the other DPO's measures survive");
        assertEquals("Recalled within the hour; the agency confirmed deletion.", saved.rationale());
    }
}
