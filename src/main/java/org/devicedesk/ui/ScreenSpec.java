package org.devicedesk.ui;

import java.util.function.Function;
import java.util.function.Predicate;
import org.devicedesk.core.Session;
import org.kordamp.ikonli.Ikon;

/**
 * A screen in the navigation: its key (the word after "nav-"), its title, icon, who sees it, and
 * how to build it.
 */
public record ScreenSpec(String key, String title, Ikon icon, Predicate<Session> visibleTo, Function<AppContext, Screen> factory) {}
