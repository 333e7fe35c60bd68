package org.devicedesk.demo;

import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Random;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;

/**
 * {@code --demo}: fills a new, empty database with believable synthetic data so every screen can be
 * tried. Refuses to touch a database that already has accounts. {@code --demo-size large} first
 * writes a large force's history in bulk ({@link LargeDemo}), so the app can be felt at scale. Each feature adds its own part,
 * in dependency order, from a seeded random so a demo looks the same every time.
 */
public final class Demo {
    public static final String[] ACCOUNTS = {"admin", "helpdesk", "infosec", "dpo", "staff"};

    private Demo() {}

    /** The services the demo data is written through (the application root's {@code Services} is one), so the demo does not depend on the root. */
    public interface Wired {
        org.devicedesk.core.Database db();

        java.time.Clock clock();

        org.devicedesk.people.PeopleService people();

        org.devicedesk.accounts.AccountService accounts();

        org.devicedesk.devices.DeviceService devices();

        org.devicedesk.incidents.IncidentService incidents();

        org.devicedesk.travel.TravelService travel();

        org.devicedesk.bookings.BookingService bookings();
    }

    /** Returns the message to show once (the accounts and their password), or null if the database was not empty. */
    public static String fillIfEmpty(Demo.Wired s, String size) {
        return fillIfEmpty(s, size, LargeDemo.Progress.NONE);
    }

    /** The same, telling {@code progress} how far the large history is (the opening window shows it). */
    public static String fillIfEmpty(Demo.Wired s, String size, LargeDemo.Progress progress) {
        if (!s.accounts().needsFirstAdministrator()) return null;
        if (!"large".equals(size)) return fill(s, size, progress);
        // a new database: the everyday demo on top of the bulk history is thousands of service transactions, on SQLite without a
        // disk flush per commit (Database.fillingNewDatabase; FULL again, and all on the disk, once it is filled)
        return s.db().fillingNewDatabase(() -> fill(s, size, progress));
    }

    private static String fill(Demo.Wired s, String size, LargeDemo.Progress progress) {
        String password = System.getProperty("devicedesk.demoPassword", generatePassword());
        // --demo-size large: three years of a large force's history first (bulk), then the normal demo on top of it
        LargeDemo.Result large = "large".equals(size) ? LargeDemo.fill(s.db(), s.clock(), LargeDemo.Scale.LARGE, 20261201L, progress) : null;
        if (large != null) progress.at("Adding the everyday demo records and accounts", 1, null);
        Random random = new Random(20261122L);
        Session system = Session.system();
        DemoPeople.Result people = DemoPeople.fill(s, system, random);
        s.db().useTransaction(h -> {
            s.accounts().createInTransaction(h, system, "admin", password, people.admin(), EnumSet.of(Role.ADMIN, Role.STAFF));
            s.accounts().createInTransaction(h, system, "helpdesk", password, people.helpdesk(), EnumSet.of(Role.HELPDESK, Role.STAFF));
            s.accounts().createInTransaction(h, system, "infosec", password, people.infosec(), EnumSet.of(Role.INFOSEC, Role.STAFF));
            s.accounts().createInTransaction(h, system, "dpo", password, people.dpo(), EnumSet.of(Role.DPO, Role.STAFF));
            s.accounts().createInTransaction(h, system, "staff", password, people.staff(), EnumSet.of(Role.STAFF));
        });
        DemoDevices.fill(s, new Random(37L), people.staff(), people.helpdesk()); // after people, before incidents and travel
        // incidents: after the devices part (they report on held devices), before the breach decisions (they decide the referrals)
        DemoIncidents.fill(s, new Random(20261104L), people.helpdesk(), people.staff());
        DemoBreaches.fill(s, new Random(72L), people.dpo()); // after incidents: the DPO decides their referrals
        DemoTravel.fill(s, new Random(53L), people.infosec(), people.helpdesk()); // after devices: travellers take the devices they hold
        DemoBookings.fill(s, new Random(21L), people.staff()); // after devices: pool devices and their designated users
        String scale = large == null ? "" : String.format(java.util.Locale.UK,
                "\nLarge demo: %,d devices, %,d people, %,d incidents and %,d audit events of history, written in %d s.",
                large.devices(), large.people(), large.incidents(), large.auditEvents(), large.took().toSeconds());
        return "Demo accounts: " + String.join(", ", ACCOUNTS) + "\n" + PASSWORD_LINE + password
                + "\nThis is shown once; write it down now." + scale;
    }

    private static final String PASSWORD_LINE = "Password for each: ";

    /** The password in a message of {@link #fillIfEmpty} (for the window's copy button), or null if there is none. */
    public static String passwordIn(String message) {
        if (message == null) return null;
        for (String line : message.split("\n")) {
            if (line.startsWith(PASSWORD_LINE)) return line.substring(PASSWORD_LINE.length()).strip();
        }
        return null;
    }

    private static String generatePassword() {
        String alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        SecureRandom r = new SecureRandom();
        StringBuilder sb = new StringBuilder("desk");
        for (int group = 0; group < 3; group++) {
            sb.append('-');
            for (int i = 0; i < 4; i++) sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
