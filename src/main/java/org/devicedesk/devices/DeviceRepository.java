package org.devicedesk.devices;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.devicedesk.core.Times;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

/** The only SQL for devices, custody and pool designated users. */
final class DeviceRepository {
    private static final String COLUMNS = """
            SELECT d.id, d.asset_tag, d.kind, d.make_model, d.serial_number, d.imei, d.phone_number, d.encrypted, d.mode,
                   d.status, d.team, d.notes, d.created_at, d.updated_at, d.version,
                   c.person_id AS holder_id, hp.full_name AS holder_name, c.from_at AS held_since, c.kind AS custody_kind""";
    private static final String FROM = """
             FROM device d
            LEFT JOIN custody c ON c.device_id = d.id AND c.to_at IS NULL
            LEFT JOIN person hp ON hp.id = c.person_id""";
    private static final String SELECT = COLUMNS + FROM;

    static final RowMapper<Device> DEVICE = (rs, ctx) -> {
        long holderId = rs.getLong("holder_id");
        Device.Holder holder = rs.wasNull() ? null : new Device.Holder(holderId, rs.getString("holder_name"),
                Times.instant(rs.getString("held_since")), Custody.Kind.valueOf(rs.getString("custody_kind")));
        return new Device(rs.getLong("id"), rs.getString("asset_tag"), Device.Kind.valueOf(rs.getString("kind")),
                rs.getString("make_model"), rs.getString("serial_number"), rs.getString("imei"), rs.getString("phone_number"),
                rs.getInt("encrypted") == 1, Device.Mode.valueOf(rs.getString("mode")), Device.Status.valueOf(rs.getString("status")),
                rs.getString("team"), rs.getString("notes"), Times.instant(rs.getString("created_at")),
                Times.instant(rs.getString("updated_at")), holder, rs.getLong("version"));
    };

    private static final RowMapper<Custody> CUSTODY = (rs, ctx) -> new Custody(rs.getLong("id"), rs.getLong("device_id"),
            rs.getString("asset_tag"), rs.getString("make_model"), rs.getLong("person_id"), rs.getString("person_name"),
            Custody.Kind.valueOf(rs.getString("kind")), Times.instant(rs.getString("from_at")), Times.instant(rs.getString("to_at")),
            rs.getString("recorded_by"), rs.getString("returned_by"));

    private static final String CUSTODY_SELECT = """
            SELECT c.id, c.device_id, d.asset_tag, d.make_model, c.person_id, p.full_name AS person_name, c.kind, c.from_at, c.to_at,
                   c.recorded_by, c.returned_by
            FROM custody c JOIN device d ON d.id = c.device_id JOIN person p ON p.id = c.person_id""";

    Optional<Device> byId(Handle h, long id) {
        return h.createQuery(SELECT + " WHERE d.id = :id").bind("id", id).map(DEVICE).findOne();
    }

    Optional<Device> byIdForUpdate(Handle h, long id) {
        // touching the row first takes the write lock on SQLite and a row lock on PostgreSQL,
        // so two clients issuing the same device at once are serialised
        h.createUpdate("UPDATE device SET updated_at = updated_at WHERE id = :id").bind("id", id).execute();
        return byId(h, id);
    }

    /** True on SQLite: text search goes through the device_search FTS5 table (migration V70), and bulk inserts are batched. */
    private final boolean fts;

    DeviceRepository(boolean fts) {
        this.fts = fts;
    }

    // ---- the list: one method, filtering, sorting and paging in SQL ----

    /** The list's page and how many match in all. */
    DeviceQuery.Page page(Handle h, DeviceQuery q) {
        boolean cappable = hasText(q) || hasFilters(q); // the whole register is counted exactly
        int n = count(h, q, cappable ? DeviceQuery.COUNT_CAP : 0);
        boolean more = cappable && n > DeviceQuery.COUNT_CAP;
        return new DeviceQuery.Page(search(h, q), more ? DeviceQuery.COUNT_CAP : n, more, q);
    }

