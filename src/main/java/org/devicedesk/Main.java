package org.devicedesk;

import java.util.List;
import javafx.application.Application;

/**
 * Launcher for the packaged application: a main class that is not an {@link Application} lets
 * JavaFX start from the class path. It begins the start-up work ({@link Startup}: logging, database,
 * services) before JavaFX starts its toolkit, so the two run at the same time.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        Startup.begin(List.of(args));
        Application.launch(DeviceDesk.class, args);
    }
}
