package org.devicedesk.devices;

/** What the device form or an import supplies to create or edit a device. */
public record DeviceDraft(String assetTag, Device.Kind kind, String makeModel, String serialNumber, String imei,
                          String phoneNumber, boolean encrypted, Device.Mode mode, Device.Status status, String team, String notes) {}
