package org.devicedesk.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.devicedesk.core.Session;
import org.devicedesk.devices.Custody;
import org.devicedesk.devices.Device;
import org.devicedesk.devices.DeviceDraft;
import org.devicedesk.devices.DeviceService;
import org.devicedesk.people.PeopleService;
import org.devicedesk.people.Person;

/**
 * About 150 devices: laptops, phones (with valid IMEIs and numbers from Ofcom's drama range) and
 * tablets, issued and in team pools with designated users, a few retired and a few waiting in stock,
 * each with a believable custody history ending "now" on the application clock. Runs after the people
 * and before incidents and travel, which use the devices people hold.
 */
final class DemoDevices {
    private static final String[] LAPTOPS = {"Dell Latitude 5440", "Dell Latitude 7440", "HP EliteBook 840 G10", "Lenovo ThinkPad T14 Gen 4", "Microsoft Surface Laptop 5"};
    private static final String[] PHONES = {"Apple iPhone 14", "Apple iPhone 15", "Samsung Galaxy A55", "Samsung Galaxy S23", "Google Pixel 8a"};
    private static final String[] TABLETS = {"Apple iPad (10th generation)", "Samsung Galaxy Tab S9", "Microsoft Surface Pro 9"};
    private static final String[] OTHERS = {"Huawei E5783 mobile hotspot", "Jabra Speak 750 conference phone", "Kingston IronKey encrypted USB drive"};
    private static final String[] POOL_TEAMS = {"Business Services", "Communications", "Policy", "IT&D", "Board"};

    private DemoDevices() {}

