package org.devicedesk.devices;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.ui.Tasks;

/**
 * The view model of a person page's devices section ({@link PersonDevicesSection}): what the person holds
 * now and held before, read in one go ({@link DeviceService#personCustody}), the section's titles and
 * sentences, and whether an asset tag may open the register for the signed-in person.
 */
final class PersonDevicesModel {
    private final Session session;
    private final DeviceService devices;
    private final Tasks.Latest latest;
    private final ReadOnlyObjectWrapper<PersonCustody> custody = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Throwable> failure = new ReadOnlyObjectWrapper<>();

    PersonDevicesModel(Session session, DeviceService devices, Tasks tasks) {
        this.session = session;
        this.devices = devices;
        this.latest = new Tasks.Latest(tasks);
    }

    ReadOnlyObjectProperty<PersonCustody> custodyProperty() {
        return custody.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Throwable> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    void load(long personId) {
        latest.run(() -> devices.personCustody(session, personId), custody::set, failure::set);
    }

    /** The register is for those who may see it; others read the asset tag only. */
    boolean tagsOpenTheRegister() {
        return session.hasAny(Role.HELPDESK, Role.ADMIN, Role.INFOSEC, Role.DPO);
    }

    static String nowTitle(PersonCustody c) {
        return "Held now" + (c.heldNow().isEmpty() ? "" : " (" + c.heldNow().size() + ")");
    }

    static String beforeTitle(PersonCustody c) {
        return "Held before" + (c.heldBefore().isEmpty() ? "" : " (" + c.heldBefore().size() + ")");
    }

    /** "You hold no devices…" on one's own page, "Holds no devices…" on someone else's. */
    String nothingHeld(long personId) {
        return session.isSelf(personId) ? "You hold no devices at the moment." : "Holds no devices at the moment.";
    }
}
