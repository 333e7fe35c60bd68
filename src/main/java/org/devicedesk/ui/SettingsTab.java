package org.devicedesk.ui;

import java.util.function.Function;

/**
 * One tab of the settings screen ({@code nav-settings}), beside the general settings: e.g. the
 * crypto-country list or backups. Register it in {@code org.devicedesk.SettingsTabs}. The tab's
 * node has the id {@code settings-tab-<key>}; {@link Screen#show} runs each time the tab is selected.
 */
public record SettingsTab(String key, String title, Function<AppContext, Screen> factory) {}
