package org.devicedesk.devices;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.devicedesk.people.PeopleService;
import org.devicedesk.ui.FormMessages;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/** The view of a pool device's designated users ({@code pool-users}, {@code designated-*}), bound to {@link DesignatedUsersModel}. */
final class DesignatedUsersForm {
    private final VBox root = new VBox(8);

    DesignatedUsersForm(DesignatedUsersModel model, DevicePageModel panel, Runnable openBookings) {
        Label title = new Label("Designated users");
        title.getStyleClass().add(Styles.TITLE_4);
        Label hint = new Label("A pool device is checked out only to these named people, one at a time.");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);
        ListView<DesignatedUser> users = new ListView<>(model.users());
        users.setId("pool-users");
        users.setPrefHeight(130);
        users.setCellFactory(lv -> new ListCell<>() {
            @Override protected void updateItem(DesignatedUser u, boolean empty) {
                super.updateItem(u, empty);
                setText(empty || u == null ? null : u.name() + "   (added " + DeviceBadgesUi.when(u.addedAt()) + ")");
            }
        });
        users.setPlaceholder(new Label("No designated users yet."));
        users.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> model.selected.set(now));
        ComboBox<PeopleService.Row> person = new ComboBox<>(model.candidates);
        person.setId("designated-person");
        person.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(person, Priority.ALWAYS);
        DevicePage.personCombo(person);
        person.valueProperty().bindBidirectional(model.person);
        FormMessages messages = new FormMessages("designated");
        messages.field("designated-person", person);
        model.outcome.addListener((o, was, now) -> now.showIn(messages));
        Button add = new Button("_Add");
        add.setId("designated-add");
        add.setOnAction(e -> model.add());
        Button remove = new Button("Remove");
        remove.setId("designated-remove");
        remove.disableProperty().bind(model.removeDisabled());
        remove.setOnAction(e -> model.remove());
        HBox addRow = new HBox(8, person, add, remove);
        addRow.setAlignment(Pos.CENTER_LEFT);
        // issue 21: the device's booking calendar, on the bookings screen
        Button bookings = new Button("_Bookings calendar…", new FontIcon(MaterialDesignC.CALENDAR_CHECK_OUTLINE));
        bookings.setId("device-bookings");
        bookings.setOnAction(e -> openBookings.run());
        root.getChildren().addAll(title, hint, users, addRow, messages.node(), new Separator(), bookings);
        if (!panel.canManage) {
            addRow.setVisible(false);
            addRow.setManaged(false);
        }
    }

    Node node() {
        return root;
    }
}
