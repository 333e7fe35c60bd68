package org.devicedesk.bookings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.devicedesk.core.Times;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** The SQL of pool bookings. Days are ISO text, so string comparison is date comparison. */
final class BookingRepository {
    private static final String SELECT = """
            SELECT b.id, b.device_id, d.asset_tag, d.make_model, d.team, b.person_id, p.full_name, b.from_day, b.to_day, b.purpose,
                   b.status, b.travel_notice_id, b.custody_id, b.checked_out_at, c.to_at AS returned_at, b.created_at, b.created_by,
                   b.cancelled_at, b.cancelled_by, b.wipe_required, b.wiped_at, b.wiped_by
            FROM booking b JOIN device d ON d.id = b.device_id JOIN person p ON p.id = b.person_id
            LEFT JOIN custody c ON c.id = b.custody_id""";

    private static final RowMapper<Booking> BOOKING = (rs, ctx) -> new Booking(rs.getLong("id"), rs.getLong("device_id"),
            rs.getString("asset_tag"), rs.getString("make_model"), rs.getString("team"), rs.getLong("person_id"), rs.getString("full_name"),
            Times.date(rs.getString("from_day")), Times.date(rs.getString("to_day")), rs.getString("purpose"),
            Booking.Status.valueOf(rs.getString("status")), nullableLong(rs, "travel_notice_id"),
            nullableLong(rs, "custody_id"), instant(rs.getString("checked_out_at")), instant(rs.getString("returned_at")),
            instant(rs.getString("created_at")), rs.getString("created_by"), instant(rs.getString("cancelled_at")), rs.getString("cancelled_by"),
            rs.getInt("wipe_required") == 1, instant(rs.getString("wiped_at")), rs.getString("wiped_by"));

