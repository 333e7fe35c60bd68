package org.devicedesk.devices;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.devicedesk.core.Session;
import org.devicedesk.ui.FormOutcome;
import org.devicedesk.ui.Tasks;

/**
 * The view model of "My devices" ({@link MyDevicesView}): what the signed-in person holds now, what they
 * held before, and the pool devices they may check out, read through {@link Tasks.Latest}.
 */
final class MyDevicesModel {
    private final Session session;
    private final DeviceService devices;
    private final Tasks.Latest latest;
    final ObservableList<Device> held = FXCollections.observableArrayList();
    final ObservableList<Custody> before = FXCollections.observableArrayList();
    final ObservableList<Device> pool = FXCollections.observableArrayList();
    final StringBinding poolLine;
    final ObjectProperty<FormOutcome> outcome = new SimpleObjectProperty<>(FormOutcome.NONE);

    MyDevicesModel(Session session, DeviceService devices, Tasks tasks) {
        this.session = session;
        this.devices = devices;
        this.latest = new Tasks.Latest(tasks);
        poolLine = Bindings.createStringBinding(() -> pool.isEmpty() ? "" : "Pool devices you may check out from the helpdesk: "
                + String.join(", ", pool.stream().map(Device::describe).toList()) + ".", pool);
    }

    void load() {
        if (session.personId() == null) {
            outcome.set(FormOutcome.failed(org.devicedesk.core.Refused.because(
                    "Your account is not linked to a person, so no devices can be shown. Ask an administrator to link it.")));
            return;
        }
        long me = session.personId();
        record Mine(List<Device> held, List<Custody> history, List<Device> pool) {}
        latest.run(() -> new Mine(devices.devicesHeldBy(session, me),
                devices.custodyOfPerson(session, me).stream().filter(c -> !c.isOpen()).toList(),
                devices.poolDevicesOf(session, me)), m -> {
            held.setAll(m.held());
            before.setAll(m.history());
            pool.setAll(m.pool());
        }, t -> outcome.set(FormOutcome.failed(t)));
    }
}
