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
 * Every service of the application, wired once over one database and one clock. Screens get their
 * services from here; services get the other services they call through their constructors.
 */
public class Services {
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
}
