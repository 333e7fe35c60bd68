package org.devicedesk.ui;

import atlantafx.base.theme.Styles;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.devicedesk.Services;
import org.devicedesk.backups.AboutDialog;
import org.devicedesk.core.Session;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
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

    public Shell(Services services, Session session, List<ScreenSpec> screens, Runnable signOut) {
        this.live = new LiveChanges(services.db.changes(), services.accounts::displayName);
        this.context = new AppContext(services, session, this::navigate, () -> root.getScene() == null ? null : root.getScene().getWindow(), live);
        root.getStyleClass().add("shell");

        VBox nav = new VBox(2);
        nav.getStyleClass().add("nav");
        nav.setPadding(new Insets(12, 8, 12, 8));
        for (ScreenSpec spec : screens) {
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
        Label org = new Label(services.settings.values().organisationName());
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
        theme.selectedProperty().addListener((o, a, dark) -> Theme.remember(dark));
        Button about = new Button(null, new FontIcon(MaterialDesignI.INFORMATION_OUTLINE));
        about.setId("shell-about");
        about.setTooltip(new Tooltip("About Device Desk: version, database and backups"));
        about.setOnAction(e -> AboutDialog.show(context));
        Button out = new Button("Sign _out", new FontIcon(MaterialDesignL.LOGOUT));
        out.setId("shell-sign-out");
        out.setOnAction(e -> signOut.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // one state while the shared server is away, instead of an error at every click (ADR 0010)
        Label reconnecting = new Label("Reconnecting to the database server…");
        reconnecting.setId("shell-reconnecting");
        reconnecting.getStyleClass().addAll(Styles.WARNING);
        reconnecting.visibleProperty().bind(live.reconnectingProperty());
        reconnecting.managedProperty().bind(live.reconnectingProperty());
        HBox header = new HBox(12, app, org, spacer, reconnecting, busy, user, theme, about, out);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(8, 16, 8, 16));
        header.getStyleClass().add("header");

        content.setPadding(new Insets(16));
        content.getStyleClass().add("content");
        root.setTop(header);
        root.setLeft(nav);
        root.setCenter(content);
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
        Screen screen = built.computeIfAbsent(key, k -> spec.factory().apply(context));
        if (!key.equals(current)) {
            Node node = screen.node();
            content.getChildren().setAll(node);
            current = key;
        }
        buttons.get(key).setSelected(true);
        screen.show(argument);
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
