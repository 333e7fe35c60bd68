package org.devicedesk.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.devicedesk.core.Session;
import org.devicedesk.people.Category;
import org.devicedesk.people.Declaration;
import org.devicedesk.people.PersonDraft;

/**
 * About 60 believable people across every category and eight teams, with line managers, a few who
 * have left, and a realistic mix of current, expiring, expired and missing declarations. Every date
 * is relative to the application clock, so a demo started with {@code --now} looks the same.
 */
final class DemoPeople {
    /**
     * The people behind the demo accounts, then everyone created, and those still here with a current
     * declaration (not in its last 30 days), who may be issued devices.
     */
    record Result(long admin, long helpdesk, long infosec, long dpo, long staff, List<Long> everyone, List<Long> declared) {}

    /** Declaration mix: C current, E expiring (last 30 days), X expired, M missing (never signed). */
    private record Row(String name, Category category, String team, String manager, char declaration, boolean left) {}

    private static final Category EMP = Category.EMPLOYEE, TMP = Category.TEMPORARY, WEX = Category.WORK_EXPERIENCE,
            CON = Category.CONSULTANT, CTR = Category.CONTRACTOR, BRD = Category.BOARD_MEMBER, VOL = Category.VOLUNTEER,
            TPA = Category.THIRD_PARTY;

    // managers come before the people who report to them
    private static final List<Row> ROWS = List.of(
            new Row("Catherine Blake", EMP, "Board", null, 'C', false),
            new Row("Margaret Ellison", BRD, "Board", "Catherine Blake", 'C', false),
            new Row("Raj Bhatia", BRD, "Board", "Catherine Blake", 'E', false),
            new Row("Geoffrey Lomax", BRD, "Board", "Catherine Blake", 'X', false),
            new Row("Yvonne Okafor", BRD, "Board", "Catherine Blake", 'C', false),
            new Row("Peter Drummond", BRD, "Board", "Catherine Blake", 'X', true),
            new Row("Helen Carter", EMP, "Business Services", "Catherine Blake", 'C', false),
            new Row("Alex Morgan", EMP, "Business Services", "Helen Carter", 'C', false),
            new Row("Fiona McAllister", EMP, "Business Services", "Helen Carter", 'C', false),
            new Row("Daniel Osei", EMP, "Business Services", "Helen Carter", 'E', false),
            new Row("Karen Whitfield", EMP, "Business Services", "Helen Carter", 'C', false),
            new Row("Leanne Hughes", TMP, "Business Services", "Fiona McAllister", 'M', false),
            new Row("Imran Hussain", CON, "Business Services", "Helen Carter", 'X', false),
            new Row("Chloe Barnes", WEX, "Business Services", "Karen Whitfield", 'M', false),
            new Row("Gareth Price", EMP, "IT&D", "Catherine Blake", 'C', false),
            new Row("Priya Shah", EMP, "IT&D", "Gareth Price", 'C', false),
            new Row("Liam O'Connor", EMP, "IT&D", "Gareth Price", 'C', false),
            new Row("Natalie Brooks", EMP, "IT&D", "Gareth Price", 'E', false),
            new Row("Wojciech Nowak", CTR, "IT&D", "Gareth Price", 'C', false),
            new Row("Ben Taylor", TMP, "IT&D", "Priya Shah", 'C', false),
            new Row("Aisha Rahman", WEX, "IT&D", "Priya Shah", 'M', false),
            new Row("Jordan Kemp", TPA, "IT&D", "Gareth Price", 'X', false),
            new Row("Tom Walker", EMP, "Information Security", "Gareth Price", 'C', false),
            new Row("Sophie Lang", EMP, "Information Security", "Tom Walker", 'C', false),
            new Row("Marcus Reid", CON, "Information Security", "Tom Walker", 'E', false),
            new Row("Ewa Kowalska", CTR, "Information Security", "Tom Walker", 'C', false),
            new Row("Rebecca Ashworth", EMP, "Policy", "Catherine Blake", 'C', false),
            new Row("Sam Patel", EMP, "Policy", "Rebecca Ashworth", 'E', false),
            new Row("James Whitaker", EMP, "Policy", "Rebecca Ashworth", 'C', false),
            new Row("Hannah Lewis", EMP, "Policy", "Rebecca Ashworth", 'C', false),
            new Row("Mohammed Ali", EMP, "Policy", "Rebecca Ashworth", 'X', false),
            new Row("Zara Khan", EMP, "Policy", "James Whitaker", 'C', false),
            new Row("Grace Mensah", TMP, "Policy", "James Whitaker", 'E', false),
            new Row("Oliver Grant", WEX, "Policy", "Hannah Lewis", 'M', false),
            new Row("Tom Fletcher", EMP, "Policy", "Rebecca Ashworth", 'C', true),
            new Row("Emma Doyle", EMP, "Communications", "Catherine Blake", 'C', false),
            new Row("Ryan Cooper", EMP, "Communications", "Emma Doyle", 'C', false),
            new Row("Jasmine Clarke", EMP, "Communications", "Emma Doyle", 'C', false),
            new Row("Kieran Walsh", CTR, "Communications", "Emma Doyle", 'X', false),
            new Row("Adeel Qureshi", TMP, "Communications", "Emma Doyle", 'C', false),
            new Row("Lucy Fenwick", VOL, "Communications", "Jasmine Clarke", 'M', false),
            new Row("Nicola Harding", EMP, "Commissioning", "Catherine Blake", 'E', false),
            new Row("Paul Bennett", EMP, "Commissioning", "Nicola Harding", 'C', false),
            new Row("Samira Haddad", EMP, "Commissioning", "Nicola Harding", 'C', false),
            new Row("Amy Chen", EMP, "Commissioning", "Nicola Harding", 'C', false),
            new Row("Victoria Stone", CON, "Commissioning", "Nicola Harding", 'C', false),
            new Row("Craig Robertson", TPA, "Commissioning", "Paul Bennett", 'M', false),
            new Row("Patricia Wong", VOL, "Commissioning", "Samira Haddad", 'C', false),
            new Row("Derek Holmes", VOL, "Commissioning", "Samira Haddad", 'X', false),
            new Row("Arthur Dunne", VOL, "Commissioning", "Samira Haddad", 'M', false),
            new Row("Ruth Ogunleye", EMP, "Commissioning", "Nicola Harding", 'C', true),
            new Row("Steve Mallory", EMP, "Estates", "Catherine Blake", 'C', false),
            new Row("Bernadette Quinn", EMP, "Estates", "Steve Mallory", 'C', false),
            new Row("Kevin Lyons", CTR, "Estates", "Steve Mallory", 'E', false),
            new Row("Dean Foster", TPA, "Estates", "Steve Mallory", 'C', false),
            new Row("Janet Moss", VOL, "Estates", "Bernadette Quinn", 'X', false),
            new Row("Colin Baxter", CTR, "Estates", "Steve Mallory", 'X', true),
            new Row("Harriet Sims", CON, "Policy", "Rebecca Ashworth", 'C', false),
            new Row("Nathan Ward", EMP, "Business Services", "Helen Carter", 'C', false),
            new Row("Mei Lin Tan", WEX, "Communications", "Ryan Cooper", 'C', false));

