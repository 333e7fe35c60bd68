package org.devicedesk.incidents;

import atlantafx.base.theme.Styles;
import java.time.Instant;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** An incident's timeline as shown on the incident page and on the DPO's case page: what was done, when and by whom. */
public final class IncidentTimelineSection {
    private IncidentTimelineSection() {}

    /** The report, then each action; {@code withClosing} adds the closing summary as the last entry. */
    public static VBox of(Incident.Detail d, String id, boolean withClosing) {
        return of(d, id, withClosing, u -> u);
    }

    /** The same with who did each step in the words people use ({@code names}: username to name; issue 17). */
    public static VBox of(Incident.Detail d, String id, boolean withClosing, java.util.function.Function<String, String> names) {
        Incident i = d.incident();
        VBox list = new VBox(8);
        list.setId(id);
        list.getChildren().add(entry(i.reportedAt(), name(names, i.recordedBy()), "Reported", i.type().label() + " reported by " + i.reporterName()));
        for (Incident.Action a : d.timeline()) list.getChildren().add(entry(a.at(), name(names, a.actor()), a.type().label(), a.note()));
        if (withClosing && i.closingSummary() != null) list.getChildren().add(entry(i.updatedAt(), null, "Closed", i.closingSummary()));
        return list;
    }

    private static String name(java.util.function.Function<String, String> names, String username) {
        return username == null ? null : names.apply(username);
    }

    /** Every username the timeline names, for one look-up of their names. */
    public static java.util.List<String> usernames(Incident.Detail d) {
        java.util.List<String> out = new java.util.ArrayList<>();
        out.add(d.incident().recordedBy());
        out.add(d.incident().assignee());
        for (Incident.Action a : d.timeline()) out.add(a.actor());
        return out;
    }

    private static Node entry(Instant at, String actor, String what, String note) {
        Label when = new Label(IncidentsModel.when(at));
        when.getStyleClass().add(Styles.TEXT_MUTED);
        when.setMinWidth(150);
        Label action = new Label(what + (actor == null ? "" : "  ·  " + actor));
        action.getStyleClass().add(Styles.TEXT_BOLD);
        VBox text = new VBox(2, action);
        if (note != null && !note.isBlank()) {
            Label n = new Label(note);
            n.setWrapText(true);
            text.getChildren().add(n);
        }
        HBox row = new HBox(12, when, text);
        row.getStyleClass().add("incident-timeline-entry");
        return row;
    }
}
