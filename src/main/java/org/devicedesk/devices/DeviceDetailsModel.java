package org.devicedesk.devices;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.devicedesk.ui.FormOutcome;
import org.devicedesk.ui.FormState;
import org.devicedesk.ui.Reload;

/**
 * The device form ({@code device-*}) of the side panel: the fields as the person edits them, whether they
 * differ from the device as loaded ({@link #dirty}), save (create or update at the version the form was
 * loaded at), the reload after a refused stale save (keeping what was typed where it does not clash),
 * retire and clear quarantine.
 */
final class DeviceDetailsModel {
    private final DevicePageModel panel;

    final StringProperty assetTag = new SimpleStringProperty("");
    final ObjectProperty<Device.Kind> kind = new SimpleObjectProperty<>(Device.Kind.LAPTOP);
    final StringProperty makeModel = new SimpleStringProperty("");
    final StringProperty serial = new SimpleStringProperty("");
    final StringProperty imei = new SimpleStringProperty("");
    final StringProperty phone = new SimpleStringProperty("");
    final BooleanProperty encrypted = new SimpleBooleanProperty(true);
    final ObjectProperty<Device.Mode> mode = new SimpleObjectProperty<>(Device.Mode.ISSUED);
    final ObjectProperty<Device.Status> status = new SimpleObjectProperty<>(Device.Status.IN_STOCK);
    final StringProperty team = new SimpleStringProperty("");
    final StringProperty notes = new SimpleStringProperty("");

    /** The fields as last filled from the database: differing from them means the person is editing. */
    private final StringProperty filled = new SimpleStringProperty("");
    final BooleanBinding dirty;
    /** Saving, the outcome shown in {@code device-message}, and the Reload after a refused stale save. */
    final FormState form = new FormState();
    final ObjectProperty<FormOutcome> outcome = form.outcome;
    final BooleanProperty reloadOffered = form.reloadOffered;
    final BooleanProperty saving = form.saving;
    final BooleanBinding retireOffered;
    final BooleanBinding clearQuarantineOffered;

    DeviceDetailsModel(DevicePageModel panel) {
        this.panel = panel;
        dirty = Bindings.createBooleanBinding(() -> !formText().equals(filled.get()),
                assetTag, kind, makeModel, serial, imei, phone, encrypted, mode, status, team, notes, filled);
        var device = panel.deviceProperty();
        retireOffered = Bindings.createBooleanBinding(() -> panel.canManage && device.get() != null
                && device.get().status() != Device.Status.RETIRED, device);
        clearQuarantineOffered = Bindings.createBooleanBinding(() -> panel.canManage && device.get() != null
                && device.get().status() == Device.Status.QUARANTINED, device);
    }

    private String formText() {
        return String.join("\u001f", assetTag.get(), String.valueOf(kind.get()), makeModel.get(), serial.get(), imei.get(), phone.get(),
                String.valueOf(encrypted.get()), String.valueOf(mode.get()), String.valueOf(status.get()), String.valueOf(team.get()), notes.get());
    }

    /** The fields as the device is stored ({@code null}: the defaults of a new device). */
    void fill(Device d) {
        fillFields(d == null ? new DeviceDraft("", Device.Kind.LAPTOP, "", "", "", "", true, Device.Mode.ISSUED, Device.Status.IN_STOCK, "", "")
                : d.draft());
        filled.set(formText());
    }

    private void fillFields(DeviceDraft d) {
        assetTag.set(DevicePageModel.nz(d.assetTag()));
        kind.set(d.kind());
        makeModel.set(DevicePageModel.nz(d.makeModel()));
        serial.set(DevicePageModel.nz(d.serialNumber()));
        imei.set(DevicePageModel.nz(d.imei()));
        phone.set(DevicePageModel.nz(d.phoneNumber()));
        encrypted.set(d.encrypted());
        mode.set(d.mode());
        status.set(d.status());
        team.set(DevicePageModel.nz(d.team()));
        notes.set(DevicePageModel.nz(d.notes()));
    }

    DeviceDraft draft() {
        return new DeviceDraft(assetTag.get(), kind.get(), makeModel.get(), serial.get(), imei.get(), phone.get(),
                encrypted.get(), mode.get(), status.get(), team.get(), notes.get());
    }

    /** Cancel: a new device's form closes the panel; an existing one's goes back to the stored values. */
    void cancel() {
        Device d = panel.device();
        if (d == null) panel.close();
        else fill(d);
    }

    void save() {
        DeviceDraft d = draft();
        Device current = panel.device();
        Long id = current == null ? null : current.id();
        Long version = current == null ? null : current.version(); // the version the form was loaded at
        form.saving();
        panel.tasks.run(() -> {
            if (id == null) return panel.devices.create(panel.session, d);
            panel.devices.update(panel.session, id, version, d);
            return id;
        }, savedId -> {
            saving.set(false);
            panel.changedHere(savedId, id == null ? d.assetTag().strip() + " is now in the register." : "Saved.");
        }, form::failed);
    }

    /** After a conflict: the device as saved now, with the person's own changes kept where the other person did not change the field. */
    void reload() {
        Device loadedAt = panel.device();
        if (loadedAt == null) return;
        DeviceDraft mine = draft();
        form.reloading.set(true);
        panel.tasks.run(() -> panel.devices.get(panel.session, loadedAt.id()).orElse(null), fresh -> {
            if (fresh == null) {
                form.clear();
                panel.close();
                return;
            }
            var merged = Reload.merge(loadedAt.draft(), mine, fresh.draft(),
                    "asset tag", "kind", "make and model", "serial number", "IMEI", "phone number", "encrypted", "mode", "status", "team", "notes");
            panel.replaceDevice(fresh);
            fill(fresh);
            fillFields(merged.draft());
            form.done(merged.explain(fresh.assetTag()));
            panel.changed(fresh.id());
        }, form::failed);
    }

    /** Retires the device; a blank reason is recorded as "retired by the helpdesk". */
    void retire(String reason) {
        Device d = panel.device();
        if (d == null) return;
        long id = d.id();
        String why = reason == null || reason.isBlank() ? "retired by the helpdesk" : reason;
        panel.tasks.run(() -> {
            panel.devices.retire(panel.session, id, why);
            return id;
        }, x -> panel.changedHere(id, d.assetTag() + " is retired."), t -> outcome.set(FormOutcome.failed(t)));
    }

    void clearQuarantine() {
        Device d = panel.device();
        if (d == null) return;
        long id = d.id();
        panel.tasks.run(() -> {
            panel.devices.clearQuarantine(panel.session, id, null);
            return id;
        }, x -> panel.changedHere(id, "Quarantine cleared: " + d.assetTag() + " can be handed out again."),
                t -> outcome.set(FormOutcome.failed(t)));
    }
}