    private DemoPeople() {}

    static Result fill(Demo.Wired s, Session system, Random random) {
        LocalDate today = s.people().today();
        return s.db().inTransaction(h -> {
            Map<String, Long> ids = new HashMap<>();
            List<Long> everyone = new ArrayList<>();
            List<Long> declared = new ArrayList<>();
            int staffNumber = 1001;
            for (Row r : ROWS) {
                boolean outsider = r.category() == TPA || r.category() == CTR || r.category() == CON;
                String email = r.category() == TPA ? slug(r.name()) + "@partner.example" : slug(r.name()) + "@opcc.example";
                String number = outsider || r.category() == VOL || r.category() == BRD ? null : "OP" + staffNumber++;
                long id = s.people().createInTransaction(h, system, new PersonDraft(r.name(), email, number, r.category(), r.team(),
                        r.manager() == null ? null : ids.get(r.manager())));
                ids.put(r.name(), id);
                everyone.add(id);
                // days since the latest declaration; a 12-month declaration is "expiring" from about day 335
                Integer daysAgo = switch (r.declaration()) {
                    case 'C' -> 5 + random.nextInt(300);
                    case 'E' -> 340 + random.nextInt(22);
                    case 'X' -> 380 + random.nextInt(300);
                    default -> null;
                };
                if (daysAgo != null) {
                    if (random.nextInt(3) == 0) { // an earlier year's form, so the history shows more than one
                        s.people().recordDeclarationInTransaction(h, system, id, today.minusDays(daysAgo + 360 + random.nextInt(20)), Declaration.Method.PAPER);
                    }
                    Declaration.Method method = random.nextInt(4) == 0 ? Declaration.Method.PAPER : Declaration.Method.IN_APP;
                    s.people().recordDeclarationInTransaction(h, system, id, today.minusDays(daysAgo), method);
                }
                if (r.left()) s.people().markLeftInTransaction(h, system, id, today.minusDays(15 + random.nextInt(150)));
                else if (r.declaration() == 'C') declared.add(id);
            }
            return new Result(ids.get("Alex Morgan"), ids.get("Priya Shah"), ids.get("Tom Walker"), ids.get("Helen Carter"), ids.get("Sam Patel"),
                    List.copyOf(everyone), List.copyOf(declared));
        });
    }

    private static String slug(String name) {
        return name.toLowerCase().replace("'", "").replace(' ', '.');
    }
}