    private static Long nullableLong(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Instant instant(String s) {
        return s == null ? null : Times.instant(s);
    }

    /** Serialises bookings of one device: the write lock on SQLite, a row lock on PostgreSQL, before the overlap check. */
    void lockDevice(Handle h, long deviceId) {
        h.createUpdate("UPDATE device SET updated_at = updated_at WHERE id = :id").bind("id", deviceId).execute();
    }

    long insert(Handle h, long deviceId, long personId, LocalDate from, LocalDate to, String purpose, Long travelNoticeId,
                boolean wipeRequired, Instant at, String by) {
        return h.createUpdate("""
                INSERT INTO booking (device_id, person_id, from_day, to_day, purpose, status, travel_notice_id, created_at, created_by, wipe_required)
                VALUES (:device, :person, :from, :to, :purpose, 'BOOKED', :notice, :at, :by, :wipe)""")
                .bind("device", deviceId).bind("person", personId).bind("from", Times.store(from)).bind("to", Times.store(to))
                .bind("purpose", purpose).bind("notice", travelNoticeId).bind("at", Times.store(at)).bind("by", by)
                .bind("wipe", wipeRequired ? 1 : 0)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    Optional<Booking> byId(Handle h, long id) {
        return h.createQuery(SELECT + " WHERE b.id = :id").bind("id", id).map(BOOKING).findOne();
    }

    /** Active bookings of the device that share a day with from..to (inclusive ranges). */
    List<Booking> overlapping(Handle h, long deviceId, LocalDate from, LocalDate to) {
        return h.createQuery(SELECT + " WHERE b.device_id = :device AND b.status <> 'CANCELLED' AND b.from_day <= :to AND b.to_day >= :from"
                        + " ORDER BY b.from_day")
                .bind("device", deviceId).bind("from", Times.store(from)).bind("to", Times.store(to)).map(BOOKING).list();
    }

    /** Loaners of the device that were checked out and are still to be recorded as wiped and re-imaged. */
    List<Booking> awaitingWipe(Handle h, long deviceId) {
        return h.createQuery(SELECT + " WHERE b.device_id = :device AND b.status = 'CHECKED_OUT' AND b.wipe_required = 1 AND b.wiped_at IS NULL"
                        + " ORDER BY b.from_day").bind("device", deviceId).map(BOOKING).list();
    }

    List<Booking> ofDevice(Handle h, long deviceId) {
        return h.createQuery(SELECT + " WHERE b.device_id = :device ORDER BY b.from_day DESC, b.id DESC").bind("device", deviceId).map(BOOKING).list();
    }

    List<Booking> ofPerson(Handle h, long personId) {
        return h.createQuery(SELECT + " WHERE b.person_id = :person ORDER BY b.from_day DESC, b.id DESC").bind("person", personId).map(BOOKING).list();
    }

    List<Booking> ofNotice(Handle h, long noticeId) {
        return h.createQuery(SELECT + " WHERE b.travel_notice_id = :notice ORDER BY b.id").bind("notice", noticeId).map(BOOKING).list();
    }

    /** Active bookings touching from..to, of one team's devices (team null: every team), or one device. */
    List<Booking> touching(Handle h, String team, Long deviceId, LocalDate from, LocalDate to) {
        var q = h.createQuery(SELECT + " WHERE b.status <> 'CANCELLED' AND b.from_day <= :to AND b.to_day >= :from"
                        + (team == null ? "" : " AND d.team = :team") + (deviceId == null ? "" : " AND b.device_id = :device")
                        + " ORDER BY b.from_day, d.asset_tag")
                .bind("from", Times.store(from)).bind("to", Times.store(to));
        if (team != null) q.bind("team", team);
        if (deviceId != null) q.bind("device", deviceId);
        return q.map(BOOKING).list();
    }

    /** Bookings due out on {@code today} and not yet collected, and checked-out ones whose last day is past and still held. */
    List<Booking> needingAction(Handle h, LocalDate today) {
        return h.createQuery(SELECT + " WHERE (b.status = 'BOOKED' AND b.from_day <= :today AND b.to_day >= :today)"
                        + " OR (b.status = 'CHECKED_OUT' AND b.to_day < :today AND c.to_at IS NULL) ORDER BY b.to_day, d.asset_tag")
                .bind("today", Times.store(today)).map(BOOKING).list();
    }

    record PoolDevice(long id, String assetTag, String makeModel, String kind, String team, String status) {}

    private static final RowMapper<PoolDevice> POOL = (rs, ctx) -> new PoolDevice(rs.getLong("id"), rs.getString("asset_tag"),
            rs.getString("make_model"), rs.getString("kind"), rs.getString("team"), rs.getString("status"));

    /** Pool devices of a team (null: all), or only those the person is a designated user of. */
    List<PoolDevice> poolDevices(Handle h, String team, Long designatedPersonId) {
        var q = h.createQuery("SELECT d.id, d.asset_tag, d.make_model, d.kind, d.team, d.status FROM device d WHERE d.mode = 'POOL'"
                        + (team == null ? "" : " AND d.team = :team")
                        + (designatedPersonId == null ? "" : " AND EXISTS (SELECT 1 FROM pool_designated_user u WHERE u.device_id = d.id AND u.person_id = :person)")
                        + " ORDER BY d.team, d.asset_tag");
        if (team != null) q.bind("team", team);
        if (designatedPersonId != null) q.bind("person", designatedPersonId);
        return q.map(POOL).list();
    }

    List<String> poolTeams(Handle h) {
        return h.createQuery("SELECT DISTINCT team FROM device WHERE mode = 'POOL' AND team IS NOT NULL ORDER BY team").mapTo(String.class).list();
    }

    void markCheckedOut(Handle h, long id, long custodyId, Instant at) {
        h.createUpdate("UPDATE booking SET status = 'CHECKED_OUT', custody_id = :custody, checked_out_at = :at WHERE id = :id AND status = 'BOOKED'")
                .bind("id", id).bind("custody", custodyId).bind("at", Times.store(at)).execute();
    }

    boolean cancel(Handle h, long id, Instant at, String by) {
        return h.createUpdate("UPDATE booking SET status = 'CANCELLED', cancelled_at = :at, cancelled_by = :by WHERE id = :id AND status = 'BOOKED'")
                .bind("id", id).bind("at", Times.store(at)).bind("by", by).execute() == 1;
    }

    boolean markWiped(Handle h, long id, Instant at, String by) {
        return h.createUpdate("UPDATE booking SET wiped_at = :at, wiped_by = :by WHERE id = :id AND wipe_required = 1 AND wiped_at IS NULL")
                .bind("id", id).bind("at", Times.store(at)).bind("by", by).execute() == 1;
    }
}
