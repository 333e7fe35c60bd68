package org.devicedesk.settings;

import java.time.DayOfWeek;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.devicedesk.core.Session;
import org.devicedesk.core.Settings;
import org.devicedesk.core.Settings.Key;
import org.devicedesk.ui.FormOutcome;
import org.devicedesk.ui.Tasks;

/**
 * The view model of Settings → General ({@link SettingsView}): each setting as typed, the office days, the
 * version the form was loaded at (ADR 0008: a save from it is refused once another administrator saved), what
 * a save sends and the sentence it ends in, the form reloaded after a save, and "Undo changes".
 */
public final class SettingsModel {
    private final SettingsService service;
    private final Session session;
    private final Tasks tasks;
    /** The settings the form shows, in the order the view asked for them; a save sends these and the office days. */
    private final Map<Key, StringProperty> fields = new EnumMap<>(Key.class);
    public final Map<DayOfWeek, BooleanProperty> days = new EnumMap<>(DayOfWeek.class);
    public final BooleanProperty saving = new SimpleBooleanProperty();
    /** What the last action came to, shown in {@code settings-message}. */
    public final ObjectProperty<FormOutcome> outcome = new SimpleObjectProperty<>(FormOutcome.NONE);
    private Long loadedVersion;

    public SettingsModel(SettingsService service, Session session, Tasks tasks) {
        this.service = service;
        this.session = session;
        this.tasks = tasks;
        for (DayOfWeek d : DayOfWeek.values()) days.put(d, new SimpleBooleanProperty());
    }

    /** The setting {@code k} as typed; asking for it puts it on the form (office days are {@link #days}). */
    public StringProperty field(Key k) {
        return fields.computeIfAbsent(k, x -> new SimpleStringProperty(""));
    }

    private record Loaded(Settings.Values values, long version) {}

    /** Loads the settings as saved now, and the version a save will be checked against. */
    public void open() {
        tasks.run(() -> {
            long version = service.version();
            return new Loaded(service.current(), version);
        }, l -> {
            loadedVersion = l.version();
            fields.forEach((k, p) -> p.set(l.values().get(k)));
            var open = l.values().officeDays();
            days.forEach((d, p) -> p.set(open.contains(d)));
        }, t -> outcome.set(FormOutcome.failed(t)));
    }

    /** "Undo changes": the message goes and the saved settings come back. */
    public void undo() {
        outcome.set(FormOutcome.NONE);
        open();
    }

    Map<Key, String> values() {
        Map<Key, String> values = new EnumMap<>(Key.class);
        fields.forEach((k, p) -> values.put(k, p.get()));
        values.put(Key.OFFICE_DAYS, days.entrySet().stream().filter(e -> e.getValue().get())
                .map(e -> e.getKey().name()).collect(Collectors.joining(",")));
        return values;
    }

    public void save() {
        Map<Key, String> values = values();
        saving.set(true);
        Long version = loadedVersion;
        tasks.run(() -> service.save(session, version, values), changed -> {
            saving.set(false);
            outcome.set(FormOutcome.done(changed == 0 ? "Nothing to save: the settings are as they were."
                    : changed == 1 ? "Saved: 1 setting changed (written to the audit trail)."
                    : "Saved: " + changed + " settings changed (written to the audit trail)."));
            open();
        }, t -> {
            saving.set(false);
            outcome.set(FormOutcome.failed(t));
        });
    }
}
