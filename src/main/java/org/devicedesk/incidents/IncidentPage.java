package org.devicedesk.incidents;

import atlantafx.base.theme.Styles;
import java.time.Instant;
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
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.devicedesk.core.Session;
import org.devicedesk.incidents.Incident.ActionType;
import org.devicedesk.incidents.Incident.Status;
import org.devicedesk.ui.Background;
import org.devicedesk.ui.FormMessages;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * One incident: what was reported, the answers, the timeline, and for the helpdesk the next steps —
 * acknowledge, assign, record what was done, move on, close with a summary.
 */
final class IncidentPage {
    private final IncidentService incidents;
    private final Session session;
    private final Runnable onBack;
    private final VBox root = new VBox(14);
    private final FormMessages messages = new FormMessages("incident-page");
    private long id;
    private Incident.Detail shown;
    /** Username to the name people know them by, for who recorded, assigned and did each step (issue 17). */
    private final java.util.Map<String, String> names = new java.util.concurrent.ConcurrentHashMap<>();

    /** Shown when a step was refused because someone changed the incident first: reloads it as it is now (issue 17). */
    private final Button reload = org.devicedesk.ui.Reload.button("incident-page");
    private final org.devicedesk.ui.ChangedBar changedBar = new org.devicedesk.ui.ChangedBar("incident");

    IncidentPage(IncidentService incidents, Session session, Runnable onBack, org.devicedesk.ui.LiveChanges live) {
        this.incidents = incidents;
        this.session = session;
        this.onBack = onBack;
        root.setId("incident-page");
        reload.setOnAction(e -> open(id));
        // live: the page shows another client's change at once; while something is typed here, a bar offers the reload
        live.follow(root, c -> c.concerns("incident", id) && !c.madeBy(session.username()), changes -> {
            if (org.devicedesk.ui.ChangedBar.hasTyping(root)) changedBar.show(live, changes, () -> open(id));
            else open(id);
        });
    }

    Node node() {
        return root;
    }

    long id() {
        return id;
    }

    void open(long incidentId) {
        this.id = incidentId;
        Background.run(() -> {
            Incident.Detail d = incidents.get(session, incidentId);
            return java.util.Map.entry(d, incidents.actorNames(IncidentTimelineSection.usernames(d)));
        }, loaded -> {
            names.putAll(loaded.getValue());
            render(loaded.getKey());
        }, t -> {
            messages.show(t);
            root.getChildren().setAll(backButton(), messages.node());
        });
    }

