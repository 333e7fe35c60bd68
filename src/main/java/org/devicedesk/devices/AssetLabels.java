package org.devicedesk.devices;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/**
 * What an asset label carries (issue 21, ADR 0013): the asset tag as text and as a QR code or a Code 128
 * barcode (ZXing's encoders, no AWT), and the label sizes the office prints on, single labels and A4 sheets.
 * Sizes are in millimetres; {@link #POINTS_PER_MM} converts them for the printer.
 */
public final class AssetLabels {
    public static final double POINTS_PER_MM = 72 / 25.4;

    private AssetLabels() {}

    public enum Symbology {
        QR("QR code"), CODE_128("Code 128 barcode");
        private final String label;
        Symbology(String label) { this.label = label; }
        public String label() { return label; }
        @Override public String toString() { return label; }
    }

    /**
     * A label size: one label per page on a label printer's roll, or a sheet of {@code columns} x {@code rows}
     * labels at the given pitch from the sheet's top-left margins.
     */
    public enum Size {
        ROLL_62x29("62 × 29 mm label (Brother DK-11209)", 62, 29, 1, 1, 0, 0, 0, 0),
        ROLL_57x32("57 × 32 mm label (Dymo 11354)", 57, 32, 1, 1, 0, 0, 0, 0),
        ROLL_89x36("89 × 36 mm label (Dymo 99012)", 89, 36, 1, 1, 0, 0, 0, 0),
        A4_65("A4 sheet, 65 labels of 38.1 × 21.2 mm (Avery L7651)", 38.1, 21.2, 5, 13, 4.7, 10.7, 40.6, 21.2),
        A4_21("A4 sheet, 21 labels of 63.5 × 38.1 mm (Avery L7160)", 63.5, 38.1, 3, 7, 7.2, 15.1, 66.0, 38.1),
        A4_14("A4 sheet, 14 labels of 99.1 × 38.1 mm (Avery L7163)", 99.1, 38.1, 2, 7, 4.7, 15.1, 101.6, 38.1);

        public final String label;
        public final double widthMm, heightMm, leftMm, topMm, pitchXMm, pitchYMm;
        public final int columns, rows;

        Size(String label, double w, double h, int columns, int rows, double left, double top, double pitchX, double pitchY) {
            this.label = label;
            this.widthMm = w;
            this.heightMm = h;
            this.columns = columns;
            this.rows = rows;
            this.leftMm = left;
            this.topMm = top;
            this.pitchXMm = pitchX;
            this.pitchYMm = pitchY;
        }

        public boolean isSheet() {
            return columns * rows > 1;
        }

        public int perPage() {
            return columns * rows;
        }

        /** The page: the label itself on a roll, A4 for a sheet. */
        public double pageWidthMm() {
            return isSheet() ? 210 : widthMm;
        }

        public double pageHeightMm() {
            return isSheet() ? 297 : heightMm;
        }

        /** How many pages {@code labels} labels take. */
        public int pages(int labels) {
            return Math.max(1, (labels + perPage() - 1) / perPage());
        }

        @Override public String toString() { return label; }
    }

    /**
     * The code's modules, {@code [row][column]} true for dark, with no quiet zone (the label adds its own).
     * A Code 128 barcode is one row, drawn as tall bars.
     */
    public static boolean[][] modules(String assetTag, Symbology symbology) {
        if (assetTag == null || assetTag.isBlank()) throw new IllegalArgumentException("An asset label needs an asset tag.");
        try {
            BitMatrix m = switch (symbology) {
                case QR -> new QRCodeWriter().encode(assetTag, BarcodeFormat.QR_CODE, 0, 0,
                        Map.of(EncodeHintType.MARGIN, 0, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
                case CODE_128 -> new Code128Writer().encode(assetTag, BarcodeFormat.CODE_128, 0, 0, Map.of(EncodeHintType.MARGIN, 0));
            };
            int rows = symbology == Symbology.CODE_128 ? 1 : m.getHeight();
            boolean[][] out = new boolean[rows][m.getWidth()];
            for (int y = 0; y < rows; y++) for (int x = 0; x < m.getWidth(); x++) out[y][x] = m.get(x, y);
            return out;
        } catch (WriterException | IllegalArgumentException e) {
            throw new IllegalArgumentException("The asset tag " + assetTag + " cannot be written as a " + symbology.label() + ": " + e.getMessage(), e);
        }
    }

    /** The modules as SVG path data, one rectangle per run of dark modules in a row, each module {@code unit} wide and {@code rowHeight} high. */
    public static String svgPath(boolean[][] modules, double unit, double rowHeight) {
        StringBuilder sb = new StringBuilder();
        for (int y = 0; y < modules.length; y++) {
            boolean[] row = modules[y];
            int x = 0;
            while (x < row.length) {
                if (!row[x]) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < row.length && row[x]) x++;
                sb.append('M').append(fmt(start * unit)).append(' ').append(fmt(y * rowHeight))
                        .append('h').append(fmt((x - start) * unit)).append('v').append(fmt(rowHeight))
                        .append('h').append(fmt(-(x - start) * unit)).append('z');
            }
        }
        return sb.toString();
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.3f", v);
    }
}
