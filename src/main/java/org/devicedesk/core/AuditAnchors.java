package org.devicedesk.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jdbi.v3.core.Handle;

/**
 * The audit chain's head anchored outside the database (ADR 0009): a line "when, event N, its hash,
 * why" appended to an anchors file beside the database (for PostgreSQL, in the user's app folder),
 * written with every backup (also as a file beside the backup), every register export and every
 * verification that found the trail intact; the DPO is shown it to note. Someone who rewrites the
 * trail and recomputes its chain inside the database still does not match the anchors. With a key
 * file (outside the database: {@code -Ddevicedesk.auditKeyFile} or {@code DEVICEDESK_AUDIT_KEY_FILE})
 * every anchor carries an HMAC-SHA256, so an edited anchors file is caught too.
 */
public final class AuditAnchors {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss", java.util.Locale.UK);

    /** One anchor: the head of the chain ({@code seq}, {@code hash}) at {@code madeAt}, and why it was taken. */
    public record Anchor(Instant madeAt, long seq, String hash, String reason, String mac) {
        String body() {
            return Times.store(madeAt) + "\t" + seq + "\t" + hash + "\t" + reason.replaceAll("[\\t\\r\\n]+", " ");
        }

        /** What a person notes down: event, the first 16 characters of its hash, and when. */
        public String forTheRecord(ZoneId zone) {
            return "event " + seq + ", hash " + hash.substring(0, Math.min(16, hash.length())) + "…, " + WHEN.format(madeAt.atZone(zone));
        }
    }

    /** What the trail is, compared with the latest anchor. {@code matches} false: {@code explanation} says what is missing. */
    public record Comparison(boolean matches, Anchor latest, String explanation) {}

    private final Clock clock;
    private final java.util.function.Supplier<Path> store;
    private final byte[] key;

    public AuditAnchors(Clock clock, Path store, byte[] key) {
        this(clock, () -> store, key);
    }

    private AuditAnchors(Clock clock, java.util.function.Supplier<Path> store, byte[] key) {
        this.clock = clock;
        this.store = store;
        this.key = key == null || key.length == 0 ? null : key.clone();
    }

    /** The anchors of this database in their usual place, with the key file if one is configured. */
    public static AuditAnchors forDatabase(Database db, Clock clock) {
        return new AuditAnchors(clock, () -> defaultStore(db), readKey(configuredKeyFile()));
    }

