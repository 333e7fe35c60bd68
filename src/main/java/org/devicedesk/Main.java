package org.devicedesk;

import javafx.application.Application;

/**
 * Launcher for the packaged application: a main class that is not an {@link Application} lets
 * JavaFX start from the class path.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        Application.launch(DeviceDesk.class, args);
    }
}
