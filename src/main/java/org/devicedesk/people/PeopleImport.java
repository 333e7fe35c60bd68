package org.devicedesk.people;

import java.io.Reader;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.devicedesk.core.Audit;
import org.devicedesk.core.CsvImport;
import org.devicedesk.core.Database;
import org.devicedesk.core.Problems;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.jdbi.v3.core.Handle;

/**
 * People from a CSV file (SPEC section 7): a preview, then every row or none, in one transaction,
 * each row through {@link PeopleService#createInTransaction} (the same rules as the person form).
 * {@code line_manager} names someone by email or staff number, already in the register or on an
 * earlier line of the same file.
 */
public final class PeopleImport {
    public static final List<String> COLUMNS = List.of("full_name", "email", "staff_number", "category", "team", "line_manager");
    static final CsvImport.Format FORMAT = new CsvImport.Format("people", COLUMNS, List.of("full_name", "category"),
            List.of("declaration", "declared_on", "left_on", "active"));

    private final Database db;
    private final Clock clock;
    private final PeopleService people;
    private final PeopleRepository repo = new PeopleRepository();

    public PeopleImport(Database db, Clock clock, PeopleService people) {
        this.db = db;
        this.clock = clock;
        this.people = people;
    }

    public CsvImport.Preview preview(Session s, Reader in) {
        s.require(Role.HELPDESK, Role.ADMIN);
        return CsvImport.preview(db, in, FORMAT, (h, row) -> people.createInTransaction(h, s, draft(h, row)));
    }

    public int importAll(Session s, Reader in) {
        return importAll(s, in, CsvImport.Progress.NONE);
    }

    /** Every row or none, telling {@code progress} after each row (the import dialog's progress bar, issue 17). */
    public int importAll(Session s, Reader in, CsvImport.Progress progress) {
        s.require(Role.HELPDESK, Role.ADMIN);
        return db.inTransaction(h -> {
            int n = CsvImport.importAll(h, in, FORMAT, (hh, row) -> people.createInTransaction(hh, s, draft(hh, row)), progress);
            Audit.record(h, s, clock.instant(), "PEOPLE_IMPORTED", "person", "import", "Imported " + n + (n == 1 ? " person" : " people") + " from a CSV file");
            return n;
        });
    }

    private PersonDraft draft(Handle h, CsvImport.Row row) {
        Problems p = new Problems();
        Category category = null;
        String c = row.value("category");
        if (c == null) {
            p.add("category", "The category is required (for example EMPLOYEE or CONTRACTOR).");
        } else {
            String key = c.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
            for (Category each : Category.values()) {
                if (each.name().equals(key) || each.label().equalsIgnoreCase(c)) category = each;
            }
            if (category == null) {
                p.add("category", "\"" + c + "\" is not a category Device Desk knows; use one of " + String.join(", ",
                        java.util.Arrays.stream(Category.values()).map(Enum::name).toList()) + ".");
            }
        }
        Long manager = null;
        String m = row.value("line_manager");
        if (m != null) {
            Optional<Long> found = m.contains("@") ? repo.idByEmail(h, m) : repo.idByStaffNumber(h, m);
            if (found.isEmpty()) {
                p.add("line-manager", "The line manager " + m + " is not in the register: give their email or staff number,"
                        + " and put their own line above this one if they are in the same file.");
            } else {
                manager = found.get();
            }
        }
        p.throwIfAny();
        return new PersonDraft(row.value("full_name"), row.value("email"), row.value("staff_number"), category, row.value("team"), manager);
    }
}
