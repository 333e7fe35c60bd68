package org.devicedesk.devices;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.people.PeopleService;
import org.devicedesk.ui.FormOutcome;
import org.devicedesk.ui.Tasks;

/**
 * The view model of the device register's side panel ({@link DevicePage}): the device shown (none while a
 * new one is being created), its custody history and designated users, the people and teams to choose
 * from, and the four sub-forms' view models — details, hand-over, designated users, "who held it at".
 * Every service call goes through {@link Tasks}, so a test drives it synchronously without a window.
 */
final class DevicePageModel {
    /** The panel's tabs; which ones a device has depends on it (a new device: details only; a pool device: designated users too). */
    enum Tab { CUSTODY, DETAILS, POOL }

    final Session session;
    final DeviceService devices;
    final PeopleService people;
    final Clock clock;
    final Tasks tasks;
    final boolean canManage;
    private final Consumer<Long> onChanged;
    private final Runnable onClose;
    private final Function<String, String> names;
    private Map<String, String> recorders = Map.of();

    private final ReadOnlyObjectWrapper<Device> device = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper creating = new ReadOnlyBooleanWrapper();
    final ObservableList<Custody> history = FXCollections.observableArrayList();
    final ObservableList<DesignatedUser> designatedUsers = FXCollections.observableArrayList();
    /** Everyone in the register (active or not: a former holder still shows by name). */
    final ObservableList<PeopleService.Row> everyone = FXCollections.observableArrayList();
    /** The teams a device can belong to: the people's teams and those devices already name. */
    final ObservableList<String> teams = FXCollections.observableArrayList();
    final ObservableList<Tab> tabs = FXCollections.observableArrayList();
    final ObjectProperty<Tab> tab = new SimpleObjectProperty<>(Tab.CUSTODY);
    final StringBinding heading;
    final StringBinding holderText;

    final DeviceDetailsModel details;
    final HandOverModel handOver;
    final DesignatedUsersModel designated;
    final WhoHeldAtModel whoHeld;

    /** {@code names} turns a username into the name people know (run in the background). */
    DevicePageModel(Session session, DeviceService devices, PeopleService people, Function<String, String> names, Clock clock, Tasks tasks,
                     Consumer<Long> onChanged, Runnable onClose) {
        this.names = names;
        this.session = session;
        this.devices = devices;
        this.people = people;
        this.clock = clock;
        this.tasks = tasks;
        this.canManage = session.hasAny(Role.HELPDESK, Role.ADMIN);
        this.onChanged = onChanged;
        this.onClose = onClose;
        heading = Bindings.createStringBinding(() -> device.get() == null ? (creating.get() ? "New device" : "") : device.get().assetTag(),
                device, creating);
        holderText = Bindings.createStringBinding(() -> holderSentence(device.get()), device);
        details = new DeviceDetailsModel(this);
        handOver = new HandOverModel(this);
        designated = new DesignatedUsersModel(this);
        whoHeld = new WhoHeldAtModel(this);
    }

    ReadOnlyObjectProperty<Device> deviceProperty() {
        return device.getReadOnlyProperty();
    }

    Device device() {
        return device.get();
    }

    ReadOnlyBooleanProperty creatingProperty() {
        return creating.getReadOnlyProperty();
    }

    Long deviceId() {
        return device.get() == null ? null : device.get().id();
    }

    /** Whether the person has started a change here: the details differ from the device, or a hand-over form is open. */
    boolean editing() {
        return handOver.isOpen() || details.dirty.get();
    }

    /** Forgets the device shown (the panel was closed): selecting it again opens it afresh. */
    void forget() {
        device.set(null);
    }

    /** A blank form for a new device. */
    void showNew() {
        device.set(null);
        creating.set(true);
        details.outcome.set(FormOutcome.NONE);
        details.reloadOffered.set(false);
        handOver.close();
        details.fill(null);
        tabs.setAll(Tab.DETAILS);
        tab.set(Tab.DETAILS);
        loadChoices();
    }

    void show(long id) {
        creating.set(false);
        show(id, null);
    }

