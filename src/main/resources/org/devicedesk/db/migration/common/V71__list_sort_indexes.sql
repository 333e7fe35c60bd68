-- Issue 9: lists that stay instant at 100k devices and 1M audit events. Portable SQL (SQLite and
-- PostgreSQL both index expressions). Each device-list sort key gets an index on exactly the
-- expression DeviceRepository orders by, so a sorted first page reads 200 index entries instead of
-- sorting the register; the lower(...) ones also serve the case-insensitive "already used" checks.
CREATE INDEX device_sort_asset_tag ON device (lower(asset_tag));
CREATE INDEX device_sort_make_model ON device (lower(coalesce(make_model, '')));
CREATE INDEX device_sort_serial ON device (coalesce(serial_number, ''));
CREATE INDEX device_sort_imei ON device (coalesce(imei, ''));
CREATE INDEX device_sort_team ON device (lower(coalesce(team, '')));
CREATE INDEX device_sort_updated ON device (updated_at);
CREATE INDEX device_serial_lower ON device (lower(serial_number));

-- the audit screen filtered by actor and date, and by record, newest first
CREATE INDEX audit_event_actor_at ON audit_event (actor, at);
