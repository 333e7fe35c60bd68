package org.devicedesk.bookings;

import atlantafx.base.theme.Styles;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.people.PeopleService;
import org.devicedesk.ui.AppContext;
import org.devicedesk.ui.Background;
import org.devicedesk.ui.Columns;
import org.devicedesk.ui.DatePickers;
import org.devicedesk.ui.FormMessages;
import org.devicedesk.ui.Screen;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * Pool bookings: a calendar of two weeks per team (or one device) with a bar for each booking, the booking form
 * ({@code booking-*}), and the bookings shown with the help desk's actions: check out against a booking, cancel,
 * and record a travel loaner as wiped and re-imaged. STAFF book and see their own; other people's days show as "Booked".
 */
public final class BookingsView implements Screen {
    static final int DAYS = 14;
    private static final DateTimeFormatter HEAD_DAY = DateTimeFormatter.ofPattern("EEE", Locale.UK);
    private static final DateTimeFormatter RANGE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("EEE d MMM", Locale.UK);
    private static final Object ALL_TEAMS = "All teams";
    private static final Object ALL_DEVICES = "All devices";

    private final AppContext context;
    private final Session session;
    private final BookingService bookings;
    private final boolean canManage;

    private final BorderPane root = new BorderPane();
    private final ComboBox<Object> teamFilter = new ComboBox<>();
    private final ComboBox<Object> deviceFilter = new ComboBox<>();
    /** The calendar's first column: the device, as much of its name as fits. */
    private static final double NAME_COLUMN = 190;
    private final Label range = new Label();
    private final GridPane calendar = new GridPane();
    private final TableView<Booking> table = new TableView<>();
    private final FormMessages listMessages = new FormMessages("bookings");
    private final Button checkOut = new Button("Check _out", new FontIcon(MaterialDesignC.CHECK));
    private final Button cancelBooking = new Button("Cance_l booking");
    private final Button recordWipe = new Button("Record _wiped and re-imaged");

    // the booking form
    private final FormMessages messages = new FormMessages("booking");
    private final ComboBox<BookingService.PoolDevice> device = new ComboBox<>();
    private final ComboBox<PeopleService.Row> person = new ComboBox<>();
    private final DatePicker from = DatePickers.british("booking-from");
    private final DatePicker to = DatePickers.british("booking-to");
    private final TextField purpose = new TextField();
    private final Button save = new Button("_Book");
    private final Button cancel = new Button("Clear");

    private final BookingsModel model;
    /** While a filter is set from the model: not a choice of the person's. */
    private boolean syncing;

    public BookingsView(AppContext context) {
        this.context = context;
        this.session = context.session();
        this.bookings = context.service(org.devicedesk.bookings.BookingService.class);
        this.canManage = session.hasAny(Role.HELPDESK, Role.ADMIN);
        this.model = new BookingsModel(session, bookings, context.service(org.devicedesk.people.PeopleService.class), org.devicedesk.ui.Tasks.background());
        build();
        bind();
    }


    @Override public Node node() {
        return root;
    }

    /** A device id (Long) shows that device's calendar and puts it in the form. */
    @Override public void show(Object argument) {
        Long wanted = argument instanceof Number n ? n.longValue() : null;
        model.loadChoices(wanted);
    }

    // ---- building ----

    private void build() {
        Label title = new Label("Pool bookings");
        title.getStyleClass().add("screen-title");
        Label subtitle = new Label("Reserve a pool device for days ahead. A booking includes its first and last days; "
                + "only the device's designated users can book it.");
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);
        subtitle.setWrapText(true);

        teamFilter.setId("bookings-team");
        teamFilter.getItems().setAll(ALL_TEAMS);
        teamFilter.getSelectionModel().selectFirst();
        teamFilter.valueProperty().addListener((o, a, b) -> {
            if (!syncing) model.team.set(b == null || b == ALL_TEAMS ? null : b.toString());
        });
        deviceFilter.setId("bookings-filter-device");
        deviceFilter.getItems().setAll(ALL_DEVICES);
        deviceFilter.getSelectionModel().selectFirst();
        deviceFilter.valueProperty().addListener((o, a, b) -> {
            if (!syncing) model.shownDevice.set(b instanceof BookingService.PoolDevice d ? d : null);
        });
        Button previous = new Button(null, new FontIcon(MaterialDesignC.CHEVRON_LEFT));
        previous.setId("bookings-previous");
        previous.setAccessibleText("The two weeks before");
        previous.setTooltip(new Tooltip("The two weeks before"));
        previous.setAccessibleText("The two weeks before"); // icon-only: read out in words (issue 17)
        previous.setOnAction(e -> model.move(-DAYS));
        Button next = new Button(null, new FontIcon(MaterialDesignC.CHEVRON_RIGHT));
        next.setId("bookings-next");
        next.setAccessibleText("The two weeks after");
        next.setTooltip(new Tooltip("The two weeks after"));
        next.setAccessibleText("The two weeks after");
        next.setOnAction(e -> model.move(DAYS));
        Button today = new Button("_This week");
        today.setId("bookings-today");
        today.setOnAction(e -> model.thisWeek());
        range.setId("bookings-range");
        range.getStyleClass().add(Styles.TEXT_BOLD);
        HBox filters = new HBox(8, FormMessages.labelFor("Te_am", teamFilter), teamFilter, FormMessages.labelFor("De_vice", deviceFilter), deviceFilter,
                new Spacer(), range, previous, today, next);
        filters.setAlignment(Pos.CENTER_LEFT);

