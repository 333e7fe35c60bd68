package org.devicedesk.concurrency;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.EnumSet;
import org.devicedesk.Services;
import org.devicedesk.core.Database;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;

/**
 * A second Device Desk process for {@link TwoProcessSqliteTest}: opens the SQLite file, says READY,
 * waits for GO on its standard input (so both processes start together), then files {@code count}
 * reports, printing each one that failed (its marker) and a RESULT line.
 * Arguments: file accountId personId count label.
 */
public final class SqliteWriterMain {
    private SqliteWriterMain() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        long accountId = Long.parseLong(args[1]);
        long personId = Long.parseLong(args[2]);
        int count = Integer.parseInt(args[3]);
        String label = args[4];
        Session staff = new Session(accountId, "sam", personId, "Sam Tester", EnumSet.of(Role.STAFF));
        int ok = 0, errors = 0;
        try (Database db = Database.openSqlite(file)) {
            Services s = new Services(db, Clock.fixed(Office.NOW, ZoneId.of("Europe/London")));
            System.out.println("READY");
            System.out.flush();
            String go = new BufferedReader(new InputStreamReader(System.in)).readLine();
            if (!"GO".equals(go)) throw new IllegalStateException("expected GO, got " + go);
            for (int i = 0; i < count; i++) {
                String marker = label + " " + i;
                try {
                    s.incidents.report(staff, Office.report(marker));
                    ok++;
                } catch (RuntimeException e) {
                    errors++;
                    System.out.println("FAILED " + marker + "\t" + String.valueOf(e).replace('\n', ' '));
                }
            }
        }
        System.out.println("RESULT ok=" + ok + " errors=" + errors + " busyRetries=" + Database.busyRetries());
        System.out.flush();
    }
}
