package org.devicedesk.devices;

import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.devicedesk.core.Audit;
import org.devicedesk.core.CsvImport;
import org.devicedesk.core.Database;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.jdbi.v3.core.Handle;

/**
 * Devices from a CSV file (SPEC section 7): a preview, then every row or none, in one transaction,
 * each row through the same rules as the device form (looked up in bulk, written as one batch, so
 * 10k rows take about as long as plain batch inserts). The columns are those of the export, so an
 * exported list imports back into an empty register; the export's holder columns are ignored
 * (custody is recorded by issuing, which checks the declaration).
 */
public final class DeviceImport {
    public static final List<String> COLUMNS = List.of("asset_tag", "kind", "make_model", "serial_number", "imei",
            "phone_number", "encrypted", "mode", "status", "team", "notes");
    static final CsvImport.Format FORMAT = new CsvImport.Format("devices", COLUMNS, List.of("asset_tag", "kind", "mode"),
            List.of("holder", "held_since"));

    private final Database db;
    private final Clock clock;
    private final DeviceService devices;

    DeviceImport(Database db, Clock clock, DeviceService devices) {
        this.db = db;
        this.clock = clock;
        this.devices = devices;
    }

    /** What importing the file would do, without keeping anything. */
    public CsvImport.Preview preview(Session s, Reader in) {
        s.require(Role.HELPDESK, Role.ADMIN);
        return CsvImport.preview(db, in, FORMAT, new Rows());
    }

    /** Imports every row or none; refused with every problem by line and column. */
    public int importAll(Session s, Reader in) {
        return importAll(s, in, CsvImport.Progress.NONE);
    }

    /** Every row or none, telling {@code progress} after each row is checked (the accepted ones are then written as one batch). */
    public int importAll(Session s, Reader in, CsvImport.Progress progress) {
        s.require(Role.HELPDESK, Role.ADMIN);
        return db.inTransaction(h -> {
            Rows rows = new Rows();
            int n = CsvImport.importAll(h, in, FORMAT, rows, progress);
            devices.createAllInTransaction(h, s, rows.accepted);
            Audit.record(h, s, clock.instant(), "DEVICES_IMPORTED", "device", "import", "Imported " + n + (n == 1 ? " device" : " devices") + " from a CSV file");
            return n;
        });
    }

    /**
     * Each row through the device form's rules, checked against the register (looked up in bulk for
     * the whole file first) and against the file's earlier accepted rows; the accepted drafts are
     * written afterwards as one batch.
     */
    private final class Rows implements CsvImport.RowRule {
        final List<DeviceDraft> accepted = new ArrayList<>();
        private DeviceService.Taken register;
        private final Map<String, DeviceService.TakenBy> fileTags = new HashMap<>();
        private final Map<String, String> fileSerials = new HashMap<>();
        private final Map<String, String> fileImeis = new HashMap<>();

        @Override public void prepare(Handle h, List<CsvImport.Row> rows) {
            List<String> tags = new ArrayList<>(), serials = new ArrayList<>(), imeis = new ArrayList<>();
            for (CsvImport.Row row : rows) {
                if (row.value("asset_tag") != null) tags.add(row.value("asset_tag"));
                if (row.value("serial_number") != null) serials.add(row.value("serial_number"));
                if (row.value("imei") != null) imeis.add(row.value("imei").replace(" ", "").replace("-", ""));
            }
            register = devices.takenInRegister(h, tags, serials, imeis);
        }

        @Override public void apply(Handle h, CsvImport.Row row) {
            DeviceDraft d = DeviceService.normalise(draft(row));
            DeviceService.validate(d, new DeviceService.Taken() {
                @Override public Optional<DeviceService.TakenBy> assetTag(String tag) {
                    return register.assetTag(tag).or(() -> Optional.ofNullable(fileTags.get(DeviceRepository.fold(tag))));
                }
                @Override public Optional<String> serial(String serial) {
                    return register.serial(serial).or(() -> Optional.ofNullable(fileSerials.get(DeviceRepository.fold(serial))));
                }
                @Override public Optional<String> imei(String imei) {
                    return register.imei(imei).or(() -> Optional.ofNullable(fileImeis.get(imei)));
                }
            });
            accepted.add(d);
            fileTags.put(DeviceRepository.fold(d.assetTag()), new DeviceService.TakenBy(d.assetTag(), d.makeModel()));
            if (d.serialNumber() != null) fileSerials.put(DeviceRepository.fold(d.serialNumber()), d.assetTag());
            if (d.imei() != null) fileImeis.put(d.imei(), d.assetTag());
        }
    }

    static DeviceDraft draft(CsvImport.Row row) {
        org.devicedesk.core.Problems p = new org.devicedesk.core.Problems();
        Device.Kind kind = choice(row, "kind", Device.Kind.values(), p);
        Device.Mode mode = choice(row, "mode", Device.Mode.values(), p);
        Device.Status status = row.value("status") == null ? Device.Status.IN_STOCK : choice(row, "status", Device.Status.values(), p);
        Boolean encrypted = yesNo(row.value("encrypted"));
        if (encrypted == null) p.add("encrypted", "Write yes or no for encrypted, not \"" + row.get("encrypted").strip() + "\".");
        p.throwIfAny();
        return new DeviceDraft(row.value("asset_tag"), kind, row.value("make_model"), row.value("serial_number"), row.value("imei"),
                row.value("phone_number"), encrypted, mode, status, row.value("team"), row.value("notes"));
    }

    /** An enum by its name (LAPTOP, MOBILE_PHONE) or its label (Mobile phone), any case. */
    static <E extends Enum<E>> E choice(CsvImport.Row row, String column, E[] values, org.devicedesk.core.Problems p) {
        String v = row.value(column);
        if (v == null) {
            p.add(column, "The " + column.replace('_', ' ') + " is required.");
            return null;
        }
        String key = v.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (E e : values) {
            if (e.name().equals(key) || e.toString().equalsIgnoreCase(v)) return e;
        }
        StringBuilder allowed = new StringBuilder();
        for (E e : values) allowed.append(allowed.isEmpty() ? "" : ", ").append(e.name());
        p.add(column, "\"" + v + "\" is not a " + column.replace('_', ' ') + " Device Desk knows; use one of " + allowed + ".");
        return null;
    }

    /** Blank means yes: devices are encrypted unless the file says otherwise. */
    static Boolean yesNo(String v) {
        if (v == null) return true;
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "yes", "y", "true", "1" -> true;
            case "no", "n", "false", "0" -> false;
            default -> null;
        };
    }
}
