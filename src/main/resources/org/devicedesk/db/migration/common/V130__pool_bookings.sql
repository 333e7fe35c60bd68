-- Pool bookings (issue 21, ADR 0013): a designated user reserves a pool device for London calendar days
-- from_day..to_day, both inclusive (ISO yyyy-mm-dd text sorts as dates). A travel loaner is a booking made by
-- Information Security's decision on a travel notice; it must be recorded as wiped and re-imaged after use
-- before the device can be booked again. Whether a checked-out booking is back is read from its custody record.
CREATE TABLE booking (
    id                ${pk},
    device_id         BIGINT NOT NULL REFERENCES device (id),
    person_id         BIGINT NOT NULL REFERENCES person (id),
    from_day          TEXT NOT NULL,
    to_day            TEXT NOT NULL,
    purpose           TEXT NOT NULL,
    status            TEXT NOT NULL CHECK (status IN ('BOOKED','CHECKED_OUT','CANCELLED')),
    travel_notice_id  BIGINT REFERENCES travel_notice (id),
    custody_id        BIGINT REFERENCES custody (id),
    checked_out_at    TEXT,
    created_at        TEXT NOT NULL,
    created_by        TEXT NOT NULL,
    cancelled_at      TEXT,
    cancelled_by      TEXT,
    wipe_required     INTEGER NOT NULL DEFAULT 0 CHECK (wipe_required IN (0, 1)),
    wiped_at          TEXT,
    wiped_by          TEXT,
    CHECK (to_day >= from_day)
);
CREATE INDEX booking_device_days ON booking (device_id, from_day);
CREATE INDEX booking_person_days ON booking (person_id, from_day);
CREATE INDEX booking_days ON booking (from_day, to_day);
CREATE INDEX booking_travel_notice ON booking (travel_notice_id);
