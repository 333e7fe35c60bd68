package org.devicedesk;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Start-up measurement hook, off by default: with {@code -Ddevicedesk.exitAfterFirstFrame=true} (or the
 * environment variable {@code DEVICEDESK_EXIT_AFTER_FIRST_FRAME=true}, which also reaches a forked
 * {@code mvn javafx:run}) Device Desk prints the wall-clock time of its first frame (the "Opening …"
 * window) and of the first frame of the sign-in or set-up screen, then exits. Used by
 * installer/measure-startup.sh and by the AppCDS training run of the installer build.
 */
final class FirstFrame {
    private FirstFrame() {}

    static boolean requested() {
        return Boolean.getBoolean("devicedesk.exitAfterFirstFrame")
                || "true".equalsIgnoreCase(System.getenv("DEVICEDESK_EXIT_AFTER_FIRST_FRAME"));
    }

    /** Call after the splash scene is shown; reports it, then the first scene root that replaces it. */
    static void report(Scene scene) {
        var splash = scene.getRoot();
        afterRendered("splash", () -> { });
        scene.rootProperty().addListener((o, old, root) -> {
            if (old == splash) afterRendered("sign-in", Platform::exit);
        });
    }

    /** Runs {@code then} on the JavaFX thread once the scene's current state has been drawn. */
    static void afterNextFrame(Runnable then) {
        new AnimationTimer() {
            private int ticks;

            @Override
            public void handle(long now) {
                if (++ticks < 2) return;
                stop();
                then.run();
            }
        }.start();
    }

    /**
     * A pulse runs animations, then CSS and layout, then hands the frame to the render thread; the
     * next pulse starts only after that frame is rendered. So the second timer tick after a change
     * means the changed scene has been drawn.
     */
    private static void afterRendered(String what, Runnable then) {
        new AnimationTimer() {
            private int ticks;

            @Override
            public void handle(long now) {
                if (++ticks < 2) return;
                stop();
                System.out.println("devicedesk.first-frame " + what + " " + System.currentTimeMillis());
                System.out.flush();
                then.run();
            }
        }.start();
    }
}
