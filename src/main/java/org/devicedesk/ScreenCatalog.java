package org.devicedesk;

import java.util.List;
import org.devicedesk.accounts.AccountsView;
import org.devicedesk.audit.AuditView;
import org.devicedesk.core.Role;
import org.devicedesk.dashboard.DashboardView;
import org.devicedesk.devices.PersonDevicesSection;
import org.devicedesk.core.Session;
import org.devicedesk.settings.SettingsView;
import org.devicedesk.people.PeopleView;
import org.devicedesk.ui.ScreenSpec;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignV;

/** The screens of the navigation, in order, with who sees each (SPEC section 6 and 8). */
final class ScreenCatalog {
    private ScreenCatalog() {}

    static List<ScreenSpec> all() {
        return List.of(
                new ScreenSpec("nav-dashboard", "Dashboard", MaterialDesignV.VIEW_DASHBOARD_OUTLINE, s -> true,
                        DashboardView::new),
                new ScreenSpec("nav-people", "People", MaterialDesignA.ACCOUNT_GROUP_OUTLINE, s -> !PeopleView.onlyOwnPage(s),
                        c -> new PeopleView(c, org.devicedesk.bookings.PersonBookingsSection.after(PersonDevicesSection.FILL))),
                // staff see only their own page there, so the navigation names it so (issue 17)
                new ScreenSpec("nav-people", "My page", MaterialDesignA.ACCOUNT_CIRCLE_OUTLINE, PeopleView::onlyOwnPage,
                        c -> new PeopleView(c, org.devicedesk.bookings.PersonBookingsSection.after(PersonDevicesSection.FILL))),
                new ScreenSpec("nav-devices", "Devices", MaterialDesignL.LAPTOP, s -> true,
                        org.devicedesk.devices.DevicesView::forSession),
                new ScreenSpec("nav-bookings", "Bookings", MaterialDesignC.CALENDAR_CHECK_OUTLINE, s -> true,
                        org.devicedesk.bookings.BookingsView::new),
                new ScreenSpec("nav-incidents", "Incidents", MaterialDesignA.ALERT_OCTAGON_OUTLINE, s -> true,
                        org.devicedesk.incidents.IncidentsView::new),
                new ScreenSpec("nav-travel", "Travel", MaterialDesignA.AIRPLANE, s -> true,
                        org.devicedesk.travel.TravelView::new),
                new ScreenSpec("nav-breaches", "Breaches", MaterialDesignS.SHIELD_ALERT_OUTLINE, s -> s.hasAny(Role.DPO, Role.ADMIN),
                        org.devicedesk.breaches.BreachesView::new),
                new ScreenSpec("nav-audit", "Audit trail", MaterialDesignC.CLIPBOARD_TEXT_CLOCK_OUTLINE, s -> s.hasAny(Role.ADMIN, Role.DPO),
                        AuditView::new),
                new ScreenSpec("nav-settings", "Settings", MaterialDesignC.COG_OUTLINE, (Session s) -> s.has(Role.ADMIN),
                        c -> new SettingsView(c, SettingsTabs.all())),
                new ScreenSpec("nav-accounts", "Accounts", MaterialDesignA.ACCOUNT_KEY_OUTLINE, s -> s.has(Role.ADMIN),
                        AccountsView::new));
    }
}
