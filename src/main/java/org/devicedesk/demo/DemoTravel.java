package org.devicedesk.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.devicedesk.core.AppClock;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.people.PeopleService;
import org.devicedesk.people.Person;
import org.devicedesk.travel.PostTravelOutcome;
import org.devicedesk.travel.TravelDecision;
import org.devicedesk.travel.TravelDevice;
import org.devicedesk.travel.TravelDraft;

/**
 * About 40 travel notices around today: trips already made (decided, most checked afterwards), trips
 * coming up (some pending, some decided), late ones, and some to countries that restrict encryption.
 * Travellers are people who hold devices (after the device register's demo part); their devices go along.
 */
final class DemoTravel {
    private static final String[] EUROPE = {"FR", "DE", "ES", "IE", "BE", "NL", "IT", "PT", "CH", "DK", "SE", "PL", "AT", "US", "CA"};
    private static final String[] WARNED = {"CN", "RU", "SA", "IL", "MA", "KZ"};
    private static final String[] PURPOSES = {
            "APCC national conference on victim services", "European policing and crime commissioners' exchange",
            "Study visit on violence against women and girls programmes", "Annual leave; taking work phone to stay reachable",
            "Cyber-crime partnership meeting", "Speaking at a community safety summit", "Trade delegation with the Mayor's office",
            "Visit to a partner force on the youth diversion scheme", "Training course on digital forensics", "Family visit; on call for the Commissioner"};
    private static final String[] ADVICE = {
            "Keep devices with you in hand luggage; use the VPN for all work; report any loss on 0121 626 8344.",
            "Take the loan laptop only; leave your issued laptop in the office.",
            "Approved on condition you do not connect to hotel or conference Wi-Fi without the VPN.",
            "Switch off and power down devices when crossing the border; do not unlock them for anyone without calling us.",
            "Not approved: take a clean loan phone; Information Security will prepare it."};

    private DemoTravel() {}

    static void fill(Demo.Wired s, Random random, long infosecPerson, long helpdeskPerson) {
        Session infosec = new Session(0, "infosec", infosecPerson, "Information Security", EnumSet.of(Role.INFOSEC, Role.STAFF));
        Session helpdesk = new Session(0, "helpdesk", helpdeskPerson, "IT&D helpdesk", EnumSet.of(Role.HELPDESK, Role.STAFF));
        Session system = Session.system();
        LocalDate today = s.travel().today();
        Instant now = s.clock().instant();
        List<Person> people = s.people().list(system, PeopleService.Query.all()).stream().map(PeopleService.Row::person).toList();
        List<Person> travellers = new ArrayList<>();
        List<List<TravelDevice>> theirDevices = new ArrayList<>();
        for (Person p : people) {
            List<TravelDevice> held = s.travel().devicesHeldBy(system, p.id());
            if (!held.isEmpty()) {
                travellers.add(p);
                theirDevices.add(held);
            }
        }
        boolean withDevices = !travellers.isEmpty();
        if (!withDevices) { // the device register has no demo data yet: notices without devices still show the rules
            travellers.addAll(people);
            people.forEach(p -> theirDevices.add(List.of()));
        }
        if (travellers.isEmpty()) return;
        s.db().useTransaction(h -> {
            for (int i = 0; i < 40; i++) {
                int who = random.nextInt(travellers.size());
                Person p = travellers.get(who);
                List<TravelDevice> held = theirDevices.get(who);
                // submitted between 120 days ago and today; departures 0-40 days after, 1 in 4 late
                LocalDate submittedOn = today.minusDays(i < 12 ? random.nextInt(8) : 8 + random.nextInt(112));
                boolean late = random.nextInt(4) == 0;
                LocalDate departure = submittedOn.plusDays(late ? random.nextInt(7) : 7 + random.nextInt(34));
                LocalDate ret = departure.plusDays(2 + random.nextInt(12));
                List<String> destinations = new ArrayList<>();
                destinations.add(random.nextInt(5) == 0 ? WARNED[random.nextInt(WARNED.length)] : EUROPE[random.nextInt(EUROPE.length)]);
                if (random.nextInt(4) == 0) {
                    String more = EUROPE[random.nextInt(EUROPE.length)];
                    if (!destinations.contains(more)) destinations.add(more);
                }
                List<Long> devices = held.isEmpty() ? List.of() : held.subList(0, 1 + random.nextInt(held.size())).stream().map(TravelDevice::id).toList();
                Instant submittedAt = submittedOn.atTime(LocalTime.of(8 + random.nextInt(9), random.nextInt(60))).atZone(AppClock.OFFICE_ZONE).toInstant();
                if (submittedAt.isAfter(now)) submittedAt = now.minus(Duration.ofMinutes(5 + random.nextInt(90)));
                long id = s.travel().createInTransaction(h, system, p.id(),
                        new TravelDraft(p.id(), destinations, departure, ret, devices, PURPOSES[random.nextInt(PURPOSES.length)]), submittedAt);
                // Information Security decides within a few days, and always before departure for trips already made
                boolean decided = departure.isBefore(today.plusDays(1)) || random.nextInt(3) > 0 && i >= 12;
                if (!decided) continue;
                LocalDate decidedOn = submittedOn.plusDays(Math.min(2, Math.max(0, departure.toEpochDay() - submittedOn.toEpochDay())));
                Instant decidedAt = decidedOn.atTime(14, 10 + random.nextInt(40)).atZone(AppClock.OFFICE_ZONE).toInstant();
                if (decidedAt.isAfter(now)) decidedAt = now.minus(Duration.ofMinutes(1 + random.nextInt(4)));
                int pick = random.nextInt(10);
                TravelDecision decision = pick < 6 ? TravelDecision.APPROVED : pick < 9 ? TravelDecision.APPROVED_WITH_CONDITIONS : TravelDecision.NOT_APPROVED;
                String advice = decision == TravelDecision.NOT_APPROVED ? ADVICE[4] : ADVICE[random.nextInt(4)];
                String justification = late ? "Trip arranged at short notice by the Commissioner's office." : null;
                s.travel().decideInTransaction(h, infosec, id, decision, advice, justification, decidedAt);
                // after the trip the helpdesk checks the devices (most of the time)
                if (!devices.isEmpty() && ret.plusDays(2).isBefore(today) && random.nextInt(5) > 0) {
                    Instant checkedAt = ret.plusDays(2).atTime(10, 0).atZone(AppClock.OFFICE_ZONE).toInstant();
                    s.travel().recordPostTravelCheckInTransaction(h, helpdesk, id, PostTravelOutcome.NO_CONCERNS, List.of(),
                            "Devices inspected on return; seals intact, no unknown accessories or profiles.", checkedAt);
                }
            }
        });
    }

}
