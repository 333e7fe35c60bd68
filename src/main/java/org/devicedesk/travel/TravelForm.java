package org.devicedesk.travel;

import atlantafx.base.theme.Styles;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.devicedesk.core.Session;
import org.devicedesk.ui.Background;
import org.devicedesk.ui.FormMessages;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;

/**
 * The travel notice form ({@code travel-*}): destinations, dates, devices, purpose. As soon as the
 * departure date is entered it shows the notice days and whether that is on time or late; as soon as
 * a destination that restricts encryption is chosen it shows the warning. Enter saves, Esc cancels.
 */
final class TravelForm {
    private final TravelFormModel model;
    private final javafx.scene.layout.BorderPane root = new javafx.scene.layout.BorderPane();
    private final FormMessages messages = new FormMessages("travel");
    private final CountryField destinations = new CountryField();
    private final DatePicker departure = org.devicedesk.ui.DatePickers.british("travel-departure-date");
    private final DatePicker returning = org.devicedesk.ui.DatePickers.british("travel-return-date");
    private final Label noticeDays = new Label();
    private final Label cryptoWarning = new Label();
    private final ListView<TravelDevice> devices = new ListView<>();
    private final ObservableSet<Long> ticked;
    /** Shown after a refused stale save: reloads the notice, keeping what was typed where it does not clash (issue 17). */
    private final Button reload = org.devicedesk.ui.Reload.button("travel");
    private final TextArea purpose = new TextArea();
    private final Button save = new Button("_Save notice");
    private final Label heading = new Label("New travel notice");

    TravelForm(TravelService travel, Session session, Consumer<Long> onSaved, Runnable onCancel) {
        this(new TravelFormModel(travel, session, org.devicedesk.ui.Tasks.background()), onSaved, onCancel);
    }

