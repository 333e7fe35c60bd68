-- Overseas travel notices (SPEC section 4, policy 53).
CREATE TABLE travel_notice (
    id                  ${pk},
    reference           TEXT NOT NULL UNIQUE,
    traveller_id        BIGINT NOT NULL REFERENCES person (id),
    departure_date      TEXT NOT NULL,
    return_date         TEXT NOT NULL,
    purpose             TEXT NOT NULL,
    submitted_at        TEXT NOT NULL,
    submitted_on        TEXT NOT NULL,
    notice_days         INTEGER NOT NULL,
    late                INTEGER NOT NULL CHECK (late IN (0, 1)),
    crypto_warning      INTEGER NOT NULL DEFAULT 0 CHECK (crypto_warning IN (0, 1)),
    decision            TEXT CHECK (decision IN ('APPROVED','APPROVED_WITH_CONDITIONS','NOT_APPROVED')),
    advice              TEXT,
    late_justification  TEXT,
    decided_at          TEXT,
    decided_by          TEXT,
    post_check_at       TEXT,
    post_check_by       TEXT,
    post_check_outcome  TEXT CHECK (post_check_outcome IN ('NO_CONCERNS','TAMPERING_SUSPECTED')),
    post_check_notes    TEXT,
    created_by          TEXT NOT NULL
);
CREATE INDEX travel_notice_departure ON travel_notice (departure_date);
CREATE INDEX travel_notice_traveller ON travel_notice (traveller_id);

CREATE TABLE travel_destination (
    notice_id     BIGINT NOT NULL REFERENCES travel_notice (id),
    country_code  TEXT NOT NULL,
    PRIMARY KEY (notice_id, country_code)
);

CREATE TABLE travel_device (
    notice_id  BIGINT NOT NULL REFERENCES travel_notice (id),
    device_id  BIGINT NOT NULL REFERENCES device (id),
    PRIMARY KEY (notice_id, device_id)
);