    /**
     * Beside the SQLite file ({@code devicedesk.audit-anchors}). For PostgreSQL in ~/.devicedesk/anchors
     * (or {@code -Ddevicedesk.anchorsDir}: a folder the office keeps safe, shared or backed up), one
     * file per server, database and trail: the name ends with the start of the first event's hash, so a
     * database re-created at the same address (a new trail) starts a new file rather than failing against the old one.
     */
    public static Path defaultStore(Database db) {
        if (db.file() != null) {
            String name = db.file().getFileName().toString();
            int dot = name.lastIndexOf('.');
            return db.file().resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".audit-anchors");
        }
        String safe = db.location().replaceFirst("^jdbc:postgresql://", "").replaceAll("[^A-Za-z0-9._-]+", "_");
        String first = db.read(h -> h.createQuery("SELECT hash FROM audit_event WHERE seq = 1").mapTo(String.class).findOne().orElse("empty"));
        String dir = System.getProperty("devicedesk.anchorsDir");
        Path folder = dir != null && !dir.isBlank() ? Path.of(dir) : Path.of(System.getProperty("user.home"), ".devicedesk", "anchors");
        return folder.resolve(safe + "-" + first.substring(0, Math.min(12, first.length())) + ".audit-anchors");
    }

    static Path configuredKeyFile() {
        String p = System.getProperty("devicedesk.auditKeyFile");
        if (p == null || p.isBlank()) p = System.getenv("DEVICEDESK_AUDIT_KEY_FILE");
        return p == null || p.isBlank() ? null : Path.of(p);
    }

    /** The key's bytes, or null without a key file. A key file that cannot be read is a problem to fix, not to ignore. */
    public static byte[] readKey(Path keyFile) {
        if (keyFile == null) return null;
        try {
            byte[] k = Files.readAllBytes(keyFile);
            if (k.length < 16) throw new IllegalStateException("The audit key file " + keyFile + " holds fewer than 16 bytes: use a longer key.");
            return k;
        } catch (IOException e) {
            throw new IllegalStateException("The audit key file " + keyFile + " could not be read: " + e.getMessage(), e);
        }
    }

    public Path store() {
        return store.get();
    }

    public boolean keyed() {
        return key != null;
    }

    /** The head of the chain now, as an anchor (not yet written anywhere). */
    public Anchor head(Handle h, String reason) {
        return sign(h.createQuery("SELECT last_seq, last_hash FROM audit_head WHERE id = 1")
                .map((rs, ctx) -> new Anchor(clock.instant(), rs.getLong(1), rs.getString(2), reason, null)).one());
    }

    private Anchor sign(Anchor a) {
        return new Anchor(a.madeAt(), a.seq(), a.hash(), a.reason(), key == null ? null : mac(a.body()));
    }

    private String mac(String body) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(m.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is missing from this Java runtime", e);
        }
    }

    /** Appends the anchor to the anchors file (created on first use), forced to disk. */
    public Anchor append(Anchor a) {
        write(store(), a, true);
        return a;
    }

    /** Writes one anchor as its own file (the one beside a backup). */
    public void writeTo(Path file, Anchor a) {
        write(file, a, false);
    }

    private static void write(Path file, Anchor a, boolean append) {
        String line = a.body() + (a.mac() == null ? "" : "\t" + a.mac()) + "\n";
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            try (var ch = java.nio.channels.FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(java.nio.ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
                ch.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every anchor in the anchors file, oldest first; with a key, lines whose MAC does not match are left out. */
    public List<Anchor> all() {
        return read(store());
    }

    /** The anchors in a file (the anchors file or one beside a backup). */
    public List<Anchor> read(Path file) {
        List<Anchor> anchors = new ArrayList<>();
        if (!Files.isRegularFile(file)) return anchors;
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t");
                if (f.length < 4) continue;
                try {
                    Anchor a = new Anchor(Times.instant(f[0]), Long.parseLong(f[1]), f[2], f[3], f.length > 4 ? f[4] : null);
                    if (key != null && (a.mac() == null || !a.mac().equals(mac(a.body())))) continue; // forged or from before the key
                    anchors.add(a);
                } catch (RuntimeException badLine) {
                    // a damaged line is not an anchor
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return anchors;
    }

    public Optional<Anchor> latest() {
        List<Anchor> all = all();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Compares the trail with the latest anchor of the anchors file. */
    public Comparison compare(Handle h, ZoneId zone) {
        return compare(h, all(), zone);
    }

    /**
     * Compares the trail with the latest of these anchors: the event it recorded must still be there
     * with the same hash. When it is not, says how many events are missing or rewritten since it: the
     * events it recorded beyond the trail's end, or, when the event is there with another hash, those
     * since the newest earlier anchor that still matches (at most that many were rewritten).
     */
    public static Comparison compare(Handle h, List<Anchor> anchors, ZoneId zone) {
        if (anchors.isEmpty()) return new Comparison(true, null, "No anchor has been taken yet.");
        Anchor latest = anchors.get(anchors.size() - 1);
        String date = WHEN.format(latest.madeAt().atZone(zone));
        long lastSeq = h.createQuery("SELECT last_seq FROM audit_head WHERE id = 1").mapTo(Long.class).one();
        long lastEvent = h.createQuery("SELECT coalesce(max(seq), 0) FROM audit_event").mapTo(Long.class).one();
        long end = Math.min(lastSeq, lastEvent);
        if (matches(h, latest)) {
            return new Comparison(true, latest, "It matches the anchor of " + date + " (event " + latest.seq() + ").");
        }
        if (end < latest.seq()) {
            long n = latest.seq() - end;
            return new Comparison(false, latest, n + (n == 1 ? " event" : " events") + " missing or rewritten since the anchor of " + date
                    + ": the anchor recorded event " + latest.seq() + ", the trail now ends at event " + end + ".");
        }
        long sound = 0;
        String soundDate = null;
        for (int i = anchors.size() - 2; i >= 0; i--) {
            if (anchors.get(i).seq() < latest.seq() && matches(h, anchors.get(i))) {
                sound = anchors.get(i).seq();
                soundDate = WHEN.format(anchors.get(i).madeAt().atZone(zone));
                break;
            }
        }
        long n = latest.seq() - sound;
        return new Comparison(false, latest, n + (n == 1 ? " event" : " events") + " missing or rewritten since the anchor of " + date
                + ": event " + latest.seq() + " no longer has the hash the anchor recorded, so the trail was rewritten and its chain recomputed"
                + (soundDate == null ? "." : "; it still matches the anchor of " + soundDate + " (event " + sound + ")."));
    }

    private static boolean matches(Handle h, Anchor a) {
        if (a.seq() == 0) return true;
        return h.createQuery("SELECT hash FROM audit_event WHERE seq = :s").bind("s", a.seq()).mapTo(String.class)
                .findOne().map(a.hash()::equals).orElse(false);
    }
}
