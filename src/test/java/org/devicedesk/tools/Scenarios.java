package org.devicedesk.tools;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import org.devicedesk.ui.Shell;

/**
 * Named set-ups for screenshots: what to do after the screen is shown (on the FX thread), e.g. open
 * a form or select a record. Add one line per scenario to {@link #ALL}; run it with
 * {@code tools/screenshot.sh --as helpdesk --screen devices --scenario devices-new --out ...}.
 * The shell gives the services and the session ({@code shell.context()}) for data a scenario needs.
 */
public final class Scenarios {
    private Scenarios() {}

    public static final Map<String, Consumer<Shell>> ALL = new LinkedHashMap<>();

    static {
        // name -> what to do; keep one line each (sorted by feature)
        ALL.put("accounts-new", shell -> click(shell, "accounts-new"));
        ALL.put("accounts-first", shell -> selectFirstRow(shell, "accounts-table"));
        ALL.put("audit-verify", shell -> click(shell, "audit-verify"));
        ALL.put("breach-case", shell -> shell.navigate("breaches", shell.context().services().breaches.queue(shell.context().session(), null).stream()
                .filter(c -> c.fromIncident() && c.status() == org.devicedesk.breaches.BreachCase.Status.REPORTED_TO_ICO).findFirst().orElseThrow().id()));
        ALL.put("breach-register", shell -> click(shell, "breaches-register"));
        ALL.put("people-first", shell -> selectFirstRow(shell, "people-table"));
        ALL.put("people-new", shell -> click(shell, "people-new"));
    }

    /** Fires the button (or toggle, hyperlink, menu button) with this automation id. */
    public static void click(Shell shell, String id) {
        ((ButtonBase) find(shell, id)).fire();
    }

    /** Types into the text field or area with this automation id (replacing its text). */
    public static void type(Shell shell, String id, String text) {
        ((TextInputControl) find(shell, id)).setText(text);
    }

    /** Selects the first row of the table with this automation id. */
    public static void selectFirstRow(Shell shell, String id) {
        TableView<?> table = (TableView<?>) find(shell, id);
        if (!table.getItems().isEmpty()) table.getSelectionModel().select(0);
    }

    /** The node with this automation id in any open window (main window or dialog), or an error naming the id. */
    public static Node find(Shell shell, String id) {
        for (javafx.stage.Window w : javafx.stage.Window.getWindows()) { // dialogs are windows of their own
            Node n = w.getScene() == null ? null : w.getScene().lookup("#" + id);
            if (n != null) return n;
        }
        throw new IllegalStateException("No node with id " + id + " is showing.");
    }
}