    List<Device> search(Handle h, DeviceQuery q) {
        StringBuilder sql = new StringBuilder(SELECT);
        if (hasText(q) && q.sort() != DeviceQuery.Sort.HOLDER && q.limit() > 0) {
            // a search can match tens of thousands of devices: pick the page's ids from the device rows
            // alone, then join custody and holder for those 200 only (the joins for every match cost 5x;
            // on PostgreSQL the planner then walks the sort index for a broad search, see where())
            StringBuilder ids = new StringBuilder("SELECT d.id FROM device d");
            where(ids, q);
            orderBy(ids, q);
            ids.append(" LIMIT ").append(q.limit()).append(" OFFSET ").append(Math.max(0, q.offset()));
            sql.append(" WHERE d.id IN (").append(ids).append(')');
            orderBy(sql, q);
            Query query = h.createQuery(sql.toString());
            bind(query, q);
            return query.map(DEVICE).list();
        }
        where(sql, q);
        orderBy(sql, q);
        // written in, not bound: SQLite walks a sort index for a page only when it can see the page is small
        if (q.limit() > 0) sql.append(" LIMIT ").append(q.limit()).append(" OFFSET ").append(Math.max(0, q.offset()));
        Query query = h.createQuery(sql.toString());
        bind(query, q);
        return query.map(DEVICE).list();
    }

    /** Streams every match (for export) without holding the whole list in memory. */
    void forEach(Handle h, DeviceQuery q, Consumer<Device> each) {
        StringBuilder sql = new StringBuilder(SELECT);
        where(sql, q);
        orderBy(sql, q);
        Query query = h.createQuery(sql.toString());
        bind(query, q);
        try (var it = query.setFetchSize(1000).map(DEVICE).iterator()) {
            it.forEachRemaining(each);
        }
    }

    /** The tie-break runs the same way as the key, so each sort is one walk of its index (V71), forwards or backwards. */
    private static void orderBy(StringBuilder sql, DeviceQuery q) {
        String dir = q.descending() ? " DESC" : " ASC";
        sql.append(" ORDER BY ").append(order(q.sort())).append(dir).append(", d.id").append(dir);
    }

    /**
     * How many devices match; with a {@code cap} above 0 it stops counting at cap + 1 (the matches are read
     * only that far, on both databases).
     */
    int count(Handle h, DeviceQuery q, int cap) {
        StringBuilder sql;
        boolean capped = cap > 0;
        String one = capped ? "SELECT 1" : "SELECT count(*)";
        if (hasText(q) && fts && !hasFilters(q)) {
            // text alone: the search index counts its own matches, no device row read
            sql = new StringBuilder(ftsPhrase(q) ? one + " FROM device_search WHERE device_search MATCH :fts"
                    : one + " FROM device d WHERE " + SHORT_MATCH);
        } else {
            sql = new StringBuilder(one + " FROM device d"); // no search reads the holder through joins (V70, V100)
            where(sql, q);
        }
        if (capped) sql.insert(0, "SELECT count(*) FROM (").append(" LIMIT ").append(cap + 1).append(") matches");
        Query query = h.createQuery(sql.toString());
        bind(query, q);
        return query.mapTo(Integer.class).one();
    }

    private static boolean hasFilters(DeviceQuery q) {
        return q.kind() != null || q.mode() != null || q.status() != null || q.team() != null && !q.team().isBlank();
    }

    /**
     * One or two characters (before the trigram index can help) match the start of the asset tag,
     * serial number or IMEI, through their indexes (V71): "any part of" would match nearly every
     * device and read all of them on each keystroke.
     */
    private static final String SHORT_MATCH = "(lower(d.asset_tag) >= :lo AND lower(d.asset_tag) < :hi"
            + " OR lower(d.serial_number) >= :lo AND lower(d.serial_number) < :hi"
            + " OR coalesce(d.imei, '') >= :lo AND coalesce(d.imei, '') < :hi)";

