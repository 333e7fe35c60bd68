package org.devicedesk.dashboard;

import java.time.LocalDate;
import java.util.EnumSet;
import org.devicedesk.devices.Device;
import org.devicedesk.devices.DeviceQuery;
import org.devicedesk.incidents.Incident;
import org.devicedesk.incidents.IncidentService;
import org.devicedesk.people.DeclarationState;
import org.devicedesk.people.PeopleService;
import org.devicedesk.travel.TravelFilter;

/**
 * Where each dashboard number leads: the screen key and the filter argument that screen's
 * {@code show(Object)} understands (each screen's own query type). A record id (Long) opens one record.
 */
final class DashboardTargets {
    private DashboardTargets() {}

    record Target(String screen, Object argument) {}

    /** People whose declaration is in this state (MISSING also finds expired ones, as the people list does). */
    static Target people(DeclarationState.State state) {
        return new Target("people", new PeopleService.Query(null, null, null, state, false));
    }

    /** The device list narrowed to one status (the devices screen's own {@link DeviceQuery}). */
    static Target devices(String status) {
        return new Target("devices", DeviceQuery.all().withStatus(Device.Status.valueOf(status)));
    }

    /** Open incidents (type null: any type; status null: every open status). */
    static Target incidents(String type, String status) {
        return new Target("incidents", new IncidentService.Query(null, type == null ? null : Incident.Type.valueOf(type),
                status == null ? IncidentService.Query.open() : EnumSet.of(Incident.Status.valueOf(status)), null, IncidentService.Age.ANY));
    }

    static Target breaches() {
        return new Target("breaches", null);
    }

    static Target travel() {
        return new Target("travel", null);
    }

    /** Notices departing from {@code from} to {@code to} inclusive. */
    static Target travelDeparting(LocalDate from, LocalDate to) {
        return new Target("travel", new TravelFilter(false, false, from, to));
    }

    /** Late notices not yet departed. */
    static Target lateTravel(LocalDate today) {
        return new Target("travel", new TravelFilter(true, false, today, null));
    }

    /** Notices awaiting Information Security, not yet departed. */
    static Target travelAwaitingDecision(LocalDate today) {
        return new Target("travel", new TravelFilter(false, true, today, null));
    }

    static Target record(String screen, long id) {
        return new Target(screen, id);
    }
}
