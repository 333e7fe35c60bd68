package org.devicedesk.ui;

import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.event.EventHandler;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.devicedesk.core.Session;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/**
 * The main window after sign-in: a header with the organisation, the signed-in user, the theme
 * switch and sign-out; the navigation ({@code nav-*}) on the left; the current screen in the middle.
 * Screens are built the first time they are shown.
 */
public final class Shell {
    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    private final ToggleGroup navGroup = new ToggleGroup();
    private final Map<String, ScreenSpec> specs = new HashMap<>();
    private final Map<String, Screen> built = new HashMap<>();
    private final Map<String, ToggleButton> buttons = new HashMap<>();
    private final AppContext context;
    private final LiveChanges live;
    private String current;

    /**
     * @param wiring the application's services and restart (from the root, which knows every feature)
     * @param openAbout opens the About box (the backups feature's, wired by the root)
     */
    public Shell(AppContext.Wiring wiring, Session session, List<ScreenSpec> screens, Runnable signOut, java.util.function.Consumer<AppContext> openAbout) {
        this.live = new LiveChanges(wiring.changes(), wiring.displayName());
        this.context = wiring.context(session, this::navigate, () -> root.getScene() == null ? null : root.getScene().getWindow(), live);
        root.getStyleClass().add("shell");

        VBox nav = new VBox(2);
        nav.getStyleClass().add("nav");
        nav.setPadding(new Insets(12, 8, 12, 8));
        int shortcut = 0;
        for (ScreenSpec spec : screens) {
            // one screen may have a title per role (nav-people: "My page" for staff): the entry this person sees wins
            if (!spec.visibleTo().test(session) && screens.stream().anyMatch(o -> o.key().equals(spec.key()) && o.visibleTo().test(session))) continue;
            specs.put(spec.key(), spec);
            ToggleButton b = new ToggleButton(spec.title(), new FontIcon(spec.icon()));
            b.setId(spec.navId());
            b.setToggleGroup(navGroup);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setAlignment(Pos.CENTER_LEFT);
            b.getStyleClass().add("nav-button");
            boolean visible = spec.visibleTo().test(session);
            b.setVisible(visible);
            b.setManaged(visible);
            b.setMnemonicParsing(false);
            if (visible && shortcut < 9) {
                shortcut++;
                b.setTooltip(new Tooltip(spec.title() + " (Alt+" + shortcut + ")"));
                shortcuts.add(spec.key());
            }
            b.setOnAction(e -> navigate(spec.key(), null));
            buttons.put(spec.key(), b);
            nav.getChildren().add(b);
        }
        // a toggle in a group can be un-pressed; keep the current screen's button pressed
        navGroup.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null && was != null) was.setSelected(true);
        });

        Label app = new Label("Device Desk");
        app.getStyleClass().addAll(Styles.TITLE_4, "app-name");
        Label org = new Label(wiring.organisation().get());
        org.getStyleClass().add(Styles.TEXT_MUTED);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("shell-busy");
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(Background.busyProperty());
        Label user = new Label(session.displayName() + "  ·  " + session.roles().stream().map(r -> r.label()).reduce((a, b) -> a + ", " + b).orElse(""));
        user.setId("shell-user");
        ToggleButton theme = new ToggleButton(null, new FontIcon(MaterialDesignT.THEME_LIGHT_DARK));
        theme.setId("shell-theme");
        theme.setTooltip(new Tooltip("Switch between light and dark theme"));
        theme.setSelected(Theme.isDark());
        theme.setAccessibleText("Dark theme");
        theme.selectedProperty().addListener((o, a, dark) -> Theme.remember(dark));
        Button about = new Button(null, new FontIcon(MaterialDesignI.INFORMATION_OUTLINE));
        about.setId("shell-about");
        about.setTooltip(new Tooltip("About Device Desk: version, database and backups"));
        about.setAccessibleText("About Device Desk");
        about.setOnAction(e -> openAbout.accept(context));
        Button help = new Button(null, new FontIcon(MaterialDesignK.KEYBOARD_OUTLINE));
        help.setId("shell-help");
        help.setTooltip(new Tooltip("Keyboard shortcuts (F1)"));
        help.setAccessibleText("Keyboard shortcuts");
        help.setOnAction(e -> showHelp());
        Button out = new Button("Sign _out", new FontIcon(MaterialDesignL.LOGOUT));
        out.setId("shell-sign-out");
        out.setMinWidth(Region.USE_PREF_SIZE);
        // asks first: a stray Space or Enter on the button does not end the session (and what is typed is not lost)
        out.setOnAction(e -> {
            if (mayLeave("sign out") && Confirm.ask(window(), "sign-out", "Sign out of Device Desk?",
                    "You are signed in as " + session.displayName() + ".", "Sign out", "Stay signed in")) {
                discardCurrent();
                signOut.run();
            }
        });
        user.setMinWidth(0);
        org.setMinWidth(0);
        atlantafx.base.controls.Spacer spacer = new atlantafx.base.controls.Spacer();
        // one state while the shared server is away, instead of an error at every click (ADR 0010)
        Label reconnecting = new Label("Reconnecting to the database server…");
        reconnecting.setId("shell-reconnecting");
        reconnecting.getStyleClass().addAll(Styles.WARNING);
        reconnecting.visibleProperty().bind(live.reconnectingProperty());
        reconnecting.managedProperty().bind(live.reconnectingProperty());
        HBox header = new HBox(12, app, org, spacer, reconnecting, busy, user, theme, help, about, out);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(8, 16, 8, 16));
        header.getStyleClass().add("header");

        content.setPadding(new Insets(16));
        content.getStyleClass().add("content");
        root.setTop(header);
        root.setLeft(nav);
        root.setCenter(content);
        // global shortcuts, on whichever scene shows the shell (ADR 0014)
        root.sceneProperty().addListener((o, was, now) -> {
            if (was != null) was.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
            if (now != null) now.addEventFilter(KeyEvent.KEY_PRESSED, keys);
            if (was != null) was.focusOwnerProperty().removeListener(focusTakenAway);
            if (now != null) now.focusOwnerProperty().addListener(focusTakenAway);
        });
    }

    /**
     * The focused control was taken out of the window (a form closed, a page gave way to its list): JavaFX then hands
     * the focus to the window's first control, the top bar's theme button, and a keyboard user is lost. The focus goes
     * back into the screen instead, unless the screen places it itself (placeFocus looks after the screen has run).
     */
    private final javafx.beans.value.ChangeListener<Node> focusTakenAway = (o, before, now) -> {
        if (before == null || before.getScene() != null || current == null) return;
        for (Node n = now; n != null; n = n.getParent()) if (n == content) return;
        Screen screen = built.get(current);
        if (screen != null) placeFocus(screen.node());
    };

    private final List<String> shortcuts = new ArrayList<>();
    private final EventHandler<KeyEvent> keys = this::onKey;

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private void onKey(KeyEvent e) {
        if (root.getScene() == null || root.getScene().getRoot() != root) return;
        KeyCode k = e.getCode();
        if (k == KeyCode.F1 || (e.isShortcutDown() && (k == KeyCode.SLASH || k == KeyCode.DIVIDE))) {
            e.consume();
            showHelp();
        } else if (e.isAltDown() && !e.isShortcutDown() && k.isDigitKey()) {
            int n = k.getCode() - (k.isKeypadKey() ? KeyCode.NUMPAD0.getCode() : KeyCode.DIGIT0.getCode());
            if (n >= 1 && n <= shortcuts.size()) {
                e.consume();
                navigate(shortcuts.get(n - 1), null);
            }
        } else if (e.isShortcutDown() && !e.isAltDown() && k == KeyCode.F) {
            Node field = find(current + "-search");
            if (field != null) {
                e.consume();
                field.requestFocus();
                if (field instanceof javafx.scene.control.TextInputControl t) t.selectAll();
            }
        } else if (e.isShortcutDown() && !e.isAltDown() && k == KeyCode.N) {
            Node add = find(current + "-new");
            if (add instanceof ButtonBase b && !b.isDisabled()) {
                e.consume();
                b.fire();
            }
        }
    }

    /** A visible node of the current screen with this automation id. */
    private Node find(String id) {
        Node n = content.lookup("#" + id);
        return n != null && n.isVisible() && n.getScene() != null ? n : null;
    }

    /** The shortcuts, in a window of their own ({@code shell-help-dialog}); F1 or Ctrl+/ opens it. */
    public void showHelp() {
        GridPane grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(6);
        int r = 0;
        grid.addRow(r++, bold("Keys"), bold("What they do"));
        for (int i = 0; i < shortcuts.size(); i++) {
            grid.addRow(r++, new Label("Alt+" + (i + 1)), new Label("Open " + specs.get(shortcuts.get(i)).title()));
        }
        String[][] more = {
                {"Ctrl+F", "Go to the search box of this screen"},
                {"Ctrl+N", "New record on this screen (a report, a device, a notice …)"},
                {"Alt + underlined letter", "Press that button or go to that field"},
                {"Tab / Shift+Tab", "Next / previous field"},
                {"Enter", "The highlighted button (Send report, Save)"},
                {"Escape", "Cancel the form, close the open device or person, or close the window"},
                {"F1 or Ctrl+/", "This list"}};
        for (String[] m : more) grid.addRow(r++, new Label(m[0]), new Label(m[1]));
        javafx.scene.control.Dialog<Void> d = new javafx.scene.control.Dialog<>();
        if (window() != null) d.initOwner(window());
        d.setTitle("Keyboard shortcuts");
        d.setHeaderText("Keyboard shortcuts");
        d.getDialogPane().setId("shell-help-dialog");
        d.getDialogPane().setContent(grid);
        d.getDialogPane().getButtonTypes().add(javafx.scene.control.ButtonType.CLOSE);
        d.getDialogPane().lookupButton(javafx.scene.control.ButtonType.CLOSE).setId("shell-help-close");
        d.showAndWait();
    }

    private static Label bold(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_BOLD);
        return l;
    }

    /**
     * The unsaved-changes guard: true when nothing typed would be lost, or the person chose to leave
     * it ({@code toDo}: "sign out", "close Device Desk").
     */
    public boolean mayLeave(String toDo) {
        Screen screen = current == null ? null : built.get(current);
        String unsaved = screen == null ? null : screen.unsavedChanges();
        return unsaved == null || Confirm.leaveUnsaved(window(), unsaved, toDo);
    }

    /** Drops what was typed on the current screen without asking (the screenshot tool moving on after a filled form). */
    public void discardChanges() {
        discardCurrent();
    }

    private void discardCurrent() {
        Screen screen = current == null ? null : built.get(current);
        if (screen != null) screen.discardChanges();
    }

    public Parent root() {
        return root;
    }

    public AppContext context() {
        return context;
    }

    /** Shows a screen if the signed-in user may see it. */
    public void navigate(String key, Object argument) {
        ScreenSpec spec = specs.get(key);
        if (spec == null || !spec.visibleTo().test(context.session())) return;
        if (current != null && !mayLeave("open " + spec.title())) {
            buttons.get(current).setSelected(true);
            return;
        }
        discardCurrent();
        Screen screen = built.computeIfAbsent(key, k -> spec.factory().apply(context));
        if (!key.equals(current)) {
            Node node = screen.node();
            content.getChildren().setAll(node);
            current = key;
        }
        buttons.get(key).setSelected(true);
        screen.show(argument);
        placeFocus(screen.node());
    }

    /** Focus goes into the screen just opened (its search box, else its first field), unless the screen placed it itself. */
    private void placeFocus(Node screen) {
        javafx.application.Platform.runLater(() -> {
            if (root.getScene() == null) return;
            Node owner = root.getScene().getFocusOwner();
            for (Node n = owner; n != null; n = n.getParent()) if (n == screen) return;
            Node search = find(current + "-search");
            if (search != null) {
                search.requestFocus();
                return;
            }
            Node first = firstFocusable(screen);
            if (first != null) first.requestFocus();
        });
    }

    private static Node firstFocusable(Node n) {
        if (!n.isVisible() || n.isDisabled()) return null;
        if (n.isFocusTraversable() && !(n instanceof javafx.scene.control.ScrollPane)) return n;
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                Node f = firstFocusable(c);
                if (f != null) return f;
            }
        }
        return null;
    }

    /** Stops following changes (at sign-out). */
    public void close() {
        live.close();
    }

    public String currentKey() {
        return current;
    }

    /** The first screen this user may see. */
    public void showFirst() {
        for (var b : buttons.entrySet()) {
            if (b.getKey().equals("dashboard") && b.getValue().isVisible()) {
                navigate("dashboard", null);
                return;
            }
        }
        buttons.entrySet().stream().filter(e -> e.getValue().isVisible()).findFirst().ifPresent(e -> navigate(e.getKey(), null));
    }
}
