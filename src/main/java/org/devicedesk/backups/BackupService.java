package org.devicedesk.backups;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.devicedesk.core.AppClock;
import java.sql.Connection;
import java.sql.SQLException;
import org.devicedesk.core.Audit;
import org.devicedesk.core.AuditAnchors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.devicedesk.core.Database;
import org.devicedesk.core.Progress;
import org.devicedesk.core.Refused;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.core.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backups of the SQLite file (SPEC section 7): on demand (ADMIN) and once a day at the first start
 * after midnight (office time), into the {@code backups} folder beside the database, each one checked
 * with {@code PRAGMA integrity_check} before it is kept, rotated after {@code BACKUP_KEEP_DAYS}.
 * Restore copies a chosen backup over the live database after keeping a "pre-restore" copy of it.
 * On PostgreSQL backups are the database server's job, and every call here says so.
 */
public final class BackupService {
    private static final Logger LOG = LoggerFactory.getLogger(BackupService.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final Pattern NAME = Pattern.compile("^(.+)-(daily|manual|pre-restore)-(\\d{8}-\\d{6})Z(?:-(\\d+))?\\.db$");
    public static final String POSTGRES_MESSAGE = "This Device Desk uses a shared PostgreSQL database: backups are the "
            + "database server's job (for example pg_dump or the server's own backup). Ask whoever runs the server.";

    private final Database db;
    private final Clock clock;
    private final Settings settings;
    private final BackupRepository repo = new BackupRepository();
    private final AuditAnchors anchors;
    /** Test seam: runs on each new file before its integrity check (a test damages it here). */
    Consumer<Path> beforeCheck = p -> { };

    public BackupService(Database db, Clock clock, Settings settings) {
        this(db, clock, settings, AuditAnchors.forDatabase(db, clock));
    }

    public BackupService(Database db, Clock clock, Settings settings, AuditAnchors anchors) {
        this.db = db;
        this.clock = clock;
        this.settings = settings;
        this.anchors = anchors;
    }

    /** The restore was refused because the backup's audit trail is broken; an administrator may restore it explicitly. */
    public static final class BrokenTrail extends RuntimeException {
        private final String explanation;

        BrokenTrail(String message, String explanation) {
            super(message);
            this.explanation = explanation;
        }

        /** What is wrong with the backup's trail, as verification says it. */
        public String explanation() {
            return explanation;
        }
    }

    /** The file beside a backup that anchors its audit trail (ADR 0009). */
    public static Path anchorFile(Path backup) {
        return backup.resolveSibling(backup.getFileName() + ".anchor");
    }

    /** False on PostgreSQL, where the server keeps the backups. */
    public boolean supported() {
        return db.dialect() == Database.Dialect.SQLITE;
    }

    /** The backups folder beside the database file. */
    public Path folder() {
        requireSqlite();
        return db.file().getParent().resolve("backups");
    }

    /** Every backup, newest first. ADMIN only: the files hold everyone's records. */
    public List<Backup> list(Session s) {
        s.require(Role.ADMIN);
        return scan();
    }

    /** The newest backup of any kind, for the About box; empty when none (or on PostgreSQL). */
    public Optional<Backup> latest() {
        if (!supported()) return Optional.empty();
        return scan().stream().filter(b -> b.kind() != Backup.Kind.PRE_RESTORE).findFirst();
    }

    /** A backup on demand. */
    public Backup backupNow(Session s) {
        return backupNow(s, Progress.Listener.NONE);
    }

    /** The same, saying each step (the copy, then its check) as it starts (issue 17). */
    public Backup backupNow(Session s, Progress.Listener progress) {
        s.require(Role.ADMIN);
        return make(s, Backup.Kind.MANUAL, progress);
    }

    /**
     * The daily backup, made at the first start after midnight (office time): when no daily or
     * on-demand backup exists yet for today. Returns the backup made, or empty when one already exists.
     */
    public Optional<Backup> dailyIfDue() {
        if (!supported()) return Optional.empty();
        LocalDate today = LocalDate.now(clock.withZone(AppClock.OFFICE_ZONE));
        boolean done = scan().stream().anyMatch(b -> b.kind() != Backup.Kind.PRE_RESTORE
                && b.madeAt().atZone(AppClock.OFFICE_ZONE).toLocalDate().equals(today));
        if (done) return Optional.empty();
        return Optional.of(make(Session.system(), Backup.Kind.DAILY));
    }

    /** Deletes backups older than the kept number of days; returns what was deleted. */
    public List<Backup> rotate(Session s) {
        s.require(Role.ADMIN);
        return rotateAs(s);
    }

    /**
     * Restores a backup over the live database. The backup is checked first; then the database as it is
     * now is kept as a "pre-restore" backup; then the backup's content replaces it. {@code progress}
     * receives 0..1. The caller must then reopen the database (an older backup may need migrations) —
     * the window does this by starting over at sign-in.
     */
    public Backup restore(Session s, Backup chosen, DoubleConsumer progress) {
        return restore(s, chosen, progress, false);
    }

    /**
     * The same; the backup's audit trail is verified first (its chain, and the anchor written beside it
     * when it was made). A broken trail is refused with {@link BrokenTrail} unless
     * {@code restoreBrokenTrail}: an administrator's explicit choice, recorded with the break in the trail.
     */
    public Backup restore(Session s, Backup chosen, DoubleConsumer progress, boolean restoreBrokenTrail) {
        return restore(s, chosen, (Progress.Listener) (doing, f) -> progress.accept(f), restoreBrokenTrail);
    }

    /** The same, reporting each step in words with how far the whole restore has come (issue 17). */
    public Backup restore(Session s, Backup chosen, Progress.Listener progress, boolean restoreBrokenTrail) {
        s.require(Role.ADMIN);
        progress.at("Checking the backup " + chosen.name(), 0);
        requireSqlite();
        Path source = chosen.file();
        if (!Files.isRegularFile(source)) {
            throw Refused.because("The backup " + chosen.name() + " is no longer in the backups folder. Choose another one.");
        }
        List<String> problems = repo.integrityProblems(source);
        if (!problems.isEmpty()) {
            throw Refused.because("The backup " + chosen.name() + " is damaged (" + first(problems)
                    + "), so it was not restored. Choose an earlier backup. Nothing has been changed.");
        }
        int theirs = repo.schemaVersion(source);
        if (theirs < 0) {
            throw Refused.because("The file " + chosen.name() + " is not a Device Desk backup, so it was not restored. Nothing has been changed.");
        }
        int ours = db.schemaVersion();
        if (theirs > ours) {
            throw Refused.because("The backup " + chosen.name() + " was made by a newer version of Device Desk (schema " + theirs
                    + ", this version knows " + ours + "). Install the latest version before restoring it. Nothing has been changed.");
        }
        String broken = trailProblem(source);
        if (broken != null && !restoreBrokenTrail) {
            throw new BrokenTrail("The audit trail in the backup " + chosen.name() + " has been tampered with or damaged: " + broken
                    + " It was not restored and nothing has been changed. Choose another backup, or, if you must, restore this one"
                    + " explicitly: the break is then recorded in the audit trail.", broken);
        }
        progress.at("Keeping the database as it is now (a pre-restore backup)", 0.05);
        Backup before = make(s, Backup.Kind.PRE_RESTORE);
        progress.at("Copying the backup in", 0.3);
        db.read(h -> {
            repo.restoreFrom(h, source, (remaining, total) -> {
                if (total > 0) progress.at("Copying the backup in (page " + (total - remaining) + " of " + total + ")",
                        0.3 + 0.65 * (total - remaining) / (double) total);
            });
            return null;
        });
        progress.at("Recording the restore in the audit trail", 0.95);
        // the restored trail continues from the backup's last event: the restore itself is its next event
        AuditAnchors.Anchor[] head = {null};
        db.useTransaction(h -> {
            if (broken == null) {
                Audit.record(h, s, clock.instant(), "DATABASE_RESTORED", "backup", chosen.name(),
                        "Restored the backup " + chosen.name() + " (made " + chosen.madeAt() + "); the database as it was is kept as " + before.name());
            } else {
                Audit.record(h, s, clock.instant(), "DATABASE_RESTORED_BROKEN_TRAIL", "backup", chosen.name(),
                        "Restored the backup " + chosen.name() + " (made " + chosen.madeAt() + ") although its audit trail is broken: " + broken
                                + " The database as it was is kept as " + before.name());
            }
            head[0] = anchors.head(h, "restored " + chosen.name());
        });
        anchorQuietly(head[0]); // the trail now continues from the backup's: later checks compare with this
        settings.invalidate();
        progress.at("Restored", 1.0);
        LOG.info("Restored {} over {}; previous content kept in {}", source, db.file(), before.file());
        return before;
    }

    /** What the About box shows. {@code sizeBytes} is null on PostgreSQL. */
    public record About(String version, String location, Long sizeBytes, int schemaVersion, boolean backupsSupported, Optional<Backup> lastBackup) {}

    public About about() {
        Long size = null;
        if (supported()) {
            long total = 0;
            for (String suffix : new String[] {"", "-wal"}) { // recent changes may still sit in the write-ahead log
                Path p = db.file().resolveSibling(db.file().getFileName() + suffix);
                try {
                    if (Files.exists(p)) total += Files.size(p);
                } catch (IOException e) {
                    LOG.warn("Could not read the size of {}", p, e);
                }
            }
            size = total;
        }
        return new About(version(), db.location(), size, db.schemaVersion(), supported(), latest());
    }

    /** The version in the jar's Maven descriptor; "development build" when run from the classes folder. */
    public static String version() {
        String v = BackupService.class.getPackage().getImplementationVersion();
        if (v != null) return v;
        try (var in = BackupService.class.getResourceAsStream("/META-INF/maven/org.devicedesk/devicedesk/pom.properties")) {
            if (in != null) {
                java.util.Properties p = new java.util.Properties();
                p.load(in);
                return p.getProperty("version", "development build");
            }
        } catch (IOException e) {
            LOG.warn("Could not read the version", e);
        }
        return "development build";
    }

    /** Null when the backup's audit trail verifies (its chain, and its anchor file if any); else what is wrong. */
    private String trailProblem(Path backup) {
        try (Connection c = BackupRepository.openReadOnly(backup); Handle h = Jdbi.open(c)) {
            Audit.Verification v = Audit.verify(h, null);
            if (!v.intact()) return v.explanation();
            List<AuditAnchors.Anchor> own = anchors.read(anchorFile(backup));
            if (!own.isEmpty()) {
                AuditAnchors.Comparison c2 = AuditAnchors.compare(h, own, org.devicedesk.core.AppClock.OFFICE_ZONE);
                if (!c2.matches()) return c2.explanation();
            }
            return null;
        } catch (SQLException | RuntimeException e) {
            return "its audit trail could not be read (" + e.getMessage() + ").";
        }
    }

    private void anchorQuietly(AuditAnchors.Anchor a) {
        try {
            anchors.append(a);
        } catch (RuntimeException e) {
            LOG.error("Could not write the audit anchor to {}", anchors.store(), e);
        }
    }

    /**
     * Makes a backup: a snapshot into a ".part" file, its integrity check, then — as one step — the
     * audit event, the anchor file beside it and the move into place, in one transaction: the file is
     * moved last, just before the commit, and removed again if the commit fails. So a backup is either
     * kept and audited, or not kept at all, and the message says which.
     */
    private Backup make(Session s, Backup.Kind kind) {
        return make(s, kind, Progress.Listener.NONE);
    }

    private Backup make(Session s, Backup.Kind kind, Progress.Listener progress) {
        requireSqlite();
        Path folder = folder();
        Instant at = clock.instant();
        Path target;
        Path partial;
        try {
            Files.createDirectories(folder);
            target = freeName(folder, kind, at);
            partial = target.resolveSibling(target.getFileName() + ".part");
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            throw Refused.because("The backups folder " + folder + " could not be written (" + e.getMessage()
                    + "). Check that your account may write there.");
        }
        try {
            progress.at("Copying the database to " + target.getFileName(), 0);
            db.read(h -> {
                repo.vacuumInto(h, partial);
                return null;
            });
            progress.at("Checking the copy", 0.6);
            beforeCheck.accept(partial);
            List<String> problems = repo.integrityProblems(partial);
            if (!problems.isEmpty()) {
                deleteQuietly(partial);
                db.useTransaction(h -> Audit.record(h, s, clock.instant(), "BACKUP_FAILED", "backup", target.getFileName().toString(),
                        "The new " + kind.tag + " backup failed its integrity check and was deleted: " + first(problems)));
                throw Refused.because("The backup just made failed its integrity check (" + first(problems)
                        + "), so it was deleted. The database itself may be damaged: run the check again or ask IT for help.");
            }
        } catch (RuntimeException e) {
            deleteQuietly(partial);
            throw e;
        }
        Backup made;
        AuditAnchors.Anchor anchor;
        boolean[] moved = {false};
        Path sidecar = anchorFile(target);
        try {
            anchor = backupHead(partial);
            made = new Backup(target, at, kind, Files.size(partial));
            db.useTransaction(h -> {
                Audit.record(h, s, clock.instant(), "BACKUP_CREATED", "backup", made.name(),
                        made.kind().label() + " backup " + made.name() + " (" + made.sizeBytes() + " bytes), integrity check passed, audit trail to event "
                                + anchor.seq() + " (" + anchor.hash().substring(0, 16) + "…)");
                beforeCommit.accept(h);
                anchors.writeTo(sidecar, anchor);
                try {
                    Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                moved[0] = true;
            });
        } catch (RuntimeException | IOException e) {
            if (moved[0]) deleteQuietly(target);
            deleteQuietly(partial);
            deleteQuietly(sidecar);
            LOG.error("The {} backup was not kept", kind.tag, e);
            throw Refused.because(notKept(e));
        }
        anchorQuietly(anchor);
        if (kind != Backup.Kind.PRE_RESTORE) rotateAs(s);
        return made;
    }

    /** Test seam: runs in the backup's audit transaction just before the file is moved into place (a test fails the commit here). */
    Consumer<Handle> beforeCommit = h -> { };

    private static String notKept(Throwable e) {
        if (Database.isBusy(e)) {
            return "The backup could not be written to the audit trail because the database was busy, so it was not kept: no backup was made."
                    + " Try again in a moment.";
        }
        return "The backup could not be written to the audit trail and the backups folder (" + rootMessage(e) + "), so it was not kept:"
                + " no backup was made. Try again, or ask IT to check the disk.";
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) t = t.getCause();
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** The head of the audit chain inside a backup file, as an anchor. */
    private AuditAnchors.Anchor backupHead(Path backup) {
        try (Connection c = BackupRepository.openReadOnly(backup); Handle h = Jdbi.open(c)) {
            return anchors.head(h, "backup " + backup.getFileName().toString().replaceFirst("\\.part$", ""));
        } catch (SQLException e) {
            throw new IllegalStateException("The new backup could not be read: " + e.getMessage(), e);
        }
    }

    private List<Backup> rotateAs(Session s) {
        if (!supported()) return List.of();
        int keepDays = settings.values().backupKeepDays();
        Instant cutoff = clock.instant().minus(Duration.ofDays(keepDays));
        List<Backup> all = scan();
        Backup newest = all.isEmpty() ? null : all.get(0);
        List<Backup> deleted = new ArrayList<>();
        for (Backup b : all) {
            if (b == newest || !b.madeAt().isBefore(cutoff)) continue; // never leave the office without any backup
            try {
                Files.deleteIfExists(b.file());
                Files.deleteIfExists(anchorFile(b.file()));
                deleted.add(b);
            } catch (IOException e) {
                LOG.warn("Could not delete old backup {}", b.file(), e);
            }
        }
        if (!deleted.isEmpty()) {
            db.useTransaction(h -> Audit.record(h, s, clock.instant(), "BACKUPS_ROTATED", "backup", "",
                    "Deleted " + deleted.size() + " backup(s) older than " + keepDays + " days: "
                            + String.join(", ", deleted.stream().map(Backup::name).toList())));
        }
        return deleted;
    }

    private List<Backup> scan() {
        Path folder = folder();
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(this::read).flatMap(Optional::stream)
                    .sorted(Comparator.comparing(Backup::madeAt).thenComparing(Backup::name).reversed())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<Backup> read(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches() || !m.group(1).equals(stem())) return Optional.empty();
        try {
            Instant at = STAMP.parse(m.group(3), Instant::from);
            return Optional.of(new Backup(file, at, Backup.Kind.ofTag(m.group(2)), Files.size(file)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private Path freeName(Path folder, Backup.Kind kind, Instant at) {
        String base = stem() + "-" + kind.tag + "-" + STAMP.format(at) + "Z";
        Path p = folder.resolve(base + ".db");
        for (int n = 2; Files.exists(p); n++) p = folder.resolve(base + "-" + n + ".db");
        return p;
    }

    private String stem() {
        String name = db.file().getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private void requireSqlite() {
        if (!supported()) throw Refused.because(POSTGRES_MESSAGE);
    }

    private static String first(List<String> problems) {
        return problems.size() == 1 ? problems.get(0) : problems.get(0) + " and " + (problems.size() - 1) + " more";
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.warn("Could not delete {}", p, e);
        }
    }
}
