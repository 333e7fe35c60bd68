package org.devicedesk.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import javafx.geometry.Pos;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import org.devicedesk.core.AppClock;
import org.devicedesk.core.Refused;
import org.devicedesk.core.TypedWhen;

/**
 * A date and a time of day in the office's zone: a British date picker (id {@code id}) and a time box beside it
 * (id {@code id-time}), both read with {@link TypedWhen}'s rules — {@code 14:30}, {@code 1430}, {@code 14.30},
 * {@code 2:30 pm} — on every form that asks for a moment.
 */
public final class DateTimeField {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private final DatePicker date;
    private final TextField time = new TextField();
    private final HBox node;
    private final ZoneId zone;

    public DateTimeField(String id) {
        this(id, AppClock.OFFICE_ZONE, "at");
    }

    public DateTimeField(String id, ZoneId zone, String between) {
        this.zone = zone;
        date = DatePickers.british(id);
        date.setPrefWidth(150);
        time.setId(id + "-time");
        time.setPromptText("hh:mm");
        time.setPrefColumnCount(5);
        node = between == null ? new HBox(8, date, time) : new HBox(8, date, new Label(between), time);
        node.setAlignment(Pos.CENTER_LEFT);
    }

    public DatePicker date() {
        return date;
    }

    public TextField time() {
        return time;
    }

    public HBox node() {
        return node;
    }

    public void set(Instant at) {
        if (at == null) {
            clear();
            return;
        }
        ZonedDateTime z = at.atZone(zone);
        date.setValue(z.toLocalDate());
        date.getEditor().setText(DatePickers.SHOWN.format(z.toLocalDate())); // "4 Mar 2026", as every date field shows it
        time.setText(TIME.format(z.toLocalTime()));
    }

    public void clear() {
        date.setValue(null);
        date.getEditor().clear();
        time.clear();
    }

    public void setDisable(boolean b) {
        date.setDisable(b);
        time.setDisable(b);
    }

    public String dateText() {
        return DatePickers.text(date); // the text typed, even once the picker has cleared it as unreadable
    }

    /** {@link #dateText} as it changes, for a view model to bind to. */
    public javafx.beans.binding.StringBinding typedDate() {
        return DatePickers.typed(date);
    }

    public String timeText() {
        return time.getText() == null ? "" : time.getText().strip();
    }

    /**
     * The moment typed, or null when both boxes are empty. {@code noTime} is the time of day taken when only the
     * date is given (null: a time is needed). A date that is not a date or a time that is not a time is refused
     * with {@code what} in the sentence and the text typed: the date's problem on {@code field}, the time's on
     * {@code timeField}.
     */
    public Instant read(String field, String timeField, String what, LocalTime noTime) {
        String dateText = dateText(), timeText = timeText();
        if (dateText.isEmpty() && timeText.isEmpty()) return null;
        if (dateText.isEmpty()) throw Refused.because(field, "Enter the date as well as the time for " + what + ".");
        LocalDate d = TypedWhen.date(dateText);
        if (d == null) throw Refused.because(field, "\"" + dateText + "\" is not a date; write " + what + " like " + TypedWhen.DATE_EXAMPLE + ".");
        LocalTime t;
        if (timeText.isEmpty()) {
            if (noTime == null) throw Refused.because(timeField, "Enter the time of day for " + what + ", like " + TypedWhen.TIME_EXAMPLE + ".");
            t = noTime;
        } else {
            t = TypedWhen.time(timeText);
            if (t == null) throw Refused.because(timeField, "\"" + timeText + "\" is not a time of day; write " + what + " like "
                    + TypedWhen.TIME_EXAMPLE + " or 2:30 pm.");
        }
        return d.atTime(t).atZone(zone).toInstant();
    }
}
