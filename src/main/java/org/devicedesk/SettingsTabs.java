package org.devicedesk;

import java.util.List;
import org.devicedesk.ui.SettingsTab;

/**
 * The extra tabs of the settings screen (ADMIN), after "General", in this order. A feature with
 * settings of its own adds one line here, e.g.
 * {@code new SettingsTab("backups", "Backups", c -> new BackupsSettings(c))}.
 */
final class SettingsTabs {
    private SettingsTabs() {}

    static List<SettingsTab> all() {
        return List.of(
                // one line per tab: new SettingsTab(key, title, context -> screen)
                new SettingsTab("mail", "Mail", org.devicedesk.mail.MailSettingsView::new),
                new SettingsTab("outbox", "Outbox", org.devicedesk.mail.OutboxView::new),
                new SettingsTab("directory", "Directory", org.devicedesk.directory.DirectorySettingsView::new),
                new SettingsTab("crypto", "Travel encryption list", org.devicedesk.travel.CryptoListView::new)
        );
    }
}
