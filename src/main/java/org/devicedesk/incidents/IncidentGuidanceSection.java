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
 * What to do now, after a report is sent (SPEC section 3): the reference with a copy button, who to phone
 * (in or out of office hours), the urgent and policy-breach flags, the steps. Built from the service's
 * {@link Incident.Guidance}; no rule is decided here.
 */
final class IncidentGuidanceSection {
    private IncidentGuidanceSection() {}

    /** The panel after sending ({@code incident-guidance}): the reference, who to phone now, the flags and the steps. */
    static VBox panel(Incident.Reported r, Runnable onClose, Consumer<Long> onOpenIncident) {
        Incident.Guidance g = r.guidance();
        VBox panel = new VBox(16);
        panel.setId("incident-guidance");
        panel.getStyleClass().addAll("card", "incident-guidance");
        panel.setMaxWidth(820);

        Label saved = new Label(g.sent());
        saved.getStyleClass().add(Styles.TITLE_3);
        Label reference = new Label(g.reference());
        reference.setId("incident-guidance-reference");
        reference.getStyleClass().addAll(Styles.TITLE_1, "incident-reference");
        Label refCaption = new Label(g.referenceCaption());
        refCaption.getStyleClass().add(Styles.TEXT_MUTED);
        Button copy = new Button("Cop_y", new FontIcon(MaterialDesignC.CONTENT_COPY));
        copy.setId("incident-guidance-copy");
        copy.setTooltip(new javafx.scene.control.Tooltip("Copy the reference " + g.reference() + ", to paste into an e-mail or a note"));
        copy.setAccessibleText("Copy the reference " + g.reference());
        copy.setOnAction(e -> {
            javafx.scene.input.ClipboardContent c = new javafx.scene.input.ClipboardContent();
            c.putString(g.reference());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
            copy.setText("Copied");
        });
        HBox refLine = new HBox(12, reference, copy);
        refLine.setAlignment(Pos.CENTER_LEFT);
        VBox refBox = new VBox(2, saved, refLine, refCaption);

        FontIcon phone = new FontIcon(MaterialDesignP.PHONE_IN_TALK);
        phone.setIconSize(32);
        phone.getStyleClass().add("incident-call-icon");
        Label what = new Label("What to do now");
        what.getStyleClass().add(Styles.TEXT_BOLD);
        Label headline = new Label(g.headline());
        headline.setId("incident-guidance-headline");
        headline.setWrapText(true);
        headline.getStyleClass().add("incident-call-text");
        VBox callText = new VBox(4, what, headline);
        HBox.setHgrow(callText, Priority.ALWAYS);
        HBox call = new HBox(14, phone, callText);
        call.setAlignment(Pos.CENTER_LEFT);
        call.getStyleClass().addAll("incident-call", g.outOfHours() ? "incident-call-out-of-hours" : "incident-call-in-hours");

        panel.getChildren().addAll(refBox, call);
        if (g.urgent()) {
            Label urgent = new Label("URGENT — you have not always had the device, so the help desk will treat this first.");
            urgent.setId("incident-guidance-urgent");
            urgent.setWrapText(true);
            urgent.setGraphic(new FontIcon(MaterialDesignA.ALERT));
            urgent.getStyleClass().addAll("incident-flag", "incident-flag-danger");
            urgent.setMaxWidth(Double.MAX_VALUE);
            panel.getChildren().add(urgent);
        }
        if (g.policyBreach()) {
            Label breach = new Label("Breach of policy flagged: the password was written down and carried with the device (policy 58).");
            breach.setId("incident-guidance-policy-breach");
            breach.setWrapText(true);
            breach.setGraphic(new FontIcon(MaterialDesignA.ALERT_OUTLINE));
            breach.getStyleClass().addAll("incident-flag", "incident-flag-warning");
            breach.setMaxWidth(Double.MAX_VALUE);
            panel.getChildren().add(breach);
        }
        VBox steps = new VBox(8);
        steps.setId("incident-guidance-steps");
        for (String s : g.steps()) {
            Label step = new Label(s);
            step.setWrapText(true);
            step.setGraphic(new FontIcon(MaterialDesignC.CHEVRON_RIGHT));
            if (s.startsWith("Change the password now")) step.getStyleClass().add(Styles.TEXT_BOLD);
            steps.getChildren().add(step);
        }
        panel.getChildren().add(steps);

        Button done = new Button("_Done");
        done.setId("incident-guidance-done");
        done.setDefaultButton(true);
        done.getStyleClass().add(Styles.ACCENT);
        done.setOnAction(e -> onClose.run());
        Button open = new Button("_Open the incident");
        open.setId("incident-guidance-open");
        open.setOnAction(e -> onOpenIncident.accept(r.id()));
        Spacer spacer = new Spacer();
        HBox buttons = new HBox(10, spacer, open, done);
        panel.getChildren().add(buttons);
        org.devicedesk.ui.Nodes.focusWhenShown(done); // it is built before the ScrollPane that holds it is in the window
        return panel;
    }
}
