package org.devicedesk.incidents;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.devicedesk.core.AppClock;
import org.devicedesk.core.Refused;
import org.devicedesk.core.Session;
import org.devicedesk.incidents.Incident.DeviceChoice;
import org.devicedesk.incidents.Incident.DeviceNeed;
import org.devicedesk.incidents.Incident.Question;
import org.devicedesk.incidents.Incident.Type;
import org.devicedesk.people.PeopleService;
import org.devicedesk.people.Person;
import org.devicedesk.ui.Background;
import org.devicedesk.ui.FormMessages;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/**
 * "Report a problem" (SPEC section 3): the kind of problem first, then only the questions that kind
 * needs. After saving, the guidance panel ({@code incident-guidance}) says what to do now.
 */
final class IncidentReportForm {
    static final DateTimeFormatter TIME = IncidentReportModel.TIME;

    private final IncidentReportModel model;
    private final Runnable onClose;
    private final Consumer<Long> onOpenIncident;

    private final VBox root = new VBox(16);
    private final VBox formBox = new VBox(14);
    private final FormMessages messages = new FormMessages("incident");

    private final ComboBox<Type> type = new ComboBox<>();
    private final ComboBox<Person> reporter = new ComboBox<>();
    private final DatePicker reportedOn = org.devicedesk.ui.DatePickers.british("incident-reported-at");
    private final TextField reportedTime = new TextField();
    private final ComboBox<DeviceChoice> device = new ComboBox<>();
    private final Label noDevices = new Label();
    private final TextField deviceDescription = new TextField();
    private final DatePicker occurredOn = org.devicedesk.ui.DatePickers.british("incident-occurred-at");
    private final TextField occurredTime = new TextField();
    private final TextField location = new TextField();
    private final TextArea whatHappened = new TextArea();
    private final YesNo deviceLocked = new YesNo("device-locked", Question.DEVICE_LOCKED.label());
    private final TextField crimeReference = new TextField();
    private final YesNo alwaysInPossession = new YesNo("always-in-possession", Question.ALWAYS_IN_POSSESSION.label());
    private final YesNo passwordWrittenDown = new YesNo("password-written-down", Question.PASSWORD_WRITTEN_DOWN.label());
    private final YesNo passwordReused = new YesNo("password-reused", Question.PASSWORD_REUSED.label());
    private final YesNo passwordChanged = new YesNo("password-changed", Question.PASSWORD_CHANGED.label());
    private final Button save = new Button("_Send report", new FontIcon(MaterialDesignA.ALERT_OUTLINE));
    private final Button cancel = new Button("_Cancel");
    private final GridPane questions = new GridPane();
    private final Label callNow = new Label();
    private int row;

    IncidentReportForm(IncidentService incidents, PeopleService people, Session session, Runnable onClose, Consumer<Long> onOpenIncident) {
        this(new IncidentReportModel(incidents, people, session, org.devicedesk.ui.Tasks.background()), onClose, onOpenIncident);
    }

    IncidentReportForm(IncidentReportModel model, Runnable onClose, Consumer<Long> onOpenIncident) {
        this.model = model;
        this.onClose = onClose;
        this.onOpenIncident = onOpenIncident;
        build();
    }

    Node node() {
        return root;
    }

