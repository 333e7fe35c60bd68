package org.devicedesk.people;

import java.io.Writer;
import java.util.List;
import org.devicedesk.core.Csv;

/** The people list as CSV (through core.Csv, which neutralises cells a spreadsheet would run as formulas). */
public final class PeopleCsv {
    public static final List<String> HEADER = List.of("Full name", "Email", "Staff number", "Category", "Team", "Line manager",
            "Status", "Left on", "Declaration", "Last signed on", "Last current day");

    private PeopleCsv() {}

    public static List<String> cells(PeopleService.Row r) {
        Person p = r.person();
        DeclarationState d = r.declaration();
        return List.of(nz(p.fullName()), nz(p.email()), nz(p.staffNumber()), p.category().label(), nz(p.team()), nz(p.lineManagerName()),
                p.active() ? "Active" : "Left", p.leftOn() == null ? "" : p.leftOn().toString(), d.state().label(),
                d.signedOn() == null ? "" : d.signedOn().toString(), d.lastCurrentDay() == null ? "" : d.lastCurrentDay().toString());
    }

    public static void write(Writer out, List<PeopleService.Row> rows) {
        Csv.write(out, HEADER, rows.stream().map(PeopleCsv::cells).toList());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