    /** Returns how many devices were added. */
    static int fill(Demo.Wired s, Random random, long staffPersonId, long helpdeskPersonId) {
        Session system = Session.system();
        DeviceService devices = s.devices();
        Instant now = s.clock().instant();
        List<Person> people = s.people().list(system, new PeopleService.Query(null, null, null, null, true)).stream().map(PeopleService.Row::person).toList();
        List<Person> active = people.stream().filter(Person::active).toList();
        if (active.isEmpty()) return 0;
        return s.db().inTransaction(h -> {
            int added = 0;
            // who holds a device of each kind now, so nobody ends up with three laptops
            java.util.Set<String> holding = new java.util.HashSet<>();
            List<Long> pool = new ArrayList<>();
            int phone = 0;
            for (int i = 1; i <= 150; i++) {
                Device.Kind kind = i <= 62 ? Device.Kind.LAPTOP : i <= 117 ? Device.Kind.MOBILE_PHONE : i <= 145 ? Device.Kind.TABLET : Device.Kind.OTHER;
                String prefix = switch (kind) { case LAPTOP -> "LT"; case MOBILE_PHONE -> "PH"; case TABLET -> "TB"; case OTHER -> "OT"; };
                String model = switch (kind) {
                    case LAPTOP -> LAPTOPS[random.nextInt(LAPTOPS.length)];
                    case MOBILE_PHONE -> PHONES[random.nextInt(PHONES.length)];
                    case TABLET -> TABLETS[random.nextInt(TABLETS.length)];
                    case OTHER -> OTHERS[random.nextInt(OTHERS.length)];
                };
                String imei = null, number = null;
                if (kind == Device.Kind.MOBILE_PHONE) {
                    phone++;
                    String first14 = "35" + String.format("%06d", 209900 + random.nextInt(90)) + String.format("%06d", 100000 + i * 37 + random.nextInt(30));
                    imei = first14 + DeviceService.luhnCheckDigit(first14);
                    number = String.format("07700 900%03d", phone); // Ofcom's range for drama: never a real number
                }
                boolean isPool = i % 9 == 0 || kind == Device.Kind.OTHER;
                boolean retired = !isPool && i % 29 == 0;
                String team = isPool ? POOL_TEAMS[(i / 9) % POOL_TEAMS.length] : null;
                String serial = switch (kind) {
                    case LAPTOP -> (model.startsWith("HP") ? "5CG" : model.startsWith("Lenovo") ? "PF" : "DL") + (3400000 + i * 7919);
                    case TABLET -> "DMP" + (880000 + i * 131);
                    default -> "SN" + (5500000 + i * 4241);
                };
                String notes = retired ? "Battery no longer holds a charge; wiped and kept for disposal." : null;
                long id = devices.createInTransaction(h, system, new DeviceDraft(String.format("%s-%04d", prefix, i), kind, model, serial, imei, number,
                        kind != Device.Kind.OTHER || model.contains("IronKey"), isPool ? Device.Mode.POOL : Device.Mode.ISSUED, Device.Status.IN_STOCK, team, notes));
                added++;

                // history: earlier holders, oldest first, each returned before the next one took it
                Instant t = inOfficeHours(now.minus(Duration.ofDays(500 + random.nextInt(300))).plus(Duration.ofMinutes(9 * 60 + random.nextInt(8 * 60))));
                int earlier = isPool ? 2 + random.nextInt(5) : random.nextInt(3);
                for (int k = 0; k < earlier; k++) {
                    Person p = people.get(random.nextInt(people.size()));
                    Duration held = isPool ? Duration.ofHours(2 + random.nextInt(60)) : Duration.ofDays(60 + random.nextInt(200));
                    Instant to = inOfficeHours(t.plus(held));
                    if (!to.isBefore(now.minus(Duration.ofDays(2)))) break;
                    devices.recordPastCustodyInTransaction(h, system, id, p.id(), isPool ? Custody.Kind.POOL_CHECKOUT : Custody.Kind.ISSUE, t, to);
                    t = inOfficeHours(to.plus(Duration.ofDays(1 + random.nextInt(isPool ? 20 : 40))));
                }
                if (retired) {
                    devices.setStatusInTransaction(h, system, id, Device.Status.RETIRED, "end of life");
                    continue;
                }
                if (isPool) {
                    pool.add(id);
                    // three or four named designated users from the team and around it
                    List<Person> shuffled = new ArrayList<>(active);
                    java.util.Collections.shuffle(shuffled, random);
                    int n = 0;
                    for (Person p : shuffled) {
                        if (n >= 3 + random.nextInt(2)) break;
                        try {
                            devices.addDesignatedUserInTransaction(h, system, id, p.id());
                            n++;
                        } catch (org.devicedesk.core.Refused notDeclared) {
                            // people without a current declaration cannot be designated; the demo skips them
                        }
                    }
                    continue;
                }
                // most issued devices have a holder now; a few wait in stock
                if (i % 11 == 0) continue;
                Person holder = pickHolder(active, kind, holding, random, i <= 2 ? staffPersonId : i == 63 ? staffPersonId : i == 3 ? helpdeskPersonId : -1);
                if (holder == null) continue;
                if (!t.isBefore(now)) continue;
                devices.recordPastCustodyInTransaction(h, system, id, holder.id(), Custody.Kind.ISSUE, t, null);
                devices.setStatusInTransaction(h, system, id, Device.Status.IN_SERVICE, "issued");
            }
            // a few pool devices are out right now, with one of their designated users
            for (int k = 0; k < pool.size(); k += 3) {
                long id = pool.get(k);
                var users = devices.designatedUsersInTransaction(h, id);
                if (users.isEmpty()) continue;
                long who = users.get(random.nextInt(users.size())).personId();
                Instant out = inOfficeHours(now.minus(Duration.ofHours(3 + random.nextInt(40))));
                if (out.isAfter(now)) out = out.minus(Duration.ofDays(1));
                devices.recordPastCustodyInTransaction(h, system, id, who, Custody.Kind.POOL_CHECKOUT, out, null);
                devices.setStatusInTransaction(h, system, id, Device.Status.IN_SERVICE, "checked out");
            }
            return added;
        });
    }

    /** Hand-overs happen at the help desk: a time outside 08:00-18:00 (office time) moves on to the next morning. */
    static Instant inOfficeHours(Instant t) {
        java.time.ZonedDateTime z = t.atZone(org.devicedesk.core.AppClock.OFFICE_ZONE);
        if (z.getHour() < 8) return z.withHour(9 + z.getHour()).toInstant();
        if (z.getHour() >= 18) return z.plusDays(1).withHour(9 + (z.getHour() - 18)).toInstant();
        return t;
    }

    /** A person without a device of this kind yet (the demo accounts' people first, so "My devices" has something to show). */
    private static Person pickHolder(List<Person> active, Device.Kind kind, java.util.Set<String> holding, Random random, long preferred) {
        if (preferred > 0 && holding.add(preferred + ":" + kind)) {
            return active.stream().filter(p -> p.id() == preferred).findFirst().orElse(null);
        }
        for (int tries = 0; tries < 20; tries++) {
            Person p = active.get(random.nextInt(active.size()));
            if (holding.add(p.id() + ":" + kind)) return p;
        }
        return null;
    }
}
