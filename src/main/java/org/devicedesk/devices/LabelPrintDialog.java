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
 * so each label sits where the sheet has it.
 */
final class LabelPrintDialog {
    private static AssetLabels.Size lastSize = AssetLabels.Size.A4_21;
    private static AssetLabels.Symbology lastCode = AssetLabels.Symbology.QR;

    private final List<Device> devices;
    private final Stage stage = new Stage();
    private final ComboBox<AssetLabels.Size> size = new ComboBox<>(FXCollections.observableArrayList(AssetLabels.Size.values()));
    private final ComboBox<AssetLabels.Symbology> code = new ComboBox<>(FXCollections.observableArrayList(AssetLabels.Symbology.values()));
    private final StackPane preview = new StackPane();
    private final Label pagesText = new Label();
    private final FormMessages messages = new FormMessages("label");

    private LabelPrintDialog(Window owner, List<Device> devices) {
        this.devices = List.copyOf(devices);
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(devices.size() == 1 ? "Print the label of " + devices.get(0).assetTag() : "Print " + devices.size() + " asset labels");
        size.setId("label-size");
        code.setId("label-code");
        size.setValue(lastSize);
        code.setValue(lastCode);
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
        lastSize = size.getValue();
        lastCode = code.getValue();
        messages.clear();
        try {
            List<Node> pages = LabelSheetView.pages(devices, size.getValue(), code.getValue(), true);
            Node first = pages.get(0);
            double w = size.getValue().pageWidthMm() * AssetLabels.POINTS_PER_MM, h = size.getValue().pageHeightMm() * AssetLabels.POINTS_PER_MM;
            double scale = Math.min(400 / w, 400 / h);
            Group g = new Group(first);
            first.setScaleX(scale);
            first.setScaleY(scale);
            preview.getChildren().setAll(new Group(g));
            int n = pages.size();
            pagesText.setText(devices.size() + (devices.size() == 1 ? " label" : " labels") + " on " + n + (n == 1 ? " page" : " pages")
                    + (n > 1 ? " (the first is shown)" : "") + ". " + (size.getValue().isSheet()
                    ? "Print at actual size (100%), with no scaling."
                    : "Choose the label printer and its " + size.getValue().widthMm + " × " + size.getValue().heightMm + " mm labels."));
        } catch (IllegalArgumentException e) {
            preview.getChildren().clear();
            messages.error(e.getMessage());
        }
    }

    private void print() {
        PrinterJob job = PrinterJob.createPrinterJob();
        if (job == null) {
            messages.error("No printer is set up on this computer. Add a printer (or a label printer) and try again.");
            return;
        }
        if (!job.showPrintDialog(stage)) {
            job.cancelJob();
            return;
        }
        AssetLabels.Size s = size.getValue();
        PageLayout layout = layout(job.getPrinter(), s);
        List<Node> pages = LabelSheetView.pages(devices, s, code.getValue(), false);
        for (Node page : pages) {
            // the page is drawn from the paper's corner; the printable area starts inside the margins
            page.setTranslateX(-layout.getLeftMargin());
            page.setTranslateY(-layout.getTopMargin());
            if (!job.printPage(layout, page)) {
                messages.error("The printer stopped before the labels were printed: " + job.getJobStatus() + ". Check the printer and try again.");
                job.cancelJob();
                return;
            }
        }
        if (job.endJob()) messages.success(pages.size() + (pages.size() == 1 ? " page" : " pages") + " of labels sent to " + job.getPrinter().getName() + ".");
        else messages.error("The labels could not be printed (" + job.getJobStatus() + "). Check the printer and try again.");
    }

    /** A4 for a sheet; for a roll the printer's paper of the label's size when it lists one, else its default. */
    private static PageLayout layout(Printer printer, AssetLabels.Size s) {
        Paper paper = Paper.A4;
        PageOrientation orientation = PageOrientation.PORTRAIT;
        if (!s.isSheet()) {
            double w = s.widthMm * AssetLabels.POINTS_PER_MM, h = s.heightMm * AssetLabels.POINTS_PER_MM, tolerance = 4;
            paper = printer.getPrinterAttributes().getDefaultPaper();
            for (Paper p : printer.getPrinterAttributes().getSupportedPapers()) {
                if (Math.abs(p.getWidth() - w) < tolerance && Math.abs(p.getHeight() - h) < tolerance) {
                    paper = p;
                    break;
                }
                if (Math.abs(p.getWidth() - h) < tolerance && Math.abs(p.getHeight() - w) < tolerance) {
                    paper = p;
                    orientation = PageOrientation.LANDSCAPE;
                    break;
                }
            }
        }
        return printer.createPageLayout(paper, orientation, Printer.MarginType.HARDWARE_MINIMUM);
    }

    Stage stage() {
        return stage;
    }

}
