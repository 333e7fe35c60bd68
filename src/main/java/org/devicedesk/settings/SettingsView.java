package org.devicedesk.settings;

import atlantafx.base.theme.Styles;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.devicedesk.core.Settings;
import org.devicedesk.core.Settings.Key;
import org.devicedesk.ui.AppContext;
import org.devicedesk.ui.FormMessages;
import org.devicedesk.ui.Screen;
import org.devicedesk.ui.SettingsTab;
import org.devicedesk.ui.Tasks;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * The settings screen ({@code nav-settings}, ADMIN): a tab pane whose first tab edits every
 * {@link Settings.Key} ({@code settings-<key>}, {@code settings-save}, {@code settings-message});
 * other features add tabs through {@code org.devicedesk.SettingsTabs}. The general tab's state and rules are in
 * {@link SettingsModel}; this view builds the controls and binds them.
 */
public final class SettingsView implements Screen {
    private final SettingsModel model;
    private final TabPane tabs = new TabPane();
    private final VBox root;
    private final FormMessages messages = new FormMessages("settings");
    private final Map<Key, TextField> fields = new EnumMap<>(Key.class);
    private final Map<DayOfWeek, CheckBox> days = new EnumMap<>(DayOfWeek.class);
    private final Map<Tab, Screen> extra = new LinkedHashMap<>();
    private final Button save = new Button("_Save settings", new FontIcon(MaterialDesignC.CONTENT_SAVE_OUTLINE));
    private final Button cancel = new Button("_Undo changes");

    public SettingsView(AppContext context, List<SettingsTab> extraTabs) {
        this.model = new SettingsModel(context.service(SettingsService.class), context.session(), Tasks.background());
        model.outcome.addListener((o, was, now) -> now.showIn(messages));

        Tab general = new Tab("General", general());
        general.setId("settings-tab-general");
        tabs.getTabs().add(general);
        for (SettingsTab t : extraTabs) {
            Screen screen = t.factory().apply(context);
            Tab tab = new Tab(t.title(), screen.node());
            tab.setId("settings-tab-" + t.key());
            extra.put(tab, screen);
            tabs.getTabs().add(tab);
        }
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            Screen s = extra.get(now);
            if (s != null) s.show(null);
        });
        tabs.setId("settings-tabs");

        Label title = new Label("Settings");
        title.getStyleClass().add(Styles.TITLE_2);
        root = new VBox(10, title, tabs);
        VBox.setVgrow(tabs, Priority.ALWAYS);
    }

    @Override public Node node() {
        return root;
    }

    /** {@code argument} may be a tab key ("backups") to open that tab. */
    @Override public void show(Object argument) {
        if (argument instanceof String key) {
            tabs.getTabs().stream().filter(t -> ("settings-tab-" + key).equals(t.getId())).findFirst()
                    .ifPresent(t -> tabs.getSelectionModel().select(t));
        }
        Tab selected = tabs.getSelectionModel().getSelectedItem();
        if (extra.containsKey(selected)) extra.get(selected).show(null);
        model.open();
    }

    private Node general() {
        org.devicedesk.ui.SettingsGrid form = new org.devicedesk.ui.SettingsGrid(280);
        GridPane grid = form.grid();
        form.section("Organisation");
        field(form, Key.ORGANISATION_NAME, null);
        field(form, Key.DPO_TITLE, "Named in breach reviews and notices.");
        form.section("Help desk");
        field(form, Key.HELPDESK_INTERNAL, null);
        field(form, Key.HELPDESK_EXTERNAL, null);
        field(form, Key.OUT_OF_HOURS_NUMBER, "Shown for reports made outside office hours.");
        form.section("Office hours");
        officeDays(form);
        field(form, Key.OFFICE_OPENS, "24-hour clock, e.g. 08:00");
        field(form, Key.OFFICE_CLOSES, "24-hour clock, e.g. 17:30");
        form.section("Rules");
        field(form, Key.TRAVEL_NOTICE_DAYS, "Policy 53: at least this many days before travel.");
        field(form, Key.ICO_DEADLINE_HOURS, "Hours after becoming aware of a breach.");
        field(form, Key.DECLARATION_VALIDITY_MONTHS, null);
        field(form, Key.DECLARATION_EXPIRING_DAYS, null);
        form.section("Sign-in");
        field(form, Key.LOCKOUT_ATTEMPTS, null);
        field(form, Key.LOCKOUT_MINUTES, null);
        form.section("Backups");
        field(form, Key.BACKUP_KEEP_DAYS, null);

        save.setId("settings-save");
        save.setDefaultButton(true);
        save.getStyleClass().add(Styles.ACCENT);
        save.setOnAction(e -> model.save());
        save.disableProperty().bind(model.saving);
        cancel.setId("settings-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> model.undo());
        HBox buttons = new HBox(10, save, cancel);
        buttons.setAlignment(Pos.CENTER_LEFT);
        grid.setPadding(new Insets(16));
        return form.withFooter(messages, buttons); // the message and the buttons stay in view below the scrolling form
    }

    private void field(org.devicedesk.ui.SettingsGrid form, Key key, String hint) {
        TextField f = new TextField();
        f.setId("settings-" + SettingsService.fieldName(key));
        f.textProperty().bindBidirectional(model.field(key));
        fields.put(key, f);
        messages.field(SettingsService.fieldName(key), f);
        form.field(key.label, f, hint);
    }

    private void officeDays(org.devicedesk.ui.SettingsGrid form) {
        HBox box = new HBox(10);
        box.setId("settings-office-days");
        for (DayOfWeek d : DayOfWeek.values()) {
            CheckBox c = new CheckBox(d.getDisplayName(TextStyle.SHORT, Locale.UK));
            c.setId("settings-office-days-" + d.name().toLowerCase(Locale.ROOT));
            c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            c.selectedProperty().bindBidirectional(model.days.get(d));
            days.put(d, c);
            box.getChildren().add(c);
        }
        messages.field(SettingsService.fieldName(Key.OFFICE_DAYS), days.get(DayOfWeek.MONDAY));
        form.labelled(new Label(Key.OFFICE_DAYS.label), box);
    }

    /** For tests: the control of one setting. */
    Control control(Key k) {
        return fields.get(k);
    }
}
