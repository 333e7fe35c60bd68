package org.devicedesk.people;

import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.devicedesk.ui.AppContext;

/**
 * A section another feature lends to the person page (a {@code FooSection} of the naming scheme, here the hook
 * the people feature offers: it does not depend on devices or bookings). Fills the "Devices" section of a person page ({@code VBox} with id {@code person-devices}) with the
 * devices the person holds now and held before. The devices feature supplies it in ScreenCatalog:
 * {@code c -> new PeopleView(c, (ctx, person, section) -> ...)}. Called on the FX thread each time
 * the page shows or reloads a person, with the section already emptied below its heading; load in
 * the background ({@code Background.run}) and add the result to {@code section}.
 */
@FunctionalInterface
public interface PersonPageSection {
    void fill(AppContext context, Person person, VBox section);

    /** Until the devices feature plugs in. */
    PersonPageSection NONE = (context, person, section) -> {
        Label none = new Label("The devices this person holds and held will be listed here.");
        none.getStyleClass().add("text-muted");
        none.setWrapText(true);
        section.getChildren().add(none);
    };
}