    private void where(StringBuilder sql, DeviceQuery q) {
        int start = sql.length();
        if (hasText(q) && fts) {
            // trigram MATCH needs three characters; shorter text is a prefix of the identifiers
            if (ftsPhrase(q)) {
                sql.append(" AND d.id IN (SELECT rowid FROM device_search WHERE device_search MATCH :fts)");
            } else {
                sql.append(" AND ").append(SHORT_MATCH);
            }
        } else if (hasText(q) && shortText(q)) {
            // PostgreSQL, one or two characters: the start of the identifiers, as on SQLite (V100's prefix indexes)
            String prefix = " LIKE :p ESCAPE '!'";
            sql.append(" AND (lower(d.asset_tag)").append(prefix)
                    .append(" OR lower(coalesce(d.serial_number, ''))").append(prefix)
                    .append(" OR coalesce(d.imei, '')").append(prefix).append(')');
        } else if (hasText(q)) {
            // PostgreSQL: any part of the five device fields through the one stored search column and its trigram
            // index (V160), or of the current holder's name. The holder's devices are read first, as an array
            // (the people through their trigram index, then their open custody rows through custody_open_person),
            // so the device condition stays one OR the planner can answer either way: from the trigram and primary
            // key indexes for a narrow search, or by walking the sort index and stopping at the page for a broad
            // one ("LT-0" matches 45,000). Issue 20, EXPLAIN ANALYZE on the bench data: a UNION of the two, as
            // before, read and sorted every match (260 ms for "px70"), and a join with the holders walked all
            // 65,000 open custody rows for "patel" (110 ms); this form takes 0.4-60 ms and 24 ms.
            sql.append(" AND (d.search_text LIKE :t ESCAPE '!' OR d.id = ANY(ARRAY(SELECT sc.device_id FROM custody sc")
                    .append(" WHERE sc.to_at IS NULL AND sc.person_id = ANY(ARRAY(SELECT sp.id FROM person sp")
                    .append(" WHERE lower(sp.full_name) LIKE :t ESCAPE '!')))))");
        }
        if (q.kind() != null) sql.append(" AND d.kind = :kind");
        if (q.mode() != null) sql.append(" AND d.mode = :mode");
        if (q.status() != null) sql.append(" AND d.status = :status");
        if (q.team() != null && !q.team().isBlank()) sql.append(" AND d.team = :team");
        // no condition at all stays "no WHERE": SQLite then counts the register from its smallest index
        if (sql.length() > start) sql.replace(start, start + " AND".length(), " WHERE");
    }

    private static boolean hasText(DeviceQuery q) {
        return q.text() != null && !q.text().isBlank();
    }

    private static boolean shortText(DeviceQuery q) {
        String t = q.text().strip();
        return t.codePointCount(0, t.length()) < 3;
    }

    private boolean ftsPhrase(DeviceQuery q) {
        return fts && q.text().strip().codePointCount(0, q.text().strip().length()) >= 3;
    }

    private void bind(Query query, DeviceQuery q) {
        if (hasText(q)) {
            String text = q.text().strip();
            // one quoted phrase: the trigram index then matches it as a substring, quotes and all
            if (ftsPhrase(q)) query.bind("fts", '"' + text.replace("\"", "\"\"") + '"');
            else if (fts) query.bind("lo", text.toLowerCase()).bind("hi", text.toLowerCase() + '\uffff'); // a prefix range
            else if (shortText(q)) query.bind("p", escapeLike(text.toLowerCase()) + "%");
            else query.bind("t", "%" + escapeLike(text.toLowerCase()) + "%");
        }
        if (q.kind() != null) query.bind("kind", q.kind().name());
        if (q.mode() != null) query.bind("mode", q.mode().name());
        if (q.status() != null) query.bind("status", q.status().name());
        if (q.team() != null && !q.team().isBlank()) query.bind("team", q.team());
    }

