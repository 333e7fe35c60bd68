package org.devicedesk.incidents;

import java.util.List;
import java.util.Optional;
import org.devicedesk.core.Refused;
import org.devicedesk.core.Session;
import org.devicedesk.devices.Device;
import org.devicedesk.devices.DeviceService;
import org.devicedesk.incidents.Incident.DeviceChoice;
import org.devicedesk.incidents.IncidentService.RegisterDevice;
import org.jdbi.v3.core.Handle;

/** The device register as incidents need it, through the devices service. */
public final class IncidentDevices implements IncidentService.DeviceRegister {
    private final DeviceService devices;

    public IncidentDevices(DeviceService devices) {
        this.devices = devices;
    }

    @Override
    public List<DeviceChoice> heldBy(Session s, long personId) {
        // devices in use first; one already recorded as lost, stolen or quarantined says so, so nobody reports it twice by mistake
        return devices.devicesHeldBy(s, personId).stream()
                .sorted(java.util.Comparator.comparing((Device d) -> !d.status().canBeHandedOut()))
                .map(d -> new DeviceChoice(d.id(), d.assetTag(), d.kind().label() + (d.makeModel() == null ? "" : ", " + d.makeModel())
                        + (d.status().canBeHandedOut() ? "" : " (" + d.status().label().toLowerCase(java.util.Locale.UK) + ")")))
                .toList();
    }

    @Override
    public Optional<RegisterDevice> find(Handle h, long deviceId) {
        Device d;
        try {
            d = devices.deviceInTransaction(h, deviceId);
        } catch (Refused gone) {
            return Optional.empty();
        }
        return Optional.of(new RegisterDevice(d.id(), d.assetTag(), d.describe(), d.status().name(),
                d.holder() == null ? null : d.holder().personId(), d.holder() == null ? null : d.holder().name()));
    }

    @Override
    public void setStatus(Handle h, Session s, long deviceId, String status, String reason) {
        devices.setStatusInTransaction(h, s, deviceId, Device.Status.valueOf(status), reason);
    }
}
