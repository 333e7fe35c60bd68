package org.devicedesk.devices;

import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.print.PageLayout;
import javafx.print.PageOrientation;
import javafx.print.Paper;
import javafx.print.Printer;
import javafx.print.PrinterJob;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.devicedesk.ui.FormMessages;

/**
 * Prints asset labels for one device or a selection ({@code label-size, label-code, label-preview, label-print,
 * label-close, label-message}): the size and the code, a preview of the first page, then the JavaFX printer dialog.
 * On a roll the page is the label (the printer's paper of that size when it has one); a sheet is A4 with no margin,
 * so each label sits where the sheet has it. A view over {@link LabelPrintModel}.
 */
final class LabelPrintDialog {
    private final LabelPrintModel model;
    private final Stage stage = new Stage();
    private final ComboBox<AssetLabels.Size> size = new ComboBox<>(FXCollections.observableArrayList(AssetLabels.Size.values()));
    private final ComboBox<AssetLabels.Symbology> code = new ComboBox<>(FXCollections.observableArrayList(AssetLabels.Symbology.values()));
    private final StackPane preview = new StackPane();
    private final Label pagesText = new Label();
    private final FormMessages messages = new FormMessages("label");

    private LabelPrintDialog(Window owner, List<Device> devices) {
        this.model = new LabelPrintModel(devices);
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(model.title());
        size.setId("label-size");
        code.setId("label-code");
        size.valueProperty().bindBidirectional(model.size);
        code.valueProperty().bindBidirectional(model.code);
        size.valueProperty().addListener((o, a, b) -> render());
        code.valueProperty().addListener((o, a, b) -> render());
        preview.setId("label-preview");
        preview.setPrefSize(420, 420);
        preview.setStyle("-fx-background-color: #e9e9e9; -fx-padding: 12;");
        pagesText.setId("label-pages");
        pagesText.getStyleClass().add(Styles.TEXT_MUTED);
        Button print = new Button("_Print…");
        print.setId("label-print");
        print.getStyleClass().add(Styles.ACCENT);
        print.setDefaultButton(true);
        print.setOnAction(e -> print());
        Button close = new Button("Close");
        close.setId("label-close");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        g.addRow(0, FormMessages.labelFor("Label _size", size), size);
        g.addRow(1, FormMessages.labelFor("_Code", code), code);
        HBox buttons = new HBox(8, print, close);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox root = new VBox(12, g, preview, pagesText, messages.node(), buttons);
        root.setPadding(new Insets(16));
        root.setId("label-dialog");
        Scene scene = new Scene(root);
        if (owner != null && owner.getScene() != null) scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        stage.setScene(scene);
        render();
    }

    /** Opens the dialog for these devices (at least one). */
    static LabelPrintDialog open(Window owner, List<Device> devices) {
        LabelPrintDialog d = new LabelPrintDialog(owner, devices);
        d.stage.show();
        return d;
    }

    private void render() {
        messages.clear();
        String problem = model.problem();
        if (problem != null) {
            preview.getChildren().clear();
            messages.error(problem);
            return;
        }
        try {
            List<Node> pages = LabelSheetView.pages(model.devices, model.size.get(), model.code.get(), true);
            Node first = pages.get(0);
            double scale = model.previewScale(400);
            Group g = new Group(first);
            first.setScaleX(scale);
            first.setScaleY(scale);
            preview.getChildren().setAll(new Group(g));
            pagesText.setText(model.pagesLine());
        } catch (IllegalArgumentException e) {
            preview.getChildren().clear();
            messages.error(e.getMessage());
        }
    }

    private void print() {
        PrinterJob job = PrinterJob.createPrinterJob();
        if (job == null) {
            messages.error(LabelPrintModel.NO_PRINTER);
            return;
        }
        if (!job.showPrintDialog(stage)) {
            job.cancelJob();
            return;
        }
        AssetLabels.Size s = model.size.get();
        PageLayout layout = layout(job.getPrinter(), s);
        List<Node> pages = LabelSheetView.pages(model.devices, s, model.code.get(), false);
        for (Node page : pages) {
            // the page is drawn from the paper's corner; the printable area starts inside the margins
            page.setTranslateX(-layout.getLeftMargin());
            page.setTranslateY(-layout.getTopMargin());
            if (!job.printPage(layout, page)) {
                messages.error(LabelPrintModel.stopped(job.getJobStatus()));
                job.cancelJob();
                return;
            }
        }
        if (job.endJob()) messages.success(LabelPrintModel.sent(pages.size(), job.getPrinter().getName()));
        else messages.error(LabelPrintModel.notPrinted(job.getJobStatus()));
    }

    /** A4 for a sheet; for a roll the printer's paper of the label's size when it lists one, else its default. */
    private static PageLayout layout(Printer printer, AssetLabels.Size s) {
        if (s.isSheet()) return printer.createPageLayout(Paper.A4, PageOrientation.PORTRAIT, Printer.MarginType.HARDWARE_MINIMUM);
        LabelPrintModel.Fit<Paper> fit = LabelPrintModel.paperFor(s, List.copyOf(printer.getPrinterAttributes().getSupportedPapers()),
                printer.getPrinterAttributes().getDefaultPaper(), Paper::getWidth, Paper::getHeight);
        return printer.createPageLayout(fit.paper(), fit.landscape() ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT, Printer.MarginType.HARDWARE_MINIMUM);
    }

    Stage stage() {
        return stage;
    }

}
