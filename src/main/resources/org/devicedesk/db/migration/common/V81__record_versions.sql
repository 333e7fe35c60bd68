-- Issue 13: optimistic concurrency. Every record a person edits carries a version, raised by one on
-- each change; a save names the version its form was loaded at and is refused when it is no longer
-- current (core/Versions, ADR 0008).
ALTER TABLE device ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE person ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE account ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE incident ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE breach_case ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE travel_notice ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE crypto_list ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

-- the settings as a whole have one version (an admin saves the settings form at once)
CREATE TABLE settings_version (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    version  INTEGER NOT NULL
);
INSERT INTO settings_version (id, version) VALUES (1, 1);

-- Exactly one first administrator: the first-run set-up inserts this one row; a second client starting
-- at the same moment finds it taken. Databases that already have accounts are past their first run.
CREATE TABLE first_run (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    done_at     TEXT NOT NULL,
    done_by     TEXT NOT NULL
);
INSERT INTO first_run (id, done_at, done_by) SELECT 1, 'before issue 13', 'migration' WHERE EXISTS (SELECT 1 FROM account);
