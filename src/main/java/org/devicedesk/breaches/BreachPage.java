package org.devicedesk.breaches;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.devicedesk.breaches.BreachCase.Risk;
import org.devicedesk.breaches.BreachCase.Status;
import org.devicedesk.breaches.BreachCase.SubjectsTold;
import org.devicedesk.core.AccessDenied;
import org.devicedesk.core.Refused;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.incidents.Incident;
import org.devicedesk.incidents.IncidentService;
import org.devicedesk.ui.Background;
import org.devicedesk.ui.DateTimeField;
import org.devicedesk.ui.FormMessages;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;

/**
 * One breach case: the incident behind it (read-only, with its timeline, through the incidents
 * service), the DPO's assessment and the decision with the fields it needs ({@code breach-*}).
 * Enter saves, Esc goes back. An administrator sees it read-only.
 */
final class BreachPage {
    private final BreachPageModel model;
    private final Runnable onBack;
    private final Consumer<BreachCase> onDecided;
    private final VBox root = new VBox(12);
    private final FormMessages messages = new FormMessages("breach");
    private final Label countdown = new Label();

    // the form
    private final ComboBox<Boolean> personalData = new ComboBox<>();
    private final CheckBox ordinary = new CheckBox("_Ordinary personal data");
    private final CheckBox special = new CheckBox("_Special category data (health, ethnicity, beliefs…)");
    private final CheckBox criminal = new CheckBox("Criminal _offence data");
    private final TextField subjects = new TextField();
    private final TextField records = new TextField();
    private final TextArea consequences = new TextArea();
    private final TextArea measures = new TextArea();
    private final ComboBox<Risk> risk = new ComboBox<>();
    private final ComboBox<Status> status = new ComboBox<>();
    private final TextArea rationale = new TextArea();
    private final DateTimeField icoNotifiedAt = new DateTimeField("breach-ico-notified-at");
    private final TextField icoReference = new TextField();
    private final TextArea delayReasons = new TextArea();
    private final ComboBox<SubjectsTold> subjectsTold = new ComboBox<>();
    private final DateTimeField subjectsToldAt = new DateTimeField("breach-subjects-told-at");
    private final Button save = new Button("_Save", new FontIcon(MaterialDesignC.CONTENT_SAVE_OUTLINE));
    private final Button cancel = new Button("Cancel");
    /** Shown after a refused stale save: reloads the case, keeping what the DPO typed where it does not clash. */
    private final Button reload = org.devicedesk.ui.Reload.button("breach");
    private final VBox icoBox = new VBox(6);
    private final VBox delayBox = new VBox(6);
    private final VBox subjectsBox = new VBox(6);

    BreachPage(BreachService breaches, IncidentService incidents, Session session, Runnable onBack, Consumer<BreachCase> onDecided) {
        this(new BreachPageModel(breaches, incidents, session, org.devicedesk.ui.Tasks.background()), onBack, onDecided);
    }

