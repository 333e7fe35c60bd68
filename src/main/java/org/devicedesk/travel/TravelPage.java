package org.devicedesk.travel;

import atlantafx.base.theme.Styles;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.TextArea;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.devicedesk.core.AppClock;
import org.devicedesk.core.Session;
import org.devicedesk.ui.FormMessages;
import org.devicedesk.ui.Tasks;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;

/**
 * One notice in full, as a view over {@link TravelPageModel}, with Information Security's decision panel ({@code travel-decision, travel-advice,
 * travel-late-justification, travel-decision-save}) while it is pending, and the helpdesk's post-travel
 * check ({@code travel-post-check-*}) once the traveller is back.
 */
final class TravelPage {
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm").withZone(AppClock.OFFICE_ZONE);
    private final TravelPageModel model;
    private final Consumer<Long> onChanged;
    private final Consumer<TravelNotice> onEdit;
    private final VBox content = new VBox(12);
    private final HBox actions = new HBox(8);
    private final javafx.scene.layout.BorderPane root = new javafx.scene.layout.BorderPane();

    TravelPage(TravelService travel, Session session, Consumer<Long> onChanged, Consumer<TravelNotice> onEdit) {
        this.model = new TravelPageModel(travel, session, Tasks.background());
        this.onChanged = onChanged;
        this.onEdit = onEdit;
        content.setPadding(new Insets(16));
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        actions.setPadding(new Insets(10, 16, 12, 16));
        actions.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
        actions.getStyleClass().add("travel-actions");
        root.setCenter(scroll);
        root.getStyleClass().addAll("card", "travel-detail");
        root.setId("travel-detail");
    }

    Node node() {
        return root;
    }

    void show(TravelNotice n) {
        content.getChildren().clear();
        actions.getChildren().clear();
        root.setBottom(null);
        Label title = new Label(n.reference());
        title.getStyleClass().add(Styles.TITLE_3);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(8, title, spacer, TravelView.statusBadge(n));
        head.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        FlowPane badges = new FlowPane(6, 6);
        badges.getChildren().add(TravelView.noticeBadge(n));
        if (n.cryptoWarning()) badges.getChildren().add(TravelView.badge("Encryption restricted", "badge-warning"));
        content.getChildren().addAll(head, badges);

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        grid.getColumnConstraints().addAll(new javafx.scene.layout.ColumnConstraints(100),
                new javafx.scene.layout.ColumnConstraints(160, 300, Double.MAX_VALUE, Priority.ALWAYS, javafx.geometry.HPos.LEFT, true));
        int r = 0;
        row(grid, r++, "Traveller", n.travellerName());
        row(grid, r++, "Destinations", n.destinationNames());
        row(grid, r++, "Dates", TravelPageModel.day(n.departureDate()) + " to " + TravelPageModel.day(n.returnDate()));
        row(grid, r++, "Devices", n.devices().isEmpty() ? "None" : n.devices().stream()
                .map(d -> d.label() + (d.tamperingSuspected() ? " (tampering suspected)" : "")).collect(Collectors.joining("\n")));
        row(grid, r++, "Purpose", n.purpose());
        row(grid, r++, "Filed", AT.format(n.submittedAt()) + " by " + n.createdByName());
        content.getChildren().addAll(grid, loanerSection(n));

        if (n.cryptoWarning()) {
            Label warn = new Label(n.destinationNames() + ": the destination restricts the import or use of encryption. "
                    + "Advise the traveller on carrying encrypted devices (a loan device, a licence, or leaving it at home).");
            warn.setWrapText(true);
            warn.setId("travel-detail-crypto-warning");
            warn.setGraphic(new FontIcon(MaterialDesignA.ALERT_OUTLINE));
            warn.getStyleClass().add("travel-warning");
            warn.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            content.getChildren().add(warn);
            String text = warn.getText();
            // the list's source and review date with every warning (SPEC 4)
            model.cryptoList(list -> {
                warn.setText(text + " " + list.provenance());
                warn.setTooltip(new javafx.scene.control.Tooltip("Source of the list: " + list.source()));
            });
        }

        if (!n.isPending()) {
            content.getChildren().add(new Separator());
            GridPane d = new GridPane();
            d.setHgap(12);
            d.setVgap(6);
            d.getColumnConstraints().addAll(grid.getColumnConstraints().get(0), grid.getColumnConstraints().get(1));
            int k = 0;
            row(d, k++, "Decision", n.decision().label() + " by " + n.decidedByName() + ", " + AT.format(n.decidedAt()));
            row(d, k++, "Advice", n.advice());
            if (n.lateJustification() != null) row(d, k++, "Why late", n.lateJustification());
            content.getChildren().add(d);
        }
        if (n.postCheckOutcome() != null) {
            GridPane c = new GridPane();
            c.setHgap(12);
            c.setVgap(6);
            c.getColumnConstraints().addAll(grid.getColumnConstraints().get(0), grid.getColumnConstraints().get(1));
            row(c, 0, "After travel", n.postCheckOutcome().label() + " — " + n.postCheckByName() + ", " + AT.format(n.postCheckAt())
                    + (n.postCheckNotes() == null ? "" : "\n" + n.postCheckNotes()));
            content.getChildren().addAll(new Separator(), c);
        }

        if (model.mayChange(n)) {
            Button edit = new Button("_Change notice");
            edit.setId("travel-edit");
            edit.setOnAction(e -> onEdit.accept(n));
            actions.getChildren().add(edit);
            root.setBottom(actions);
        }
        if (model.decides(n)) content.getChildren().addAll(new Separator(), decisionPanel(n));
        if (model.checksAfterTravel(n)) content.getChildren().addAll(new Separator(), postCheckPanel(n));
    }

