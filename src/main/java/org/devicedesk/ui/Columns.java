package org.devicedesk.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * The one way a list makes its columns (issue 15): text, a value shown as text, a badge (any graphic), a date,
 * a date and time, a time left. Each column sorts by the value, not by the text shown (an explicit comparator:
 * the default collator is slow on long lists), and empty or null cells show nothing. Widths: {@link #width};
 * fitting and free text that may shorten: {@link Tables}.
 */
public final class Columns {
    /** "4 Mar 2026", as the date fields show a date. */
    public static final DateTimeFormatter DATE = DatePickers.SHOWN;

    private Columns() {}

    /** What one cell shows: a text, a graphic, a tooltip and style classes, any of them absent. */
    public record Shown(String text, Node graphic, String tooltip, List<String> styles) {
        public static Shown text(String text) {
            return new Shown(text, null, null, List.of());
        }

        public static Shown graphic(Node graphic) {
            return new Shown(null, graphic, null, List.of());
        }

        public Shown withTooltip(String tip) {
            return new Shown(text, graphic, tip, styles);
        }

        public Shown withStyles(String... classes) {
            return new Shown(text, graphic, tooltip, List.of(classes));
        }
    }

    /** The general column: the value of each row, what its cell shows ({@code shown} is not called for null), and its order. */
    public static <S, T> TableColumn<S, T> of(String title, Function<S, T> value, Function<? super T, Shown> shown, Comparator<T> order) {
        return of(title, value, shown, null, order);
    }

    /** As {@link #of}, with what a row without a value shows ({@code absent}: "still held"; null: nothing). */
    public static <S, T> TableColumn<S, T> of(String title, Function<S, T> value, Function<? super T, Shown> shown, Shown absent, Comparator<T> order) {
        TableColumn<S, T> c = new TableColumn<>(title);
        c.setCellValueFactory(x -> new ReadOnlyObjectWrapper<>(value.apply(x.getValue())));
        c.setComparator(order);
        c.setCellFactory(col -> new ShownCell<>(shown, absent));
        return c;
    }

    /** A value shown as its {@code toString()} (as a plain table cell shows it), in exactly {@code order} (nothing added for nulls). */
    public static <S, T> TableColumn<S, T> plain(String title, Function<S, T> value, Comparator<T> order) {
        return of(title, value, v -> Shown.text(String.valueOf(v)), order);
    }

    /** Free text, sorted without regard to case, empty ones first. */
    public static <S> TableColumn<S, String> text(String title, Function<S, String> value) {
        return of(title, value, Shown::text, Comparator.nullsFirst(String.CASE_INSENSITIVE_ORDER));
    }

    /** A value shown as {@code text(value)}, sorted by {@code order} (nulls first). */
    public static <S, T> TableColumn<S, T> shown(String title, Function<S, T> value, Function<? super T, String> text, Comparator<T> order) {
        return of(title, value, v -> Shown.text(text.apply(v)), Comparator.nullsFirst(order));
    }

    /** A value shown as its {@code toString()} (numbers, enums whose text is their label), sorted by {@code order}. */
    public static <S, T> TableColumn<S, T> value(String title, Function<S, T> value, Comparator<T> order) {
        return shown(title, value, String::valueOf, order);
    }

    /** A badge or any other graphic made from the value (null: nothing), sorted by {@code order}. */
    public static <S, T> TableColumn<S, T> badge(String title, Function<S, T> value, Function<? super T, ? extends Node> badge, Comparator<T> order) {
        return of(title, value, v -> Shown.graphic(badge.apply(v)), Comparator.nullsFirst(order));
    }

    /** A badge made from the whole row (a state that needs several fields), sorted by {@code order} on the rows. */
    public static <S> TableColumn<S, S> rowBadge(String title, Function<? super S, ? extends Node> badge, Comparator<S> order) {
        return badge(title, Function.identity(), badge, order);
    }

    /** A calendar day, "4 Mar 2026" unless another format is given, in day order. */
    public static <S> TableColumn<S, LocalDate> date(String title, Function<S, LocalDate> value) {
        return date(title, value, DATE);
    }

    public static <S> TableColumn<S, LocalDate> date(String title, Function<S, LocalDate> value, DateTimeFormatter format) {
        return shown(title, value, format::format, Comparator.naturalOrder());
    }

    /** A moment in {@code format} (which carries the office's zone), in time order. */
    public static <S> TableColumn<S, Instant> dateTime(String title, Function<S, Instant> value, DateTimeFormatter format) {
        return shown(title, value, format::format, Comparator.naturalOrder());
    }

    /**
     * A moment shown as {@code text}, with {@code tooltip} (none if null) saying it in full, and {@code absent}
     * ("still held", "—"; nothing if null) on a row without one, in exactly {@code order}.
     */
    public static <S> TableColumn<S, Instant> dateTime(String title, Function<S, Instant> value, Function<Instant, String> text,
            Function<Instant, String> tooltip, String absent, Comparator<Instant> order) {
        return of(title, value, v -> tooltip == null ? Shown.text(text.apply(v)) : Shown.text(text.apply(v)).withTooltip(tooltip.apply(v)),
                absent == null ? null : Shown.text(absent), order);
    }

    /**
     * The time left to a deadline (or open so far): the row's deadline orders the column (soonest first, none
     * last), {@code shown} says what the cell shows for the row — a countdown badge, "3 h 10 m" with a style class.
     */
    public static <S> TableColumn<S, S> timeLeft(String title, Function<S, Instant> deadline, Function<? super S, Shown> shown) {
        return of(title, Function.identity(), shown, Comparator.comparing(deadline, Comparator.nullsLast(Comparator.naturalOrder())));
    }

    /** The column's preferred and least width. */
    public static <C extends TableColumn<?, ?>> C width(C column, double pref) {
        column.setPrefWidth(pref);
        return column;
    }

    public static <C extends TableColumn<?, ?>> C width(C column, double pref, double min) {
        column.setPrefWidth(pref);
        column.setMinWidth(min);
        return column;
    }

    /** The one table cell: shows a {@link Shown}; the style classes it added go when the cell is reused for another row. */
    static final class ShownCell<S, T> extends TableCell<S, T> {
        private final Function<? super T, Shown> shown;
        private final Shown absent;
        private List<String> added = List.of();

        ShownCell(Function<? super T, Shown> shown, Shown absent) {
            this.shown = shown;
            this.absent = absent;
        }

        @Override protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll(added);
            added = List.of();
            Shown s = empty ? null : item == null ? absent : shown.apply(item);
            if (s == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            setText(s.text());
            Node g = s.graphic();
            if (g instanceof HBox box) box.setAlignment(Pos.CENTER_LEFT); // badges on the row's middle line, like the text beside them
            setGraphic(g);
            setTooltip(s.tooltip() == null ? null : new Tooltip(s.tooltip()));
            if (!s.styles().isEmpty()) {
                added = s.styles();
                getStyleClass().addAll(added);
            }
        }
    }
}
