package org.devicedesk.ui;

import java.util.List;
import java.util.prefs.Preferences;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The main window's size and place: fitted to the screen it opens on (never past its edges, as a fixed
 * 1280×800 was on a 1366×768 laptop), and remembered between runs for this user of the computer in
 * {@link java.util.prefs.Preferences} beside the theme — a layout preference, so not in the database.
 */
public final class WindowPlace {
    /** What Device Desk asks for when nothing is remembered: enough for a list and its detail side by side. */
    public static final double WANTED_WIDTH = 1440, WANTED_HEIGHT = 900;
    /** Below this the screens stop fitting; a smaller remembered size is not used. */
    public static final double MIN_WIDTH = 1000, MIN_HEIGHT = 640;

    private WindowPlace() {}

    /** A remembered place, or null. */
    public record Place(double x, double y, double width, double height, boolean maximized) {}

    /**
     * Where the window goes: the remembered place if it still lies mostly on one of the screens (shrunk to
     * fit it), else the wanted size centred on the primary screen, never larger than its visible area.
     */
    public static Place fit(Place saved, List<Rectangle2D> screens, Rectangle2D primary) {
        if (saved != null && saved.width() >= MIN_WIDTH && saved.height() >= MIN_HEIGHT) {
            for (Rectangle2D s : screens) {
                // the remembered title bar must still be on this screen, or the window could not be moved back
                if (s.contains(saved.x() + Math.min(100, saved.width() / 2), saved.y() + 10)) {
                    double w = Math.min(saved.width(), s.getWidth()), h = Math.min(saved.height(), s.getHeight());
                    double x = Math.max(s.getMinX(), Math.min(saved.x(), s.getMaxX() - w));
                    double y = Math.max(s.getMinY(), Math.min(saved.y(), s.getMaxY() - h));
                    return new Place(x, y, w, h, saved.maximized());
                }
            }
        }
        double w = Math.min(WANTED_WIDTH, primary.getWidth()), h = Math.min(WANTED_HEIGHT, primary.getHeight());
        return new Place(primary.getMinX() + (primary.getWidth() - w) / 2, primary.getMinY() + (primary.getHeight() - h) / 2, w, h,
                saved != null && saved.maximized());
    }

    private static Preferences prefs() {
        return Preferences.userRoot().node(System.getProperty("devicedesk.prefs", "org/devicedesk")).node("window");
    }

    /** Sizes and places the stage (before it is shown) and remembers where it is each time it is closed. */
    public static void apply(Stage stage) {
        Place saved = null;
        try {
            Preferences p = prefs();
            if (p.getDouble("width", 0) > 0) {
                saved = new Place(p.getDouble("x", 0), p.getDouble("y", 0), p.getDouble("width", 0), p.getDouble("height", 0),
                        p.getBoolean("maximized", false));
            }
        } catch (Exception e) {
            // a preference that cannot be read is no reason to stop: the default place
        }
        List<Rectangle2D> screens = Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
        Place place = fit(saved, screens, Screen.getPrimary().getVisualBounds());
        stage.setX(place.x());
        stage.setY(place.y());
        stage.setWidth(place.width());
        stage.setHeight(place.height());
        stage.setMaximized(place.maximized());
        stage.setMinWidth(Math.min(MIN_WIDTH, place.width()));
        stage.setMinHeight(Math.min(MIN_HEIGHT, place.height()));
        stage.setOnHiding(e -> remember(stage));
    }

    static void remember(Stage stage) {
        try {
            Preferences p = prefs();
            p.putBoolean("maximized", stage.isMaximized());
            if (!stage.isMaximized()) { // the size to come back to when un-maximized
                p.putDouble("x", stage.getX());
                p.putDouble("y", stage.getY());
                p.putDouble("width", stage.getWidth());
                p.putDouble("height", stage.getHeight());
            }
            p.flush();
        } catch (Exception e) {
            // not being able to remember the place is no reason to stop anyone closing the window
        }
    }
}
