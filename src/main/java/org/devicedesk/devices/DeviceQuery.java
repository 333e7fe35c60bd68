package org.devicedesk.devices;

/**
 * What the device list is narrowed to (null: any) and which page of it, sorted by which column.
 * {@code text} matches asset tag, serial number, IMEI, make and model, phone number and the holder's name.
 */
public record DeviceQuery(String text, Device.Kind kind, Device.Mode mode, Device.Status status, String team,
                          Sort sort, boolean descending, int offset, int limit) {
    public static final int PAGE = 200;

    public enum Sort { ASSET_TAG, KIND, MAKE_MODEL, SERIAL_NUMBER, IMEI, MODE, STATUS, TEAM, HOLDER, UPDATED }

    public static DeviceQuery all() {
        return new DeviceQuery(null, null, null, null, null, Sort.ASSET_TAG, false, 0, PAGE);
    }

    public DeviceQuery withText(String t) { return new DeviceQuery(t, kind, mode, status, team, sort, descending, 0, limit); }
    public DeviceQuery withKind(Device.Kind k) { return new DeviceQuery(text, k, mode, status, team, sort, descending, 0, limit); }
    public DeviceQuery withMode(Device.Mode m) { return new DeviceQuery(text, kind, m, status, team, sort, descending, 0, limit); }
    public DeviceQuery withStatus(Device.Status st) { return new DeviceQuery(text, kind, mode, st, team, sort, descending, 0, limit); }
    public DeviceQuery withTeam(String t) { return new DeviceQuery(text, kind, mode, status, t, sort, descending, 0, limit); }
    public DeviceQuery sortedBy(Sort s, boolean desc) { return new DeviceQuery(text, kind, mode, status, team, s, desc, 0, limit); }
    public DeviceQuery page(int newOffset, int newLimit) { return new DeviceQuery(text, kind, mode, status, team, sort, descending, newOffset, newLimit); }

    /**
     * A search or filter counts its matches up to this many and no further: "more than 10,000" is all a
     * person needs to know, and counting every one of 40,000 matches cost more than finding the page (issue 16).
     */
    public static final int COUNT_CAP = 10_000;

    /**
     * A page of the list and how many devices match in all; {@code moreThanTotal}: more than {@code total}
     * match (the count stopped at {@link #COUNT_CAP}). The whole register, with no search or filter, is always counted exactly.
     */
    public record Page(java.util.List<Device> devices, int total, boolean moreThanTotal, DeviceQuery query) {
        public Page(java.util.List<Device> devices, int total, DeviceQuery query) {
            this(devices, total, false, query);
        }

        /** "12 devices", "more than 10,000 devices" — the count as the list shows it. */
        public String countInWords() {
            String n = java.text.NumberFormat.getIntegerInstance(java.util.Locale.UK).format(total);
            return (moreThanTotal ? "more than " + n : n) + (total == 1 && !moreThanTotal ? " device" : " devices");
        }

        /** Whether a page follows this one. */
        public boolean hasNext() {
            return moreThanTotal ? query.limit() > 0 && devices.size() == query.limit() : query.offset() + devices.size() < total;
        }
    }
}
