package org.devicedesk.devices;

import java.util.List;
import java.util.function.ToDoubleFunction;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The view model of the label print dialog ({@link LabelPrintDialog}, issue 15): the devices, the label size and
 * code chosen (remembered for the next time the dialog opens), the window's title, the line under the preview,
 * whether every asset tag can be written in the code chosen, the preview's scale, the paper a roll label prints
 * on, and what the dialog says after printing. No printer and no window: the dialog keeps those.
 */
final class LabelPrintModel {
    private static AssetLabels.Size lastSize = AssetLabels.Size.A4_21;
    private static AssetLabels.Symbology lastCode = AssetLabels.Symbology.QR;

    static final String NO_PRINTER = "No printer is set up on this computer. Add a printer (or a label printer) and try again.";

    final List<Device> devices;
    final ObjectProperty<AssetLabels.Size> size = new SimpleObjectProperty<>(lastSize);
    final ObjectProperty<AssetLabels.Symbology> code = new SimpleObjectProperty<>(lastCode);

    /** At least one device. */
    LabelPrintModel(List<Device> devices) {
        this.devices = List.copyOf(devices);
        size.addListener((o, a, b) -> lastSize = b);
        code.addListener((o, a, b) -> lastCode = b);
    }

    String title() {
        return devices.size() == 1 ? "Print the label of " + devices.get(0).assetTag() : "Print " + devices.size() + " asset labels";
    }

    int pages() {
        return size.get().pages(devices.size());
    }

    /** "3 labels on 1 page. Print at actual size (100%), with no scaling." */
    String pagesLine() {
        AssetLabels.Size s = size.get();
        int n = pages();
        return devices.size() + (devices.size() == 1 ? " label" : " labels") + " on " + n + (n == 1 ? " page" : " pages")
                + (n > 1 ? " (the first is shown)" : "") + ". " + (s.isSheet()
                ? "Print at actual size (100%), with no scaling."
                : "Choose the label printer and its " + s.widthMm + " × " + s.heightMm + " mm labels.");
    }

    /** Why the labels cannot be drawn (an asset tag the code cannot hold), or null when they can. */
    String problem() {
        try {
            for (Device d : devices) AssetLabels.modules(d.assetTag(), code.get());
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** The scale that fits the first page into a {@code box} × {@code box} point preview. */
    double previewScale(double box) {
        AssetLabels.Size s = size.get();
        double w = s.pageWidthMm() * AssetLabels.POINTS_PER_MM, h = s.pageHeightMm() * AssetLabels.POINTS_PER_MM;
        return Math.min(box / w, box / h);
    }

    static String sent(int pages, String printer) {
        return pages + (pages == 1 ? " page" : " pages") + " of labels sent to " + printer + ".";
    }

    static String stopped(Object status) {
        return "The printer stopped before the labels were printed: " + status + ". Check the printer and try again.";
    }

    static String notPrinted(Object status) {
        return "The labels could not be printed (" + status + "). Check the printer and try again.";
    }

    /** A paper and whether the label lies across it. */
    record Fit<P>(P paper, boolean landscape) {}

    /**
     * The paper a label of {@code s} prints on: for a roll, the first of the printer's papers of the label's size
     * (within 4 points), turned when it is listed the other way round, else the printer's {@code fallback}; a sheet is
     * null here (A4, portrait). Papers are read through {@code width} and {@code height} in points.
     */
    static <P> Fit<P> paperFor(AssetLabels.Size s, List<P> supported, P fallback, ToDoubleFunction<P> width, ToDoubleFunction<P> height) {
        if (s.isSheet()) return new Fit<>(null, false);
        double w = s.widthMm * AssetLabels.POINTS_PER_MM, h = s.heightMm * AssetLabels.POINTS_PER_MM, tolerance = 4;
        for (P p : supported) {
            if (Math.abs(width.applyAsDouble(p) - w) < tolerance && Math.abs(height.applyAsDouble(p) - h) < tolerance) return new Fit<>(p, false);
            if (Math.abs(width.applyAsDouble(p) - h) < tolerance && Math.abs(height.applyAsDouble(p) - w) < tolerance) return new Fit<>(p, true);
        }
        return new Fit<>(fallback, false);
    }
}
