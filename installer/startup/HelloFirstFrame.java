import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The baseline for installer/measure-startup.sh: a bare JavaFX window with one label, which prints
 * the wall-clock time of its first rendered frame (the same way as Device Desk's FirstFrame hook:
 * the second pulse after showing) and exits.
 */
public class HelloFirstFrame extends Application {
    @Override
    public void start(Stage stage) {
        stage.setTitle("Hello");
        stage.setScene(new Scene(new StackPane(new Label("Hello")), 1280, 800));
        stage.show();
        new AnimationTimer() {
            private int ticks;

            @Override
            public void handle(long now) {
                if (++ticks < 2) return;
                stop();
                System.out.println("hello.first-frame " + System.currentTimeMillis());
                Platform.exit();
            }
        }.start();
    }

    /** A main class that is not an Application, as in Device Desk, so JavaFX starts from the class path. */
    public static final class Main {
        public static void main(String[] args) {
            Application.launch(HelloFirstFrame.class, args);
        }
    }
}
