-- People and the annual declaration (SPEC section 1, policy 1 and 50), and accounts (section 6).
CREATE TABLE person (
    id                 ${pk},
    full_name          TEXT NOT NULL,
    email              TEXT UNIQUE,
    staff_number       TEXT UNIQUE,
    category           TEXT NOT NULL CHECK (category IN ('EMPLOYEE','TEMPORARY','WORK_EXPERIENCE','CONSULTANT','CONTRACTOR','BOARD_MEMBER','VOLUNTEER','THIRD_PARTY')),
    team               TEXT,
    line_manager_id    BIGINT REFERENCES person (id),
    active             INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    left_on            TEXT,
    created_at         TEXT NOT NULL
);
CREATE INDEX person_name ON person (full_name);
CREATE INDEX person_team ON person (team);

CREATE TABLE declaration (
    id           ${pk},
    person_id    BIGINT NOT NULL REFERENCES person (id),
    signed_on    TEXT NOT NULL,
    signed_at    TEXT NOT NULL,
    method       TEXT NOT NULL CHECK (method IN ('IN_APP','PAPER')),
    recorded_by  TEXT NOT NULL
);
CREATE INDEX declaration_person ON declaration (person_id, signed_on);

CREATE TABLE account (
    id               ${pk},
    username         TEXT NOT NULL UNIQUE,
    person_id        BIGINT REFERENCES person (id),
    password_hash    TEXT NOT NULL,
    active           INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    failed_attempts  INTEGER NOT NULL DEFAULT 0,
    locked_until     TEXT,
    created_at       TEXT NOT NULL
);

CREATE TABLE account_role (
    account_id BIGINT NOT NULL REFERENCES account (id),
    role       TEXT NOT NULL CHECK (role IN ('STAFF','HELPDESK','INFOSEC','DPO','ADMIN')),
    PRIMARY KEY (account_id, role)
);