    BreachPage(BreachPageModel model, Runnable onBack, Consumer<BreachCase> onDecided) {
        this.model = model;
        this.onBack = onBack;
        this.onDecided = onDecided;
        root.setId("breach-page");
        buildFields();
        // Enter saves from any single-line field or choice (text areas keep Enter for new lines); Esc goes back
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            boolean popupOpen = e.getTarget() instanceof javafx.scene.control.ComboBoxBase<?> c && c.isShowing();
            if (e.getCode() == KeyCode.ESCAPE && !popupOpen) {
                e.consume();
                leave();
            } else if (e.getCode() == KeyCode.ENTER && !(e.getTarget() instanceof TextArea) && !e.isShiftDown()
                    && !(e.getTarget() instanceof Button) && !save.isDisabled() && save.isVisible()
                    && !popupOpen) {
                e.consume();
                save();
            }
        });
    }

    Node node() {
        return root;
    }

    BreachCase shown() {
        return model.shown().get();
    }

    void open(long id) {
        messages.clear();
        org.devicedesk.ui.Reload.show(reload, false);
        root.getChildren().setAll(backButton());
        model.open(id, this::render, t -> {
            messages.show(t);
            root.getChildren().setAll(backButton(), messages.node());
        });
    }

    /** Called by the screen's Timeline: rewrites the countdown from the case already loaded. */
    void tick(Instant now) {
        BreachCase shown = model.shown().get();
        if (shown != null) BreachUi.updateCountdown(countdown, shown, now);
    }

    private boolean canChange() {
        return model.editable().get();
    }

    private Button backButton() {
        Button back = new Button("_Back to the breach queue", new FontIcon(MaterialDesignA.ARROW_LEFT));
        back.setId("breach-back");
        back.getStyleClass().add(Styles.FLAT);
        back.setOnAction(e -> leave());
        return back;
    }

    private void buildFields() {
        personalData.setId("breach-personal-data-involved");
        personalData.getItems().setAll(null, Boolean.TRUE, Boolean.FALSE);
        StringConverter<Boolean> yesNo = new StringConverter<>() {
            @Override public String toString(Boolean b) {
                return b == null ? "Not known yet" : b ? "Yes, personal data is involved" : "No personal data involved";
            }

            @Override public Boolean fromString(String s) { return null; }
        };
        personalData.setConverter(yesNo);
        personalData.setButtonCell(new javafx.scene.control.ListCell<>() {
            @Override protected void updateItem(Boolean b, boolean empty) {
                super.updateItem(b, empty);
                setText(yesNo.toString(empty ? null : b));
            }
        });
        personalData.setMaxWidth(Double.MAX_VALUE);
        ordinary.setId("breach-category-ordinary");
        special.setId("breach-category-special");
        criminal.setId("breach-category-criminal-offence");
        subjects.setId("breach-data-subjects");
        subjects.setPromptText("e.g. 120");
        subjects.setPrefColumnCount(8);
        records.setId("breach-records");
        records.setPromptText("e.g. 450");
        records.setPrefColumnCount(8);
        area(consequences, "breach-likely-consequences", "What could happen to the people affected (identity theft, distress, risk to safety…)");
        area(measures, "breach-measures", "What has been done or is proposed (remote wipe, password reset, recall of the email…)");
        BreachUi.choice(risk, "breach-risk", "Not assessed yet", Risk.UNLIKELY, Risk.RISK, Risk.HIGH_RISK);
        status.setId("breach-status");
        status.setMaxWidth(Double.MAX_VALUE);
        area(rationale, "breach-rationale", "Why you decided this (kept in the breach register)");
        icoReference.setId("breach-ico-reference");
        icoReference.setPromptText("The ICO's case reference");
        area(delayReasons, "breach-delay-reasons", "Why the ICO was told after the 72 hours (Article 33(1))");
        BreachUi.choice(subjectsTold, "breach-subjects-told-decision", "Not decided yet", SubjectsTold.TOLD, SubjectsTold.WILL_TELL,
                SubjectsTold.NOT_TELLING);
        save.setId("breach-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.setDefaultButton(true);
        save.setOnAction(e -> save());
        cancel.setId("breach-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> leave());
        messages.field("personal-data-involved", personalData).field("data-subjects", subjects).field("records", records)
                .field("likely-consequences", consequences).field("measures", measures).field("risk", risk).field("status", status)
                .field("rationale", rationale).field("ico-notified-at", icoNotifiedAt.date()).field("ico-reference", icoReference)
                .field("delay-reasons", delayReasons).field("subjects-told-decision", subjectsTold)
                .field("subjects-told-at", subjectsToldAt.date());

        icoBox.getChildren().setAll(FormMessages.labelFor("When was the _ICO notified?", icoNotifiedAt.date()), icoNotifiedAt.node(),
                FormMessages.labelFor("ICO _reference", icoReference), icoReference);
        delayBox.getChildren().setAll(FormMessages.labelFor("Reasons for the _delay (notified after the deadline)", delayReasons), delayReasons);
        subjectsBox.getChildren().setAll(hint("The risk is high: Article 34 asks whether the data subjects are told, without undue delay."),
                FormMessages.labelFor("Telling the data s_ubjects", subjectsTold), subjectsTold,
                FormMessages.labelFor("When they were (or will be) told, or you decided not to", subjectsToldAt.date()), subjectsToldAt.node());
        // the rules of what shows live in the view model (BreachPageModel); here they are only bound
        status.valueProperty().bindBidirectional(model.status());
        risk.valueProperty().bindBidirectional(model.risk());
        model.icoDateText().bind(icoNotifiedAt.typedDate());
        model.icoTimeText().bind(icoNotifiedAt.time().textProperty());
        model.delayReasons().bind(delayReasons.textProperty());
        bindShown(icoBox, model.reporting());
        bindShown(delayBox, model.showDelay());
        bindShown(subjectsBox, model.article34());
        // a refusal can be several sentences: it keeps its full height above the two columns (issue 17)
        messages.node().setMinHeight(Region.USE_PREF_SIZE);
    }

    private static void bindShown(Node n, javafx.beans.value.ObservableBooleanValue shown) {
        n.visibleProperty().bind(shown);
        n.managedProperty().bind(shown);
    }

    private static void area(TextArea a, String id, String prompt) {
        a.setId(id);
        a.setPromptText(prompt);
        a.setWrapText(true);
        a.setPrefRowCount(3);
    }

    private static Label hint(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        return l;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TITLE_4);
        return l;
    }

    private void render(BreachCase c) {
        model.shown().set(c);
        Label title = new Label(c.reference() + "  ·  " + c.title());
        title.setId("breach-title-text");
        title.getStyleClass().add(Styles.TITLE_2);
        title.setWrapText(true);
        Label statusBadge = BreachUi.statusBadge(c.status());
        statusBadge.setId("breach-status-badge");
        Label riskBadge = BreachUi.riskBadge(c.risk());
        riskBadge.setId("breach-risk-badge");
        countdown.setId("breach-time-left");
        countdown.getStyleClass().setAll("label", "badge");
        BreachUi.updateCountdown(countdown, c, model.now());
        Label deadline = new Label("Aware " + BreachUi.when(c.awareAt()) + "  ·  ICO deadline " + BreachUi.when(c.icoDeadline()));
        deadline.getStyleClass().add(Styles.TEXT_MUTED);
        HBox badges = new HBox(8, statusBadge, countdown, riskBadge, deadline);
        badges.setAlignment(Pos.CENTER_LEFT);
        VBox header = new VBox(6, backButton(), title, badges);

        // two columns that scroll on their own: what happened on the left, the DPO's form on the right, its buttons always in view
        VBox left = new VBox(14, sourceCard(c));
        if (c.decidedAt() != null) left.getChildren().add(decisionCard(c));
        ScrollPane leftScroll = scroll(left);
        leftScroll.setMinWidth(360);
        HBox.setHgrow(leftScroll, Priority.ALWAYS);
        VBox form = formCard(c);
        ScrollPane formScroll = scroll(form);
        formScroll.setId("breach-form-scroll");
        VBox.setVgrow(formScroll, Priority.ALWAYS);
        VBox right = new VBox(8, formScroll, buttonBar(c));
        right.setMinWidth(460);
        right.setPrefWidth(560);
        right.setMaxWidth(620);
        HBox body = new HBox(16, leftScroll, right);
        VBox.setVgrow(body, Priority.ALWAYS);
        root.getChildren().setAll(header, messages.node(), body);
    }

    private static ScrollPane scroll(Node content) {
        ScrollPane sp = new ScrollPane(content);
        sp.setFitToWidth(true);
        sp.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        return sp;
    }

    private Node buttonBar(BreachCase c) {
        if (canChange()) {
            save.setVisible(true);
            Spacer gap = new Spacer();
            Label keys = hint("Enter saves · Esc goes back");
            reload.setOnAction(e -> reload());
            HBox buttons = new HBox(8, keys, gap, reload, cancel, save);
            buttons.setAlignment(Pos.CENTER_RIGHT);
            return buttons;
        }
        save.setVisible(false);
        Label ro = hint(model.readOnlyReason());
        ro.setId("breach-read-only");
        ro.setGraphic(new FontIcon(MaterialDesignL.LOCK_OUTLINE));
        // under the form's scroll pane, which takes every spare pixel: without this it was squeezed to one cut line
        ro.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return ro;
    }

    // ---- the source: the incident (read-only) or what the DPO wrote when opening the case ----

    private Node sourceCard(BreachCase c) {
        VBox card = new VBox(10);
        card.getStyleClass().add("card");
        card.setId("breach-incident");
        if (!c.fromIncident()) {
            GridPane facts = grid();
            int r = 0;
            r = fact(facts, r, "Source", "Opened by the DPO (not a device incident)");
            r = fact(facts, r, "Opened by", model.name(c.createdBy()) + ", " + BreachUi.when(c.createdAt()));
            fact(facts, r, "What happened", c.description() == null ? "No description given" : c.description());
            card.getChildren().addAll(section("What happened"), facts);
            return card;
        }
        Label loading = hint("Loading incident " + c.source() + "…");
        card.getChildren().addAll(section("The incident behind it: " + c.source()), loading);
        long caseId = c.id();
        model.incident(c.incidentId(), d -> {
            BreachCase shown = model.shown().get();
            if (shown == null || shown.id() != caseId) return;
            card.getChildren().setAll(section("The incident behind it: " + d.incident().reference()), incidentFacts(d), section("Timeline"), org.devicedesk.incidents.IncidentTimelineSection.of(d, "breach-incident-timeline", false, model::name));
        }, t -> {
            if (t instanceof AccessDenied) {
                loading.setText("Your account cannot open incident " + c.source() + "; the DPO and the helpdesk can.");
            } else {
                loading.setText(FormMessages.describe(t));
            }
        });
        return card;
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(14);
        g.setVgap(6);
        g.getColumnConstraints().addAll(new ColumnConstraints(175), new ColumnConstraints(160, 360, Double.MAX_VALUE, Priority.ALWAYS, javafx.geometry.HPos.LEFT, true));
        return g;
    }

    private static int fact(GridPane grid, int row, String label, String value) {
        Label l = new Label(label);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        l.setWrapText(true);
        GridPane.setValignment(l, VPos.TOP);
        Label v = new Label(value == null ? "" : value);
        v.setWrapText(true);
        grid.addRow(row, l, v);
        return row + 1;
    }

    private static Node incidentFacts(Incident.Detail d) {
        Incident i = d.incident();
        GridPane g = grid();
        int r = 0;
        r = fact(g, r, "Type", i.type().label());
        r = fact(g, r, "Status", i.status().label());
        r = fact(g, r, "Reported by", i.reporterName());
        r = fact(g, r, "Device", i.deviceText().isEmpty() ? "None given" : i.deviceText());
        r = fact(g, r, "Reported at", BreachUi.when(i.reportedAt()));
        r = fact(g, r, "Happened (approx.)", i.occurredAt() == null ? "Not known" : BreachUi.when(i.occurredAt()));
        r = fact(g, r, "Where", i.location() == null ? "Not known" : i.location());
        if (i.deviceLocked() != null) r = fact(g, r, "Device locked (57)", i.deviceLocked() ? "Yes" : "No");
        if (i.crimeReference() != null) r = fact(g, r, "Crime reference", i.crimeReference());
        if (i.alwaysInPossession() != null) r = fact(g, r, "Always in their possession", i.alwaysInPossession() ? "Yes" : "No");
        if (i.passwordWrittenDown() != null) r = fact(g, r, "Password written down, carried", i.passwordWrittenDown() ? "Yes" : "No");
        r = fact(g, r, "What happened", i.whatHappened());
        if (i.closingSummary() != null) fact(g, r, "Closing summary", i.closingSummary());
        return g;
    }

    private Node decisionCard(BreachCase c) {
        VBox card = new VBox(10);
        card.getStyleClass().add("card");
        card.setId("breach-decision");
        GridPane g = grid();
        int r = 0;
        r = fact(g, r, "Decision", c.decision() == null ? "" : c.decision().label());
        r = fact(g, r, "Decided", (c.decidedBy() == null ? "" : model.name(c.decidedBy()) + ", ") + BreachUi.when(c.decidedAt()));
        if (c.icoNotifiedAt() != null) r = fact(g, r, "ICO notified", BreachUi.when(c.icoNotifiedAt()) + (c.reportedLate() ? " (after the deadline)" : ""));
        if (c.icoReference() != null) r = fact(g, r, "ICO reference", c.icoReference());
        if (c.closedAt() != null) fact(g, r, "Closed", BreachUi.when(c.closedAt()));
        card.getChildren().addAll(section("Decision"), g);
        return card;
    }

    // ---- the assessment and decision ----

    private VBox formCard(BreachCase c) {
        messages.clear();
        List<Status> choices = new ArrayList<>();
        choices.add(c.status());
        if (c.status() == Status.AWAITING_REVIEW) {
            choices.add(Status.ASSESSING);
            choices.addAll(Status.decisions());
        } else {
            for (Status s : Status.values()) if (c.status().next().contains(s)) choices.add(s);
        }
        status.getItems().setAll(choices);
        status.setValue(c.status());
        fillForm(BreachDraft.of(c));
        opened = formState();

        boolean editable = canChange();
        for (Control ctl : List.of(personalData, ordinary, special, criminal, subjects, records, consequences, measures, risk, status,
                rationale, icoReference, delayReasons, subjectsTold)) {
            ctl.setDisable(!editable);
        }
        icoNotifiedAt.setDisable(!editable);
        subjectsToldAt.setDisable(!editable);

        HBox numbers = new HBox(16, labelled("Data _subjects (approx.)", subjects), labelled("_Records (approx.)", records));
        FlowPane categories = new FlowPane(14, 6, ordinary, special, criminal);
        VBox card = new VBox(8, section("Assessment"),
                FormMessages.labelFor("_Personal data involved?", personalData), personalData,
                new Label("Categories of data"), categories, numbers,
                FormMessages.labelFor("_Likely consequences", consequences), consequences,
                FormMessages.labelFor("_Measures taken or proposed", measures), measures,
                FormMessages.labelFor("Ris_k to people's rights and freedoms", risk), risk,
                subjectsBox,
                section("Decision"),
                hint("Not reportable needs an unlikely risk and your rationale; not a breach needs your rationale; "
                        + "reported needs the time the ICO was told and their reference."),
                FormMessages.labelFor("S_tatus", status), status,
                FormMessages.labelFor("Rat_ionale", rationale), rationale,
                icoBox, delayBox);
        card.getStyleClass().add("card");
        card.setId("breach-form");
        return card;
    }

    private static VBox labelled(String text, Control c) {
        return new VBox(4, FormMessages.labelFor(text, c), c);
    }

    private static Integer number(TextField f, String field, String what) {
        String t = f.getText() == null ? "" : f.getText().strip().replace(",", "");
        if (t.isEmpty()) return null;
        try {
            return Integer.valueOf(t);
        } catch (NumberFormatException e) {
            throw Refused.because(field, "The approximate number of " + what + " must be a whole number, like 120 (you wrote \"" + f.getText().strip() + "\").");
        }
    }

    /** Reads the form into a draft; what the form itself cannot read is refused before anything is sent. */
    BreachDraft draft() {
        List<Refused.Problem> problems = new ArrayList<>();
        Integer subj = read(problems, () -> number(subjects, "data-subjects", "data subjects"));
        Integer rec = read(problems, () -> number(records, "records", "records"));
        boolean reporting = model.reporting().get();
        boolean high = model.article34().get();
        Instant icoAt = reporting ? read(problems, () -> BreachPageModel.instant(icoNotifiedAt.dateText(), icoNotifiedAt.timeText(), "ico-notified-at", "the ICO notification")) : null;
        Instant toldAt = high ? read(problems, () -> BreachPageModel.instant(subjectsToldAt.dateText(), subjectsToldAt.timeText(), "subjects-told-at", "telling the data subjects")) : null;
        if (!problems.isEmpty()) throw new Refused(problems);
        return BreachDraft.of(model.shown().get()).withStatus(status.getValue())
                .withAssessment(personalData.getValue(), ordinary.isSelected(), special.isSelected(), criminal.isSelected(), subj, rec,
                        consequences.getText(), measures.getText(), risk.getValue())
                .withRationale(rationale.getText())
                .withIco(reporting ? icoAt : null, reporting ? icoReference.getText() : null, model.showDelay().get() ? delayReasons.getText() : null)
                .withSubjectsTold(high ? subjectsTold.getValue() : null, high ? toldAt : null);
    }

    private static <T> T read(List<Refused.Problem> problems, java.util.function.Supplier<T> f) {
        try {
            return f.get();
        } catch (Refused r) {
            problems.addAll(r.problems());
            return null;
        }
    }

    private void save() {
        if (!canChange()) return;
        messages.clear();
        BreachDraft d;
        try {
            d = draft();
        } catch (Refused r) {
            messages.show(r);
            return;
        }
        Status before = model.shown().get().status();
        save.setDisable(true);
        org.devicedesk.ui.Reload.show(reload, false);
        model.save(d, saved -> { // against the version the page was loaded at
            save.setDisable(false);
            if (saved.status() != before && !saved.status().isOpen()) {
                onDecided.accept(saved); // it leaves the open queue: back to the queue, which says so
            } else {
                render(saved);
                messages.success(saved.reference() + " saved (" + saved.status().label() + ").");
            }
        }, t -> {
            save.setDisable(false);
            messages.show(t);
            org.devicedesk.ui.Reload.offer(reload, t);
        });
    }

    /** After a conflict: the case as saved now, with the DPO's own changes kept where the other person did not change the field. */
    private void reload() {
        BreachCase loadedAt = model.shown().get();
        if (loadedAt == null) return;
        BreachDraft mine;
        try {
            mine = draft();
        } catch (Refused r) {
            messages.show(r);
            return;
        }
        BreachDraft typed = mine;
        reload.setDisable(true);
        model.fetch(loadedAt.id(), fresh -> {
            reload.setDisable(false);
            var merged = org.devicedesk.ui.Reload.merge(BreachDraft.of(loadedAt), typed, BreachDraft.of(fresh),
                    "status", "personal data involved", "ordinary personal data", "special category data", "criminal offence data",
                    "data subjects", "records", "likely consequences", "measures", "risk", "rationale", "ICO notified at",
                    "ICO reference", "reasons for the delay", "telling the data subjects", "when they were told");
            render(fresh);
            fillForm(merged.draft());
            org.devicedesk.ui.Reload.show(reload, false);
            messages.success(merged.explain(fresh.reference()));
        }, t -> {
            reload.setDisable(false);
            messages.show(t);
        });
    }

    /** What the form held when the case was opened: anything else chosen or typed is unsaved (a reload's merge keeps it so). */
    private List<Object> opened;

    /** Every answer on the form as it stands, read raw (text that would be refused counts as a change too). */
    private List<Object> formState() {
        return java.util.Arrays.asList(status.getValue(), personalData.getValue(), ordinary.isSelected(), special.isSelected(),
                criminal.isSelected(), subjects.getText(), records.getText(), consequences.getText(), measures.getText(), risk.getValue(),
                rationale.getText(), icoNotifiedAt.dateText(), icoNotifiedAt.timeText(), icoReference.getText(), delayReasons.getText(),
                subjectsTold.getValue(), subjectsToldAt.dateText(), subjectsToldAt.timeText());
    }

    /** What the DPO has typed or chosen and not saved, in words, or null (ADR 0014). */
    String unsavedChanges() {
        BreachCase c = model.shown().get();
        if (c == null || opened == null || !canChange() || formState().equals(opened)) return null;
        return "your assessment of " + c.reference();
    }

    /** Back, Cancel and Esc: to the queue, asking first when something typed would be lost. */
    private void leave() {
        String unsaved = unsavedChanges();
        if (unsaved == null || org.devicedesk.ui.Confirm.leaveUnsaved(root.getScene() == null ? null : root.getScene().getWindow(), unsaved, "go back")) {
            onBack.run();
        }
    }

    /** The person chose to leave without saving (the shell asked): nothing is kept. */
    void forgetChanges() {
        opened = null;
    }

    private void fillForm(BreachDraft d) {
        if (status.getItems().contains(d.status())) status.setValue(d.status());
        personalData.setValue(d.personalDataInvolved());
        ordinary.setSelected(d.categoryOrdinary());
        special.setSelected(d.categorySpecial());
        criminal.setSelected(d.categoryCriminalOffence());
        subjects.setText(d.dataSubjectsApprox() == null ? "" : d.dataSubjectsApprox().toString());
        records.setText(d.recordsApprox() == null ? "" : d.recordsApprox().toString());
        consequences.setText(d.likelyConsequences() == null ? "" : d.likelyConsequences());
        measures.setText(d.measures() == null ? "" : d.measures());
        risk.setValue(d.risk());
        rationale.setText(d.rationale() == null ? "" : d.rationale());
        icoNotifiedAt.set(d.icoNotifiedAt());
        icoReference.setText(d.icoReference() == null ? "" : d.icoReference());
        delayReasons.setText(d.delayReasons() == null ? "" : d.delayReasons());
        subjectsTold.setValue(d.subjectsToldDecision());
        subjectsToldAt.set(d.subjectsToldAt());
    }
}