    /** LIKE wildcards typed by a person are searched for literally. */
    private static String escapeLike(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static String order(DeviceQuery.Sort sort) {
        if (sort == null) return "lower(d.asset_tag)";
        return switch (sort) {
            case ASSET_TAG -> "lower(d.asset_tag)";
            case KIND -> "d.kind";
            case MAKE_MODEL -> "lower(coalesce(d.make_model, ''))";
            case SERIAL_NUMBER -> "coalesce(d.serial_number, '')";
            case IMEI -> "coalesce(d.imei, '')";
            case MODE -> "d.mode";
            case STATUS -> "d.status";
            case TEAM -> "lower(coalesce(d.team, ''))";
            case HOLDER -> "lower(coalesce(hp.full_name, ''))";
            case UPDATED -> "d.updated_at";
        };
    }

    List<String> teams(Handle h) {
        return h.createQuery("SELECT DISTINCT team FROM device WHERE team IS NOT NULL AND team <> '' ORDER BY team").mapTo(String.class).list();
    }

    List<Device> heldBy(Handle h, long personId) {
        return h.createQuery(SELECT + " WHERE c.person_id = :p ORDER BY lower(d.asset_tag)").bind("p", personId).map(DEVICE).list();
    }

    Optional<Long> idByAssetTag(Handle h, String assetTag) {
        return h.createQuery("SELECT id FROM device WHERE lower(asset_tag) = lower(:v)").bind("v", assetTag).mapTo(Long.class).findFirst();
    }

    Optional<Device> byAssetTag(Handle h, String assetTag) {
        return h.createQuery(SELECT + " WHERE lower(d.asset_tag) = lower(:v)").bind("v", assetTag).map(DEVICE).findFirst();
    }

    Optional<String> assetTagBySerial(Handle h, String serial, Long except) {
        return h.createQuery("SELECT asset_tag FROM device WHERE lower(serial_number) = lower(:v) AND id <> :except")
                .bind("v", serial).bind("except", except == null ? -1L : except).mapTo(String.class).findFirst();
    }

    Optional<String> assetTagByImei(Handle h, String imei, Long except) {
        return h.createQuery("SELECT asset_tag FROM device WHERE imei = :v AND id <> :except")
                .bind("v", imei).bind("except", except == null ? -1L : except).mapTo(String.class).findFirst();
    }

    long insert(Handle h, DeviceDraft d, Instant now) {
        return h.createUpdate("""
                INSERT INTO device (asset_tag, kind, make_model, serial_number, imei, phone_number, encrypted, mode, status, team, notes, created_at, updated_at)
                VALUES (:tag, :kind, :model, :serial, :imei, :phone, :enc, :mode, :status, :team, :notes, :now, :now)""")
                .bind("tag", d.assetTag()).bind("kind", d.kind().name()).bind("model", d.makeModel()).bind("serial", d.serialNumber())
                .bind("imei", d.imei()).bind("phone", d.phoneNumber()).bind("enc", d.encrypted() ? 1 : 0).bind("mode", d.mode().name())
                .bind("status", d.status().name()).bind("team", d.team()).bind("notes", d.notes()).bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    // ---- bulk (CSV import): a few queries of up to CHUNK values instead of one query per row ----

    private static final int CHUNK = 900;

    /** How the case-insensitive checks compare: the same fold on both sides. */
    static String fold(String s) {
        return s == null ? null : s.toLowerCase(java.util.Locale.ROOT);
    }

    // plain JDBC here: these run per row of a 10k-row file, where Jdbi's binding and parsing cost more than SQLite's work

    java.util.Map<String, DeviceService.TakenBy> tagsTaken(Handle h, java.util.Collection<String> tags) {
        java.util.Map<String, DeviceService.TakenBy> out = new java.util.HashMap<>();
        inChunks(h, "SELECT asset_tag, make_model FROM device WHERE lower(asset_tag) IN ", tags.stream().map(DeviceRepository::fold).distinct().toList(),
                rs -> out.put(fold(rs.getString(1)), new DeviceService.TakenBy(rs.getString(1), rs.getString(2))));
        return out;
    }

    java.util.Map<String, String> serialsTaken(Handle h, java.util.Collection<String> serials) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        inChunks(h, "SELECT serial_number, asset_tag FROM device WHERE lower(serial_number) IN ", serials.stream().map(DeviceRepository::fold).distinct().toList(),
                rs -> out.put(fold(rs.getString(1)), rs.getString(2)));
        return out;
    }

    java.util.Map<String, String> imeisTaken(Handle h, java.util.Collection<String> imeis) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        inChunks(h, "SELECT imei, asset_tag FROM device WHERE imei IN ", imeis.stream().distinct().toList(), rs -> out.put(rs.getString(1), rs.getString(2)));
        return out;
    }

    private interface RowReader { void read(java.sql.ResultSet rs) throws java.sql.SQLException; }

