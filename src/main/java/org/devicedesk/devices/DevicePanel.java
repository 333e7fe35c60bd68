package org.devicedesk.devices;

import atlantafx.base.theme.Styles;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.devicedesk.core.AppClock;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.people.PeopleService;
import org.devicedesk.ui.AppContext;
import org.devicedesk.ui.Background;
import org.devicedesk.ui.FormMessages;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The side panel of the device register: the device form ({@code device-*}), who holds it and the
 * hand-over form ({@code custody-*}: issue, return, pool check-out and check-in), the designated users
 * of a pool device, the custody history and the "who held it at…" question.
 */
final class DevicePanel {
    private enum Action { ISSUE, RETURN, CHECK_OUT, CHECK_IN }

    private final AppContext context;
    private final Session session;
    private final DeviceService devices;
    private final PeopleService people;
    private final boolean canManage;
    private final Consumer<Long> onChanged;
    private final Runnable onClose;

    private final VBox root = new VBox(10);
    private final TabPane tabs = new TabPane();
    private final Tab custodyTab = new Tab("Custody");
    private final Tab detailsTab = new Tab("Details");
    private final Tab poolTab = new Tab("Designated users");
    private final Label heading = new Label();
    private final HBox badgeBox = new HBox();

    // the device form
    private final FormMessages deviceMessages = new FormMessages("device");
    /** Shown after a refused stale save: reloads the device, keeping what was typed where it does not clash. */
    private final Button reload = org.devicedesk.ui.Reload.button("device");
    private final TextField assetTag = field("device-asset-tag");
    private final ComboBox<Device.Kind> kind = new ComboBox<>(FXCollections.observableArrayList(Device.Kind.values()));
    private final TextField makeModel = field("device-make-model");
    private final TextField serial = field("device-serial-number");
    private final TextField imei = field("device-imei");
    private final TextField phone = field("device-phone-number");
    private final CheckBox encrypted = new CheckBox("_Encrypted at rest");
    private final ComboBox<Device.Mode> mode = new ComboBox<>(FXCollections.observableArrayList(Device.Mode.values()));
    private final ComboBox<Device.Status> status = new ComboBox<>(FXCollections.observableArrayList(Device.Status.values()));
    private final ComboBox<String> team = new ComboBox<>();
    private final TextArea notes = new TextArea();
    private final Button save = new Button("_Save");
    private final Button cancel = new Button("Cancel");
    private final Button retire = new Button("_Retire", new FontIcon(MaterialDesignA.ARCHIVE_OUTLINE));
    private final Button clearQuarantine = new Button("C_lear quarantine", new FontIcon(MaterialDesignS.SHIELD_CHECK_OUTLINE));

    // custody
    private final VBox custodyBox = new VBox(10);
    private final Label holderText = new Label();
    private final Button issue = new Button("_Issue to…");
    private final Button giveBack = new Button("Re_turn");
    private final Button checkOut = new Button("Check _out to…");
    private final Button checkIn = new Button("Check _in");
    private final VBox custodyForm = new VBox(8);
    private final Label custodyTitle = new Label();
    private final ComboBox<PeopleService.Row> custodyPerson = new ComboBox<>();
    private final Button custodySave = new Button("Save");
    private final Button custodyCancel = new Button("Cancel");
    private final FormMessages custodyMessages = new FormMessages("custody");
    private Action pending;

    // pool designated users
    private final VBox poolBox = new VBox(8);
    private final ListView<DesignatedUser> poolUsers = new ListView<>();
    private final ComboBox<PeopleService.Row> designatedPerson = new ComboBox<>();
    private final Button designatedAdd = new Button("_Add");
    private final Button designatedRemove = new Button("Remove");
    private final FormMessages designatedMessages = new FormMessages("designated");

    // history and who held it at T
    private final VBox historyBox = new VBox(8);
    private final TableView<Custody> history = new TableView<>();
    private final DatePicker atDate = new DatePicker();
    private final TextField atTime = new TextField();
    private final Label atResult = new Label();

    private Device device; // null while creating a new one
    private boolean creating;
    /** The details form as last filled from the database: differing from it means the person is editing. */
    private String filled = "";
    private final org.devicedesk.ui.ChangedBar changedBar = new org.devicedesk.ui.ChangedBar("device");
    private List<PeopleService.Row> everyone = List.of();

