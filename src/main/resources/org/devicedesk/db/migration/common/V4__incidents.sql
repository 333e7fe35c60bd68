-- Security incidents (SPEC section 3, policy 28, 41, 56, 57, 58).
CREATE TABLE incident (
    id                    ${pk},
    reference             TEXT NOT NULL UNIQUE,
    type                  TEXT NOT NULL CHECK (type IN ('LOST','STOLEN','PASSWORD_COMPROMISED','TAMPERING','MALFUNCTION','SUSPECTED_VIRUS','PERSONAL_DEVICE_LOST')),
    reporter_id           BIGINT NOT NULL REFERENCES person (id),
    device_id             BIGINT REFERENCES device (id),
    device_description    TEXT,
    occurred_at           TEXT,
    reported_at           TEXT NOT NULL,
    location              TEXT,
    what_happened         TEXT NOT NULL,
    status                TEXT NOT NULL CHECK (status IN ('REPORTED','ACKNOWLEDGED','CONTAINED','RESOLVED','CLOSED')),
    assignee              TEXT,
    urgent                INTEGER NOT NULL DEFAULT 0 CHECK (urgent IN (0, 1)),
    out_of_hours          INTEGER NOT NULL DEFAULT 0 CHECK (out_of_hours IN (0, 1)),
    device_locked         INTEGER CHECK (device_locked IN (0, 1)),
    crime_reference       TEXT,
    always_in_possession  INTEGER CHECK (always_in_possession IN (0, 1)),
    password_written_down INTEGER CHECK (password_written_down IN (0, 1)),
    password_reused       INTEGER CHECK (password_reused IN (0, 1)),
    password_changed      INTEGER CHECK (password_changed IN (0, 1)),
    policy_breach         INTEGER NOT NULL DEFAULT 0 CHECK (policy_breach IN (0, 1)),
    closing_summary       TEXT,
    recorded_by           TEXT NOT NULL,
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL
);
CREATE INDEX incident_status ON incident (status, reported_at);
CREATE INDEX incident_reporter ON incident (reporter_id);
CREATE INDEX incident_device ON incident (device_id);

CREATE TABLE incident_action (
    id           ${pk},
    incident_id  BIGINT NOT NULL REFERENCES incident (id),
    action       TEXT NOT NULL CHECK (action IN ('NOTE','REMOTE_WIPE_REQUESTED','REMOTE_WIPE_CONFIRMED','ACCOUNT_DISABLED','PASSWORD_RESET','SIM_BARRED','DEVICE_RECOVERED','DEVICE_QUARANTINED','DEVICE_CLEARED')),
    at           TEXT NOT NULL,
    actor        TEXT NOT NULL,
    note         TEXT
);
CREATE INDEX incident_action_incident ON incident_action (incident_id, at);
