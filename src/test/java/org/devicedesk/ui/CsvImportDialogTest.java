package org.devicedesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.stage.Stage;
import org.devicedesk.core.CsvImport;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.testing.FxTest;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** Issue 17: a long CSV import shows its real progress, row by row, with about how long is left, until it is done. */
class CsvImportDialogTest extends FxTest {

    @Test
    void whileTheImportRunsTheDialogSaysWhatItIsDoing(FxRobot robot) throws Exception {
        Session helen = testDb.session("helen", Role.HELPDESK);
        signInAs(helen);
        AppContext context = new AppContext(testDb.services::byType, testDb.services.clock, helen, (k, a) -> { }, () -> stage);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger imported = new AtomicInteger(-1);
        CsvImport.Preview ok = new CsvImport.Preview(3, List.of("asset_tag", "kind", "mode"),
                List.of(List.of("LT-1", "LAPTOP", "POOL"), List.of("LT-2", "LAPTOP", "POOL"), List.of("LT-3", "LAPTOP", "POOL")), List.of());
        Stage[] dialog = new Stage[1];
        try {
            runFx(() -> dialog[0] = CsvImportDialog.show(context, "Import devices", "help", "devices.csv", "asset_tag,kind,mode\n",
                    r -> ok, (r, told) -> {
                        told.rowsDone(1, 3); // one row in, then the test holds the rest
                        try {
                            assertTrue(release.await(60, TimeUnit.SECONDS), "the test lets the import finish");
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return 3;
                    }, imported::set));
            Label summary = node(robot, "import-summary", Label.class);
            waitUntil(() -> summary.getText().contains("no problems found"));
            ProgressBar progress = node(robot, "import-progress", ProgressBar.class);
            org.junit.jupiter.api.Assertions.assertFalse(progress.isVisible(), "no progress bar before the import starts");

            Button cancel = node(robot, "import-cancel", Button.class);
            Button save = node(robot, "import-save", Button.class);
            robot.clickOn(save);
            // the import is held on the latch, so FxTest.waitUntil (which first waits for background work to end) cannot
            // be used here: the click handler shows the progress on the FX thread before the work starts
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            assertTrue(progress.isVisible(), "the progress bar shows while the import runs");
            // the import's own progress, row by row: one of three rows done, with the time left
            org.testfx.util.WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Math.abs(progress.getProgress() - 1 / 3.0) < 1e-9);
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            assertTrue(summary.getText().startsWith("Importing row 1 of 3 from devices.csv — "), summary.getText());
            assertTrue(summary.getText().contains("left."), summary.getText());
            assertTrue(summary.getText().endsWith("Nothing is kept unless every row goes in."), summary.getText());
            // (no node(robot, ...) lookups here: they wait for background work, which the latch holds)
            assertTrue(cancel.isDisabled(), "it cannot be stopped halfway");
            assertTrue(save.isDisabled());
            assertEquals(-1, imported.get(), "not done yet");
        } finally {
            release.countDown();
        }
        waitUntil(() -> imported.get() == 3);
        waitUntil(() -> !dialog[0].isShowing());
    }
}
