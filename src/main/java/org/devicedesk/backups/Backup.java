package org.devicedesk.backups;

import java.nio.file.Path;
import java.time.Instant;

/** One backup file in the backups folder beside the database: when it was made, why, and how big it is. */
public record Backup(Path file, Instant madeAt, Kind kind, long sizeBytes) {

    /** Why a backup was made; the kind is part of the file name. */
    public enum Kind {
        DAILY("daily", "Daily (automatic)"),
        MANUAL("manual", "On demand"),
        PRE_RESTORE("pre-restore", "Before a restore");

        final String tag;
        private final String label;

        Kind(String tag, String label) {
            this.tag = tag;
            this.label = label;
        }

        public String label() { return label; }

        @Override public String toString() { return label; }

        static Kind ofTag(String tag) {
            for (Kind k : values()) if (k.tag.equals(tag)) return k;
            throw new IllegalArgumentException(tag);
        }
    }

    public String name() {
        return file.getFileName().toString();
    }
}
