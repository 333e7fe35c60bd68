-- Issue 18: the transactional outbox (ADR 0011). A message is inserted in the transaction of the change
-- that causes it; the sender claims a row (PENDING -> SENDING) atomically, delivers it over SMTP and marks it SENT,
-- or puts it back PENDING with a later next_attempt_at (backoff), or FAILED after the last attempt.
CREATE TABLE mail_outbox (
    id               ${pk},
    kind             TEXT NOT NULL,
    recipient        TEXT NOT NULL,
    subject          TEXT NOT NULL,
    body_text        TEXT NOT NULL,
    body_html        TEXT NOT NULL,
    record_type      TEXT,
    record_id        TEXT,
    status           TEXT NOT NULL CHECK (status IN ('PENDING','SENDING','SENT','FAILED')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TEXT NOT NULL,
    claimed_by       TEXT,
    claimed_at       TEXT,
    last_error       TEXT,
    created_at       TEXT NOT NULL,
    sent_at          TEXT
);
CREATE INDEX mail_outbox_due ON mail_outbox (status, next_attempt_at);
CREATE INDEX mail_outbox_created ON mail_outbox (created_at);

-- A reminder fires once per threshold and record (e.g. ICO_24H of breach_case 12): the key is recorded
-- in the same transaction as its messages, so a second sender or a second pass finds it and writes nothing.
CREATE TABLE mail_reminder (
    reminder_key  TEXT PRIMARY KEY,
    fired_at      TEXT NOT NULL
);
