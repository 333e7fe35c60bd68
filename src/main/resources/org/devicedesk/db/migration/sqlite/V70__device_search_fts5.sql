-- SQLite only (issue 9): the device list's text search through an FTS5 index with the trigram
-- tokenizer, so "any part of" asset tag, serial number, IMEI, make and model, phone number or the
-- holder's name is found without reading every row (LIKE '%x%' over 100k devices: ~15 ms per column;
-- trigram MATCH: ~1 ms). The rowid is the device id. Triggers keep it in step with the device, with
-- custody (the holder changes on issue, return, check-out and check-in) and with a person's name.
-- PostgreSQL keeps the LIKE search (DeviceRepository), so this file has no PostgreSQL twin.
CREATE VIRTUAL TABLE device_search USING fts5(
    asset_tag, serial_number, imei, make_model, phone_number, holder_name,
    tokenize = 'trigram'
);

INSERT INTO device_search (rowid, asset_tag, serial_number, imei, make_model, phone_number, holder_name)
SELECT d.id, d.asset_tag, coalesce(d.serial_number, ''), coalesce(d.imei, ''), coalesce(d.make_model, ''), coalesce(d.phone_number, ''),
       coalesce((SELECT p.full_name FROM custody c JOIN person p ON p.id = c.person_id WHERE c.device_id = d.id AND c.to_at IS NULL), '')
FROM device d;

CREATE TRIGGER device_search_device_insert AFTER INSERT ON device BEGIN
    INSERT INTO device_search (rowid, asset_tag, serial_number, imei, make_model, phone_number, holder_name)
    VALUES (NEW.id, NEW.asset_tag, coalesce(NEW.serial_number, ''), coalesce(NEW.imei, ''), coalesce(NEW.make_model, ''),
            coalesce(NEW.phone_number, ''), '');
END;

CREATE TRIGGER device_search_device_update AFTER UPDATE OF asset_tag, serial_number, imei, make_model, phone_number ON device BEGIN
    UPDATE device_search SET asset_tag = NEW.asset_tag, serial_number = coalesce(NEW.serial_number, ''), imei = coalesce(NEW.imei, ''),
           make_model = coalesce(NEW.make_model, ''), phone_number = coalesce(NEW.phone_number, '')
    WHERE rowid = NEW.id;
END;

CREATE TRIGGER device_search_device_delete AFTER DELETE ON device BEGIN
    DELETE FROM device_search WHERE rowid = OLD.id;
END;

-- a custody record opened (issue, pool check-out): the device now has this holder
CREATE TRIGGER device_search_custody_open AFTER INSERT ON custody WHEN NEW.to_at IS NULL BEGIN
    UPDATE device_search SET holder_name = coalesce((SELECT full_name FROM person WHERE id = NEW.person_id), '') WHERE rowid = NEW.device_id;
END;

-- closed (return, check-in): nobody holds it now
CREATE TRIGGER device_search_custody_close AFTER UPDATE OF to_at ON custody WHEN OLD.to_at IS NULL AND NEW.to_at IS NOT NULL BEGIN
    UPDATE device_search SET holder_name = '' WHERE rowid = NEW.device_id;
END;

CREATE TRIGGER device_search_custody_delete AFTER DELETE ON custody WHEN OLD.to_at IS NULL BEGIN
    UPDATE device_search SET holder_name = '' WHERE rowid = OLD.device_id;
END;

CREATE TRIGGER device_search_person_rename AFTER UPDATE OF full_name ON person BEGIN
    UPDATE device_search SET holder_name = NEW.full_name
    WHERE rowid IN (SELECT device_id FROM custody WHERE person_id = NEW.id AND to_at IS NULL);
END;
