package org.devicedesk.travel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * A searchable multi-pick of countries ({@code travel-destinations}): type part of a name (or the
 * ISO code), press Enter or click a match to add it; each chosen country shows as a chip that removes it.
 */
final class CountryField extends VBox {
    private final ObservableList<Country> chosen = FXCollections.observableArrayList();
    private final TextField search = new TextField();
    private final FilteredList<Country> matches = new FilteredList<>(FXCollections.observableArrayList(Country.all()), c -> true);
    private final ListView<Country> list = new ListView<>(matches);
    private final FlowPane chips = new FlowPane(6, 6);

    CountryField() {
        super(6);
        setId("travel-destinations");
        search.setId("travel-destinations-search");
        search.setPromptText("Type a country, then Enter");
        list.setId("travel-destinations-list");
        list.setPrefHeight(104);
        list.setFocusTraversable(false);
        chips.setId("travel-destinations-chosen");
        // the matches show while typing, so the form stays short
        list.visibleProperty().bind(search.textProperty().isNotEmpty());
        list.managedProperty().bind(list.visibleProperty());
        search.textProperty().addListener((o, a, text) -> {
            String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            Predicate<Country> p = c -> t.isEmpty() || c.name().toLowerCase(Locale.ROOT).contains(t) || c.code().equalsIgnoreCase(t);
            matches.setPredicate(p.and(c -> !chosen.contains(c)));
            if (!matches.isEmpty()) list.getSelectionModel().select(0);
        });
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && !search.getText().isBlank()) {
                Country c = list.getSelectionModel().getSelectedItem();
                if (c == null && !matches.isEmpty()) c = matches.get(0);
                if (c != null) add(c);
                e.consume(); // Enter picks a country here; it does not save the form
            } else if (e.getCode() == KeyCode.DOWN) {
                list.getSelectionModel().selectNext();
                e.consume();
            } else if (e.getCode() == KeyCode.UP) {
                list.getSelectionModel().selectPrevious();
                e.consume();
            }
        });
        list.setOnMouseClicked(e -> {
            Country c = list.getSelectionModel().getSelectedItem();
            if (c != null) add(c);
        });
        chosen.addListener((javafx.collections.ListChangeListener<Country>) ch -> redrawChips());
        getChildren().addAll(chips, search, list);
        chips.setPadding(new Insets(0));
        redrawChips();
    }

    TextField searchField() {
        return search;
    }

    ObservableList<Country> chosen() {
        return chosen;
    }

    List<String> codes() {
        return chosen.stream().map(Country::code).toList();
    }

    void setCodes(List<String> codes) {
        List<Country> cs = new ArrayList<>();
        for (String code : codes) Country.all().stream().filter(c -> c.code().equals(code)).findFirst().ifPresent(cs::add);
        chosen.setAll(cs);
        search.clear();
    }

    private void add(Country c) {
        if (!chosen.contains(c)) chosen.add(c);
        search.clear();
        search.requestFocus();
    }

    private void redrawChips() {
        chips.getChildren().clear();
        for (Country c : chosen) {
            Button chip = new Button(c.name(), new FontIcon(MaterialDesignC.CLOSE));
            chip.setId("travel-destination-" + c.code());
            chip.getStyleClass().addAll("chip", "small");
            chip.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
            chip.setAccessibleText("Remove " + c.name());
            chip.setOnAction(e -> chosen.remove(c));
            chips.getChildren().add(chip);
        }
        if (chosen.isEmpty()) {
            javafx.scene.control.Label none = new javafx.scene.control.Label("No country chosen yet.");
            none.getStyleClass().add("text-muted");
            chips.getChildren().add(none);
        }
        // keep chosen countries out of the matches
        String t = search.getText() == null ? "" : search.getText().strip().toLowerCase(Locale.ROOT);
        matches.setPredicate(c -> !chosen.contains(c) && (t.isEmpty() || c.name().toLowerCase(Locale.ROOT).contains(t) || c.code().equalsIgnoreCase(t)));
    }
}