    DevicePanel(AppContext context, Consumer<Long> onChanged, Runnable onClose) {
        this.context = context;
        this.session = context.session();
        this.devices = context.service(DeviceService.class);
        this.people = context.service(PeopleService.class);
        this.canManage = session.hasAny(Role.HELPDESK, Role.ADMIN);
        this.onChanged = onChanged;
        this.onClose = onClose;
        build();
        // live: the open device follows changes made anywhere (a report of loss, a hand-over in another client);
        // while the person is editing it, a bar offers the reload instead of overwriting what they typed
        context.live().follow(root, c -> device != null && !creating && !c.madeBy(session.username())
                        && (c.concerns("device", device.id()) || c.concerns("incident")),
                changes -> {
                    if (device == null) return;
                    long id = device.id();
                    if (editing()) changedBar.show(context.live(), changes, () -> show(id));
                    else show(id);
                });
    }

    /** Whether the person has started a change here: the details form differs from the device, or a hand-over form is open. */
    private boolean editing() {
        return pending != null || !formText().equals(filled);
    }

    private String formText() {
        return String.join("\u001f", assetTag.getText(), String.valueOf(kind.getValue()), makeModel.getText(), serial.getText(), imei.getText(),
                phone.getText(), String.valueOf(encrypted.isSelected()), String.valueOf(mode.getValue()), String.valueOf(status.getValue()),
                String.valueOf(team.getEditor().getText()), notes.getText());
    }

    /** Forgets the device shown (the panel was closed): selecting it again opens it afresh. */
    void forget() {
        device = null;
        changedBar.hide();
    }

    Node node() {
        return root;
    }

    private static TextField field(String id) {
        TextField t = new TextField();
        t.setId(id);
        return t;
    }

    private void build() {
        root.setPadding(new Insets(16));
        root.getStyleClass().add("device-panel");
        root.setId("device-panel");
        root.setMinWidth(430);
        root.setPrefWidth(470);

        heading.getStyleClass().add(Styles.TITLE_3);
        heading.setId("device-heading");
        badgeBox.setId("device-badge");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button close = new Button(null, new FontIcon(MaterialDesignC.CLOSE));
        close.setId("device-close");
        close.setAccessibleText("Close the device");
        close.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        close.setOnAction(e -> onClose.run());
        // issue 21: the asset label of this device
        Button printLabel = new Button(null, new FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignB.BARCODE));
        printLabel.setId("device-print-label");
        printLabel.setAccessibleText("Print the asset label");
        printLabel.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        printLabel.setTooltip(new javafx.scene.control.Tooltip("Print the asset label"));
        printLabel.setOnAction(e -> {
            if (device != null) LabelPrintDialog.open(context.window(), List.of(device));
        });
        printLabel.visibleProperty().bind(heading.textProperty().isNotEqualTo("New device"));
        HBox head = new HBox(10, heading, badgeBox, spacer, printLabel, close);
        head.setAlignment(Pos.CENTER_LEFT);

