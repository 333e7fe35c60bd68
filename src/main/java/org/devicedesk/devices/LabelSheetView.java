package org.devicedesk.devices;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.SVGPath;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * Asset labels laid out for printing, black on white in points: one label per page on a roll, or the labels of
 * an A4 sheet at its pitch. The code is drawn as vector shapes ({@link SVGPath}) from ZXing's modules, so it
 * prints sharp at the printer's resolution. Call on the FX thread.
 */
final class LabelSheetView {
    private static final double MM = AssetLabels.POINTS_PER_MM;

    private LabelSheetView() {}

    /** One page per {@link AssetLabels.Size#perPage()} labels, each node {@code pageWidth x pageHeight} points. */
    static List<Node> pages(List<Device> devices, AssetLabels.Size size, AssetLabels.Symbology code, boolean outlines) {
        List<Node> pages = new ArrayList<>();
        int per = size.perPage();
        for (int p = 0; p < size.pages(devices.size()); p++) {
            Pane page = new Pane();
            page.setPrefSize(size.pageWidthMm() * MM, size.pageHeightMm() * MM);
            page.setMinSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
            page.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
            page.setStyle("-fx-background-color: white;");
            for (int i = 0; i < per && p * per + i < devices.size(); i++) {
                Node label = label(devices.get(p * per + i), size, code, outlines);
                label.relocate((size.leftMm + (i % size.columns) * size.pitchXMm) * MM, (size.topMm + (i / size.columns) * size.pitchYMm) * MM);
                page.getChildren().add(label);
            }
            pages.add(page);
        }
        return pages;
    }

    /** One label: the code and the asset tag in large type, the make and model small; {@code outline} shows its edge (preview, sheets). */
    static Region label(Device d, AssetLabels.Size size, AssetLabels.Symbology code, boolean outline) {
        double w = size.widthMm * MM, h = size.heightMm * MM;
        double pad = Math.min(w, h) * 0.08;
        double innerW = w - 2 * pad, innerH = h - 2 * pad;
        boolean[][] modules = AssetLabels.modules(d.assetTag(), code);
        Region box;
        if (code == AssetLabels.Symbology.QR) {
            double side = innerH;
            double unit = side / modules.length;
            Node qr = shape(modules, unit, unit);
            StackPane codeBox = new StackPane(qr);
            codeBox.setMinSize(side, side);
            codeBox.setPrefSize(side, side);
            codeBox.setMaxSize(side, side);
            double textW = innerW - side - pad;
            Label model = text(d.makeModel() == null ? "" : d.makeModel(), Math.min(innerH * 0.16, 8), false);
            model.setWrapText(true);
            VBox text = new VBox(Math.max(1, innerH * 0.04), tag(d.assetTag(), fit(d.assetTag(), textW * 0.92, innerH * 0.38, true)), model);
            text.setAlignment(Pos.CENTER_LEFT);
            text.setMaxWidth(textW);
            HBox.setHgrow(text, Priority.ALWAYS);
            HBox row = new HBox(pad, codeBox, text);
            row.setAlignment(Pos.CENTER_LEFT);
            box = row;
        } else {
            // Code 128 needs a quiet zone of ten modules each side: the bars use the width that leaves
            double unit = innerW / (modules[0].length + 20);
            double barH = innerH * 0.62;
            Node bars = shape(modules, unit, barH);
            StackPane barBox = new StackPane(bars);
            barBox.setPrefSize(innerW, barH);
            double textH = innerH - barH;
            Label tag = tag(d.assetTag(), fit(d.assetTag(), innerW * 0.92, textH * 0.8, true));
            VBox col = new VBox(Math.max(1, textH * 0.05), barBox, tag);
            col.setAlignment(Pos.TOP_CENTER);
            box = col;
        }
        StackPane labelPane = new StackPane(box);
        labelPane.setPadding(new Insets(pad));
        labelPane.setPrefSize(w, h);
        labelPane.setMinSize(w, h);
        labelPane.setMaxSize(w, h);
        labelPane.setStyle("-fx-background-color: white;" + (outline ? " -fx-border-color: #c8c8c8; -fx-border-width: 0.5;" : ""));
        labelPane.getStyleClass().add("asset-label");
        labelPane.setUserData(d.assetTag());
        return labelPane;
    }

    private static Node shape(boolean[][] modules, double unit, double rowHeight) {
        SVGPath path = new SVGPath();
        path.setContent(AssetLabels.svgPath(modules, unit, rowHeight));
        path.setFill(Color.BLACK);
        path.setStroke(null);
        // the path's bounds start at its first dark module; a clear rectangle keeps the whole code's size
        Rectangle bounds = new Rectangle(modules[0].length * unit, modules.length * rowHeight, Color.WHITE);
        return new Group(bounds, path);
    }

    /** The largest font size (points) at which {@code s} fits {@code width}, at most {@code max}. */
    private static double fit(String s, double width, double max, boolean bold) {
        double size = max;
        javafx.scene.text.Text probe = new javafx.scene.text.Text(s);
        while (size > 4) {
            probe.setFont(font(size, bold));
            if (probe.getLayoutBounds().getWidth() <= width) break;
            size -= 0.5;
        }
        return size;
    }

    private static Font font(double size, boolean bold) {
        return bold ? Font.font("System", FontWeight.BOLD, size) : Font.font("System", size);
    }

    /** The asset tag: never shortened with "…" (its size was fitted to the room), whatever the window's theme pads. */
    private static Label tag(String s, double size) {
        Label l = text(s, size, true);
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.setTextOverrun(javafx.scene.control.OverrunStyle.CLIP);
        return l;
    }

    private static Label text(String s, double size, boolean bold) {
        Label l = new Label(s);
        l.setFont(font(size, bold));
        // inline, so no stylesheet of the window changes the size the text was fitted at
        l.setStyle(String.format(java.util.Locale.ROOT, "-fx-font-family: 'System'; -fx-font-size: %.2fpx; -fx-font-weight: %s;", size, bold ? "bold" : "normal"));
        l.setTextFill(Color.BLACK);
        l.setMinWidth(0);
        return l;
    }
}
