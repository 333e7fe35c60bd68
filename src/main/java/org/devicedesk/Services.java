package org.devicedesk;

import java.time.Clock;
import org.devicedesk.accounts.AccountService;
import org.devicedesk.audit.AuditService;
import org.devicedesk.backups.BackupService;
import org.devicedesk.breaches.BreachService;
import org.devicedesk.dashboard.DashboardService;
import org.devicedesk.core.Database;
import org.devicedesk.core.Settings;
import org.devicedesk.devices.DeviceService;
import org.devicedesk.incidents.IncidentDevices;
import org.devicedesk.incidents.IncidentService;
import org.devicedesk.people.PeopleService;
import org.devicedesk.settings.SettingsService;
import org.devicedesk.travel.TravelService;

/**
 * Every service of the application, wired once over one database and one clock, in the application root:
 * the only package that knows every feature. Screens ask their {@code ui.AppContext} for a service by its
 * class ({@link #byType}); services get the other services they call through their constructors; the demo
 * data reads them through {@link org.devicedesk.demo.Demo.Wired}. Nothing outside the root names this class,
 * so the packages form no cycle (issue 15).
 */
public class Services implements org.devicedesk.demo.Demo.Wired {
    public final Database db;
    public final Clock clock;
    public final Settings settings;
    public final PeopleService people;
    public final AccountService accounts;
    public final AuditService audit;
    public final SettingsService settingsService;
    public final BackupService backups;
    public final BreachService breaches;
    public final IncidentService incidents;
    public final TravelService travel;
    public final DeviceService devices;
    public final DashboardService dashboard;
    public final org.devicedesk.bookings.BookingService bookings;
    public final org.devicedesk.people.PeopleImport peopleImport;
    public final org.devicedesk.mail.MailService mail;
    public final org.devicedesk.directory.DirectoryService directory;
    public final org.devicedesk.directory.DirectorySync directorySync;

    public Services(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.settings = new Settings(db);
        this.people = new PeopleService(db, clock);
        this.accounts = new AccountService(db, clock, people);
        this.audit = new AuditService(db, clock);
        this.settingsService = new SettingsService(db, clock, settings);
        this.backups = new BackupService(db, clock, settings);
        this.breaches = new BreachService(db, clock);
        this.devices = new DeviceService(db, clock, people);
        this.dashboard = new DashboardService(db, clock);
        this.incidents = new IncidentService(db, clock, people, accounts, new IncidentDevices(devices), breaches::referInTransaction);
        this.bookings = new org.devicedesk.bookings.BookingService(db, clock, people, devices);
        this.travel = new TravelService(db, clock, people, devices,
                (h, s, deviceId, reporterId, whatHappened) -> incidents.openTamperingInTransaction(h, s, deviceId, reporterId, whatHappened).id(),
                bookings);
        this.peopleImport = new org.devicedesk.people.PeopleImport(db, clock, people);
        this.mail = new org.devicedesk.mail.MailService(db, clock);
        // issue 19: directory sign-in (local accounts keep working without it) and the people sync
        this.directory = new org.devicedesk.directory.DirectoryService(db, clock, people, accounts);
        this.accounts.useDirectory(directory);
        this.directorySync = new org.devicedesk.directory.DirectorySync(db, clock, people, devices, directory);
    }

    /** Each service by its class, for the screens (the database itself is not among them: views never touch it). */
    public Object byType(Class<?> type) {
        return byType.computeIfAbsent(type, t -> {
            for (Object s : new Object[] {settings, people, accounts, audit, settingsService, backups, breaches, incidents, travel, devices,
                    dashboard, bookings, peopleImport, mail, directory, directorySync}) {
                if (t.isInstance(s)) return s;
            }
            return null;
        });
    }

    private final java.util.Map<Class<?>, Object> byType = new java.util.concurrent.ConcurrentHashMap<>();

    /** What a shell passes to its screens. */
    public org.devicedesk.ui.AppContext.Wiring wiring(org.devicedesk.ui.AppContext.Restart restart) {
        return new org.devicedesk.ui.AppContext.Wiring(this::byType, clock, db.changes(), accounts::displayName,
                () -> settings.displayed().organisationName(), restart);
    }

    // ---- Demo.Wired: what the demo data uses ----
    @Override public Database db() { return db; }
    @Override public Clock clock() { return clock; }
    @Override public PeopleService people() { return people; }
    @Override public AccountService accounts() { return accounts; }
    @Override public DeviceService devices() { return devices; }
    @Override public IncidentService incidents() { return incidents; }
    @Override public TravelService travel() { return travel; }
    @Override public org.devicedesk.bookings.BookingService bookings() { return bookings; }
}
