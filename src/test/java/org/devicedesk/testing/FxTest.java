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
            WaitForAsyncUtils.asyncFx(r).get(120, TimeUnit.SECONDS); // a guard against a hang, not a timing assertion
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Waits until the condition holds. Background work is asynchronous, and on a loaded machine slow: so
     * this waits on the work's own completion ({@link org.devicedesk.ui.Background#awaitIdle}, which
     * includes its result reaching the screen) for as long as it runs, and fails only when the
     * condition is still false after the window has been idle — no background work, FX events done —
     * for a generous {@value #IDLE_LIMIT_MS} ms.
     */
    protected static void waitUntil(Callable<Boolean> condition) {
        try {
            long idleSince = System.nanoTime();
            while (true) {
                WaitForAsyncUtils.waitForFxEvents();
                // the background work a click started first, so that a condition already true of the old screen is not taken for the new one
                if (org.devicedesk.ui.Background.isBusy() && !org.devicedesk.ui.Background.awaitIdle(600_000)) {
                    throw new AssertionError("Background work did not finish within 10 minutes");
                }
                WaitForAsyncUtils.waitForFxEvents();
                if (condition.call()) return;
                if (org.devicedesk.ui.Background.isBusy()) {
                    // the work is still running: wait for it (a 10-minute guard against a hang, not a timing assertion)
                    if (!org.devicedesk.ui.Background.awaitIdle(600_000)) throw new AssertionError("Background work did not finish within 10 minutes");
                    idleSince = System.nanoTime();
                    continue;
                }
                if ((System.nanoTime() - idleSince) / 1_000_000L > IDLE_LIMIT_MS) {
                    throw new AssertionError("The screen did not reach the expected state, and no background work is running");
                }
                Thread.sleep(20);
            }
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static final long IDLE_LIMIT_MS = 60_000;

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
