package org.devicedesk.people;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.util.List;
import java.util.function.LongConsumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.devicedesk.core.Session;
import org.devicedesk.ui.Reload;
import org.devicedesk.ui.Tasks;
import org.devicedesk.ui.FormMessages;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/** Create or edit a person ({@code person-*} ids). Enter saves, Esc cancels; a refusal keeps the form open. */
final class PersonForm {
    private final PersonFormModel model;
    private final TextField fullName = new TextField();
    private final ScrollPane root;

    PersonForm(PeopleService people, Session session, LongConsumer onSaved, Runnable onCancel) {
        this.model = new PersonFormModel(people, session, Tasks.background(), onSaved);
        FormMessages messages = new FormMessages("person");
        Label title = new Label();
        TextField email = new TextField();
        TextField staffNumber = new TextField();
        ComboBox<Category> category = new ComboBox<>();
        ComboBox<String> team = new ComboBox<>(model.teams);
        ComboBox<Person> lineManager = new ComboBox<>(model.managers);
        Button save = new Button("_Save", new FontIcon(MaterialDesignC.CONTENT_SAVE_OUTLINE));
        Button cancel = new Button("Cancel");
        /* Shown after a refused stale save: reloads the person, keeping what was typed where it does not clash. */
        Button reload = Reload.button("person");
        title.getStyleClass().add(Styles.TITLE_3);
        title.textProperty().bind(model.title);
        fullName.setId("person-full-name");
        email.setId("person-email");
        email.setPromptText("name@opcc.example");
        staffNumber.setId("person-staff-number");
        category.setId("person-category");
        category.getItems().setAll(Category.values());
        category.setMaxWidth(Double.MAX_VALUE);
        team.setId("person-team");
        team.setEditable(true);
        team.setPromptText("Choose or type a team");
        team.setMaxWidth(Double.MAX_VALUE);
        lineManager.setId("person-line-manager");
        lineManager.setMaxWidth(Double.MAX_VALUE);
        lineManager.setVisibleRowCount(12);
        lineManager.setConverter(new StringConverter<>() {
            @Override public String toString(Person p) {
                return p == null ? "" : p == PersonFormModel.NO_MANAGER ? p.fullName() : p.fullName() + (p.team() == null ? "" : " (" + p.team() + ")");
            }

            @Override public Person fromString(String s) {
                return null;
            }
        });
        lineManager.setCellFactory(lv -> new ListCell<>() {
            @Override protected void updateItem(Person p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : lineManager.getConverter().toString(p));
            }
        });
        messages.field("full-name", fullName).field("email", email).field("staff-number", staffNumber)
                .field("category", category).field("team", team).field("line-manager", lineManager);
        fullName.textProperty().bindBidirectional(model.fullName);
        email.textProperty().bindBidirectional(model.email);
        staffNumber.textProperty().bindBidirectional(model.staffNumber);
        category.valueProperty().bindBidirectional(model.category);
        team.getEditor().textProperty().bindBidirectional(model.team); // typed or chosen: the editor's text is the team
        lineManager.valueProperty().bindBidirectional(model.lineManager);

        save.setId("person-save");
        save.setDefaultButton(true);
        save.getStyleClass().add(Styles.ACCENT);
        save.setOnAction(e -> model.save());
        cancel.setId("person-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> { // Esc too: it is the cancel button
            String unsaved = model.unsavedChanges();
            if (unsaved == null || org.devicedesk.ui.Confirm.leaveUnsaved(cancel.getScene() == null ? null : cancel.getScene().getWindow(), unsaved, "cancel")) onCancel.run();
        });

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        grid.getColumnConstraints().addAll(new ColumnConstraints(110), new ColumnConstraints(180, 260, Double.MAX_VALUE));
        grid.addRow(0, FormMessages.labelFor("_Full name", fullName), fullName);
        grid.addRow(1, FormMessages.labelFor("E_mail", email), email);
        grid.addRow(2, FormMessages.labelFor("Staff _number", staffNumber), staffNumber);
        grid.addRow(3, FormMessages.labelFor("_Category", category), category);
        grid.addRow(4, FormMessages.labelFor("_Team", team), team);
        grid.addRow(5, FormMessages.labelFor("_Line manager", lineManager), lineManager);
        Label required = new Label("Full name and category are required. Email and staff number must be unique when given.");
        required.getStyleClass().add(Styles.TEXT_MUTED);
        required.setWrapText(true);
        reload.setOnAction(e -> model.reload());
        model.form.bind(messages, save, reload);
        HBox buttons = new HBox(8, save, reload, cancel);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(14, title, grid, required, messages.node(), buttons);
        box.setId("person-form");
        box.setPadding(new Insets(4, 16, 16, 16));
        root = new ScrollPane(box);
        root.setFitToWidth(true);
        root.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
    }

    /** What is typed here and not saved, in words, or null (ADR 0014). */
    String unsavedChanges() {
        return model.unsavedChanges();
    }

    Node node() {
        return root;
    }

    /** Opens the form for a new person ({@code person} null) or to edit one; {@code everyone} feeds the line-manager list. */
    void open(Person person, List<Person> everyone, List<String> teams) {
        model.open(person, everyone, teams);
        org.devicedesk.ui.Nodes.focusWhenShown(fullName); // the form may join the window after this (it was left on the top bar)
    }
}