    TravelForm(TravelFormModel model, Consumer<Long> onSaved, Runnable onCancel) {
        this.model = model;
        this.ticked = model.ticked;
        heading.textProperty().bind(model.heading);
        heading.getStyleClass().add(Styles.TITLE_3);
        Label intro = new Label("Policy 53: tell Information Security at least 7 days before you take a work device overseas.");
        intro.setWrapText(true);
        intro.getStyleClass().add(Styles.TEXT_MUTED);

        noticeDays.setId("travel-notice-days");
        noticeDays.setWrapText(true);
        noticeDays.setMaxWidth(Double.MAX_VALUE);
        cryptoWarning.setId("travel-crypto-warning");
        cryptoWarning.setWrapText(true);
        cryptoWarning.setMaxWidth(Double.MAX_VALUE);
        cryptoWarning.setGraphic(new FontIcon(MaterialDesignA.ALERT_OUTLINE));
        cryptoWarning.getStyleClass().addAll("travel-warning");
        // what they say, and whether they show, comes from the view model's rules
        noticeDays.textProperty().bind(model.noticeText);
        noticeDays.visibleProperty().bind(model.noticeText.isNotEmpty());
        noticeDays.managedProperty().bind(model.noticeText.isNotEmpty());
        javafx.beans.InvalidationListener noticeStyle = o -> {
            noticeDays.getStyleClass().removeAll("badge-success", "badge-danger", "badge");
            if (!model.noticeText.get().isEmpty()) noticeDays.getStyleClass().addAll("badge", model.noticeBad.get() ? "badge-danger" : "badge-success");
        };
        model.noticeText.addListener(noticeStyle);
        model.noticeBad.addListener(noticeStyle);
        cryptoWarning.textProperty().bind(model.cryptoText);
        cryptoWarning.visibleProperty().bind(model.cryptoText.isNotEmpty());
        cryptoWarning.managedProperty().bind(model.cryptoText.isNotEmpty());
        model.cryptoSource.addListener((o, a, b) -> cryptoWarning.setTooltip(b == null || b.isEmpty() ? null : new javafx.scene.control.Tooltip(b)));
        devices.setItems(model.devices);
        purpose.textProperty().bindBidirectional(model.purpose);

        devices.setId("travel-devices");
        // by keyboard, Tab goes from tick box to tick box: the list itself as a stop showed nothing and Space there
        // ticked the row the list had chosen, not the one that looked focused
        devices.setFocusTraversable(false);
        devices.setPrefHeight(96);
        devices.setPlaceholder(new Label("You hold no devices in the register.\nAsk the help desk (see the Devices screen)."));
        devices.setCellFactory(lv -> new ListCell<>() {
            private final CheckBox box = new CheckBox();
            @Override protected void updateItem(TravelDevice d, boolean empty) {
                super.updateItem(d, empty);
                if (empty || d == null) {
                    setGraphic(null);
                    return;
                }
                box.setText(d.label());
                box.setWrapText(true);
                setPrefWidth(0); // wrap long device names instead of scrolling sideways
                box.setId("travel-device-" + d.assetTag());
                box.setSelected(ticked.contains(d.id()));
                box.setOnAction(e -> {
                    if (box.isSelected()) ticked.add(d.id());
                    else ticked.remove(d.id());
                });
                setGraphic(box);
            }
        });
        purpose.setId("travel-purpose");
        purpose.setPrefRowCount(4);
        purpose.setWrapText(true);
        purpose.setPromptText("Why you are travelling, e.g. a conference, a delegation, leave with a work phone");

        messages.field("destinations", destinations.searchField()).field("departure-date", departure).field("return-date", returning)
                .field("devices", devices).field("purpose", purpose);

        departure.valueProperty().addListener((o, a, b) -> model.departure.set(org.devicedesk.ui.DatePickers.current(departure)));
        departure.getEditor().textProperty().addListener((o, a, b) -> model.departure.set(org.devicedesk.ui.DatePickers.current(departure)));
        returning.valueProperty().addListener((o, a, b) -> model.returning.set(org.devicedesk.ui.DatePickers.current(returning)));
        returning.getEditor().textProperty().addListener((o, a, b) -> model.returning.set(org.devicedesk.ui.DatePickers.current(returning)));
        destinations.chosen().addListener((javafx.collections.ListChangeListener<Country>) c -> {
            if (!destinations.codes().equals(model.destinations)) model.destinations.setAll(destinations.codes());
        });

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        grid.getColumnConstraints().addAll(new javafx.scene.layout.ColumnConstraints(110),
                new javafx.scene.layout.ColumnConstraints(200, 320, Double.MAX_VALUE, Priority.ALWAYS, javafx.geometry.HPos.LEFT, true));
        int r = 0;
        grid.addRow(r++, FormMessages.labelFor("_Destinations", destinations.searchField()), destinations);
        grid.add(cryptoWarning, 1, r++);
        departure.setPrefWidth(160);
        returning.setPrefWidth(160);
        for (DatePicker p : List.of(departure, returning)) p.setMinWidth(Region.USE_PREF_SIZE);
        grid.addRow(r++, FormMessages.labelFor("De_parture", departure), departure);
        grid.add(noticeDays, 1, r++);
        grid.addRow(r++, FormMessages.labelFor("_Return", returning), returning);
        grid.addRow(r++, FormMessages.labelFor("De_vices taken", devices), devices);
        grid.addRow(r++, FormMessages.labelFor("P_urpose", purpose), purpose);

        save.setId("travel-save");
        save.setDefaultButton(true);
        save.getStyleClass().add(Styles.ACCENT);
        Button cancel = new Button("Cancel");
        cancel.setId("travel-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> { // Esc too: it is the cancel button
            String unsaved = unsavedChanges();
            if (unsaved == null || org.devicedesk.ui.Confirm.leaveUnsaved(cancel.getScene() == null ? null : cancel.getScene().getWindow(), unsaved, "cancel")) onCancel.run();
        });
        save.setOnAction(e -> {
            messages.clear();
            org.devicedesk.ui.Reload.show(reload, false);
            save.setDisable(true);
            model.departure.set(org.devicedesk.ui.DatePickers.current(departure)); // what is typed now, committed or not
            model.returning.set(org.devicedesk.ui.DatePickers.current(returning));
            model.save(saved -> {
                save.setDisable(false);
                onSaved.accept(saved);
            }, t -> {
                save.setDisable(false);
                messages.show(t);
                org.devicedesk.ui.Reload.offer(reload, t);
            });
        });
        reload.setOnAction(e -> {
            reload.setDisable(true);
            model.reload(said -> {
                reload.setDisable(false);
                org.devicedesk.ui.Reload.show(reload, false);
                showModel();
                messages.success(said);
            }, t -> {
                reload.setDisable(false);
                messages.show(t);
            });
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, spacer, reload, cancel, save);

        VBox content = new VBox(12, heading, intro, messages.node(), grid);
        content.setPadding(new Insets(16));
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        buttons.setPadding(new Insets(10, 16, 12, 16));
        buttons.getStyleClass().add("travel-actions");
        root.setCenter(scroll);
        root.setBottom(buttons); // always in view, however long the form
        root.getStyleClass().addAll("card", "travel-form");
        root.setId("travel-form");
    }

    /** What is chosen or typed here and not saved, in words, or null; a date typed but not yet taken counts too. */
    String unsavedChanges() {
        String unsaved = model.unsavedChanges();
        if (unsaved != null) return unsaved;
        boolean typedDate = !java.util.Objects.equals(org.devicedesk.ui.DatePickers.current(departure), model.departure.get())
                || !java.util.Objects.equals(org.devicedesk.ui.DatePickers.current(returning), model.returning.get());
        boolean typedCountry = !destinations.searchField().getText().isBlank();
        return typedDate || typedCountry ? (model.editing() == null ? "the new travel notice" : "your changes to " + model.editing().reference()) : null;
    }

    Node node() {
        return root;
    }

    /** Opens the form empty (a new notice) or filled with a pending notice to change. */
    void open(TravelNotice notice) {
        messages.clear();
        org.devicedesk.ui.Reload.show(reload, false);
        if (notice == null) {
            departure.getEditor().clear();
            returning.getEditor().clear();
        }
        model.open(notice, messages::show);
        showModel();
        org.devicedesk.ui.Nodes.focusWhenShown(destinations.searchField()); // the form may join the window after this
    }

    /** Puts the view model's destinations and dates into the pickers (after opening or reloading). */
    private void showModel() {
        destinations.setCodes(List.copyOf(model.destinations));
        setPicker(departure, model.departure.get());
        setPicker(returning, model.returning.get());
        devices.refresh(); // the ticks follow the view model's set
    }

    private static void setPicker(DatePicker p, LocalDate d) {
        p.setValue(d);
        if (d == null) p.getEditor().clear();
    }
}
