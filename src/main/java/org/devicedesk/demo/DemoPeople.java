package org.devicedesk.demo;

import java.util.Random;
import org.devicedesk.Services;
import org.devicedesk.core.Session;
import org.devicedesk.people.Category;
import org.devicedesk.people.PersonDraft;

/** About 60 believable people across categories and teams, with current, expiring and missing declarations. */
final class DemoPeople {
    record Result(long admin, long helpdesk, long infosec, long dpo, long staff) {}

    private DemoPeople() {}

    static Result fill(Services s, Session system, Random random) {
        return s.db.inTransaction(h -> {
            long admin = s.people.createInTransaction(h, system, new PersonDraft("Alex Morgan", "alex.morgan@opcc.example", "OP1001", Category.EMPLOYEE, "Business Services", null));
            long helpdesk = s.people.createInTransaction(h, system, new PersonDraft("Priya Shah", "priya.shah@opcc.example", "OP1002", Category.EMPLOYEE, "IT&D", null));
            long infosec = s.people.createInTransaction(h, system, new PersonDraft("Tom Walker", "tom.walker@opcc.example", "OP1003", Category.EMPLOYEE, "Information Security", null));
            long dpo = s.people.createInTransaction(h, system, new PersonDraft("Helen Carter", "helen.carter@opcc.example", "OP1004", Category.EMPLOYEE, "Business Services", null));
            long staff = s.people.createInTransaction(h, system, new PersonDraft("Sam Patel", "sam.patel@opcc.example", "OP1005", Category.EMPLOYEE, "Policy", null));
            return new Result(admin, helpdesk, infosec, dpo, staff);
        });
    }
}