    /** Loads the device, its history and designated users, then runs {@code after} (e.g. a success message). */
    void show(long id, Runnable after) {
        record Loaded(Device device, List<Custody> history, List<DesignatedUser> users, Map<String, String> names) {}
        tasks.run(() -> {
            Device d = devices.get(session, id).orElse(null);
            if (d == null) return null;
            List<Custody> custody = devices.custodyHistory(session, id);
            Map<String, String> who = new HashMap<>();
            for (Custody c : custody) {
                for (String u : java.util.Arrays.asList(c.recordedBy(), c.returnedBy())) if (u != null) who.computeIfAbsent(u, names);
            }
            return new Loaded(d, custody, d.isPool() ? devices.designatedUsers(session, id) : List.of(), who);
        }, loaded -> {
            if (loaded == null) {
                onClose.run();
                return;
            }
            Device before = device.get();
            boolean same = before != null && before.id() == id;
            boolean justCreated = creating.get();
            creating.set(false);
            if (!same) {
                handOver.close();
                details.outcome.set(FormOutcome.NONE);
                details.reloadOffered.set(false);
                designated.outcome.set(FormOutcome.NONE);
                whoHeld.reset(LocalDate.now(clock));
            }
            device.set(loaded.device());
            details.fill(loaded.device());
            List<Tab> wanted = loaded.device().isPool() ? List.of(Tab.CUSTODY, Tab.DETAILS, Tab.POOL) : List.of(Tab.CUSTODY, Tab.DETAILS);
            if (!tabs.equals(wanted)) tabs.setAll(wanted);
            if (!same) tab.set(justCreated ? Tab.DETAILS : Tab.CUSTODY);
            else if (!tabs.contains(tab.get())) tab.set(Tab.CUSTODY);
            recorders = loaded.names();
            history.setAll(loaded.history());
            designatedUsers.setAll(loaded.users());
            if (after != null) after.run();
        }, t -> details.outcome.set(FormOutcome.failed(t)));
        loadChoices();
    }

    /** Shows the device again after a change made here, then the sentence in the details form's message. */
    void changedHere(long id, String sentence) {
        onChanged.accept(id);
        show(id, () -> details.outcome.set(FormOutcome.done(sentence)));
    }

    /** The device as stored now, without reloading the rest (the reload after a conflict). */
    void replaceDevice(Device fresh) {
        device.set(fresh);
    }

    void changed(long id) {
        onChanged.accept(id);
    }

    void close() {
        onClose.run();
    }

    private void loadChoices() {
        if (!canManage) return;
        record Choices(List<PeopleService.Row> people, List<String> teams) {}
        tasks.run(() -> {
            List<String> names = new ArrayList<>(people.teams(session));
            for (String t : devices.teams(session)) if (!names.contains(t)) names.add(t);
            names.sort(String.CASE_INSENSITIVE_ORDER);
            return new Choices(people.list(session, PeopleService.Query.all()), names);
        }, c -> {
            everyone.setAll(c.people());
            teams.setAll(c.teams());
        }, t -> { });
    }

    /**
     * Who recorded the hand-over, and the return when someone else did: by the names people know (an
     * import's or the demo's "system" reads as Device Desk), not usernames (issue 17).
     */
    String recordedBy(Custody c) {
        String by = recorders.getOrDefault(c.recordedBy(), c.recordedBy());
        if (c.returnedBy() == null || c.returnedBy().equals(c.recordedBy())) return by;
        return by + " / " + recorders.getOrDefault(c.returnedBy(), c.returnedBy());
    }

    static String holderSentence(Device d) {
        if (d == null) return "";
        if (d.holder() == null) {
            return d.isPool() ? "In the pool of team " + nz(d.team()) + ": nobody has it checked out." : "Not issued to anyone.";
        }
        return (d.holder().kind() == Custody.Kind.POOL_CHECKOUT ? "Checked out to " : "Issued to ") + d.holder().name()
                + " since " + DeviceBadgesUi.when(d.holder().since()) + ".";
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }
}