        calendar.setId("bookings-calendar");
        calendar.getStyleClass().add("booking-calendar");
        calendar.setHgap(1);
        calendar.setVgap(3);
        ScrollPane calendarScroll = new ScrollPane(calendar);
        calendarScroll.setFitToWidth(true);
        calendarScroll.setPrefViewportHeight(210);
        calendarScroll.getStyleClass().add("edge-to-edge");

        buildTable();
        checkOut.setId("bookings-check-out");
        cancelBooking.setId("bookings-cancel-booking");
        recordWipe.setId("bookings-record-wipe");
        checkOut.setOnAction(e -> model.checkOut());
        cancelBooking.setOnAction(e -> model.cancelBooking());
        recordWipe.setOnAction(e -> model.recordWiped());
        checkOut.disableProperty().bind(model.checkOutOffered.not());
        cancelBooking.disableProperty().bind(model.cancelOffered.not());
        recordWipe.disableProperty().bind(model.wipeOffered.not());
        HBox actions = new HBox(8, checkOut, cancelBooking, recordWipe);
        if (!canManage) {
            checkOut.setVisible(false);
            checkOut.setManaged(false);
            recordWipe.setVisible(false);
            recordWipe.setManaged(false);
        }
        Label listTitle = new Label("Bookings in these two weeks");
        listTitle.getStyleClass().add(Styles.TITLE_4);
        VBox left = new VBox(10, calendarScroll, listTitle, table, actions, listMessages.node());
        VBox.setVgrow(table, Priority.ALWAYS);
        HBox.setHgrow(left, Priority.ALWAYS);

