package org.devicedesk.people;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongConsumer;
import javafx.application.Platform;
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
import org.devicedesk.ui.Background;
import org.devicedesk.ui.FormMessages;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/** Create or edit a person ({@code person-*} ids). Enter saves, Esc cancels; a refusal keeps the form open. */
final class PersonForm {
    /** Stands for "no line manager" in the list, so it can be chosen like anyone else. */
    private static final Person NO_MANAGER = new Person(-1, "No line manager", null, null, Category.EMPLOYEE, null, null, null, true, null, null, null, 0);

    private final PeopleService people;
    private final Session session;
    private final LongConsumer onSaved;
    private final Runnable onCancel;
    private final FormMessages messages = new FormMessages("person");
    private final Label title = new Label();
    private final TextField fullName = new TextField();
    private final TextField email = new TextField();
    private final TextField staffNumber = new TextField();
    private final ComboBox<Category> category = new ComboBox<>();
    private final ComboBox<String> team = new ComboBox<>();
    private final ComboBox<Person> lineManager = new ComboBox<>();
    private final Button save = new Button("_Save", new FontIcon(MaterialDesignC.CONTENT_SAVE_OUTLINE));
    private final Button cancel = new Button("Cancel");
    /** Shown after a refused stale save: reloads the person, keeping what was typed where it does not clash. */
    private final Button reload = org.devicedesk.ui.Reload.button("person");
    private final ScrollPane root;
    private Long editing;
    /** The person as the form was loaded (its version goes with the save); null for a new person. */
    private Person loaded;

    PersonForm(PeopleService people, Session session, LongConsumer onSaved, Runnable onCancel) {
        this.people = people;
        this.session = session;
        this.onSaved = onSaved;
        this.onCancel = onCancel;
        title.getStyleClass().add(Styles.TITLE_3);
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
                return p == null ? "" : p == NO_MANAGER ? p.fullName() : p.fullName() + (p.team() == null ? "" : " (" + p.team() + ")");
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

        save.setId("person-save");
        save.setDefaultButton(true);
        save.getStyleClass().add(Styles.ACCENT);
        save.setOnAction(e -> save());
        cancel.setId("person-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> onCancel.run());

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
        reload.setOnAction(e -> reload());
        HBox buttons = new HBox(8, save, reload, cancel);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(14, title, grid, required, messages.node(), buttons);
        box.setId("person-form");
        box.setPadding(new Insets(4, 16, 16, 16));
        root = new ScrollPane(box);
        root.setFitToWidth(true);
        root.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
    }

    Node node() {
        return root;
    }

    /** Opens the form for a new person ({@code person} null) or to edit one; {@code everyone} feeds the line-manager list. */
    void open(Person person, List<Person> everyone, List<String> teams) {
        editing = person == null ? null : person.id();
        loaded = person;
        messages.clear();
        org.devicedesk.ui.Reload.show(reload, false);
        save.setDisable(false);
        title.setText(person == null ? "New person" : "Edit " + person.fullName());
        List<Person> managers = new ArrayList<>();
        managers.add(NO_MANAGER);
        everyone.stream().filter(p -> p.active() || (person != null && p.id() == (person.lineManagerId() == null ? -2 : person.lineManagerId())))
                .filter(p -> person == null || p.id() != person.id())
                .sorted(Comparator.comparing(Person::fullName, String.CASE_INSENSITIVE_ORDER))
                .forEach(managers::add);
        lineManager.getItems().setAll(managers);
        team.getItems().setAll(teams);
        if (person == null) {
            fullName.clear();
            email.clear();
            staffNumber.clear();
            category.setValue(Category.EMPLOYEE);
            team.setValue(null);
            team.getEditor().clear();
            lineManager.setValue(NO_MANAGER);
        } else {
            fillFields(person.draft());
        }
        Platform.runLater(fullName::requestFocus);
    }

    private void fillFields(PersonDraft d) {
        fullName.setText(nz(d.fullName()));
        email.setText(nz(d.email()));
        staffNumber.setText(nz(d.staffNumber()));
        category.setValue(d.category());
        team.setValue(d.team());
        team.getEditor().setText(nz(d.team()));
        lineManager.setValue(lineManager.getItems().stream().filter(m -> d.lineManagerId() != null && m.id() == d.lineManagerId())
                .findFirst().orElse(NO_MANAGER));
    }

    private PersonDraft typed() {
        Person manager = lineManager.getValue();
        return new PersonDraft(fullName.getText(), email.getText(), staffNumber.getText(), category.getValue(),
                PeopleForms.text(team), manager == null || manager == NO_MANAGER ? null : manager.id());
    }

    /** After a conflict: the record as saved now, with the person's own changes kept where the other person did not change the field. */
    private void reload() {
        if (loaded == null) return;
        Person loadedAt = loaded;
        PersonDraft mine = typed();
        reload.setDisable(true);
        Background.run(() -> people.get(session, loadedAt.id()), fresh -> {
            reload.setDisable(false);
            var merged = org.devicedesk.ui.Reload.merge(loadedAt.draft(), mine, fresh.draft(),
                    "full name", "email", "staff number", "category", "team", "line manager");
            loaded = fresh;
            fillFields(merged.draft());
            org.devicedesk.ui.Reload.show(reload, false);
            messages.success(merged.explain(fresh.fullName() + "'s record"));
        }, t -> {
            reload.setDisable(false);
            messages.show(t);
        });
    }

    private void save() {
        PersonDraft draft = typed();
        Long id = editing;
        Long version = loaded == null ? null : loaded.version(); // the version the form was loaded at
        save.setDisable(true);
        org.devicedesk.ui.Reload.show(reload, false);
        Background.run(() -> {
            if (id == null) return people.create(session, draft);
            people.update(session, id, version, draft);
            return id;
        }, saved -> {
            save.setDisable(false);
            messages.clear();
            onSaved.accept(saved);
        }, t -> {
            save.setDisable(false);
            messages.show(t);
            org.devicedesk.ui.Reload.offer(reload, t);
        });
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
