-- The office directory (SPEC section 11, issue 19). Portable SQL: SQLite and PostgreSQL run this file.
-- Where an account comes from: LOCAL accounts keep an Argon2id hash; DIRECTORY accounts never store a
-- password (their password_hash holds the marker '!directory', which no password can match).
ALTER TABLE account ADD COLUMN source TEXT NOT NULL DEFAULT 'LOCAL' CHECK (source IN ('LOCAL', 'DIRECTORY'));

-- The directory account (its login name, lower case) a person is kept in step with; NULL for people only in Device Desk.
ALTER TABLE person ADD COLUMN directory_username TEXT;
CREATE UNIQUE INDEX person_directory_username ON person (directory_username);

-- Directory group (distinguished name, as typed) -> the Device Desk role its members get.
CREATE TABLE directory_group_role (
    group_dn TEXT NOT NULL,
    role     TEXT NOT NULL CHECK (role IN ('STAFF','HELPDESK','INFOSEC','DPO','ADMIN')),
    PRIMARY KEY (group_dn, role)
);

-- Failed directory sign-ins per login name (lower case), so the lock-out holds before an account exists.
CREATE TABLE directory_attempt (
    username        TEXT PRIMARY KEY,
    failed_attempts INTEGER NOT NULL,
    locked_until    TEXT
);
