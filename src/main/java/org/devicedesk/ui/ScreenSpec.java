package org.devicedesk.ui;

import java.util.function.Function;
import java.util.function.Predicate;
import org.devicedesk.core.Session;
import org.kordamp.ikonli.Ikon;

/**
 * A screen in the navigation: the automation id of its navigation button ({@code nav-devices}, SPEC
 * section 8), its title, icon, who sees it, and how to build it. Its key is the word after "nav-".
 */
public record ScreenSpec(String navId, String title, Ikon icon, Predicate<Session> visibleTo, Function<AppContext, Screen> factory) {
    public ScreenSpec {
        if (!navId.startsWith("nav-")) throw new IllegalArgumentException("A navigation id starts with nav-: " + navId);
    }

    /** The screen's key: the word after "nav-" ({@code devices}), also the prefix of its own ids. */
    public String key() {
        return navId.substring("nav-".length());
    }
}
