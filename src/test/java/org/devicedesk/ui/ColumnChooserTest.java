package org.devicedesk.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.prefs.Preferences;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.devicedesk.testing.FxTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Issue 17: a list's column chooser, and the columns hidden with it remembered for that list. */
class ColumnChooserTest extends FxTest {
    private final Preferences prefs = Preferences.userRoot().node("org/devicedesk-tests/columns-" + System.nanoTime());

    @AfterEach
    void forget() throws Exception {
        prefs.removeNode();
    }

    private static TableView<String> list(String id) {
        TableView<String> t = new TableView<>();
        t.setId(id);
        for (String name : new String[] {"Reference", "Status", "Owner"}) t.getColumns().add(new TableColumn<>(name));
        return t;
    }

    @Test
    void aHiddenColumnStaysHiddenForThatListOnlyAndTheFirstCannotBeHidden() {
        runFx(() -> {
            TableView<String> first = list("things-table");
            Tables.chooseColumns(first, prefs);
            assertTrue(first.isTableMenuButtonVisible(), "the chooser is shown");
            first.getColumns().get(1).setVisible(false); // as the chooser's tick does
            first.getColumns().get(0).setVisible(false);
            assertTrue(first.getColumns().get(0).isVisible(), "what names the row stays");

            TableView<String> again = list("things-table");
            Tables.chooseColumns(again, prefs);
            assertFalse(again.getColumns().get(1).isVisible(), "Status stays hidden the next time the list is built");
            assertTrue(again.getColumns().get(2).isVisible());

            TableView<String> other = list("other-table");
            Tables.chooseColumns(other, prefs);
            assertTrue(other.getColumns().get(1).isVisible(), "another list keeps its own choice");

            again.getColumns().get(1).setVisible(true);
            TableView<String> third = list("things-table");
            Tables.chooseColumns(third, prefs);
            assertTrue(third.getColumns().get(1).isVisible(), "shown again, remembered again");
        });
    }
}
