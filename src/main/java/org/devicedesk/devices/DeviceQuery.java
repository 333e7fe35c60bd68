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

    /** A page of the list and how many devices match in all. */
    public record Page(java.util.List<Device> devices, int total, DeviceQuery query) {}
}
