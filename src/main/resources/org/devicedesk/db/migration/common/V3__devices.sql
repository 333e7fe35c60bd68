-- The device register (SPEC section 2, policy 37, 38, 49, 50, 52).
CREATE TABLE device (
    id              ${pk},
    asset_tag       TEXT NOT NULL UNIQUE,
    kind            TEXT NOT NULL CHECK (kind IN ('LAPTOP','MOBILE_PHONE','TABLET','OTHER')),
    make_model      TEXT,
    serial_number   TEXT UNIQUE,
    imei            TEXT UNIQUE,
    phone_number    TEXT,
    encrypted       INTEGER NOT NULL DEFAULT 1 CHECK (encrypted IN (0, 1)),
    mode            TEXT NOT NULL CHECK (mode IN ('ISSUED','POOL')),
    status          TEXT NOT NULL CHECK (status IN ('IN_STOCK','IN_SERVICE','LOST','STOLEN','QUARANTINED','RETIRED')),
    team            TEXT,
    notes           TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX device_status ON device (status);
CREATE INDEX device_kind ON device (kind);
CREATE INDEX device_team ON device (team);

-- policy 50: who held the device at any time; to_at NULL = still held
CREATE TABLE custody (
    id           ${pk},
    device_id    BIGINT NOT NULL REFERENCES device (id),
    person_id    BIGINT NOT NULL REFERENCES person (id),
    kind         TEXT NOT NULL CHECK (kind IN ('ISSUE','POOL_CHECKOUT')),
    from_at      TEXT NOT NULL,
    to_at        TEXT,
    recorded_by  TEXT NOT NULL,
    returned_by  TEXT
);
CREATE INDEX custody_device ON custody (device_id, from_at);
CREATE INDEX custody_person ON custody (person_id, from_at);

CREATE TABLE pool_designated_user (
    device_id  BIGINT NOT NULL REFERENCES device (id),
    person_id  BIGINT NOT NULL REFERENCES person (id),
    added_at   TEXT NOT NULL,
    PRIMARY KEY (device_id, person_id)
);
