package org.devicedesk.devices;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.devicedesk.people.PeopleService;
import org.devicedesk.ui.FormOutcome;

/**
 * The hand-over form ({@code custody-*}): issue, return, pool check-out and check-in. Which of the four a
 * device offers follows from it (issued or pool, held or not); the open form's title, button text and the
 * people it offers follow from the action. The services decide whether a hand-over is allowed.
 */
final class HandOverModel {
    enum Action { ISSUE, RETURN, CHECK_OUT, CHECK_IN }

    private final DevicePageModel panel;
    /** The open form's action; {@code null} while the form is closed. */
    final ObjectProperty<Action> pending = new SimpleObjectProperty<>();
    final BooleanBinding open;
    final BooleanBinding choosesPerson;
    final StringProperty title = new SimpleStringProperty("");
    final StringProperty saveText = new SimpleStringProperty("Save");
    final ObservableList<PeopleService.Row> candidates = FXCollections.observableArrayList();
    final ObjectProperty<PeopleService.Row> person = new SimpleObjectProperty<>();
    final BooleanProperty saving = new SimpleBooleanProperty();
    final ObjectProperty<FormOutcome> outcome = new SimpleObjectProperty<>(FormOutcome.NONE);
    final BooleanBinding issueOffered;
    final BooleanBinding returnOffered;
    final BooleanBinding checkOutOffered;
    final BooleanBinding checkInOffered;

    HandOverModel(DevicePageModel panel) {
        this.panel = panel;
        open = pending.isNotNull();
        choosesPerson = Bindings.createBooleanBinding(() -> pending.get() == Action.ISSUE || pending.get() == Action.CHECK_OUT, pending);
        var device = panel.deviceProperty();
        issueOffered = offered(device, false, false);
        returnOffered = offered(device, false, true);
        checkOutOffered = offered(device, true, false);
        checkInOffered = offered(device, true, true);
    }

    private static BooleanBinding offered(javafx.beans.value.ObservableValue<Device> device, boolean pool, boolean held) {
        return Bindings.createBooleanBinding(() -> device.getValue() != null && device.getValue().isPool() == pool
                && (device.getValue().holder() != null) == held, device);
    }

    boolean isOpen() {
        return pending.get() != null;
    }

    void open(Action action) {
        Device d = panel.device();
        if (d == null) return;
        outcome.set(FormOutcome.NONE);
        person.set(null);
        String holder = d.holder() == null ? "nobody" : d.holder().name();
        List<PeopleService.Row> everyone = panel.everyone;
        switch (action) {
            case ISSUE -> {
                title.set("Issue " + d.describe() + " to:");
                saveText.set("_Issue");
                candidates.setAll(everyone.stream().filter(r -> r.person().active()).toList());
            }
            case CHECK_OUT -> {
                title.set("Check " + d.describe() + " out to one of its designated users:");
                saveText.set("Check _out");
                List<Long> designated = panel.designatedUsers.stream().map(DesignatedUser::personId).toList();
                // designated users first, then everyone else (choosing one of them is refused with the reason)
                List<PeopleService.Row> rows = new ArrayList<>(everyone.stream().filter(r -> designated.contains(r.person().id())).toList());
                rows.addAll(everyone.stream().filter(r -> !designated.contains(r.person().id()) && r.person().active()).toList());
                candidates.setAll(rows);
            }
            case RETURN -> {
                title.set("Record that " + holder + " has returned " + d.describe() + "?");
                saveText.set("_Record return");
                candidates.clear();
            }
            case CHECK_IN -> {
                title.set("Record that " + holder + " has checked " + d.describe() + " back in?");
                saveText.set("Record _check-in");
                candidates.clear();
            }
        }
        pending.set(action);
    }

    void close() {
        pending.set(null);
        outcome.set(FormOutcome.NONE);
    }

    void save() {
        Device d = panel.device();
        Action action = pending.get();
        if (d == null || action == null) return;
        long id = d.id();
        PeopleService.Row chosen = person.get();
        Long personId = chosen == null ? null : chosen.person().id();
        saving.set(true);
        panel.tasks.run(() -> {
            switch (action) {
                case ISSUE -> panel.devices.issue(panel.session, id, personId);
                case CHECK_OUT -> panel.devices.checkOut(panel.session, id, personId);
                case RETURN -> panel.devices.returnDevice(panel.session, id);
                case CHECK_IN -> panel.devices.checkIn(panel.session, id);
            }
            return id;
        }, x -> {
            saving.set(false);
            String done = switch (action) {
                case ISSUE -> d.assetTag() + " is issued to " + chosen.person().fullName() + ".";
                case CHECK_OUT -> d.assetTag() + " is checked out to " + chosen.person().fullName() + ".";
                case RETURN -> d.assetTag() + " is back in stock.";
                case CHECK_IN -> d.assetTag() + " is checked in.";
            };
            close();
            panel.changedHere(id, done);
        }, t -> {
            saving.set(false);
            outcome.set(FormOutcome.failed(t));
        });
    }
}
