package org.devicedesk.travel;

import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.devicedesk.ui.AppContext;
import org.devicedesk.ui.FormMessages;
import org.devicedesk.ui.Screen;
import org.devicedesk.ui.Tables;
import org.devicedesk.ui.Tasks;

/**
 * Settings &gt; Travel encryption list (ADMIN; SPEC section 4, policy 53): the countries whose warning the
 * travel form shows, with the list's source and review date. Every change goes through
 * {@link TravelService} with the version the screen read, so an edit from an out-of-date copy is refused
 * with who changed the list and when, and the screen reloads. A view over {@link CryptoListModel}.
 */
public final class CryptoListView implements Screen {
    private final CryptoListModel model;
    private final VBox root = new VBox(12);
    private final FormMessages messages = new FormMessages("crypto");
    private final TextField source = new TextField();
    private final DatePicker reviewedOn = org.devicedesk.ui.DatePickers.british("crypto-reviewed-on");
    private final Label changed = new Label();
    private final TableView<CryptoList.Entry> table = new TableView<>();
    private final ComboBox<Country> country = new ComboBox<>();
    private final TextField note = new TextField();

    public CryptoListView(AppContext context) {
        this.model = new CryptoListModel(context.service(TravelService.class), context.session(), Tasks.background());
        root.setId("settings-crypto");
        Label title = new Label("Travel encryption list");
        title.getStyleClass().add(Styles.TITLE_3);
        Label intro = new Label("Destinations that restrict the import or use of encryption. A travel notice to one of them shows "
                + "the encryption warning, with this list's source and review date. Information Security reviews it at least once a year.");
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);
        intro.setTooltip(new javafx.scene.control.Tooltip("IT policy paragraph 53"));

        source.setId("crypto-source");
        source.setPromptText("Where the list comes from");
        source.textProperty().bindBidirectional(model.source);
        reviewedOn.valueProperty().bindBidirectional(model.reviewedOn);
        Button saveDetails = new Button("Save source and _review date");
        saveDetails.setId("crypto-save-details");
        saveDetails.setMinWidth(Region.USE_PREF_SIZE);
        saveDetails.setOnAction(e -> model.saveDetails(model.reviewedOn.get(), this::saved, this::refused));
        changed.setId("crypto-changed");
        changed.getStyleClass().add(Styles.TEXT_MUTED);
        changed.textProperty().bind(model.changed);
        changed.setWrapText(true);
        GridPane details = new GridPane();
        details.setHgap(12);
        details.setVgap(8);
        details.addRow(0, FormMessages.labelFor("_Source", source), source);
        details.addRow(1, FormMessages.labelFor("Last re_viewed on", reviewedOn), new HBox(12, reviewedOn, saveDetails));
        GridPane.setHgrow(source, Priority.ALWAYS);

        table.setId("crypto-table");
        table.setPlaceholder(new Label("No country is on the list: no travel notice will show the encryption warning."));
        table.setItems(model.countries);
        TableColumn<CryptoList.Entry, String> name = new TableColumn<>("Country");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        name.setPrefWidth(220);
        TableColumn<CryptoList.Entry, String> noteCol = new TableColumn<>("Note");
        noteCol.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().note() == null ? "" : c.getValue().note()));
        noteCol.setPrefWidth(460);
        table.getColumns().setAll(List.of(name, Tables.mayShorten(noteCol)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Tables.fit(table);
        table.setPrefHeight(300);
        VBox.setVgrow(table, Priority.ALWAYS);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, e) -> {
            if (e == null) return;
            Country.all().stream().filter(c -> c.code().equals(e.code())).findFirst().ifPresent(country::setValue);
            note.setText(e.note() == null ? "" : e.note());
        });

        country.setId("crypto-country");
        country.getItems().setAll(Country.all());
        country.setPromptText("Country…");
        country.setPrefWidth(220);
        note.setId("crypto-note");
        note.setPromptText("Note (what travellers need to know)");
        HBox.setHgrow(note, Priority.ALWAYS);
        Button add = new Button("_Add or change");
        add.setId("crypto-add");
        add.setMinWidth(Region.USE_PREF_SIZE);
        add.setOnAction(e -> model.saveCountry(country.getValue(), note.getText(), this::saved, this::refused));
        Button remove = new Button("Re_move selected");
        remove.setId("crypto-remove");
        remove.setMinWidth(Region.USE_PREF_SIZE);
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> {
            CryptoList.Entry sel = table.getSelectionModel().getSelectedItem();
            if (sel == null) return;
            if (!org.devicedesk.ui.Confirm.ask(context.window(), "crypto-remove-confirm", "Remove " + sel.name() + "?",
                    "Travel notices to " + sel.name() + " will no longer show the encryption warning.", "Remove", "Keep it")) return;
            model.remove(sel, this::saved, this::refused);
        });
        HBox edit = new HBox(8, country, note, add, remove);
        edit.setAlignment(Pos.CENTER_LEFT);
        messages.field("crypto-source", source).field("crypto-reviewed-on", reviewedOn).field("crypto-country", country);

        root.setPadding(new Insets(8, 0, 0, 0));
        root.getChildren().setAll(title, intro, details, changed, messages.node(), edit, table);
    }

    private void saved(String done) {
        messages.success(done);
    }

    private void refused(Throwable t) {
        messages.show(t);
    }

    @Override public Node node() {
        return root;
    }

    @Override public void show(Object argument) {
        model.reload(() -> { }, messages::show);
    }
}