    private void build() {
        type.setId("incident-type");
        type.getItems().setAll(Type.values());
        type.setPromptText("Choose what has happened…");
        type.setMaxWidth(Double.MAX_VALUE);
        type.valueProperty().bindBidirectional(model.type);
        type.valueProperty().addListener((o, a, t) -> layoutQuestions());
        reporter.setId("incident-reporter");
        reporter.setMaxWidth(Double.MAX_VALUE);
        reporter.setConverter(converter(p -> p.fullName() + (p.team() == null ? "" : " · " + p.team())));
        reporter.setItems(model.reporters);
        reporter.valueProperty().bindBidirectional(model.reporter); // the model loads that person's devices
        reportedOn.setId("incident-reported-at");
        reportedTime.setId("incident-reported-at-time");
        reportedTime.setPrefColumnCount(5);
        device.setId("incident-device");
        device.setMaxWidth(Double.MAX_VALUE);
        device.setPromptText("Choose the device…");
        noDevices.getStyleClass().add(Styles.TEXT_MUTED);
        noDevices.setWrapText(true);
        device.setItems(model.devices);
        device.valueProperty().bindBidirectional(model.device);
        noDevices.textProperty().bind(model.noDevices);
        reportedOn.valueProperty().bindBidirectional(model.reportedOn);
        reportedTime.textProperty().bindBidirectional(model.reportedTime);
        deviceDescription.textProperty().bindBidirectional(model.deviceDescription);
        occurredOn.valueProperty().bindBidirectional(model.occurredOn);
        occurredTime.textProperty().bindBidirectional(model.occurredTime);
        location.textProperty().bindBidirectional(model.location);
        whatHappened.textProperty().bindBidirectional(model.whatHappened);
        crimeReference.textProperty().bindBidirectional(model.crimeReference);
        deviceLocked.bind(model.deviceLocked);
        alwaysInPossession.bind(model.alwaysInPossession);
        passwordWrittenDown.bind(model.passwordWrittenDown);
        passwordReused.bind(model.passwordReused);
        passwordChanged.bind(model.passwordChanged);
        // worded for the kind chosen ("when it was stolen") and for whom ("Has Sam Green always…" when filing for someone)
        deviceLocked.label.textProperty().bind(model.question(Question.DEVICE_LOCKED));
        alwaysInPossession.label.textProperty().bind(model.question(Question.ALWAYS_IN_POSSESSION));
        passwordWrittenDown.label.textProperty().bind(model.question(Question.PASSWORD_WRITTEN_DOWN));
        passwordReused.label.textProperty().bind(model.question(Question.PASSWORD_REUSED));
        passwordChanged.label.textProperty().bind(model.question(Question.PASSWORD_CHANGED));
        noDevices.managedProperty().bind(noDevices.textProperty().isNotEmpty()); // no blank line under the device when there is nothing to say
        deviceDescription.setId("incident-device-description");
        deviceDescription.setPromptText("Make, model and phone number of your own phone");
        occurredOn.setId("incident-occurred-at");
        occurredOn.setPromptText("Date (approximate)");
        occurredTime.setId("incident-occurred-at-time");
        occurredTime.setPromptText("hh:mm");
        occurredTime.setPrefColumnCount(5);
        location.setId("incident-location");
        location.setPromptText("Where it happened, as near as you know");
        whatHappened.setId("incident-what-happened");
        whatHappened.setPromptText("In your own words: what happened, and when you noticed");
        whatHappened.setWrapText(true);
        whatHappened.setPrefRowCount(5);
        crimeReference.setId("incident-crime-reference");
        crimeReference.setPromptText("e.g. 20/123456/26, or \"not yet\"");
        save.setId("incident-save");
        save.setDefaultButton(true);
        save.getStyleClass().add(Styles.ACCENT);
        save.setOnAction(e -> save());
        save.disableProperty().bind(model.canSend.not());
        cancel.setId("incident-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> onClose.run());

        // in the order they stand on the form, so the message lists the problems top to bottom
        messages.field("reporter", reporter).field("reported-at", reportedOn).field("reported-at-time", reportedTime).field("type", type)
                .field("device", device).field("device-description", deviceDescription)
                .field("device-locked", deviceLocked.label).field("crime-reference", crimeReference)
                .field("always-in-possession", alwaysInPossession.label).field("password-written-down", passwordWrittenDown.label)
                .field("password-reused", passwordReused.label).field("password-changed", passwordChanged.label)
                .field("occurred-at", occurredOn).field("occurred-at-time", occurredTime).field("location", location)
                .field("what-happened", whatHappened);

        Label title = new Label("Report a problem");
        title.getStyleClass().add(Styles.TITLE_2);
        Label intro = new Label("Tell us as soon as you can: a lost or stolen device, a password someone may know, "
                + "or a device that may have been tampered with. It takes a minute.");
        intro.setWrapText(true);
        // policy 56: phone immediately; who to phone is known before anything is typed
        callNow.setId("incident-call-now");
        callNow.setWrapText(true);
        callNow.setMaxWidth(Double.MAX_VALUE);
        callNow.setGraphic(new FontIcon(MaterialDesignP.PHONE_IN_TALK));
        callNow.getStyleClass().addAll("incident-call", "incident-call-text");
        callNow.managedProperty().bind(callNow.textProperty().isNotEmpty());
        callNow.visibleProperty().bind(callNow.textProperty().isNotEmpty());
        model.callNow.addListener((o, a, c) -> {
            callNow.getStyleClass().removeAll("incident-call-in-hours", "incident-call-out-of-hours");
            if (c != null) callNow.getStyleClass().add(c.outOfHours() ? "incident-call-out-of-hours" : "incident-call-in-hours");
            callNow.setText(c == null ? "" : c.text());
        });

        questions.setHgap(12);
        questions.setVgap(10);
        questions.getColumnConstraints().addAll(new ColumnConstraints(230), new ColumnConstraints(260, 460, 560));
        GridPane first = new GridPane();
        first.setHgap(12);
        first.setVgap(10);
        first.getColumnConstraints().addAll(new ColumnConstraints(230), new ColumnConstraints(260, 460, 560));
        int r = 0;
        if (model.forOthers()) {
            first.addRow(r++, FormMessages.labelFor("Reported _by", reporter), reporter);
            first.addRow(r++, FormMessages.labelFor("Report came in _at", reportedOn), dateTime(reportedOn, reportedTime));
        }
        first.addRow(r, FormMessages.labelFor("_What has happened?", type), type);

        Spacer spacer = new Spacer();
        // the message has its own line above the buttons, so a long refusal never squeezes them to "…"
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        save.setMinWidth(Region.USE_PREF_SIZE);
        HBox buttons = new HBox(10, spacer, cancel, save);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        formBox.getChildren().setAll(title, callNow, intro, first, questions, messages.node(), buttons);
        formBox.getStyleClass().add("card");
        formBox.setMaxWidth(820);
        root.getChildren().setAll(scroll(formBox));
        layoutQuestions();
    }

    private static ScrollPane scroll(Node content) {
        VBox holder = new VBox(content);
        holder.setAlignment(Pos.TOP_CENTER);
        holder.setPadding(new Insets(4));
        ScrollPane sp = new ScrollPane(holder);
        sp.setFitToWidth(true);
        sp.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        VBox.setVgrow(sp, Priority.ALWAYS);
        return sp;
    }

    /** Starts a new report: clears every answer, shows the form, loads the people and devices. */
    void start() {
        messages.clear();
        root.getChildren().setAll(scroll(formBox));
        model.start(messages::show);
        org.devicedesk.ui.Nodes.focusWhenShown(type);
    }

    /** Something has been typed or chosen on the form and not sent (the unsaved-changes guard asks before leaving). */
    boolean hasUnsavedChanges() {
        return model.hasUnsavedChanges();
    }

    /** The form was left without sending: nothing to guard any more. */
    void abandon() {
        model.abandon();
    }

    /** Shows only what the chosen type needs. */
    private void layoutQuestions() {
        questions.getChildren().clear();
        row = 0;
        Type t = type.getValue();
        if (t == null) {
            Label hint = new Label("Choose what has happened, and the questions for it will appear here.");
            hint.getStyleClass().add(Styles.TEXT_MUTED);
            questions.add(hint, 0, 0, 2, 1);
            return;
        }
        if (t.device() == DeviceNeed.DESCRIPTION) {
            Label why = new Label("A personal phone that carries a police social-media account (policy 28).");
            why.getStyleClass().add(Styles.TEXT_MUTED);
            why.setWrapText(true);
            add(FormMessages.labelFor("Your _phone", deviceDescription), new VBox(4, deviceDescription, why));
        } else {
            String label = t.device() == DeviceNeed.OPTIONAL_REGISTER ? "_Device (if it is about one)" : "_Device";
            add(FormMessages.labelFor(label, device), new VBox(4, device, noDevices));
        }
        if (model.asks(Question.DEVICE_LOCKED)) add(deviceLocked.label, deviceLocked.node);
        if (model.asks(Question.CRIME_REFERENCE)) add(FormMessages.labelFor("Police cr_ime reference", crimeReference), crimeReference);
        if (model.asks(Question.ALWAYS_IN_POSSESSION)) add(alwaysInPossession.label, alwaysInPossession.node);
        if (model.asks(Question.PASSWORD_WRITTEN_DOWN)) add(passwordWrittenDown.label, passwordWrittenDown.node);
        if (model.asks(Question.PASSWORD_REUSED)) add(passwordReused.label, passwordReused.node);
        if (model.asks(Question.PASSWORD_CHANGED)) add(passwordChanged.label, passwordChanged.node);
        add(FormMessages.labelFor("Whe_n did it happen?", occurredOn), dateTime(occurredOn, occurredTime));
        add(FormMessages.labelFor("Whe_re?", location), location);
        add(FormMessages.labelFor("What _happened", whatHappened), whatHappened);
    }

    private void add(Label label, Node field) {
        label.setWrapText(true);
        // level with the text inside the field beside it (fields are about 32 px high); a long question wraps below
        label.setPadding(new Insets(7, 0, 0, 0));
        GridPane.setValignment(label, javafx.geometry.VPos.TOP);
        GridPane.setValignment(field, javafx.geometry.VPos.TOP);
        questions.addRow(row++, label, field);
    }

    private static HBox dateTime(DatePicker date, TextField time) {
        Label at = new Label("at");
        HBox box = new HBox(8, date, at, time);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private void save() {
        messages.clear();
        model.send(this::showGuidance, messages::show);
    }

    // ---- after saving: what to do now ----

    private void showGuidance(Incident.Reported r) {
        root.getChildren().setAll(scroll(IncidentGuidanceSection.panel(r, onClose, onOpenIncident)));
    }

    static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override public String toString(T t) { return t == null ? "" : text.apply(t); }
            @Override public T fromString(String s) { return null; }
        };
    }