        HBox body = new HBox(16, left, buildForm());
        VBox top = new VBox(10, new VBox(2, title, subtitle), filters);
        top.setPadding(new Insets(0, 0, 12, 0));
        root.setTop(top);
        root.setCenter(body);
        root.setId("bookings");
    }

    private void buildTable() {
        table.setId("bookings-table");
        // someone who sees only their own bookings: other people's show in the calendar as "Booked", never here
        table.setPlaceholder(new Label(session.hasAny(Role.HELPDESK, Role.ADMIN, Role.INFOSEC) ? "No bookings in these two weeks."
                : "None of yours in these two weeks. Days others have booked show as \"Booked\" above."));
        table.setPrefHeight(200);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Booking, String> dev = Columns.plain("Device", Booking::assetTag, String.CASE_INSENSITIVE_ORDER);
        TableColumn<Booking, String> who = Columns.plain("For", Booking::personName, String.CASE_INSENSITIVE_ORDER);
        TableColumn<Booking, LocalDate> first = Columns.of("From", Booking::from, d -> Columns.Shown.text(SHORT.format(d)), Comparator.naturalOrder());
        TableColumn<Booking, LocalDate> last = Columns.of("To", Booking::to, d -> Columns.Shown.text(SHORT.format(d)), Comparator.naturalOrder());
        // the badge needs the whole booking (a loaner, a wipe still to do); the column sorts by the state
        TableColumn<Booking, Booking> state = Columns.of("State", b -> b, b -> Columns.Shown.graphic(stateBadge(b)),
                Comparator.comparing((Booking b) -> b.state(bookings.today())));
        TableColumn<Booking, String> why = Columns.plain("Purpose", Booking::purpose, String.CASE_INSENSITIVE_ORDER);
        dev.setPrefWidth(90);
        who.setPrefWidth(130);
        first.setPrefWidth(95);
        last.setPrefWidth(95);
        state.setPrefWidth(170);
        org.devicedesk.ui.Tables.mayShorten(why);
        table.getColumns().setAll(List.of(dev, who, first, last, state, why));
        org.devicedesk.ui.Tables.fit(table);
    }

    /** The state as a badge; a loaner waiting for its wipe says so. */
    Label stateBadge(Booking b) {
        Booking.State st = b.state(bookings.today());
        boolean wipe = b.awaitingWipe() && st == Booking.State.RETURNED;
        Label l = new Label(wipe ? "Returned, to be wiped" : st.label());
        l.getStyleClass().addAll("badge", switch (st) {
            case OVERDUE, NOT_COLLECTED -> "badge-danger";
            case DUE_OUT -> "badge-warning";
            case OUT -> "badge-accent";
            case RETURNED -> wipe ? "badge-warning" : "badge-success";
            case CANCELLED -> "badge-neutral";
            case BOOKED -> "badge-neutral";
        });
        if (b.isLoaner()) l.setText(l.getText() + " · loaner");
        return l;
    }

    private Node buildForm() {
        Label title = new Label("Book a pool device");
        title.getStyleClass().add(Styles.TITLE_4);
        device.setId("booking-device");
        device.setPromptText("Choose a pool device");
        device.setMaxWidth(Double.MAX_VALUE);
        person.setId("booking-person");
        person.setPromptText("Choose the person");
        person.setMaxWidth(Double.MAX_VALUE);
        person.setVisibleRowCount(12);
        StringConverter<PeopleService.Row> names = new StringConverter<>() {
            @Override public String toString(PeopleService.Row r) { return r == null ? "" : label(r); }
            @Override public PeopleService.Row fromString(String s) { return null; }
        };
        person.setConverter(names);
        person.setCellFactory(lv -> new ListCell<>() {
            @Override protected void updateItem(PeopleService.Row item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : label(item));
            }
        });
        from.setMaxWidth(Double.MAX_VALUE);
        to.setMaxWidth(Double.MAX_VALUE);
        purpose.setId("booking-purpose");
        purpose.setPromptText("e.g. partnership meeting");
        messages.field("device", device).field("person", person).field("from", from).field("to", to).field("purpose", purpose);
        save.setId("booking-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.setDefaultButton(true);
        save.setOnAction(e -> model.book());
        cancel.setId("booking-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> model.clearForm());

        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        g.getColumnConstraints().addAll(new ColumnConstraints(80), new ColumnConstraints(160, 230, Double.MAX_VALUE, Priority.ALWAYS, null, true));
        int r = 0;
        g.addRow(r++, FormMessages.labelFor("_Device", device), device);
        if (canManage) {
            g.addRow(r++, FormMessages.labelFor("_For", person), person);
        } else {
            Label self = new Label(session.displayName());
            self.setId("booking-person");
            g.addRow(r++, new Label("For"), self);
        }
        g.addRow(r++, FormMessages.labelFor("F_rom", from), from);
        g.addRow(r++, FormMessages.labelFor("_To", to), to);
        g.addRow(r++, FormMessages.labelFor("_Purpose", purpose), purpose);
        Label hint = new Label("Both days are included: from Tuesday to Thursday is three days.");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);
        VBox card = new VBox(10, title, g, hint, messages.node(), new HBox(8, save, cancel));
        card.getStyleClass().add("card");
        card.setPrefWidth(360);
        card.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        return card;
    }

    private static String label(PeopleService.Row r) {
        return r.person().fullName() + (r.person().team() == null ? "" : " — " + r.person().team());
    }

    private static final class Spacer extends Region {
        Spacer() {
            HBox.setHgrow(this, Priority.ALWAYS);
        }
    }

    // ---- binding to the view model ----

    private void bind() {
        follow(teamFilter, ALL_TEAMS, model.teams, model.team);
        follow(deviceFilter, ALL_DEVICES, model.teamDevices, model.shownDevice);
        device.setItems(model.formDevices);
        device.valueProperty().bindBidirectional(model.device);
        person.setItems(model.persons);
        person.valueProperty().bindBidirectional(model.person);
        from.valueProperty().bindBidirectional(model.from);
        to.valueProperty().bindBidirectional(model.to);
        purpose.textProperty().bindBidirectional(model.purpose);
        save.disableProperty().bind(model.saving);
        range.textProperty().bind(model.range);
        model.calendarProperty().addListener((o, was, weeks) -> renderCalendar(weeks.rows, weeks.first));
        table.setItems(model.listed);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (!syncing) model.selected.set(b);
        });
        model.selected.addListener((o, was, now) -> {
            syncing = true;
            if (now == null) table.getSelectionModel().clearSelection();
            else table.getSelectionModel().select(now);
            syncing = false;
        });
        model.listOutcome.addListener((o, was, now) -> now.showIn(listMessages));
        model.formOutcome.addListener((o, was, now) -> now.showIn(messages));
    }

    /** Reloads the calendar and the list for the shown two weeks. */
    void reload() {
        model.reload();
    }

    /** A filter shows "any" ({@code any}) then the model's choices, and the model's chosen one (null: any). */
    private <T> void follow(ComboBox<Object> filter, Object any, javafx.collections.ObservableList<T> choices,
                            javafx.beans.property.ObjectProperty<T> chosen) {
        Runnable fill = () -> {
            List<Object> items = new ArrayList<>();
            items.add(any);
            items.addAll(choices);
            syncing = true;
            if (!items.equals(filter.getItems())) filter.getItems().setAll(items);
            filter.setValue(chosen.get() == null ? any : chosen.get());
            syncing = false;
        };
        choices.addListener((javafx.collections.ListChangeListener<T>) c -> fill.run());
        chosen.addListener((o, was, now) -> fill.run());
    }

    private void renderCalendar(List<CalendarRow> rows, LocalDate first) {
        calendar.getChildren().clear();
        calendar.getColumnConstraints().clear();
        calendar.getColumnConstraints().add(new ColumnConstraints(NAME_COLUMN));
        LocalDate today = bookings.today();
        for (int i = 0; i < DAYS; i++) {
            ColumnConstraints c = new ColumnConstraints(38, 52, Double.MAX_VALUE);
            c.setHgrow(Priority.ALWAYS);
            calendar.getColumnConstraints().add(c);
            LocalDate day = first.plusDays(i);
            Label head = new Label(HEAD_DAY.format(day) + "\n" + day.getDayOfMonth());
            head.setMaxWidth(Double.MAX_VALUE);
            head.setAlignment(Pos.CENTER);
            head.getStyleClass().add("booking-day");
            if (day.getDayOfWeek().getValue() >= 6) head.getStyleClass().add("booking-weekend");
            if (day.equals(today)) head.getStyleClass().add("booking-today");
            calendar.add(head, i + 1, 0);
        }
        if (rows.isEmpty()) {
            Label none = new Label(canManage ? "No pool devices in this team." : "You are not a designated user of any pool device yet; ask the help desk.");
            none.getStyleClass().add(Styles.TEXT_MUTED);
            calendar.add(none, 0, 1, DAYS + 1, 1);
            return;
        }
        LocalDate last = first.plusDays(DAYS - 1);
        int r = 1;
        for (CalendarRow row : rows) {
            Label name = new Label();
            java.util.List<String> forms = new java.util.ArrayList<>();
            if (row.makeModel() != null && !row.makeModel().isBlank()) {
                forms.add(row.assetTag() + "  " + row.makeModel());
                forms.add(row.assetTag() + "  " + row.makeModel().strip().split("\\s+")[0]);
            }
            forms.add(row.assetTag());
            org.devicedesk.ui.FittingText.apply(name, forms);
            name.setTooltip(new Tooltip(forms.get(0) + (row.team() == null ? "" : ", team " + row.team()) + " — " + row.status()));
            name.setMaxWidth(NAME_COLUMN);
            calendar.add(name, 0, r);
            for (int i = 0; i < DAYS; i++) {
                Region cell = new Region();
                cell.getStyleClass().add("booking-cell");
                LocalDate day = first.plusDays(i);
                if (day.getDayOfWeek().getValue() >= 6) cell.getStyleClass().add("booking-weekend");
                cell.setMinHeight(26);
                cell.setMaxWidth(Double.MAX_VALUE);
                calendar.add(cell, i + 1, r);
            }
            for (Booking b : row.bookings()) {
                LocalDate a = b.from().isBefore(first) ? first : b.from();
                LocalDate z = b.to().isAfter(last) ? last : b.to();
                int col = (int) java.time.temporal.ChronoUnit.DAYS.between(first, a) + 1;
                int span = (int) java.time.temporal.ChronoUnit.DAYS.between(a, z) + 1;
                Label bar = new Label();
                // someone else's booking: "Booked", or on a day too narrow for it "B" (its tooltip and accessible text say "Booked")
                org.devicedesk.ui.FittingText.apply(bar, b.personId() < 0 ? java.util.List.of("Booked", "B") : org.devicedesk.ui.FittingText.nameForms(b.personName()));
                bar.setId("booking-bar-" + b.id());
                bar.getStyleClass().addAll("booking-bar", "booking-" + b.state(today).name().toLowerCase(Locale.ROOT).replace('_', '-'));
                if (b.isLoaner()) bar.getStyleClass().add("booking-loaner");
                bar.setMaxWidth(Double.MAX_VALUE);
                bar.setTooltip(new Tooltip((b.personId() < 0 ? "Booked" : b.personName() + ": " + b.purpose()) + "\n"
                        + BookingService.days(b.from(), b.to()) + "\n" + b.state(today).label()));
                if (b.personId() >= 0) bar.setOnMouseClicked(e -> table.getItems().stream().filter(x -> x.id() == b.id()).findFirst()
                        .ifPresent(x -> table.getSelectionModel().select(x)));
                calendar.add(bar, col, r, span, 1);
            }
            r++;
        }
    }
}