    /** The name people know this user by; the username until the names are loaded. */
    private String name(String username) {
        return username == null ? null : names.getOrDefault(username, username);
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
        shown = d;
        Incident i = d.incident();
        Instant now = incidents.now();

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
        Label since = new Label(i.status().isOpen() ? "Reported " + IncidentsModel.since(i.sinceReported(now)) + " ago" : "");
        since.getStyleClass().add(Styles.TEXT_MUTED);
        badges.getChildren().add(since);
        VBox header = new VBox(6, backButton(), title, badges);

        GridPane facts = new GridPane();
        facts.setHgap(16);
        facts.setVgap(6);
        facts.getColumnConstraints().addAll(new ColumnConstraints(200), new ColumnConstraints(200, 480, Double.MAX_VALUE));
        int r = 0;
        r = fact(facts, r, "Reported by", i.reporterName());
        r = fact(facts, r, "Device", i.deviceText().isEmpty() ? "None given" : i.deviceText());
        r = fact(facts, r, "Reported at", IncidentsModel.when(i.reportedAt()) + (i.recordedBy() == null ? "" : "  (recorded by " + name(i.recordedBy()) + ")"));
        r = fact(facts, r, "Happened (approx.)", i.occurredAt() == null ? "Not known" : IncidentsModel.when(i.occurredAt()));
        r = fact(facts, r, "Where", i.location() == null ? "Not known" : i.location());
        r = fact(facts, r, "Assigned to", i.assignee() == null ? "Nobody yet" : name(i.assignee()));
        if (i.deviceLocked() != null) r = fact(facts, r, "Device locked (57)", yesNo(i.deviceLocked()));
        if (i.crimeReference() != null) r = fact(facts, r, "Crime reference", i.crimeReference());
        if (i.alwaysInPossession() != null) r = fact(facts, r, "Always in their possession", yesNo(i.alwaysInPossession()));
        if (i.passwordWrittenDown() != null) r = fact(facts, r, "Password written down, carried", yesNo(i.passwordWrittenDown()));
        if (i.passwordReused() != null) r = fact(facts, r, "Password used elsewhere", yesNo(i.passwordReused()));
        if (i.passwordChanged() != null) r = fact(facts, r, "Password already changed", yesNo(i.passwordChanged()));
        r = fact(facts, r, "What happened", i.whatHappened());
        if (i.closingSummary() != null) fact(facts, r, "Closing summary", i.closingSummary());
        VBox factsCard = new VBox(10, section("What was reported"), facts);
        factsCard.getStyleClass().add("card");

        VBox timelineCard = new VBox(10, section("Timeline"), IncidentTimelineSection.of(d, "incident-timeline", true, this::name));
        timelineCard.getStyleClass().add("card");

        VBox left = new VBox(14, factsCard, timelineCard);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox body = new HBox(16, left);
        if (incidents.canChange(session) && i.status() != Status.CLOSED) {
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

    private static String yesNo(Boolean b) {
        return b ? "Yes" : "No";
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

        if (i.status() == Status.REPORTED) {
            Button ack = new Button("_Acknowledge", new FontIcon(MaterialDesignC.CHECK));
            ack.setId("incident-acknowledge");
            ack.getStyleClass().add(Styles.ACCENT);
            ack.setMaxWidth(Double.MAX_VALUE);
            ack.setOnAction(e -> run(() -> incidents.acknowledge(session, id, i.version())));
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
        assign.setOnAction(e -> run(() -> incidents.assign(session, id, assignee.getValue(), i.version())));
        assignee.setConverter(new javafx.util.StringConverter<>() {
            @Override public String toString(String username) { return username == null ? null : name(username); }
            @Override public String fromString(String s) { return s; }
        });
        assignee.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            @Override protected void updateItem(String u, boolean empty) {
                super.updateItem(u, empty);
                setText(empty || u == null ? null : name(u));
            }
        });
        Background.run(() -> {
            java.util.List<String> list = incidents.assignees(session);
            return java.util.Map.entry(list, incidents.actorNames(list));
        }, loaded -> {
            names.putAll(loaded.getValue());
            java.util.List<String> list = loaded.getKey();
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
        record.setOnAction(e -> run(() -> incidents.recordAction(session, id, action.getValue(), note.getText())));
        messages.field("action-type", action).field("action-note", note).field("assignee", assignee);
        box.getChildren().addAll(new Label("Record an action"), action, note, record);

        Status next = i.status().next();
        if (next == Status.CONTAINED || next == Status.RESOLVED) {
            Button move = new Button("Mark " + next.label().toLowerCase(), new FontIcon(MaterialDesignA.ARROW_RIGHT));
            move.setId("incident-advance");
            move.setMaxWidth(Double.MAX_VALUE);
            move.setOnAction(e -> run(() -> incidents.move(session, id, next, i.version())));
            box.getChildren().addAll(new Label("Status: " + i.status().label()), move);
        }
        if (i.status() == Status.RESOLVED) {
            TextArea summary = new TextArea();
            summary.setId("incident-closing-summary");
            summary.setPromptText("What happened, what was done, and the outcome");
            summary.setWrapText(true);
            summary.setPrefRowCount(4);
            Button close = new Button("_Close incident", new FontIcon(MaterialDesignC.CHECK_ALL));
            close.setId("incident-close");
            close.getStyleClass().add(Styles.ACCENT);
            close.setMaxWidth(Double.MAX_VALUE);
            close.setOnAction(e -> run(() -> incidents.close(session, id, summary.getText(), i.version())));
            messages.field("closing-summary", summary);
            box.getChildren().addAll(new Label("Closing summary"), summary, close);
        }
        Region filler = new Region();
        VBox.setVgrow(filler, Priority.ALWAYS);
        box.getChildren().add(filler);
        return box;
    }

    /** Runs a change in the background, then shows the incident as it now is. */
    private void run(Runnable change) {
        messages.clear();
        Background.run(() -> {
            change.run();
            return incidents.get(session, id);
        }, this::render, t -> {
            messages.show(t);
            org.devicedesk.ui.Reload.offer(reload, t); // a stale step: the way back is one click
        });
    }

    Incident.Detail shown() {
        return shown;
    }
}
