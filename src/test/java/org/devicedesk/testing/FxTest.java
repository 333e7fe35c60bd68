package org.devicedesk.testing;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.devicedesk.MainWindow;
import org.devicedesk.core.Session;
import org.devicedesk.ui.Shell;
import org.devicedesk.ui.Theme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.junit.jupiter.api.BeforeEach;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Base for TestFX tests: the real window over a real temporary database, headless (Monocle).
 * Tests sign in with {@link #signInAs} (or drive the sign-in form) and then work the screen by its
 * automation ids.
 */
@ExtendWith(ApplicationExtension.class)
public abstract class FxTest {
    static { // dashboard pop-ups would cover buttons other tests click (and Monocle can hang hiding a stage under one)
        System.setProperty("devicedesk.notifications", "off");
    }

    protected TestDb testDb;
    protected MainWindow window;
    protected Stage stage;

    @BeforeEach
    void openWindow() throws TimeoutException {
        testDb = TestDb.create(startAt());
        prepare(testDb);
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            Theme.apply(false);
            window = new MainWindow(s, testDb.services);
            s.setWidth(1280);
            s.setHeight(800);
            window.start();
            s.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Where the test's clock starts. */
    protected java.time.Instant startAt() {
        return TestDb.DEFAULT_NOW;
    }

    /** Data the test needs before the window opens. */
    protected void prepare(TestDb db) {}

    @AfterEach
    void closeDb() throws TimeoutException {
        WaitForAsyncUtils.waitForFxEvents();
        FxToolkit.setupStage(s -> s.setScene(null));
        if (testDb != null) testDb.close();
    }

    /** Opens the shell for a session, as after a successful sign-in. */
    protected Shell signInAs(Session session) {
        Shell[] shell = new Shell[1];
        runFx(() -> shell[0] = window.showShell(session));
        WaitForAsyncUtils.waitForFxEvents();
        return shell[0];
    }

    protected void runFx(Runnable r) {
        try {
            WaitForAsyncUtils.asyncFx(r).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Waits (up to 60 s: the machine may be loaded) until the condition holds: background work is asynchronous. */
    protected static void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.call();
            });
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out waiting for the screen to update", e);
        }
    }

    /** The node with this automation id, waiting for it to appear. */
    protected Node node(FxRobot robot, String id) {
        waitUntil(() -> robot.lookup("#" + id).tryQuery().isPresent());
        return robot.lookup("#" + id).query();
    }

    /** The node with this automation id as the given type, waiting for it to appear. */
    protected <T extends Node> T node(FxRobot robot, String id, Class<T> type) {
        return type.cast(node(robot, id));
    }

    protected static void fx(Runnable r) {
        Platform.runLater(r);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
