package org.devicedesk.breaches;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.function.Function;
import java.util.function.LongConsumer;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import org.devicedesk.breaches.BreachCase.Risk;
import org.devicedesk.breaches.BreachCase.Status;
import org.devicedesk.core.AppClock;
import org.devicedesk.ui.Columns;
import org.devicedesk.ui.Nodes;

/** Small pieces the breach screens share: badges, the countdown badge, the columns and the table of cases. */
final class BreachUi {
    private BreachUi() {}

    static Label badge(String text, String style) {
        return Nodes.badge(text, style);
    }

    /** Short words for the badges in tables; the full label is the tooltip. */
    static String shortLabel(Status s) {
        return switch (s) {
            case AWAITING_REVIEW -> "Awaiting review";
            case ASSESSING -> "Assessing";
            case NOT_A_BREACH -> "Not a breach";
            case NOT_REPORTABLE -> "Not reportable";
            case REPORTED_TO_ICO -> "Reported to ICO";
            case CLOSED -> "Closed";
        };
    }

    static String shortLabel(Risk r) {
        return switch (r) {
            case UNLIKELY -> "Unlikely";
            case RISK -> "Risk";
            case HIGH_RISK -> "High risk";
        };
    }

    /** The badge a table shows: short words, the full label on hover. */
    static Label compact(Label full, String shortText) {
        full.setTooltip(new javafx.scene.control.Tooltip(full.getText()));
        full.setText(shortText);
        full.setMinWidth(Region.USE_PREF_SIZE);
        return full;
    }

    static Label shortStatusBadge(Status s) {
        return compact(statusBadge(s), shortLabel(s));
    }

    static Label shortRiskBadge(Risk r) {
        return r == null ? null : compact(riskBadge(r), shortLabel(r));
    }

    static final DateTimeFormatter SHORT_WHEN = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm").withZone(AppClock.OFFICE_ZONE);
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy").withZone(AppClock.OFFICE_ZONE);

    static Label statusBadge(Status s) {
        String style = switch (s) {
            case AWAITING_REVIEW -> "badge-accent";
            case ASSESSING -> "badge-warning";
            case NOT_A_BREACH, CLOSED -> "badge-neutral";
            case NOT_REPORTABLE, REPORTED_TO_ICO -> "badge-success";
        };
        return badge(s.label(), style);
    }

    static Label riskBadge(Risk r) {
        if (r == null) return badge("Not assessed", "badge-neutral");
        String style = switch (r) {
            case UNLIKELY -> "badge-success";
            case RISK -> "badge-warning";
            case HIGH_RISK -> "badge-danger";
        };
        return badge(r.label(), style);
    }

    /** The time left as a badge: neutral while running, amber in the last 24 hours, red once overdue. */
    static Label countdownBadge(BreachCase c, Instant now) {
        Label l = badge("", "badge-neutral");
        l.setMinWidth(Region.USE_PREF_SIZE);
        updateCountdown(l, c, now);
        return l;
    }

    /** Rewrites a countdown badge for {@code now}; no database work (the Timeline calls this every few seconds). */
    static void updateCountdown(Label l, BreachCase c, Instant now) {
        Deadlines.Badge b = Deadlines.badge(c, now); // the rule, tested without a window
        l.setText(b.text());
        l.getStyleClass().removeIf(s -> s.startsWith("badge-"));
        l.getStyleClass().add(b.style());
    }

    /** The title without the incident reference it starts with (the Source column already shows it). */
    static String shortTitle(BreachCase c) {
        String t = c.title();
        String ref = c.incidentReference();
        return ref != null && t.startsWith(ref + " ") ? t.substring(ref.length() + 1) : t;
    }

    /** Free text sorted without regard to case, {@code width} wide (ui/Columns, the one column factory). */
    static TableColumn<BreachCase, String> textColumn(String title, Function<BreachCase, String> f, double width) {
        return Columns.width(Columns.text(title, f), width);
    }

    /** The risk as a short badge (none while not assessed), sorted from not assessed to high; the queue's and the register's. */
    static TableColumn<BreachCase, Risk> riskColumn() {
        return Columns.width(Columns.badge("Risk", BreachCase::risk, BreachUi::shortRiskBadge, Comparator.naturalOrder()), 90, 90);
    }

    /** When the office became aware of the case, in this format (which carries the office's zone), sorted in time order. */
    static TableColumn<BreachCase, Instant> awareColumn(DateTimeFormatter format, double width) {
        return Columns.width(Columns.dateTime("Aware at", BreachCase::awareAt, format), width, width);
    }

    /**
     * The queue's and the register's table: the id and the words shown while it is empty, the columns sharing
     * the width, the rows sorted by the column the person clicks, and a double click or Enter opening the case.
     */
    static void casesTable(TableView<BreachCase> table, String id, String empty, ObservableList<BreachCase> rows, LongConsumer open) {
        table.setId(id);
        table.setPlaceholder(new Label(empty));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        SortedList<BreachCase> sorted = new SortedList<>(rows);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setRowFactory(t -> {
            TableRow<BreachCase> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) open.accept(row.getItem().id());
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            BreachCase c = table.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && c != null) open.accept(c.id());
        });
    }

    static String when(Instant at) {
        return BreachService.when(at);
    }

    /** A choice with "none yet" first ({@code none}: what it says), then {@code choices}, as wide as its column. */
    @SafeVarargs
    static <T> void choice(javafx.scene.control.ComboBox<T> box, String id, String none, T... choices) {
        box.setId(id);
        box.getItems().setAll(java.util.Collections.singletonList(null));
        box.getItems().addAll(choices);
        box.setButtonCell(Nodes.promptCell(none));
        box.setCellFactory(l -> Nodes.promptCell(none));
        box.setMaxWidth(Double.MAX_VALUE);
    }

}
