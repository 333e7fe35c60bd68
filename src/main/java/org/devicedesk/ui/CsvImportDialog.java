package org.devicedesk.ui;

import atlantafx.base.theme.Styles;
import java.io.File;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import org.devicedesk.core.CsvImport;

/**
 * Import from CSV, the same for people and devices: choose a file, see a preview (how many rows, the
 * first rows, every problem by line and column), then import all rows or none ({@code import-*} ids).
 * While the import runs the dialog shows its real progress ({@link ImportProgress}): a bar, the row it is on
 * of how many, and about how long is left.
 */
public final class CsvImportDialog {
    private CsvImportDialog() {}

    /** Asks for a file, then opens the preview. */
    public static void open(AppContext context, String title, String help, Function<Reader, CsvImport.Preview> preview,
                            java.util.function.BiFunction<Reader, CsvImport.Progress, Integer> importAll, Consumer<Integer> done) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV files", "*.csv"), new FileChooser.ExtensionFilter("All files", "*.*"));
        File file = chooser.showOpenDialog(context.window());
        if (file == null) return;
        Background.run(() -> org.devicedesk.core.Csv.decode(Files.readAllBytes(file.toPath())),
                decoded -> show(context, title, help, file.getName(), decoded, preview, importAll, done),
                t -> show(context, title, help, file.getName(), (org.devicedesk.core.Csv.Decoded) null, preview, importAll, done));
    }

    /** Opens the preview for a file's decoded bytes: the summary says which encoding it was read in. */
    public static Stage show(AppContext context, String title, String help, String fileName, org.devicedesk.core.Csv.Decoded decoded,
                             Function<Reader, CsvImport.Preview> preview, java.util.function.BiFunction<Reader, CsvImport.Progress, Integer> importAll, Consumer<Integer> done) {
        return show(context, title, help, fileName, decoded == null ? null : decoded.text(), decoded == null ? null : decoded.encoding(),
                preview, importAll, done);
    }

    /** Opens the preview for text already read (also used by tests). Returns the dialog's stage. */
    public static Stage show(AppContext context, String title, String help, String fileName, String text,
                             Function<Reader, CsvImport.Preview> preview, java.util.function.BiFunction<Reader, CsvImport.Progress, Integer> importAll, Consumer<Integer> done) {
        return show(context, title, help, fileName, text, null, preview, importAll, done);
    }

    private static Stage show(AppContext context, String title, String help, String fileName, String text, String encoding,
                             Function<Reader, CsvImport.Preview> preview, java.util.function.BiFunction<Reader, CsvImport.Progress, Integer> importAll, Consumer<Integer> done) {
        String readAs = encoding == null ? "" : " (read as " + encoding + ")";
        Stage stage = new Stage();
        stage.setTitle(title + " — " + fileName);
        if (context.window() != null) {
            stage.initOwner(context.window());
            stage.initModality(Modality.WINDOW_MODAL);
        }
        Label heading = new Label(title);
        heading.getStyleClass().add(Styles.TITLE_3);
        Label helpText = new Label(help);
        helpText.setWrapText(true);
        helpText.getStyleClass().add(Styles.TEXT_MUTED);
        Label summary = new Label("Checking " + fileName + "…");
        summary.setId("import-summary");
        summary.setWrapText(true);
        ListView<String> problems = new ListView<>();
        problems.setId("import-problems");
        problems.setPrefHeight(150);
        problems.setVisible(false);
        problems.setManaged(false);
        TableView<List<String>> sample = new TableView<>();
        sample.setId("import-preview-table");
        sample.setPlaceholder(new Label("No rows to show."));
        VBox.setVgrow(sample, Priority.ALWAYS);
        FormMessages messages = new FormMessages("import");

        Button save = new Button("_Import");
        save.setId("import-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.setDefaultButton(true);
        save.setDisable(true);
        Button cancel = new Button("Cancel");
        cancel.setId("import-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());
        // shown while the import runs: all rows go in at once, so it cannot stop halfway
        javafx.scene.control.ProgressBar progress = new javafx.scene.control.ProgressBar(javafx.scene.control.ProgressBar.INDETERMINATE_PROGRESS);
        progress.accessibleTextProperty().bind(summary.textProperty());
        progress.setId("import-progress");
        progress.setPrefWidth(220);
        progress.setVisible(false);
        progress.setManaged(false);
        atlantafx.base.controls.Spacer spacer = new atlantafx.base.controls.Spacer();
        HBox buttons = new HBox(8, progress, spacer, cancel, save);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        VBox root = new VBox(12, heading, helpText, summary, problems, sample, messages.node(), buttons);
        root.setPadding(new Insets(20));
        Scene scene = new Scene(root, 900, 600);
        scene.getStylesheets().add(Theme.appStylesheet());
        stage.setScene(scene);

        if (text == null) {
            summary.setText(fileName + " could not be read. Check that it is a CSV file and that you may open it.");
        } else {
            int[] rowCount = new int[1];
            Background.run(() -> preview.apply(new StringReader(text)), p -> {
                rowCount[0] = p.rowCount();
                sample.getColumns().clear();
                for (int i = 0; i < p.header().size(); i++) {
                    int col = i;
                    TableColumn<List<String>, String> c = new TableColumn<>(p.header().get(i));
                    c.setCellValueFactory(cd -> new SimpleStringProperty(col < cd.getValue().size() ? cd.getValue().get(col) : ""));
                    c.setComparator(String.CASE_INSENSITIVE_ORDER);
                    sample.getColumns().add(c);
                }
                sample.getItems().setAll(p.sample());
                String rows = p.rowCount() + (p.rowCount() == 1 ? " row" : " rows");
                if (p.ok()) {
                    summary.setText(fileName + readAs + ": " + rows + ", no problems found. "
                            + (p.rowCount() > p.sample().size() ? "The first " + p.sample().size() + " are shown. " : "")
                            + "Import adds all of them at once.");
                    save.setText("_Import all " + rows);
                    save.setDisable(false);
                } else {
                    summary.setText(p.rowCount() == 0 && p.problems().isEmpty() ? fileName + " has no rows to import."
                            : fileName + readAs + ": " + rows + ". Nothing can be imported until these problems are corrected in the file:");
                    summary.getStyleClass().add(Styles.DANGER);
                    problems.getItems().setAll(p.problems());
                    problems.setVisible(!p.problems().isEmpty());
                    problems.setManaged(!p.problems().isEmpty());
                }
            }, messages::show);
            save.setOnAction(e -> {
                save.setDisable(true);
                cancel.setDisable(true);
                String before = summary.getText();
                // issue 17: the import's real progress, row by row, with about how long is left
                ImportProgress running = ImportProgress.onFxThread(fileName);
                running.start(rowCount[0]);
                summary.textProperty().bind(running.text());
                progress.progressProperty().bind(running.fraction());
                progress.setVisible(true);
                progress.setManaged(true);
                CsvImport.Progress callback = running.callback();
                Background.run(() -> importAll.apply(new StringReader(text), callback), n -> {
                    stage.close();
                    done.accept(n);
                }, t -> {
                    progress.progressProperty().unbind();
                    progress.setVisible(false);
                    progress.setManaged(false);
                    summary.textProperty().unbind();
                    summary.setText(before);
                    messages.show(t);
                    cancel.setDisable(false);
                    save.setDisable(false);
                });
            });
        }
        stage.show();
        return stage;
    }
}