    /** {@code select} + "(?, ?, ...)" for up to CHUNK values at a time, each row handed to {@code each}. */
    private static void inChunks(Handle h, String select, List<String> values, RowReader each) {
        try {
            java.sql.Connection c = h.getConnection();
            for (int i = 0; i < values.size(); i += CHUNK) {
                List<String> chunk = values.subList(i, Math.min(values.size(), i + CHUNK));
                String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
                try (java.sql.PreparedStatement ps = c.prepareStatement(select + "(" + marks + ")")) {
                    for (int k = 0; k < chunk.size(); k++) ps.setString(k + 1, chunk.get(k));
                    try (java.sql.ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) each.read(rs);
                    }
                }
            }
        } catch (java.sql.SQLException e) {
            throw new org.jdbi.v3.core.statement.UnableToExecuteStatementException(e, null);
        }
    }

    /** Inserts the drafts in order through one prepared statement; returns their ids in the same order. */
    long[] insertAll(Handle h, List<DeviceDraft> drafts, Instant now) {
        long[] ids = new long[drafts.size()];
        String at = Times.store(now);
        java.sql.Connection c = h.getConnection();
        String sql = """
                INSERT INTO device (asset_tag, kind, make_model, serial_number, imei, phone_number, encrypted, mode, status, team, notes, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
        try (java.sql.PreparedStatement ps = fts ? c.prepareStatement(sql) : c.prepareStatement(sql, new String[] {"id"})) {
            for (int i = 0; i < drafts.size(); i++) {
                DeviceDraft d = drafts.get(i);
                ps.setString(1, d.assetTag());
                ps.setString(2, d.kind().name());
                ps.setString(3, d.makeModel());
                ps.setString(4, d.serialNumber());
                ps.setString(5, d.imei());
                ps.setString(6, d.phoneNumber());
                ps.setInt(7, d.encrypted() ? 1 : 0);
                ps.setString(8, d.mode().name());
                ps.setString(9, d.status().name());
                ps.setString(10, d.team());
                ps.setString(11, d.notes());
                ps.setString(12, at);
                ps.setString(13, at);
                if (fts) {
                    ps.addBatch();
                } else {
                    ps.executeUpdate();
                    try (java.sql.ResultSet keys = ps.getGeneratedKeys()) {
                        keys.next();
                        ids[i] = keys.getLong(1);
                    }
                }
            }
            if (fts) {
                ps.executeBatch();
                // SQLite, inside this write transaction nobody else inserts: the batch took the ids after the previous maximum, in order
                long last;
                try (java.sql.Statement st = c.createStatement(); java.sql.ResultSet rs = st.executeQuery("SELECT last_insert_rowid()")) {
                    rs.next();
                    last = rs.getLong(1);
                }
                for (int i = 0; i < ids.length; i++) ids[i] = last - ids.length + 1 + i;
                try (java.sql.PreparedStatement check = c.prepareStatement("SELECT asset_tag FROM device WHERE id = ?")) {
                    for (int i : new int[] {0, ids.length - 1}) { // the first and last prove the run of ids
                        check.setLong(1, ids[i]);
                        try (java.sql.ResultSet rs = check.executeQuery()) {
                            if (!rs.next() || !rs.getString(1).equals(drafts.get(i).assetTag())) {
                                throw new IllegalStateException("The imported devices did not get consecutive ids; nothing was imported.");
                            }
                        }
                    }
                }
            }
        } catch (java.sql.SQLException e) {
            throw new org.jdbi.v3.core.statement.UnableToExecuteStatementException(e, null);
        }
        return ids;
    }

    void update(Handle h, long id, DeviceDraft d, Instant now) {
        h.createUpdate("""
                UPDATE device SET asset_tag = :tag, kind = :kind, make_model = :model, serial_number = :serial, imei = :imei,
                       phone_number = :phone, encrypted = :enc, mode = :mode, status = :status, team = :team, notes = :notes,
                       updated_at = :now, version = version + 1 WHERE id = :id""")
                .bind("id", id).bind("tag", d.assetTag()).bind("kind", d.kind().name()).bind("model", d.makeModel())
                .bind("serial", d.serialNumber()).bind("imei", d.imei()).bind("phone", d.phoneNumber()).bind("enc", d.encrypted() ? 1 : 0)
                .bind("mode", d.mode().name()).bind("status", d.status().name()).bind("team", d.team()).bind("notes", d.notes())
                .bind("now", now).execute();
    }

    void setStatus(Handle h, long id, Device.Status status, Instant now) {
        h.createUpdate("UPDATE device SET status = :s, updated_at = :now, version = version + 1 WHERE id = :id")
                .bind("id", id).bind("s", status.name()).bind("now", now).execute();
    }

    // ---- custody (policy 50) ----

    long openCustody(Handle h, long deviceId, long personId, Custody.Kind kind, Instant from, String recordedBy) {
        return h.createUpdate("INSERT INTO custody (device_id, person_id, kind, from_at, recorded_by) VALUES (:d, :p, :k, :from, :by)")
                .bind("d", deviceId).bind("p", personId).bind("k", kind.name()).bind("from", from).bind("by", recordedBy)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    long insertCustody(Handle h, long deviceId, long personId, Custody.Kind kind, Instant from, Instant to, String recordedBy) {
        return h.createUpdate("""
                INSERT INTO custody (device_id, person_id, kind, from_at, to_at, recorded_by, returned_by)
                VALUES (:d, :p, :k, :from, :to, :by, :rby)""")
                .bind("d", deviceId).bind("p", personId).bind("k", kind.name()).bind("from", from).bind("to", to)
                .bind("by", recordedBy).bind("rby", to == null ? null : recordedBy)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    void closeCustody(Handle h, long custodyId, Instant to, String returnedBy) {
        h.createUpdate("UPDATE custody SET to_at = :to, returned_by = :by WHERE id = :id")
                .bind("id", custodyId).bind("to", to).bind("by", returnedBy).execute();
    }

    Optional<Custody> openCustodyOf(Handle h, long deviceId) {
        return h.createQuery(CUSTODY_SELECT + " WHERE c.device_id = :d AND c.to_at IS NULL").bind("d", deviceId).map(CUSTODY).findOne();
    }

    List<Custody> custodyOfDevice(Handle h, long deviceId) {
        return h.createQuery(CUSTODY_SELECT + " WHERE c.device_id = :d ORDER BY c.from_at DESC, c.id DESC").bind("d", deviceId).map(CUSTODY).list();
    }

    List<Custody> custodyOfPerson(Handle h, long personId) {
        return h.createQuery(CUSTODY_SELECT + " WHERE c.person_id = :p ORDER BY c.from_at DESC, c.id DESC").bind("p", personId).map(CUSTODY).list();
    }

    /** Held at T: from inclusive, to exclusive. Times are fixed-width UTC text, so text order is time order. */
    Optional<Custody> custodyAt(Handle h, long deviceId, Instant at) {
        return h.createQuery(CUSTODY_SELECT + " WHERE c.device_id = :d AND c.from_at <= :at AND (c.to_at IS NULL OR c.to_at > :at)"
                        + " ORDER BY c.from_at DESC, c.id DESC")
                .bind("d", deviceId).bind("at", at).map(CUSTODY).findFirst();
    }

    /** Custody records of the device that overlap [from, to) (to null: open-ended). */
    boolean overlaps(Handle h, long deviceId, Instant from, Instant to) {
        String sql = "SELECT count(*) FROM custody WHERE device_id = :d AND (to_at IS NULL OR to_at > :from)"
                + (to == null ? "" : " AND from_at < :to");
        Query q = h.createQuery(sql).bind("d", deviceId).bind("from", from);
        if (to != null) q.bind("to", to);
        return q.mapTo(Integer.class).one() > 0;
    }

    // ---- pool designated users ----

    List<DesignatedUser> designatedUsers(Handle h, long deviceId) {
        return h.createQuery("""
                SELECT u.device_id, u.person_id, p.full_name, u.added_at FROM pool_designated_user u JOIN person p ON p.id = u.person_id
                WHERE u.device_id = :d ORDER BY lower(p.full_name), p.id""")
                .bind("d", deviceId)
                .map((rs, ctx) -> new DesignatedUser(rs.getLong(1), rs.getLong(2), rs.getString(3), Times.instant(rs.getString(4)))).list();
    }

    boolean isDesignated(Handle h, long deviceId, long personId) {
        return h.createQuery("SELECT count(*) FROM pool_designated_user WHERE device_id = :d AND person_id = :p")
                .bind("d", deviceId).bind("p", personId).mapTo(Integer.class).one() > 0;
    }

    void addDesignated(Handle h, long deviceId, long personId, Instant at) {
        h.createUpdate("INSERT INTO pool_designated_user (device_id, person_id, added_at) VALUES (:d, :p, :at)")
                .bind("d", deviceId).bind("p", personId).bind("at", at).execute();
    }

    void removeAllDesignated(Handle h, long deviceId) {
        h.createUpdate("DELETE FROM pool_designated_user WHERE device_id = :d").bind("d", deviceId).execute();
    }

    void removeDesignated(Handle h, long deviceId, long personId) {
        h.createUpdate("DELETE FROM pool_designated_user WHERE device_id = :d AND person_id = :p").bind("d", deviceId).bind("p", personId).execute();
    }

    /** Pool devices the person is a designated user of. */
    List<Device> poolDevicesOf(Handle h, long personId) {
        return h.createQuery(SELECT + " JOIN pool_designated_user u ON u.device_id = d.id WHERE u.person_id = :p ORDER BY lower(d.asset_tag)")
                .bind("p", personId).map(DEVICE).list();
    }

    /** Device counts by status (for the dashboard). */
    List<java.util.Map.Entry<Device.Status, Integer>> countByStatus(Handle h) {
        return h.createQuery("SELECT status, count(*) FROM device GROUP BY status ORDER BY status")
                .map((rs, ctx) -> java.util.Map.entry(Device.Status.valueOf(rs.getString(1)), rs.getInt(2))).list();
    }
}
