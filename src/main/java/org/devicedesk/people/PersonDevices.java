package org.devicedesk.people;

import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.devicedesk.ui.AppContext;

/**
 * Fills the "Devices" section of a person page ({@code VBox} with id {@code person-devices}) with the
 * devices the person holds now and held before. The devices feature supplies it in ScreenCatalog:
 * {@code c -> new PeopleView(c, (ctx, person, section) -> ...)}. Called on the FX thread each time
 * the page shows or reloads a person, with the section already emptied below its heading; load in
 * the background ({@code Background.run}) and add the result to {@code section}.
 */
@FunctionalInterface
public interface PersonDevices {
    void fill(AppContext context, Person person, VBox section);

    /** Until the devices feature plugs in. */
    PersonDevices NONE = (context, person, section) -> {
        Label none = new Label("The devices this person holds and held will be listed here.");
        none.getStyleClass().add("text-muted");
        none.setWrapText(true);
        section.getChildren().add(none);
    };
}
