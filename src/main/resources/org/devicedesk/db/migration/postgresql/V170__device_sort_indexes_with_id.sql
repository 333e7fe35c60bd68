-- PostgreSQL only (issue 16/20): every device-list sort orders by its key and then by id (the tie-break,
-- DeviceRepository.orderBy), but V3/V30/V71's indexes hold the key alone. SQLite keeps each index's entries
-- in rowid order within a key, so one walk answers both; PostgreSQL does not, and for a key many devices
-- share (the empty IMEI of 45,000 laptops, a kind, a status, a team, a model) it read the whole group and
-- sorted it by id: 394 ms for the first page by IMEI at 100k devices (the bench, 10.9x a Java sort).
-- With the id in the index the first page is 200 index entries, forwards or backwards.
DROP INDEX device_kind;
DROP INDEX device_status;
DROP INDEX device_mode;
DROP INDEX device_sort_make_model;
DROP INDEX device_sort_serial;
DROP INDEX device_sort_imei;
DROP INDEX device_sort_team;
DROP INDEX device_sort_updated;
CREATE INDEX device_sort_kind ON device (kind, id);
CREATE INDEX device_sort_status ON device (status, id);
CREATE INDEX device_sort_mode ON device (mode, id);
CREATE INDEX device_sort_make_model ON device (lower(coalesce(make_model, '')), id);
CREATE INDEX device_sort_serial ON device (coalesce(serial_number, ''), id);
CREATE INDEX device_sort_imei ON device (coalesce(imei, ''), id);
CREATE INDEX device_sort_team ON device (lower(coalesce(team, '')), id);
CREATE INDEX device_sort_updated ON device (updated_at, id);
ANALYZE device;
