package org.devicedesk.incidents;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.devicedesk.core.Session;
import org.devicedesk.incidents.Incident.ActionType;
import org.devicedesk.incidents.Incident.Status;
import org.devicedesk.ui.FormMessages;
import org.devicedesk.ui.Tasks;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * One incident: what was reported, the answers, the timeline, and for the helpdesk the next steps —
 * acknowledge, assign, record what was done, move on, close with a summary. Which steps show, the facts and
 * the names are decided in {@link IncidentPageModel}; this page draws them and forwards the clicks.
 */
final class IncidentPage {
    private final IncidentPageModel model;
    private final Runnable onBack;
    private final VBox root = new VBox(14);
    private final FormMessages messages = new FormMessages("incident-page");

    /** Shown when a step was refused because someone changed the incident first: reloads it as it is now (issue 17). */
    private final Button reload = org.devicedesk.ui.Reload.button("incident-page");
    private final org.devicedesk.ui.ChangedBar changedBar = new org.devicedesk.ui.ChangedBar("incident");

    IncidentPage(IncidentService incidents, Session session, Runnable onBack, org.devicedesk.ui.LiveChanges live) {
        this.model = new IncidentPageModel(incidents, session, Tasks.background());
        this.onBack = onBack;
        root.setId("incident-page");
        reload.setOnAction(e -> open(model.id()));
        // live: the page shows another client's change at once; while something is typed here, a bar offers the reload
        live.follow(root, model::follows, changes -> {
            if (org.devicedesk.ui.ChangedBar.hasTyping(root)) changedBar.show(live, changes, () -> open(model.id()));
            else open(model.id());
        });
    }

    Node node() {
        return root;
    }

    long id() {
        return model.id();
    }

    void open(long incidentId) {
        model.open(incidentId, this::render, t -> {
            messages.show(t);
            root.getChildren().setAll(backButton(), messages.node());
        });
    }

    private Button backButton() {
        Button back = new Button("_Back to incidents", new FontIcon(MaterialDesignA.ARROW_LEFT));
        back.setId("incident-back");
        back.getStyleClass().add(Styles.FLAT);
        back.setCancelButton(true);
        back.setOnAction(e -> onBack.run());
        return back;
    }