    /** A yes/no question answered with one click: {@code incident-<field>-yes} and {@code -no}; unanswered until clicked. */
    static final class YesNo {
        final Label label;
        final HBox node;
        private final ToggleButton yes = new ToggleButton("Yes");
        private final ToggleButton no = new ToggleButton("No");
        private final ToggleGroup group = new ToggleGroup();

        YesNo(String field, String question) {
            label = new Label(question);
            label.getStyleClass().add("question");
            label.setLabelFor(yes);
            yes.setId("incident-" + field + "-yes");
            no.setId("incident-" + field + "-no");
            yes.setToggleGroup(group);
            no.setToggleGroup(group);
            yes.getStyleClass().add(Styles.LEFT_PILL);
            no.getStyleClass().add(Styles.RIGHT_PILL);
            yes.setPrefWidth(70);
            no.setPrefWidth(70);
            node = new HBox(yes, no);
            node.setId("incident-" + field);
        }

        Boolean value() {
            return yes.isSelected() ? Boolean.TRUE : no.isSelected() ? Boolean.FALSE : null;
        }

        /** Keeps the two buttons and the view model's answer the same, both ways. */
        void bind(javafx.beans.property.ObjectProperty<Boolean> answer) {
            group.selectedToggleProperty().addListener((o, a, b) -> {
                if (!java.util.Objects.equals(answer.get(), value())) answer.set(value());
            });
            answer.addListener((o, a, b) -> {
                if (java.util.Objects.equals(b, value())) return;
                group.selectToggle(b == null ? null : b ? yes : no);
            });
        }

        void clear() {
            group.selectToggle(null);
        }
    }
}
