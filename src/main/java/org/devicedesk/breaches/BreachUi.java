package org.devicedesk.breaches;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import java.util.function.LongConsumer;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.devicedesk.breaches.BreachCase.DeadlineState;
import org.devicedesk.breaches.BreachCase.Risk;
import org.devicedesk.breaches.BreachCase.Status;
import org.devicedesk.core.AppClock;
import org.devicedesk.core.Refused;
import org.devicedesk.ui.DatePickers;

/** Small pieces the breach screens share: badges, the countdown, and a date-and-time field read the British way. */
final class BreachUi {
    static final DateTimeFormatter SHOWN = DatePickers.SHOWN;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private BreachUi() {}

    static Label badge(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().addAll("badge", style);
        return l;
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
        DeadlineState state = c.deadlineState(now);
        String text;
        String style;
        if (state == DeadlineState.STOPPED) {
            Status d = c.decision();
            if (d == Status.REPORTED_TO_ICO) {
                text = c.reportedLate() ? "Reported late" : "Reported in time";
                style = c.reportedLate() ? "badge-warning" : "badge-success";
            } else {
                text = "Decided";
                style = "badge-neutral";
            }
        } else {
            text = Deadlines.countdown(c.timeLeft(now));
            style = "badge-" + state.badge();
        }
        l.setText(text);
        l.getStyleClass().removeIf(s -> s.startsWith("badge-"));
        l.getStyleClass().add(style);
    }

    /** The title without the incident reference it starts with (the Source column already shows it). */
    static String shortTitle(BreachCase c) {
        String t = c.title();
        String ref = c.incidentReference();
        return ref != null && t.startsWith(ref + " ") ? t.substring(ref.length() + 1) : t;
    }

    /** A text column sorted without regard to case (an explicit comparator: the default collator is slow on long lists). */
    static TableColumn<BreachCase, String> textColumn(String title, Function<BreachCase, String> f, double width) {
        var c = new TableColumn<BreachCase, String>(title);
        c.setCellValueFactory(x -> new javafx.beans.property.ReadOnlyStringWrapper(f.apply(x.getValue())));
        c.setComparator(Comparator.nullsFirst(String.CASE_INSENSITIVE_ORDER));
        c.setPrefWidth(width);
        return c;
    }

    /** The risk as a short badge (none while not assessed), sorted from not assessed to high; the queue's and the register's. */
    static TableColumn<BreachCase, BreachCase> riskColumn() {
        TableColumn<BreachCase, BreachCase> risk = new TableColumn<>("Risk");
        risk.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        risk.setComparator(Comparator.comparing(BreachCase::risk, Comparator.nullsFirst(Comparator.naturalOrder())));
        risk.setCellFactory(c -> new TableCell<>() {
            @Override protected void updateItem(BreachCase b, boolean empty) {
                super.updateItem(b, empty);
                setGraphic(empty || b == null || b.risk() == null ? null : shortRiskBadge(b.risk()));
            }
        });
        risk.setPrefWidth(90);
        risk.setMinWidth(90);
        return risk;
    }

    /** When the office became aware of the case, in this format, sorted in time order. */
    static TableColumn<BreachCase, Instant> awareColumn(DateTimeFormatter format, double width) {
        var aware = new TableColumn<BreachCase, Instant>("Aware at");
        aware.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().awareAt()));
        aware.setComparator(Comparator.naturalOrder());
        aware.setCellFactory(c -> new TableCell<>() {
            @Override protected void updateItem(Instant at, boolean empty) {
                super.updateItem(at, empty);
                setText(empty || at == null ? null : format.format(at));
            }
        });
        aware.setPrefWidth(width);
        aware.setMinWidth(width);
        return aware;
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

    static <T> ListCell<T> promptCell(String prompt) {
        return new ListCell<>() {
            @Override protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? prompt : item.toString());
            }
        };
    }

    static DatePicker datePicker(String id) {
        return DatePickers.british(id);
    }

    static LocalDate parseDate(String s) {
        return DatePickers.parse(s);
    }

    /** A date picker with its "HH:mm" time box beside it (ids {@code id} and {@code id-time}). */
    record DateTime(DatePicker date, TextField time, HBox node) {
        static DateTime of(String id) {
            DatePicker date = datePicker(id);
            date.setPrefWidth(150);
            TextField time = new TextField();
            time.setId(id + "-time");
            time.setPromptText("hh:mm");
            time.setPrefColumnCount(5);
            HBox box = new HBox(8, date, new Label("at"), time);
            box.setAlignment(Pos.CENTER_LEFT);
            return new DateTime(date, time, box);
        }

        void set(Instant at) {
            if (at == null) {
                date.setValue(null);
                date.getEditor().clear();
                time.clear();
                return;
            }
            ZonedDateTime z = at.atZone(AppClock.OFFICE_ZONE);
            date.setValue(z.toLocalDate());
            date.getEditor().setText(SHOWN.format(z.toLocalDate()));
            time.setText(TIME.format(z.toLocalTime()));
        }

        void setDisable(boolean b) {
            date.setDisable(b);
            time.setDisable(b);
        }

        /**
         * The instant typed, in office time; null when both are empty. An unreadable date or time, or
         * a date without a time, is refused with {@code what} in the sentence and the text typed.
         */
        Instant read(String field, String what) {
            return BreachPageModel.instant(date.getEditor().getText(), time.getText(), field, what);
        }
    }
}
