package org.devicedesk.devices;

import atlantafx.base.theme.Styles;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.devicedesk.people.PeopleService;
import org.devicedesk.ui.FormMessages;

/** The view of "Who holds it" and the hand-over form ({@code device-holder}, {@code device-issue} …, {@code custody-*}). */
final class HandOverForm {
    private final VBox root = new VBox(10);

    HandOverForm(HandOverModel model, DevicePageModel panel) {
        Label title = new Label("Who holds it");
        title.getStyleClass().add(Styles.TITLE_4);
        Label holderText = new Label();
        holderText.setId("device-holder");
        holderText.setWrapText(true);
        holderText.textProperty().bind(panel.holderText);
        Button issue = new Button("_Issue to…");
        Button giveBack = new Button("Re_turn");
        Button checkOut = new Button("Check _out to…");
        Button checkIn = new Button("Check _in");
        issue.setId("device-issue");
        giveBack.setId("device-return");
        checkOut.setId("device-check-out");
        checkIn.setId("device-check-in");
        DevicePage.shownWhen(issue, model.issueOffered);
        DevicePage.shownWhen(giveBack, model.returnOffered);
        DevicePage.shownWhen(checkOut, model.checkOutOffered);
        DevicePage.shownWhen(checkIn, model.checkInOffered);
        HBox actions = new HBox(8, issue, giveBack, checkOut, checkIn);

        VBox form = new VBox(8);
        Label formTitle = new Label();
        formTitle.setWrapText(true);
        formTitle.setId("custody-title");
        formTitle.textProperty().bind(model.title);
        ComboBox<PeopleService.Row> person = new ComboBox<>(model.candidates);
        person.setId("custody-person");
        person.setMaxWidth(Double.MAX_VALUE);
        DevicePage.personCombo(person);
        person.valueProperty().bindBidirectional(model.person);
        // a new list of candidates comes with the form opened afresh: nothing chosen yet
        model.candidates.addListener((ListChangeListener<PeopleService.Row>) c -> person.getSelectionModel().clearSelection());
        DevicePage.shownWhen(person, model.choosesPerson);
        FormMessages messages = new FormMessages("custody");
        messages.field("person", person);
        model.outcome.addListener((o, was, now) -> now.showIn(messages));
        Button save = new Button("Save");
        save.setId("custody-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.textProperty().bind(model.saveText);
        save.disableProperty().bind(model.saving);
        save.setOnAction(e -> model.save());
        Button cancel = new Button("Cancel");
        cancel.setId("custody-cancel");
        cancel.setOnAction(e -> model.close());
        // while the hand-over form is open, Enter and Esc belong to it
        save.defaultButtonProperty().bind(model.open);
        cancel.cancelButtonProperty().bind(model.open);
        form.getChildren().addAll(formTitle, person, messages.node(), new HBox(8, save, cancel));
        form.getStyleClass().add("card");
        DevicePage.shownWhen(form, model.open);

        issue.setOnAction(e -> model.open(HandOverModel.Action.ISSUE));
        giveBack.setOnAction(e -> model.open(HandOverModel.Action.RETURN));
        checkOut.setOnAction(e -> model.open(HandOverModel.Action.CHECK_OUT));
        checkIn.setOnAction(e -> model.open(HandOverModel.Action.CHECK_IN));
        model.pending.addListener((o, was, now) -> {
            if (now == null) return;
            if (model.choosesPerson.get()) person.requestFocus();
            else save.requestFocus();
        });

        root.getChildren().addAll(title, holderText, actions, form);
        if (!panel.canManage) {
            actions.setVisible(false);
            actions.setManaged(false);
        }
    }

    Node node() {
        return root;
    }
}