    private void render(Incident.Detail d) {
        Incident i = d.incident();

        Label title = new Label(i.reference() + "  ·  " + i.type().label());
        title.setId("incident-title");
        title.getStyleClass().add(Styles.TITLE_2);
        Label status = IncidentsView.statusBadge(i.status());
        status.setId("incident-status");
        HBox badges = new HBox(8, status);
        badges.setAlignment(Pos.CENTER_LEFT);
        if (i.urgent()) badges.getChildren().add(IncidentsView.badge("URGENT", "badge-danger"));
        if (i.policyBreach()) badges.getChildren().add(IncidentsView.badge("Breach of policy", "badge-warning"));
        if (i.outOfHours()) badges.getChildren().add(IncidentsView.badge("Reported out of hours", "badge-neutral"));
        Label since = new Label(model.since(model.now()));
        since.getStyleClass().add(Styles.TEXT_MUTED);
        badges.getChildren().add(since);
        VBox header = new VBox(6, backButton(), title, badges);

        GridPane facts = new GridPane();
        facts.setHgap(16);
        facts.setVgap(6);
        facts.getColumnConstraints().addAll(new ColumnConstraints(200), new ColumnConstraints(200, 480, Double.MAX_VALUE));
        int r = 0;
        for (IncidentPageModel.Fact f : model.facts()) r = fact(facts, r, f.label(), f.value());
        VBox factsCard = new VBox(10, section("What was reported"), facts);
        factsCard.getStyleClass().add("card");

        VBox timelineCard = new VBox(10, section("Timeline"), IncidentTimelineSection.of(d, "incident-timeline", true, model::name));
        timelineCard.getStyleClass().add("card");

        VBox left = new VBox(14, factsCard, timelineCard);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox body = new HBox(16, left);
        if (model.offersSteps()) {
            VBox work = work(i);
            body.getChildren().add(work);
        }
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        changedBar.hide(); // what is drawn now is the incident as it is
        org.devicedesk.ui.Reload.show(reload, false);
        root.getChildren().setAll(header, messages.node(), reload, scroll, changedBar.node()); // at the foot: it moves nothing when it appears
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TITLE_4);
        return l;
    }

    private static int fact(GridPane grid, int row, String label, String value) {
        Label l = new Label(label);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        GridPane.setValignment(l, VPos.TOP);
        Label v = new Label(value);
        v.setWrapText(true);
        grid.addRow(row, l, v);
        return row + 1;
    }

    /** The helpdesk's panel: only the steps that make sense now. */
    private VBox work(Incident i) {
        VBox box = new VBox(12, section("Next steps"));
        box.getStyleClass().add("card");
        box.setMinWidth(340);
        box.setMaxWidth(380);

        if (model.offersAcknowledge()) {
            Button ack = new Button("_Acknowledge", new FontIcon(MaterialDesignC.CHECK));
            ack.setId("incident-acknowledge");
            ack.getStyleClass().add(Styles.ACCENT);
            ack.setMaxWidth(Double.MAX_VALUE);
            ack.setOnAction(e -> step(model::acknowledge));
            Label hint = new Label("Tells everyone it is being dealt with, and takes it if nobody has.");
            hint.setWrapText(true);
            hint.getStyleClass().add(Styles.TEXT_MUTED);
            box.getChildren().addAll(ack, hint);
        }

        ComboBox<String> assignee = new ComboBox<>();
        assignee.setId("incident-assignee");
        assignee.setPromptText("Nobody");
        assignee.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(assignee, Priority.ALWAYS);
        Button assign = new Button("Assi_gn");
        assign.setId("incident-assign");
        assign.setOnAction(e -> step((done, failed) -> model.assign(assignee.getValue(), done, failed)));
        assignee.setConverter(new javafx.util.StringConverter<>() {
            @Override public String toString(String username) { return username == null ? null : model.name(username); }
            @Override public String fromString(String s) { return s; }
        });
        assignee.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            @Override protected void updateItem(String u, boolean empty) {
                super.updateItem(u, empty);
                setText(empty || u == null ? null : model.name(u));
            }
        });
        model.assignees(list -> {
            assignee.getItems().setAll(list);
            assignee.setValue(i.assignee());
        }, messages::show);
        box.getChildren().addAll(new Label("Assigned to"), new HBox(8, assignee, assign));

        ComboBox<ActionType> action = new ComboBox<>();
        action.setId("incident-action-type");
        action.getItems().setAll(ActionType.values());
        action.setPromptText("What was done…");
        action.setMaxWidth(Double.MAX_VALUE);
        TextField note = new TextField();
        note.setId("incident-action-note");
        note.setPromptText("Note (who, what, any reference)");
        Button record = new Button("_Record", new FontIcon(MaterialDesignC.CLIPBOARD_CHECK_OUTLINE));
        record.setId("incident-action-save");
        record.setMaxWidth(Double.MAX_VALUE);
        record.setOnAction(e -> step((done, failed) -> model.recordAction(action.getValue(), note.getText(), done, failed)));
        messages.field("action-type", action).field("action-note", note).field("assignee", assignee);
        box.getChildren().addAll(new Label("Record an action"), action, note, record);

        Status next = model.advanceTo();
        if (next != null) {
            Button move = new Button("Mark " + next.label().toLowerCase(), new FontIcon(MaterialDesignA.ARROW_RIGHT));
            move.setId("incident-advance");
            move.setMaxWidth(Double.MAX_VALUE);
            move.setOnAction(e -> step(model::advance));
            box.getChildren().addAll(new Label("Status: " + i.status().label()), move);
        }
        if (model.offersClose()) {
            TextArea summary = new TextArea();
            summary.setId("incident-closing-summary");
            summary.setPromptText("What happened, what was done, and the outcome");
            summary.setWrapText(true);
            summary.setPrefRowCount(4);
            Button close = new Button("_Close incident", new FontIcon(MaterialDesignC.CHECK_ALL));
            close.setId("incident-close");
            close.getStyleClass().add(Styles.ACCENT);
            close.setMaxWidth(Double.MAX_VALUE);
            close.setOnAction(e -> step((done, failed) -> model.close(summary.getText(), done, failed)));
            messages.field("closing-summary", summary);
            box.getChildren().addAll(new Label("Closing summary"), summary, close);
        }
        Spacer filler = new Spacer(javafx.geometry.Orientation.VERTICAL);
        box.getChildren().add(filler);
        return box;
    }

    /** A step of the model's: what it hands back when done, and when refused. */
    @FunctionalInterface
    private interface Step {
        void run(java.util.function.Consumer<Incident.Detail> done, java.util.function.Consumer<Throwable> failed);
    }

    /** Runs a step in the background, then shows the incident as it now is. */
    private void step(Step step) {
        messages.clear();
        step.run(this::render, t -> {
            messages.show(t);
            org.devicedesk.ui.Reload.offer(reload, t); // a stale step: the way back is one click
        });
    }

    Incident.Detail shown() {
        return model.shown().get();
    }
}
