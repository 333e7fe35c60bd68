-- Device register (SPEC section 2). Policy 50: an issued or pool device has at most one open custody
-- record (to_at NULL) at a time; the index makes the database refuse a second one even if two
-- clients issue the same device at the same moment. Partial indexes run on SQLite and PostgreSQL.
CREATE UNIQUE INDEX custody_one_open_per_device ON custody (device_id) WHERE to_at IS NULL;
CREATE INDEX custody_open_person ON custody (person_id) WHERE to_at IS NULL;
CREATE INDEX device_mode ON device (mode);
CREATE INDEX pool_designated_user_person ON pool_designated_user (person_id);
