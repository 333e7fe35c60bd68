package org.devicedesk;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import org.devicedesk.testing.FxTest;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The "Opening …" window of a long start-up (the large demo, issue 16): what it is doing, how far, an estimate. */
class OpeningWindowTest extends FxTest {

    @Test
    void theOpeningWindowFollowsWhatALongStartUpSaysItIsDoing(FxRobot robot) {
        AtomicReference<Startup.Progress> progress = new AtomicReference<>();
        DeviceDesk.Opening[] shown = new DeviceDesk.Opening[1];
        runFx(() -> {
            shown[0] = DeviceDesk.opening("Opening /home/helen/devicedesk/large.db …", progress::get);
            stage.setScene(new Scene(shown[0].root(), 640, 400));
            stage.show();
        });
        Label doing = node(robot, "opening-progress", Label.class);
        ProgressIndicator spinner = node(robot, "opening-spinner", ProgressIndicator.class);
        assertFalse(doing.isVisible(), "an ordinary start-up has nothing to say but the file's name");
        assertTrue(spinner.isIndeterminate());

        progress.set(new Startup.Progress("Writing the incidents: 20,000 of 50,000 · about 40 s left", 0.4));
        waitUntil(() -> doing.isVisible() && doing.getText().equals("Writing the incidents: 20,000 of 50,000 · about 40 s left"));
        waitUntil(() -> spinner.getProgress() == 0.4);

        progress.set(new Startup.Progress("Building the search and sort indexes", -1));
        waitUntil(() -> doing.getText().equals("Building the search and sort indexes") && spinner.isIndeterminate());
        runFx(() -> shown[0].follow().stop());
    }
}