    /** issue 21: the clean loaner booked by the decision, and whether it is back and wiped; filled in the background. */
    private Node loanerSection(TravelNotice n) {
        VBox box = new VBox(4);
        box.setId("travel-loaners");
        org.devicedesk.ui.Nodes.show(box, false); // takes no room (nor spacing) until there is a loaner to list
        model.loaners(n, loaners -> {
            for (TravelLoaners.Loaner l : loaners) {
                String text = TravelPageModel.loanerLine(l).orElse(null);
                if (text == null) continue; // a cancelled booking
                Label line = new Label(text);
                line.setId("travel-loaner-" + l.assetTag());
                line.setWrapText(true);
                line.setGraphic(new FontIcon(MaterialDesignA.ALERT_CIRCLE_CHECK_OUTLINE));
                box.getChildren().add(line);
            }
            org.devicedesk.ui.Nodes.show(box, !box.getChildren().isEmpty());
        });
        return box;
    }

    private Node decisionPanel(TravelNotice n) {
        Label h = new Label("Information Security decision");
        h.getStyleClass().add(Styles.TITLE_4);
        FormMessages messages = new FormMessages("travel-decision");
        ComboBox<TravelDecision> decision = new ComboBox<>();
        decision.getItems().setAll(TravelDecision.values());
        decision.setId("travel-decision");
        decision.setPromptText("Choose");
        decision.setMaxWidth(Double.MAX_VALUE);
        TextArea advice = new TextArea();
        advice.setId("travel-advice");
        advice.setPrefRowCount(3);
        advice.setWrapText(true);
        advice.setPromptText("Advice for the traveller (conditions, what to take, what to leave)");
        TextArea justification = new TextArea(n.lateJustification() == null ? "" : n.lateJustification());
        justification.setId("travel-late-justification");
        justification.setPrefRowCount(2);
        justification.setWrapText(true);
        justification.setPromptText("Why the notice is late (needed before approving)");
        // issue 21: the decision can require a clean loaner instead of the traveller's own device
        ComboBox<Object> loaner = new ComboBox<>();
        loaner.setId("travel-loaner");
        loaner.getItems().setAll("No loaner", org.devicedesk.devices.Device.Kind.LAPTOP, org.devicedesk.devices.Device.Kind.MOBILE_PHONE,
                org.devicedesk.devices.Device.Kind.TABLET);
        loaner.getSelectionModel().selectFirst();
        loaner.setMaxWidth(Double.MAX_VALUE);
        loaner.setConverter(new javafx.util.StringConverter<>() {
            @Override public String toString(Object o) {
                return o instanceof org.devicedesk.devices.Device.Kind k ? "A clean loaner " + k.label().toLowerCase() + " from the pool" : String.valueOf(o);
            }
            @Override public Object fromString(String s) { return null; }
        });
        messages.field("decision", decision).field("advice", advice).field("late-justification", justification).field("loaner", loaner);
        Button save = new Button("Record _decision");
        save.setId("travel-decision-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.setDefaultButton(true);
        save.setOnAction(e -> {
            save.setDisable(true);
            model.decide(n, decision.getValue(), advice.getText(), justification.getText(), loaner.getValue(), id -> {
                save.setDisable(false);
                onChanged.accept(id);
            }, t -> {
                save.setDisable(false);
                messages.show(t);
            });
        });
        VBox box = new VBox(8, h, messages.node(), FormMessages.labelFor("D_ecision", decision), decision,
                FormMessages.labelFor("_Advice given", advice), advice);
        if (n.late()) {
            Label late = FormMessages.labelFor("_Why is this notice late? (written justification)", justification);
            box.getChildren().addAll(late, justification);
        }
        box.getChildren().addAll(FormMessages.labelFor("_Loaner instead of own device", loaner), loaner);
        actions.getChildren().add(save);
        root.setBottom(actions); // the save button stays in view below the scrolling details
        return box;
    }

    private Node postCheckPanel(TravelNotice n) {
        Label h = new Label("Post-travel device check");
        h.getStyleClass().add(Styles.TITLE_4);
        Label hint = new Label(n.travellerName() + " returned on " + TravelPageModel.day(n.returnDate()) + ". Check each device that travelled.");
        hint.setWrapText(true);
        FormMessages messages = new FormMessages("travel-post-check");
        ComboBox<PostTravelOutcome> outcome = new ComboBox<>();
        outcome.getItems().setAll(PostTravelOutcome.values());
        outcome.setId("travel-post-check-outcome");
        outcome.setPromptText("Choose");
        outcome.setMaxWidth(Double.MAX_VALUE);
        VBox deviceBoxes = new VBox(4);
        deviceBoxes.setId("travel-post-check-devices");
        List<CheckBox> boxes = new ArrayList<>();
        for (TravelDevice d : n.devices()) {
            CheckBox b = new CheckBox(d.label());
            b.setId("travel-post-check-device-" + d.assetTag());
            b.setUserData(d.id());
            boxes.add(b);
        }
        deviceBoxes.getChildren().setAll(boxes);
        Label devicesLabel = new Label("Devices suspected of tampering");
        devicesLabel.disableProperty().bind(outcome.valueProperty().isNotEqualTo(PostTravelOutcome.TAMPERING_SUSPECTED));
        deviceBoxes.disableProperty().bind(devicesLabel.disableProperty());
        TextArea notes = new TextArea();
        notes.setId("travel-post-check-notes");
        notes.setPrefRowCount(2);
        notes.setWrapText(true);
        notes.setPromptText("What was checked and found");
        // issue 21: a loaner that travelled is wiped and re-imaged before its next use; until then it cannot be booked
        CheckBox wiped = new CheckBox("The loaner was wiped and re-imaged before its next use");
        wiped.setId("travel-post-check-loaner-wiped");
        wiped.setWrapText(true);
        org.devicedesk.ui.Nodes.show(wiped, false);
        model.loaners(n, loaners -> TravelPageModel.loanerThatTravelled(loaners).ifPresent(l -> {
            wiped.setText(l.assetTag() + " (the loaner) was wiped and re-imaged before its next use");
            org.devicedesk.ui.Nodes.show(wiped, true);
            CheckBox b = new CheckBox(l.assetTag() + " (loaner)");
            b.setId("travel-post-check-device-" + l.assetTag());
            b.setUserData(l.deviceId());
            boxes.add(b);
            deviceBoxes.getChildren().add(b);
        }));
        messages.field("post-check-outcome", outcome).field("post-check-notes", notes).field("post-check-loaner-wiped", wiped);
        Button save = new Button("Record _check");
        save.setId("travel-post-check-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.setOnAction(e -> {
            save.setDisable(true);
            List<Long> ticked = boxes.stream().filter(CheckBox::isSelected).map(b -> (Long) b.getUserData()).toList();
            model.recordCheck(n, outcome.getValue(), ticked, notes.getText(), wiped.isSelected(), id -> {
                save.setDisable(false);
                onChanged.accept(id);
            }, t -> {
                save.setDisable(false);
                messages.show(t);
            });
        });
        actions.getChildren().add(save);
        root.setBottom(actions);
        return new VBox(8, h, hint, messages.node(), FormMessages.labelFor("_Outcome", outcome), outcome, devicesLabel, deviceBoxes,
                FormMessages.labelFor("_Notes", notes), notes, wiped);
    }

    private static void row(GridPane grid, int r, String label, String value) {
        Label l = new Label(label);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        Label v = new Label(value == null ? "" : value);
        v.setWrapText(true);
        grid.addRow(r, l, v);
    }


    static ZoneId zone() {
        return AppClock.OFFICE_ZONE;
    }
}
