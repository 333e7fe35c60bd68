-- PostgreSQL only (issue 16): the device search reads one stored column instead of five expressions.
-- EXPLAIN (ANALYZE) on the 100k-device bench data: each of V100's five lower(...) LIKE tests cost about
-- a microsecond a row and, joined by OR with the holder's sub-query, kept the planner from using the
-- trigram indexes at all (it walked the asset-tag index and filtered 50,000 rows for "px70012": 158 ms).
-- One stored, already lower-cased text with a trigram index answers a narrow search from the index
-- (11 ms) and a broad one with one LIKE a row. The fields are joined by the unit separator (U+001F),
-- which nobody types, so a search still matches within one field, as on SQLite (FTS5, V70).
ALTER TABLE device ADD COLUMN search_text text GENERATED ALWAYS AS (
    lower(asset_tag) || E'\x1f' || lower(coalesce(serial_number, '')) || E'\x1f' || coalesce(imei, '')
    || E'\x1f' || lower(coalesce(make_model, '')) || E'\x1f' || coalesce(phone_number, '')) STORED;
CREATE INDEX device_trgm_search ON device USING gin (search_text gin_trgm_ops);

-- V100's per-column trigram indexes are no longer read (the prefix indexes still are, for 1-2 characters)
DROP INDEX device_trgm_asset_tag;
DROP INDEX device_trgm_serial;
DROP INDEX device_trgm_imei;
DROP INDEX device_trgm_make_model;
DROP INDEX device_trgm_phone;