        custodyTab.setId("device-tab-custody");
        detailsTab.setId("device-tab-details");
        poolTab.setId("device-tab-pool");
        VBox custodyContent = new VBox(12, buildCustody(), buildHistory());
        VBox.setVgrow(historyBox, Priority.ALWAYS);
        custodyTab.setContent(tabContent(custodyContent));
        detailsTab.setContent(buildForm());
        poolTab.setContent(tabContent(buildPool()));
        for (Tab t : List.of(custodyTab, detailsTab, poolTab)) t.setClosable(false);
        tabs.getStyleClass().add(Styles.TABS_FLOATING);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        root.getChildren().addAll(head, tabs, changedBar.node()); // at the foot: appearing, it moves nothing the person may be about to click
    }

    private static ScrollPane tabContent(Node content) {
        VBox box = new VBox(content);
        box.setPadding(new Insets(12, 2, 4, 2));
        VBox.setVgrow(content, Priority.ALWAYS);
        ScrollPane sp = new ScrollPane(box);
        sp.setFitToWidth(true);
        sp.setFitToHeight(true);
        sp.getStyleClass().add("edge-to-edge");
        return sp;
    }

    // ---- the device form ----

    private Node buildForm() {
        kind.setId("device-kind");
        mode.setId("device-mode");
        status.setId("device-status");
        team.setId("device-team");
        team.setEditable(true);
        notes.setId("device-notes");
        notes.setPrefRowCount(3);
        notes.setWrapText(true);
        encrypted.setId("device-encrypted");
        imei.setPromptText("15 digits (*#06#)");
        for (var c : List.of(kind, mode, status)) c.setMaxWidth(Double.MAX_VALUE);
        team.setMaxWidth(Double.MAX_VALUE);
        deviceMessages.field("asset-tag", assetTag).field("kind", kind).field("make-model", makeModel).field("serial-number", serial)
                .field("imei", imei).field("phone-number", phone).field("mode", mode).field("status", status).field("team", team)
                .field("notes", notes);

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.getColumnConstraints().addAll(new ColumnConstraints(110), new ColumnConstraints(180, 280, Double.MAX_VALUE));
        int r = 0;
        grid.addRow(r++, FormMessages.labelFor("_Asset tag", assetTag), assetTag);
        grid.addRow(r++, FormMessages.labelFor("_Kind", kind), kind);
        grid.addRow(r++, FormMessages.labelFor("Make and _model", makeModel), makeModel);
        grid.addRow(r++, FormMessages.labelFor("Seria_l number", serial), serial);
        grid.addRow(r++, FormMessages.labelFor("IM_EI", imei), imei);
        grid.addRow(r++, FormMessages.labelFor("_Phone number", phone), phone);
        grid.addRow(r++, new Label(), encrypted);
        grid.addRow(r++, FormMessages.labelFor("Mo_de", mode), mode);
        grid.addRow(r++, FormMessages.labelFor("S_tatus", status), status);
        grid.addRow(r++, FormMessages.labelFor("Tea_m", team), team);
        grid.addRow(r++, FormMessages.labelFor("_Notes", notes), notes);

        save.setId("device-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.setOnAction(e -> saveDevice());
        cancel.setId("device-cancel");
        cancel.setOnAction(e -> {
            if (device == null) onClose.run();
            else fill(device);
        });
        retire.setId("device-retire");
        retire.setOnAction(e -> retireDevice());
        clearQuarantine.setId("device-clear-quarantine");
        clearQuarantine.setOnAction(e -> clearQuarantine());
        reload.setOnAction(e -> reloadDevice());
        HBox buttons = new HBox(8, save, reload, cancel, new Spacer(), clearQuarantine, retire);
        buttons.setAlignment(Pos.CENTER_LEFT);
        // the message and the buttons stay in view below the fields, however small the window
        VBox footer = new VBox(8, deviceMessages.node(), buttons);
        footer.setPadding(new Insets(10, 2, 2, 2));
        javafx.scene.layout.BorderPane box = new javafx.scene.layout.BorderPane(tabContent(grid));
        box.setBottom(footer);
        if (!canManage) {
            grid.setDisable(true);
            showNode(footer, false);
        }
        return box;
    }

    private static final class Spacer extends Region {
        Spacer() {
            HBox.setHgrow(this, Priority.ALWAYS);
        }
    }

    private DeviceDraft draft() {
        String teamText = team.isEditable() ? team.getEditor().getText() : team.getValue();
        return new DeviceDraft(assetTag.getText(), kind.getValue(), makeModel.getText(), serial.getText(), imei.getText(), phone.getText(),
                encrypted.isSelected(), mode.getValue(), status.getValue(), teamText, notes.getText());
    }

    private void saveDevice() {
        DeviceDraft d = draft();
        Long id = device == null ? null : device.id();
        Long version = device == null ? null : device.version(); // the version the form was loaded at
        save.setDisable(true);
        org.devicedesk.ui.Reload.show(reload, false);
        Background.run(() -> {
            if (id == null) return devices.create(session, d);
            devices.update(session, id, version, d);
            return id;
        }, savedId -> {
            save.setDisable(false);
            boolean created = id == null;
            onChanged.accept(savedId);
            show(savedId, () -> deviceMessages.success(created ? d.assetTag().strip() + " is now in the register." : "Saved."));
        }, t -> {
            save.setDisable(false);
            deviceMessages.show(t);
            org.devicedesk.ui.Reload.offer(reload, t);
        });
    }

    /** After a conflict: the device as saved now, with the person's own changes kept where the other person did not change the field. */
    private void reloadDevice() {
        if (device == null) return;
        Device loadedAt = device;
        DeviceDraft mine = draft();
        reload.setDisable(true);
        Background.run(() -> devices.get(session, loadedAt.id()).orElse(null), fresh -> {
            reload.setDisable(false);
            if (fresh == null) {
                onClose.run();
                return;
            }
            var merged = org.devicedesk.ui.Reload.merge(loadedAt.draft(), mine, fresh.draft(),
                    "asset tag", "kind", "make and model", "serial number", "IMEI", "phone number", "encrypted", "mode", "status", "team", "notes");
            device = fresh;
            fill(fresh);
            fillFields(merged.draft());
            org.devicedesk.ui.Reload.show(reload, false);
            deviceMessages.success(merged.explain(fresh.assetTag()));
            onChanged.accept(fresh.id());
        }, t -> {
            reload.setDisable(false);
            deviceMessages.show(t);
        });
    }

    private void fillFields(DeviceDraft d) {
        assetTag.setText(nz(d.assetTag()));
        kind.setValue(d.kind());
        makeModel.setText(nz(d.makeModel()));
        serial.setText(nz(d.serialNumber()));
        imei.setText(nz(d.imei()));
        phone.setText(nz(d.phoneNumber()));
        encrypted.setSelected(d.encrypted());
        mode.setValue(d.mode());
        status.setValue(d.status());
        team.setValue(d.team());
        team.getEditor().setText(nz(d.team()));
        notes.setText(nz(d.notes()));
    }

    private void retireDevice() {
        if (device == null) return;
        TextInputDialog ask = new TextInputDialog();
        ask.setTitle("Retire " + device.assetTag());
        ask.setHeaderText("Retire " + device.describe() + "? It stays in the register with its history, but cannot be issued again.");
        ask.setContentText("Why (for the audit trail):");
        ask.initOwner(context.window());
        ask.getEditor().setId("device-retire-reason");
        ask.showAndWait().filter(s -> ask.getResult() != null).ifPresent(reason -> {
            long id = device.id();
            Background.run(() -> {
                devices.retire(session, id, reason.isBlank() ? "retired by the helpdesk" : reason);
                return id;
            }, x -> {
                onChanged.accept(id);
                show(id, () -> deviceMessages.success(device.assetTag() + " is retired."));
            }, deviceMessages::show);
        });
    }

    private void clearQuarantine() {
        if (device == null) return;
        long id = device.id();
        Background.run(() -> {
            devices.clearQuarantine(session, id, null);
            return id;
        }, x -> {
            onChanged.accept(id);
            show(id, () -> deviceMessages.success("Quarantine cleared: " + device.assetTag() + " can be handed out again."));
        }, deviceMessages::show);
    }

    // ---- custody: issue, return, check out, check in ----

    private Node buildCustody() {
        Label title = new Label("Who holds it");
        title.getStyleClass().add(Styles.TITLE_4);
        holderText.setId("device-holder");
        holderText.setWrapText(true);
        issue.setId("device-issue");
        giveBack.setId("device-return");
        checkOut.setId("device-check-out");
        checkIn.setId("device-check-in");
        issue.setOnAction(e -> openCustody(Action.ISSUE));
        giveBack.setOnAction(e -> openCustody(Action.RETURN));
        checkOut.setOnAction(e -> openCustody(Action.CHECK_OUT));
        checkIn.setOnAction(e -> openCustody(Action.CHECK_IN));
        HBox actions = new HBox(8, issue, giveBack, checkOut, checkIn);

        custodyTitle.setWrapText(true);
        custodyTitle.setId("custody-title");
        custodyPerson.setId("custody-person");
        custodyPerson.setMaxWidth(Double.MAX_VALUE);
        personCombo(custodyPerson);
        custodyMessages.field("person", custodyPerson);
        custodySave.setId("custody-save");
        custodySave.getStyleClass().add(Styles.ACCENT);
        custodySave.setOnAction(e -> saveCustody());
        custodyCancel.setId("custody-cancel");
        custodyCancel.setOnAction(e -> closeCustody());
        // while the hand-over form is open, Enter and Esc belong to it
        custodySave.defaultButtonProperty().bind(custodyForm.visibleProperty());
        custodyCancel.cancelButtonProperty().bind(custodyForm.visibleProperty());
        save.defaultButtonProperty().bind(custodyForm.visibleProperty().not());
        cancel.cancelButtonProperty().bind(custodyForm.visibleProperty().not());
        HBox buttons = new HBox(8, custodySave, custodyCancel);
        custodyForm.getChildren().addAll(custodyTitle, custodyPerson, custodyMessages.node(), buttons);
        custodyForm.getStyleClass().add("card");
        showNode(custodyForm, false);

        custodyBox.getChildren().addAll(title, holderText, actions, custodyForm);
        if (!canManage) showNode(actions, false);
        return custodyBox;
    }

    private static final class Separator extends javafx.scene.control.Separator {}

    private void personCombo(ComboBox<PeopleService.Row> combo) {
        StringConverter<PeopleService.Row> conv = new StringConverter<>() {
            @Override public String toString(PeopleService.Row r) { return r == null ? "" : DeviceBadges.person(r); }
            @Override public PeopleService.Row fromString(String s) { return null; }
        };
        combo.setConverter(conv);
        combo.setPromptText("Choose a person");
        combo.setVisibleRowCount(12);
        combo.setCellFactory(lv -> new ListCell<>() {
            @Override protected void updateItem(PeopleService.Row item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : DeviceBadges.person(item));
            }
        });
    }

    private void openCustody(Action action) {
        if (device == null) return;
        pending = action;
        custodyMessages.clear();
        custodyPerson.getSelectionModel().clearSelection();
        custodyPerson.setValue(null);
        boolean choosesPerson = action == Action.ISSUE || action == Action.CHECK_OUT;
        showNode(custodyPerson, choosesPerson);
        String holder = device.holder() == null ? "nobody" : device.holder().name();
        switch (action) {
            case ISSUE -> {
                custodyTitle.setText("Issue " + device.describe() + " to:");
                custodySave.setText("_Issue");
                custodyPerson.getItems().setAll(everyone.stream().filter(r -> r.person().active()).toList());
            }
            case CHECK_OUT -> {
                custodyTitle.setText("Check " + device.describe() + " out to one of its designated users:");
                custodySave.setText("Check _out");
                List<Long> designated = poolUsers.getItems().stream().map(DesignatedUser::personId).toList();
                // designated users first, then everyone else (choosing one of them is refused with the reason)
                List<PeopleService.Row> rows = new ArrayList<>(everyone.stream().filter(r -> designated.contains(r.person().id())).toList());
                rows.addAll(everyone.stream().filter(r -> !designated.contains(r.person().id()) && r.person().active()).toList());
                custodyPerson.getItems().setAll(rows);
            }
            case RETURN -> {
                custodyTitle.setText("Record that " + holder + " has returned " + device.describe() + "?");
                custodySave.setText("_Record return");
            }
            case CHECK_IN -> {
                custodyTitle.setText("Record that " + holder + " has checked " + device.describe() + " back in?");
                custodySave.setText("Record _check-in");
            }
        }
        showNode(custodyForm, true);
        if (choosesPerson) custodyPerson.requestFocus();
        else custodySave.requestFocus();
    }

    private void closeCustody() {
        pending = null;
        custodyMessages.clear();
        showNode(custodyForm, false);
    }

    private void saveCustody() {
        if (device == null || pending == null) return;
        long id = device.id();
        Action action = pending;
        PeopleService.Row chosen = custodyPerson.getValue();
        Long personId = chosen == null ? null : chosen.person().id();
        custodySave.setDisable(true);
        Background.run(() -> {
            switch (action) {
                case ISSUE -> devices.issue(session, id, personId);
                case CHECK_OUT -> devices.checkOut(session, id, personId);
                case RETURN -> devices.returnDevice(session, id);
                case CHECK_IN -> devices.checkIn(session, id);
            }
            return id;
        }, x -> {
            custodySave.setDisable(false);
            String done = switch (action) {
                case ISSUE -> device.assetTag() + " is issued to " + chosen.person().fullName() + ".";
                case CHECK_OUT -> device.assetTag() + " is checked out to " + chosen.person().fullName() + ".";
                case RETURN -> device.assetTag() + " is back in stock.";
                case CHECK_IN -> device.assetTag() + " is checked in.";
            };
            closeCustody();
            onChanged.accept(id);
            show(id, () -> deviceMessages.success(done));
        }, t -> {
            custodySave.setDisable(false);
            custodyMessages.show(t);
        });
    }

    // ---- pool designated users ----

    private Node buildPool() {
        Label title = new Label("Designated users");
        title.getStyleClass().add(Styles.TITLE_4);
        Label hint = new Label("A pool device is checked out only to these named people, one at a time.");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);
        poolUsers.setId("pool-users");
        poolUsers.setPrefHeight(130);
        poolUsers.setCellFactory(lv -> new ListCell<>() {
            @Override protected void updateItem(DesignatedUser u, boolean empty) {
                super.updateItem(u, empty);
                setText(empty || u == null ? null : u.name() + "   (added " + DeviceBadges.when(u.addedAt()) + ")");
            }
        });
        poolUsers.setPlaceholder(new Label("No designated users yet."));
        designatedPerson.setId("designated-person");
        designatedPerson.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(designatedPerson, Priority.ALWAYS);
        personCombo(designatedPerson);
        designatedMessages.field("designated-person", designatedPerson);
        designatedAdd.setId("designated-add");
        designatedAdd.setOnAction(e -> addDesignated());
        designatedRemove.setId("designated-remove");
        designatedRemove.disableProperty().bind(poolUsers.getSelectionModel().selectedItemProperty().isNull());
        designatedRemove.setOnAction(e -> removeDesignated());
        HBox add = new HBox(8, designatedPerson, designatedAdd, designatedRemove);
        add.setAlignment(Pos.CENTER_LEFT);
        // issue 21: the device's booking calendar, on the bookings screen
        Button bookings = new Button("_Bookings calendar…", new FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignC.CALENDAR_CHECK_OUTLINE));
        bookings.setId("device-bookings");
        bookings.setOnAction(e -> {
            if (device != null) context.navigate("bookings", device.id());
        });
        poolBox.getChildren().addAll(title, hint, poolUsers, add, designatedMessages.node(), new Separator(), bookings);
        if (!canManage) showNode(add, false);
        return poolBox;
    }

    private void addDesignated() {
        if (device == null) return;
        long id = device.id();
        PeopleService.Row chosen = designatedPerson.getValue();
        Long personId = chosen == null ? null : chosen.person().id();
        Background.run(() -> {
            devices.addDesignatedUser(session, id, personId);
            return id;
        }, x -> {
            designatedPerson.setValue(null);
            show(id, () -> designatedMessages.success(chosen.person().fullName() + " can now check out " + device.assetTag() + "."));
        }, designatedMessages::show);
    }

    private void removeDesignated() {
        DesignatedUser u = poolUsers.getSelectionModel().getSelectedItem();
        if (device == null || u == null) return;
        long id = device.id();
        Background.run(() -> {
            devices.removeDesignatedUser(session, id, u.personId());
            return id;
        }, x -> show(id, () -> designatedMessages.success(u.name() + " is no longer a designated user.")), designatedMessages::show);
    }

    // ---- history ----

    private Node buildHistory() {
        Label title = new Label("Custody history");
        title.getStyleClass().add(Styles.TITLE_4);
        history.setId("custody-table");
        history.setPrefHeight(160);
        VBox.setVgrow(history, Priority.ALWAYS);
        history.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        history.setPlaceholder(new Label("Nobody has held this device yet."));
        TableColumn<Custody, String> person = new TableColumn<>("Person");
        person.setCellValueFactory(c -> new javafx.beans.property.SimpleStringProperty(c.getValue().personName()));
        person.setComparator(String.CASE_INSENSITIVE_ORDER);
        TableColumn<Custody, String> how = new TableColumn<>("How");
        how.setCellValueFactory(c -> new javafx.beans.property.SimpleStringProperty(c.getValue().kind().label()));
        how.setComparator(Comparator.naturalOrder());
        TableColumn<Custody, java.time.Instant> from = new TableColumn<>("From");
        from.setCellValueFactory(c -> new javafx.beans.property.SimpleObjectProperty<>(c.getValue().from()));
        from.setCellFactory(col -> instantCell("—"));
        from.setComparator(Comparator.nullsLast(Comparator.naturalOrder()));
        TableColumn<Custody, java.time.Instant> to = new TableColumn<>("To");
        to.setCellValueFactory(c -> new javafx.beans.property.SimpleObjectProperty<>(c.getValue().to()));
        to.setCellFactory(col -> instantCell("still held"));
        to.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
        TableColumn<Custody, String> by = new TableColumn<>("Recorded by");
        by.setCellValueFactory(c -> new javafx.beans.property.SimpleStringProperty(recorder(c.getValue().recordedBy())
                + (c.getValue().returnedBy() == null || c.getValue().returnedBy().equals(c.getValue().recordedBy()) ? "" : " / " + recorder(c.getValue().returnedBy()))));
        by.setComparator(String.CASE_INSENSITIVE_ORDER);
        person.setPrefWidth(130);
        how.setPrefWidth(110);
        from.setPrefWidth(105);
        to.setPrefWidth(105);
        by.setPrefWidth(115);
        for (TableColumn<Custody, ?> c : List.of(person, how, from, to, by)) c.setMinWidth(60);
        history.getColumns().setAll(List.of(person, how, from, to, by));
        org.devicedesk.ui.Tables.fit(history);

        Label ask = new Label("Who held it at…");
        atDate.setId("custody-at-date");
        atDate.setPrefWidth(150);
        atTime.setId("custody-at-time");
        atTime.setPromptText("HH:mm");
        atTime.setPrefColumnCount(5);
        Button askButton = new Button("_Ask");
        askButton.setId("custody-at-ask");
        askButton.setOnAction(e -> askWhoHeld());
        atResult.setId("custody-at-result");
        atResult.setWrapText(true);
        HBox askRow = new HBox(8, ask, atDate, atTime, askButton);
        askRow.setAlignment(Pos.CENTER_LEFT);
        historyBox.getChildren().addAll(new Separator(), title, history, askRow, atResult);
        return historyBox;
    }

    private static javafx.scene.control.TableCell<Custody, java.time.Instant> instantCell(String empty) {
        return new javafx.scene.control.TableCell<>() {
            @Override protected void updateItem(java.time.Instant item, boolean isEmpty) {
                super.updateItem(item, isEmpty);
                setText(isEmpty ? null : item == null ? empty : DeviceBadges.dayThenTime(item));
                setTooltip(isEmpty || item == null ? null : new javafx.scene.control.Tooltip(DeviceBadges.when(item)));
            }
        };
    }

    /** Records made by imports and demo data carry the user "system"; people read that as Device Desk. */
    private static String recorder(String username) {
        return "system".equals(username) ? "Device Desk" : username;
    }

    private void askWhoHeld() {
        if (device == null) return;
        LocalDate day = atDate.getValue();
        // the one set of time rules (issue 15): 14:30, 1430, 14.30, 2:30 pm
        LocalTime time = atTime.getText().isBlank() ? LocalTime.NOON : org.devicedesk.core.TypedWhen.time(atTime.getText());
        if (time == null) {
            atResult.setText("Enter the time as hours and minutes, for example 14:30.");
            return;
        }
        if (day == null) {
            atResult.setText("Choose the day first.");
            return;
        }
        java.time.Instant at = day.atTime(time).atZone(AppClock.OFFICE_ZONE).toInstant();
        long id = device.id();
        String whenText = DeviceBadges.when(at);
        Background.run(() -> devices.whoHeldAt(session, id, at), c -> atResult.setText(c
                .map(x -> "At " + whenText + " " + device.assetTag() + " was held by " + x.personName() + " (" + x.kind().label().toLowerCase()
                        + " " + DeviceBadges.when(x.from()) + (x.to() == null ? ", still held" : ", until " + DeviceBadges.when(x.to())) + ").")
                .orElse("At " + whenText + " nobody held " + device.assetTag() + ".")), t -> atResult.setText(FormMessages.describe(t)));
    }

    // ---- showing a device ----

    /** Blank form for a new device. */
    void showNew() {
        device = null;
        creating = true;
        heading.setText("New device");
        badgeBox.getChildren().clear();
        deviceMessages.clear();
        closeCustody();
        fill(null);
        tabs.getTabs().setAll(detailsTab);
        tabs.getSelectionModel().select(detailsTab);
        retire.setVisible(false);
        clearQuarantine.setVisible(false);
        loadChoices();
        assetTag.requestFocus();
    }

    void show(long id) {
        creating = false;
        show(id, null);
    }

    /** Loads the device, its history and designated users, then runs {@code after} (e.g. a success message). */
    void show(long id, Runnable after) {
        record Loaded(Device device, List<Custody> history, List<DesignatedUser> users) {}
        Background.run(() -> {
            Device d = devices.get(session, id).orElse(null);
            if (d == null) return null;
            return new Loaded(d, devices.custodyHistory(session, id), d.isPool() ? devices.designatedUsers(session, id) : List.of());
        }, loaded -> {
            if (loaded == null) {
                onClose.run();
                return;
            }
            boolean same = device != null && device.id() == id;
            boolean justCreated = creating;
            creating = false;
            device = loaded.device();
            if (!same) {
                closeCustody();
                deviceMessages.clear();
                org.devicedesk.ui.Reload.show(reload, false);
                designatedMessages.clear();
                atResult.setText("");
                atDate.setValue(LocalDate.now(context.clock()));
            }
            fill(device);
            changedBar.hide(); // the panel now shows the device as it is
            if (!same) tabs.getSelectionModel().select(justCreated ? detailsTab : custodyTab);
            history.getItems().setAll(loaded.history());
            poolUsers.getItems().setAll(loaded.users());
            if (after != null) after.run();
        }, deviceMessages::show);
        loadChoices();
    }

    Long deviceId() {
        return device == null ? null : device.id();
    }

    private void loadChoices() {
        if (!canManage) return;
        Background.run(() -> {
            List<String> teams = new ArrayList<>(people.teams(session));
            for (String t : devices.teams(session)) if (!teams.contains(t)) teams.add(t);
            teams.sort(String.CASE_INSENSITIVE_ORDER);
            return new Object[] {people.list(session, PeopleService.Query.all()), teams};
        }, r -> {
            @SuppressWarnings("unchecked") List<PeopleService.Row> rows = (List<PeopleService.Row>) r[0];
            @SuppressWarnings("unchecked") List<String> teams = (List<String>) r[1];
            everyone = rows;
            String typed = team.getEditor().getText();
            team.getItems().setAll(teams);
            team.getEditor().setText(typed);
            designatedPerson.getItems().setAll(rows.stream().filter(x -> x.person().active()).toList());
        }, t -> { });
    }

    private void fill(Device d) {
        assetTag.setText(d == null ? "" : d.assetTag());
        kind.setValue(d == null ? Device.Kind.LAPTOP : d.kind());
        makeModel.setText(d == null ? "" : nz(d.makeModel()));
        serial.setText(d == null ? "" : nz(d.serialNumber()));
        imei.setText(d == null ? "" : nz(d.imei()));
        phone.setText(d == null ? "" : nz(d.phoneNumber()));
        encrypted.setSelected(d == null || d.encrypted());
        mode.setValue(d == null ? Device.Mode.ISSUED : d.mode());
        status.setValue(d == null ? Device.Status.IN_STOCK : d.status());
        team.setValue(d == null ? null : d.team());
        team.getEditor().setText(d == null ? "" : nz(d.team()));
        notes.setText(d == null ? "" : nz(d.notes()));
        filled = formText();
        if (d == null) return;

        heading.setText(d.assetTag());
        badgeBox.getChildren().setAll(DeviceBadges.status(d.status()));
        Tab selected = tabs.getSelectionModel().getSelectedItem();
        List<Tab> wanted = d.isPool() ? List.of(custodyTab, detailsTab, poolTab) : List.of(custodyTab, detailsTab);
        if (!tabs.getTabs().equals(wanted)) {
            tabs.getTabs().setAll(wanted);
            if (selected != null && wanted.contains(selected)) tabs.getSelectionModel().select(selected);
        }
        retire.setVisible(canManage && d.status() != Device.Status.RETIRED);
        clearQuarantine.setVisible(canManage && d.status() == Device.Status.QUARANTINED);
        clearQuarantine.setManaged(clearQuarantine.isVisible());

        if (d.holder() == null) {
            holderText.setText(d.isPool() ? "In the pool of team " + nz(d.team()) + ": nobody has it checked out." : "Not issued to anyone.");
        } else {
            holderText.setText((d.holder().kind() == Custody.Kind.POOL_CHECKOUT ? "Checked out to " : "Issued to ") + d.holder().name()
                    + " since " + DeviceBadges.when(d.holder().since()) + ".");
        }
        showNode(issue, !d.isPool() && d.holder() == null);
        showNode(giveBack, !d.isPool() && d.holder() != null);
        showNode(checkOut, d.isPool() && d.holder() == null);
        showNode(checkIn, d.isPool() && d.holder() != null);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static void showNode(Node n, boolean visible) {
        org.devicedesk.ui.Nodes.show(n, visible);
    }
}
