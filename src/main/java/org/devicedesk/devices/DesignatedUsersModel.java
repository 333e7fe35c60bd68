package org.devicedesk.devices;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;
import org.devicedesk.people.PeopleService;
import org.devicedesk.ui.FormOutcome;

/**
 * The designated users of a pool device ({@code designated-*}, {@code pool-users}): the people who may
 * check it out, adding one (chosen among the active people) and removing the selected one.
 */
final class DesignatedUsersModel {
    private final DevicePageModel panel;
    final ObjectProperty<PeopleService.Row> person = new SimpleObjectProperty<>();
    final ObjectProperty<DesignatedUser> selected = new SimpleObjectProperty<>();
    /** The people one can add: everyone active. */
    final ObservableList<PeopleService.Row> candidates;
    final ObjectProperty<FormOutcome> outcome = new SimpleObjectProperty<>(FormOutcome.NONE);

    DesignatedUsersModel(DevicePageModel panel) {
        this.panel = panel;
        candidates = new javafx.collections.transformation.FilteredList<>(panel.everyone, r -> r.person().active());
    }

    ObservableList<DesignatedUser> users() {
        return panel.designatedUsers;
    }

    javafx.beans.binding.BooleanBinding removeDisabled() {
        return Bindings.isNull(selected);
    }

    void add() {
        Device d = panel.device();
        if (d == null) return;
        long id = d.id();
        PeopleService.Row chosen = person.get();
        Long personId = chosen == null ? null : chosen.person().id();
        panel.tasks.run(() -> {
            panel.devices.addDesignatedUser(panel.session, id, personId);
            return id;
        }, x -> {
            person.set(null);
            panel.show(id, () -> outcome.set(FormOutcome.done(chosen.person().fullName() + " can now check out " + d.assetTag() + ".")));
        }, t -> outcome.set(FormOutcome.failed(t)));
    }

    void remove() {
        Device d = panel.device();
        DesignatedUser u = selected.get();
        if (d == null || u == null) return;
        long id = d.id();
        panel.tasks.run(() -> {
            panel.devices.removeDesignatedUser(panel.session, id, u.personId());
            return id;
        }, x -> panel.show(id, () -> outcome.set(FormOutcome.done(u.name() + " is no longer a designated user."))),
                t -> outcome.set(FormOutcome.failed(t)));
    }
}
