package org.devicedesk.ui;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** A short "coming" panel for a screen that is not built yet. */
public final class ComingScreen implements Screen {
    private final VBox box;

    public ComingScreen(String title, String what) {
        Label heading = new Label(title);
        heading.getStyleClass().add("title-2");
        Label text = new Label(what + "\nThis screen is coming in a later version of Device Desk.");
        text.setWrapText(true);
        box = new VBox(12, heading, text);
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(520);
    }

    @Override public Node node() { return box; }
}
