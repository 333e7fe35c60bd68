-- Overseas travel (SPEC section 4, policy 53): the editable list of countries that restrict the import
-- or use of encryption, filled from the shipped file travel/crypto-restricted-countries.csv on first use,
-- and which devices a post-travel check suspected of tampering (with the incident it opened).
CREATE TABLE crypto_country (
    country_code  TEXT PRIMARY KEY,
    note          TEXT,
    updated_at    TEXT NOT NULL,
    updated_by    TEXT NOT NULL
);

-- one row: where the list came from and when it was last reviewed; present once the shipped file is loaded
CREATE TABLE crypto_list (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    source       TEXT NOT NULL,
    reviewed_on  TEXT NOT NULL,
    loaded_at    TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL
);

ALTER TABLE travel_device ADD COLUMN tampering_suspected INTEGER CHECK (tampering_suspected IN (0, 1));
ALTER TABLE travel_device ADD COLUMN incident_id BIGINT REFERENCES incident (id);
