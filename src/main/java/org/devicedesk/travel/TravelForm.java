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
    private final TravelService travel;
    private final Session session;
    private final javafx.scene.layout.BorderPane root = new javafx.scene.layout.BorderPane();
    private final FormMessages messages = new FormMessages("travel");
    private final CountryPicker destinations = new CountryPicker();
    private final DatePicker departure = org.devicedesk.ui.DatePickers.british("travel-departure-date");
    private final DatePicker returning = org.devicedesk.ui.DatePickers.british("travel-return-date");
    private final Label noticeDays = new Label();
    private final Label cryptoWarning = new Label();
    private final ListView<TravelDevice> devices = new ListView<>();
    private final ObservableSet<Long> ticked = FXCollections.observableSet();
    private final TextArea purpose = new TextArea();
    private final Button save = new Button("_Save notice");
    private final Label heading = new Label("New travel notice");
    private int requiredDays = 7;
    private CryptoList cryptoList;
    private Long editing;
    private TravelNotice editingNotice;

    TravelForm(TravelService travel, Session session, Consumer<Long> onSaved, Runnable onCancel) {
        this.travel = travel;
        this.session = session;
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
        show(cryptoWarning, false);
        show(noticeDays, false);

        devices.setId("travel-devices");
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

        departure.valueProperty().addListener((o, a, b) -> updateNoticeDays());
        departure.getEditor().textProperty().addListener((o, a, b) -> updateNoticeDays());
        destinations.chosen().addListener((javafx.collections.ListChangeListener<Country>) c -> updateCryptoWarning());

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
        cancel.setOnAction(e -> onCancel.run());
        save.setOnAction(e -> {
            messages.clear();
            save.setDisable(true);
            TravelDraft draft = new TravelDraft(null, destinations.codes(), Dates.current(departure), Dates.current(returning),
                    List.copyOf(ticked), purpose.getText());
            Long id = editing;
            Long version = editingNotice == null ? null : editingNotice.version(); // the version the form was loaded at
            Background.run(() -> {
                if (id == null) return travel.submit(session, draft);
                travel.update(session, id, version, draft);
                return id;
            }, saved -> {
                save.setDisable(false);
                onSaved.accept(saved);
            }, t -> {
                save.setDisable(false);
                messages.show(t);
            });
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, spacer, cancel, save);

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

    Node node() {
        return root;
    }

    /** Opens the form empty (a new notice) or filled with a pending notice to change. */
    void open(TravelNotice notice) {
        messages.clear();
        editing = notice == null ? null : notice.id();
        editingNotice = notice;
        heading.setText(notice == null ? "New travel notice" : "Change " + notice.reference());
        destinations.setCodes(notice == null ? List.of() : notice.destinations());
        departure.setValue(notice == null ? null : notice.departureDate());
        returning.setValue(notice == null ? null : notice.returnDate());
        if (notice == null) {
            departure.getEditor().clear();
            returning.getEditor().clear();
        }
        purpose.setText(notice == null ? "" : notice.purpose());
        ticked.clear();
        if (notice != null) notice.devices().forEach(d -> ticked.add(d.id()));
        devices.getItems().clear();
        Long traveller = notice == null ? null : notice.travellerId();
        Background.run(() -> new Object[] {travel.requiredNoticeDays(), travel.cryptoList(session), travel.devicesHeldBy(session, traveller)}, loaded -> {
            requiredDays = (Integer) loaded[0];
            cryptoList = (CryptoList) loaded[1];
            @SuppressWarnings("unchecked") List<TravelDevice> held = (List<TravelDevice>) loaded[2];
            devices.getItems().setAll(held);
            if (notice != null) {
                for (TravelDevice d : notice.devices()) if (!held.contains(new TravelDevice(d.id(), d.assetTag(), d.description()))) devices.getItems().add(d);
            }
            updateNoticeDays();
            updateCryptoWarning();
        }, messages::show);
        updateNoticeDays();
        javafx.application.Platform.runLater(() -> destinations.searchField().requestFocus());
    }

    private void updateNoticeDays() {
        LocalDate d = Dates.current(departure);
        noticeDays.getStyleClass().removeAll("badge-success", "badge-danger", "badge");
        if (d == null) {
            show(noticeDays, false);
            return;
        }
        NoticeCheck check = editingNotice == null ? travel.preview(d, requiredDays)
                : TravelService.check(editingNotice.submittedOn(), d, requiredDays);
        if (editingNotice != null && editingNotice.late() && !check.late()) check = new NoticeCheck(check.noticeDays(), requiredDays, true);
        if (d.isBefore(travel.today())) {
            noticeDays.setText("The departure date is in the past.");
            noticeDays.getStyleClass().addAll("badge", "badge-danger");
        } else {
            noticeDays.setText(editingNotice == null ? check.describe() : check.describe() + " (counted from the day it was filed; a late notice stays late)");
            noticeDays.getStyleClass().addAll("badge", check.late() ? "badge-danger" : "badge-success");
        }
        show(noticeDays, true);
    }

    private void updateCryptoWarning() {
        if (cryptoList == null) return;
        List<CryptoList.Entry> hits = cryptoList.countries().stream().filter(e -> destinations.codes().contains(e.code())).toList();
        if (hits.isEmpty()) {
            show(cryptoWarning, false);
            return;
        }
        String names = hits.stream().map(CryptoList.Entry::name).collect(Collectors.joining(", "));
        cryptoWarning.setText("Encryption warning: " + names + (hits.size() == 1 ? " restricts" : " restrict")
                + " the import or use of encryption. Your encrypted devices may be inspected, held or need a licence; Information Security "
                + "will be told and will advise you before you go.");
        cryptoWarning.setTooltip(new javafx.scene.control.Tooltip(cryptoList.provenance() + "\nSource of the list: " + cryptoList.source()));
        show(cryptoWarning, true);
    }

    private static void show(Node n, boolean visible) {
        org.devicedesk.ui.Nodes.show(n, visible);
    }
}
