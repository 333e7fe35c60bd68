package org.devicedesk.devices;

import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.beans.binding.BooleanExpression;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.devicedesk.ui.FormMessages;
import org.devicedesk.ui.Reload;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/** The view of the device form ({@code device-*}): builds the controls and binds them to {@link DeviceDetailsModel}. */
final class DeviceDetailsForm {
    private final BorderPane root;
    private final TextField first;

    /** {@code handOverOpen}: while the hand-over form is open, Enter and Esc belong to it, not to this form. */
    DeviceDetailsForm(DeviceDetailsModel model, DevicePageModel panel, BooleanExpression handOverOpen, java.util.function.Supplier<Window> window) {
        FormMessages messages = new FormMessages("device");
        Button reload = Reload.button("device");
        TextField assetTag = DevicePage.field("device-asset-tag");
        ComboBox<Device.Kind> kind = new ComboBox<>(FXCollections.observableArrayList(Device.Kind.values()));
        TextField makeModel = DevicePage.field("device-make-model");
        TextField serial = DevicePage.field("device-serial-number");
        TextField imei = DevicePage.field("device-imei");
        TextField phone = DevicePage.field("device-phone-number");
        CheckBox encrypted = new CheckBox("_Encrypted at rest");
        ComboBox<Device.Mode> mode = new ComboBox<>(FXCollections.observableArrayList(Device.Mode.values()));
        ComboBox<Device.Status> status = new ComboBox<>(FXCollections.observableArrayList(Device.Status.values()));
        ComboBox<String> team = new ComboBox<>();
        TextArea notes = new TextArea();
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
        messages.field("asset-tag", assetTag).field("kind", kind).field("make-model", makeModel).field("serial-number", serial)
                .field("imei", imei).field("phone-number", phone).field("mode", mode).field("status", status).field("team", team)
                .field("notes", notes);

        assetTag.textProperty().bindBidirectional(model.assetTag);
        kind.valueProperty().bindBidirectional(model.kind);
        makeModel.textProperty().bindBidirectional(model.makeModel);
        serial.textProperty().bindBidirectional(model.serial);
        imei.textProperty().bindBidirectional(model.imei);
        phone.textProperty().bindBidirectional(model.phone);
        encrypted.selectedProperty().bindBidirectional(model.encrypted);
        mode.valueProperty().bindBidirectional(model.mode);
        status.valueProperty().bindBidirectional(model.status);
        notes.textProperty().bindBidirectional(model.notes);
        // the team is typed or chosen: the editor's text is the value; new choices keep what was typed
        team.getEditor().textProperty().bindBidirectional(model.team);
        panel.teams.addListener((ListChangeListener<String>) c -> {
            String typed = model.team.get();
            team.getItems().setAll(panel.teams);
            team.getEditor().setText(typed);
        });

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

        Button save = new Button("_Save");
        save.setId("device-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.setOnAction(e -> model.save());
        save.defaultButtonProperty().bind(handOverOpen.not());
        Button cancel = new Button("Cancel");
        cancel.setId("device-cancel");
        cancel.setOnAction(e -> model.cancel());
        cancel.cancelButtonProperty().bind(handOverOpen.not());
        Button retire = new Button("_Retire", new FontIcon(MaterialDesignA.ARCHIVE_OUTLINE));
        retire.setId("device-retire");
        retire.visibleProperty().bind(model.retireOffered);
        retire.setOnAction(e -> askWhyAndRetire(panel, model, window.get()));
        Button clearQuarantine = new Button("C_lear quarantine", new FontIcon(MaterialDesignS.SHIELD_CHECK_OUTLINE));
        clearQuarantine.setId("device-clear-quarantine");
        DevicePage.shownWhen(clearQuarantine, model.clearQuarantineOffered);
        clearQuarantine.setOnAction(e -> model.clearQuarantine());
        reload.setOnAction(e -> model.reload());
        model.form.bind(messages, save, reload);

        HBox buttons = new HBox(8, save, reload, cancel, DevicePage.spacer(), clearQuarantine, retire);
        buttons.setAlignment(Pos.CENTER_LEFT);
        // the message and the buttons stay in view below the fields, however small the window
        VBox footer = new VBox(8, messages.node(), buttons);
        footer.setPadding(new Insets(10, 2, 2, 2));
        root = new BorderPane(DevicePage.tabContent(grid));
        root.setBottom(footer);
        if (!panel.canManage) {
            grid.setDisable(true);
            footer.setVisible(false);
            footer.setManaged(false);
        }
        first = assetTag;
    }

    private static void askWhyAndRetire(DevicePageModel panel, DeviceDetailsModel model, Window owner) {
        Device d = panel.device();
        if (d == null) return;
        TextInputDialog ask = new TextInputDialog();
        ask.setTitle("Retire " + d.assetTag());
        ask.setHeaderText("Retire " + d.describe() + "? It stays in the register with its history, but cannot be issued again.");
        ask.setContentText("Why (for the audit trail):");
        ask.initOwner(owner);
        ask.getEditor().setId("device-retire-reason");
        ask.showAndWait().filter(s -> ask.getResult() != null).ifPresent(model::retire);
    }

    /** A new device: the person starts typing its asset tag. */
    void focusFirst() {
        first.requestFocus();
    }

    Node node() {
        return root;
    }
}
