-- PostgreSQL only (issue 16): the device list's text search through pg_trgm GIN indexes, the twin of
-- SQLite's FTS5 trigram index (V70). Three or more characters match any part of the asset tag, serial
-- number, IMEI, make and model, phone number or the current holder's name (LIKE '%x%', answered from the
-- trigram indexes instead of reading every device and custody row); one or two characters match the start
-- of the asset tag, serial number or IMEI (the text_pattern_ops indexes), as on SQLite.
-- pg_trgm ships with PostgreSQL and is a trusted extension: the database's owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX device_trgm_asset_tag ON device USING gin (lower(asset_tag) gin_trgm_ops);
CREATE INDEX device_trgm_serial ON device USING gin (lower(coalesce(serial_number, '')) gin_trgm_ops);
CREATE INDEX device_trgm_imei ON device USING gin (coalesce(imei, '') gin_trgm_ops);
CREATE INDEX device_trgm_make_model ON device USING gin (lower(coalesce(make_model, '')) gin_trgm_ops);
CREATE INDEX device_trgm_phone ON device USING gin (coalesce(phone_number, '') gin_trgm_ops);
CREATE INDEX person_trgm_full_name ON person USING gin (lower(full_name) gin_trgm_ops);

CREATE INDEX device_prefix_asset_tag ON device (lower(asset_tag) text_pattern_ops);
CREATE INDEX device_prefix_serial ON device (lower(coalesce(serial_number, '')) text_pattern_ops);
CREATE INDEX device_prefix_imei ON device (coalesce(imei, '') text_pattern_ops);
