package org.devicedesk.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.prefs.Preferences;
import javafx.application.Application;

/** The light or dark AtlantaFX theme, remembered between runs for this user of the computer. */
public final class Theme {
    private static final String KEY = "theme.dark";

    private Theme() {}

    private static Preferences prefs() {
        return Preferences.userRoot().node("org/devicedesk");
    }

    public static boolean isDark() {
        try {
            return prefs().getBoolean(KEY, false);
        } catch (SecurityException e) {
            return false;
        }
    }

    public static void apply(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }

    public static void remember(boolean dark) {
        apply(dark);
        try {
            prefs().putBoolean(KEY, dark);
            prefs().flush();
        } catch (Exception e) {
            // not being able to remember a preference is no reason to stop anyone working
        }
    }

    /** The app's own stylesheet, added to every scene. */
    public static String appStylesheet() {
        return Theme.class.getResource("/org/devicedesk/ui/devicedesk.css").toExternalForm();
    }
}
