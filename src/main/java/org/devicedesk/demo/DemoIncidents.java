package org.devicedesk.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.devicedesk.core.AppClock;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.devices.Device;
import org.devicedesk.incidents.Incident;
import org.devicedesk.incidents.Incident.ActionType;
import org.devicedesk.incidents.Incident.Draft;
import org.devicedesk.incidents.Incident.Status;
import org.devicedesk.incidents.Incident.Type;
import org.devicedesk.incidents.IncidentDevices;
import org.devicedesk.incidents.IncidentService;
import org.devicedesk.people.PeopleService;

/**
 * About 80 incidents over the past year across every type and state, each referred to the DPO (the
 * breaches demo then decides the older referrals). Worked through the real incidents service with a
 * clock set to each step's time, so the timelines read like the real thing. Runs after the devices demo.
 */
final class DemoIncidents {
    private static final int COUNT = 80;

    private DemoIncidents() {}

    static int fill(Demo.Wired s, Random random, long helpdeskPersonId, long staffPersonId) {
        Instant realNow = s.clock().instant();
        StepClock clock = new StepClock(realNow);
        IncidentService incidents = new IncidentService(s.db(), clock, s.people(), s.accounts(), new IncidentDevices(s.devices()),
                new org.devicedesk.breaches.BreachService(s.db(), clock)::referInTransaction); // referred at the report's time, numbered in its year
        Session system = Session.system();
        Session helpdesk = session(s, "helpdesk", helpdeskPersonId, "Priya Shah", EnumSet.of(Role.HELPDESK, Role.STAFF));
        Session staff = session(s, "staff", staffPersonId, "Sam Patel", EnumSet.of(Role.STAFF));

        List<Long> people = s.people().list(system, PeopleService.Query.all()).stream().map(r -> r.person().id()).toList();
        Type[] types = weightedTypes();
        // when each incident was reported: spread over the year, newest few in the last days, in order
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            double ageDays = i < 8 ? random.nextDouble() * 4 : 4 + random.nextDouble() * 358;
            times.add(reportTime(realNow.minus(Duration.ofMinutes((long) (ageDays * 24 * 60))), random));
        }
        times.sort(null);
        int made = 0;
        for (int i = 0; i < COUNT; i++) {
            Instant at = times.get(i);
            if (!at.isBefore(realNow.minus(Duration.ofMinutes(20)))) continue;
            Type type = types[random.nextInt(types.length)];
            boolean bySam = i % 23 == 5;
            long reporter = bySam ? staffPersonId : people.get(random.nextInt(people.size()));
            // the demo staff account keeps devices in service, so whoever tries it out can report one lost themselves
            if (reporter == staffPersonId && (type == Type.LOST || type == Type.STOLEN || type == Type.TAMPERING || type == Type.SUSPECTED_VIRUS)) type = i % 2 == 0 ? Type.MALFUNCTION : Type.PASSWORD_COMPROMISED;
            Long deviceId = null;
            if (type.device() != Incident.DeviceNeed.DESCRIPTION) {
                deviceId = inServiceDeviceOf(s, system, reporter);
                if (deviceId == null) {
                    if (type.device() == Incident.DeviceNeed.REGISTER) type = i % 2 == 0 ? Type.PASSWORD_COMPROMISED : Type.PERSONAL_DEVICE_LOST;
                }
            }
            clock.now = at;
            Session by = bySam ? staff : helpdesk;
            Incident.Reported r;
            try {
                r = incidents.report(by, draft(type, reporter, deviceId, at, random));
            } catch (RuntimeException e) {
                continue; // a demo that cannot use a device moves on to the next incident
            }
            made++;
            work(incidents, clock, helpdesk, r.id(), type, deviceId != null, at, realNow, random);
        }
        return made;
    }

    private static Session session(Demo.Wired s, String username, long personId, String name, EnumSet<Role> roles) {
        long accountId = s.accounts().forPerson(Session.system(), personId).map(a -> a.id()).orElse(0L);
        return new Session(accountId, username, personId, name, roles);
    }

    private static Type[] weightedTypes() {
        List<Type> t = new ArrayList<>();
        add(t, Type.LOST, 10);
        add(t, Type.STOLEN, 4);
        add(t, Type.PASSWORD_COMPROMISED, 8);
        add(t, Type.TAMPERING, 3);
        add(t, Type.MALFUNCTION, 7);
        add(t, Type.SUSPECTED_VIRUS, 4);
        add(t, Type.PERSONAL_DEVICE_LOST, 3);
        return t.toArray(Type[]::new);
    }

    private static void add(List<Type> t, Type type, int n) {
        for (int i = 0; i < n; i++) t.add(type);
    }

    /** Mostly office hours on weekdays; about a third in the evening or at the weekend. */
    private static Instant reportTime(Instant day, Random random) {
        ZonedDateTime d = day.atZone(AppClock.OFFICE_ZONE);
        LocalTime time = random.nextInt(3) == 0 ? LocalTime.of(18 + random.nextInt(5), random.nextInt(60))
                : LocalTime.of(8 + random.nextInt(9), random.nextInt(60));
        return d.with(time).toInstant();
    }

    private static Long inServiceDeviceOf(Demo.Wired s, Session system, long personId) {
        return s.devices().devicesHeldBy(system, personId).stream().filter(d -> d.status() == Device.Status.IN_SERVICE)
                .map(Device::id).findFirst().orElse(null);
    }

    private static final String[] PLACES = {"Train from Birmingham New Street to Coventry", "Lloyd House, 4th floor meeting room",
            "Taxi after the Police and Crime Panel", "Car park, Solihull Civic Centre", "Coffee shop, Colmore Row", "At home",
            "Walsall community meeting", "Bus 50, Maypole to city centre", "Wolverhampton Civic Centre", "Hotel in London"};

    private static Draft draft(Type type, long reporter, Long deviceId, Instant at, Random random) {
        String place = PLACES[random.nextInt(PLACES.length)];
        Instant occurred = at.minus(Duration.ofMinutes(20 + random.nextInt(300)));
        return switch (type) {
            case LOST -> new Draft(type, reporter, deviceId, null, occurred, at, place,
                    "Realised the device was missing after leaving. Checked the bag twice and rang the venue; not handed in yet.",
                    random.nextInt(5) != 0, null, null, null, null, null);
            case STOLEN -> new Draft(type, reporter, deviceId, null, occurred, at, place,
                    "Bag taken from beside my chair; the device was inside. Reported to the police.",
                    random.nextInt(4) != 0, "20/" + (100000 + random.nextInt(899999)) + "/" + at.atZone(AppClock.OFFICE_ZONE).getYear() % 100,
                    null, null, null, null);
            case PASSWORD_COMPROMISED -> {
                boolean always = random.nextInt(5) != 0;
                yield new Draft(type, reporter, random.nextBoolean() ? deviceId : null, null, occurred, at, place,
                        always ? "I think someone watched me type my password in a public place."
                               : "The laptop was out of my sight for a while and my password was on a note in the bag.",
                        null, null, always, !always && random.nextBoolean(), random.nextInt(3) == 0, random.nextBoolean());
            }
            case TAMPERING -> new Draft(type, reporter, deviceId, null, occurred, at, place,
                    "The laptop case had been opened: the screws on the base are scratched and one is missing.",
                    null, null, null, null, null, null);
            case MALFUNCTION -> new Draft(type, reporter, deviceId, null, occurred, at, place,
                    random.nextBoolean() ? "The screen goes black after a few minutes and does not come back." : "It will not charge any more.",
                    null, null, null, null, null, null);
            case SUSPECTED_VIRUS -> new Draft(type, reporter, deviceId, null, occurred, at, place,
                    "After opening an attachment from an unknown sender, pop-ups keep appearing and the laptop is very slow.",
                    null, null, null, null, null, null);
            case PERSONAL_DEVICE_LOST -> new Draft(type, reporter, null, "Own iPhone with the force's community Facebook account",
                    occurred, at, place, "Lost my own phone; it is signed in to the police community social-media account.",
                    random.nextBoolean(), null, null, null, null, null);
        };
    }

    /** Takes the incident as far as its age suggests: recent ones are still open, older ones closed. */
    private static void work(IncidentService incidents, StepClock clock, Session helpdesk, long id, Type type, boolean hasDevice,
                             Instant reported, Instant realNow, Random random) {
        long ageHours = Duration.between(reported, realNow).toHours();
        Status target = ageHours < 6 ? (random.nextBoolean() ? Status.REPORTED : Status.ACKNOWLEDGED)
                : ageHours < 72 ? (random.nextBoolean() ? Status.ACKNOWLEDGED : Status.CONTAINED)
                : ageHours < 24 * 14 ? (random.nextInt(3) == 0 ? Status.RESOLVED : Status.CLOSED)
                : random.nextInt(12) == 0 ? Status.RESOLVED : Status.CLOSED;
        Instant[] t = {reported};
        Runnable step = () -> {
            Instant next = t[0].plus(Duration.ofMinutes(5 + random.nextInt(ageHours < 6 ? 20 : 90)));
            t[0] = next.isBefore(realNow) ? next : t[0];
            clock.now = t[0];
        };
        if (target == Status.REPORTED) return;
        step.run();
        incidents.acknowledge(helpdesk, id);
        if (target == Status.ACKNOWLEDGED) return;
        for (ActionType a : containment(type, hasDevice, random)) {
            step.run();
            incidents.recordAction(helpdesk, id, a, note(a));
        }
        step.run();
        incidents.move(helpdesk, id, Status.CONTAINED);
        if (target == Status.CONTAINED) return;
        if (hasDevice && (type == Type.LOST && random.nextInt(3) == 0 || type == Type.TAMPERING || type == Type.SUSPECTED_VIRUS)) {
            if (type == Type.LOST) {
                step.run();
                incidents.recordAction(helpdesk, id, ActionType.DEVICE_RECOVERED, "Handed in at the venue's lost property; collected by the helpdesk.");
            }
            step.run();
            incidents.recordAction(helpdesk, id, ActionType.DEVICE_CLEARED, "Checked, re-imaged and returned to the user.");
        }
        step.run();
        incidents.move(helpdesk, id, Status.RESOLVED);
        if (target == Status.RESOLVED) return;
        step.run();
        incidents.close(helpdesk, id, summary(type));
    }

    private static List<ActionType> containment(Type type, boolean hasDevice, Random random) {
        return switch (type) {
            case LOST, STOLEN -> hasDevice ? List.of(ActionType.REMOTE_WIPE_REQUESTED, ActionType.SIM_BARRED, ActionType.REMOTE_WIPE_CONFIRMED)
                    : List.of(ActionType.NOTE);
            case PASSWORD_COMPROMISED -> random.nextBoolean() ? List.of(ActionType.PASSWORD_RESET)
                    : List.of(ActionType.ACCOUNT_DISABLED, ActionType.PASSWORD_RESET);
            case TAMPERING -> List.of(ActionType.NOTE);
            case MALFUNCTION -> List.of(ActionType.NOTE);
            case SUSPECTED_VIRUS -> hasDevice ? List.of(ActionType.DEVICE_QUARANTINED, ActionType.PASSWORD_RESET) : List.of(ActionType.PASSWORD_RESET);
            case PERSONAL_DEVICE_LOST -> List.of(ActionType.PASSWORD_RESET, ActionType.NOTE);
        };
    }

    private static String note(ActionType a) {
        return switch (a) {
            case REMOTE_WIPE_REQUESTED -> "Wipe requested through the device management console.";
            case REMOTE_WIPE_CONFIRMED -> "Console confirms the wipe completed.";
            case SIM_BARRED -> "Network barred the SIM; reference given on the phone.";
            case PASSWORD_RESET -> "Password reset and all sessions signed out.";
            case ACCOUNT_DISABLED -> "Account disabled until the user could be reached.";
            case DEVICE_QUARANTINED -> "Taken off the network for checking.";
            case NOTE -> "Spoke to the user; collected the device for inspection.";
            default -> null;
        };
    }

    private static String summary(Type type) {
        return switch (type) {
            case LOST -> "Device wiped remotely and SIM barred the same day; no sign of access to data.";
            case STOLEN -> "Device wiped and SIM barred; crime reference passed to the DPO. Replacement issued.";
            case PASSWORD_COMPROMISED -> "Password reset; sign-in logs checked for the period, no misuse found.";
            case TAMPERING -> "Device inspected and re-imaged; nothing found, returned to service.";
            case MALFUNCTION -> "Hardware fault; device repaired under warranty. No data concern.";
            case SUSPECTED_VIRUS -> "Scanned and re-imaged; the attachment was a known phishing campaign, blocked at the mail gateway.";
            case PERSONAL_DEVICE_LOST -> "Social-media password changed and sessions revoked; the account shows no posts since the loss.";
        };
    }
}
