package org.devicedesk.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.GenericMultipleBarcodeReader;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.transform.Transform;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Asset labels rendered as the printer gets them (JavaFX nodes, snapshot at 300 dpi), written to PNG under
 * target/labels/ to look at, and decoded back with ZXing: what a scanner reads is the asset tag.
 */
class AssetLabelsTest {
    static final Path OUT = Path.of("target", "labels");

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
        Files.createDirectories(OUT);
    }

    static Device device(long id, String tag, String model) {
        return new Device(id, tag, Device.Kind.LAPTOP, model, null, null, null, true, Device.Mode.POOL, Device.Status.IN_STOCK, "Comms", null,
                Instant.EPOCH, Instant.EPOCH, null, 1);
    }

    /** The page at 300 dpi, rendered on the FX thread, as ARGB pixels. */
    static int[][] render(Node page, Path png) throws Exception {
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> {
            new Scene(new Pane(page)); // CSS and layout as in a window
            page.applyCss();
            ((javafx.scene.Parent) page).layout();
            SnapshotParameters p = new SnapshotParameters();
            p.setTransform(Transform.scale(300 / 72.0, 300 / 72.0));
            return page.snapshot(p, null);
        }).get(60, TimeUnit.SECONDS);
        int w = (int) image.getWidth(), h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, w, h, argb, 0, w);
        ImageIO.write(out, "png", png.toFile());
        return new int[][] {argb, {w, h}};
    }

    static BinaryBitmap bitmap(int[][] rendered) {
        return new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(rendered[1][0], rendered[1][1], rendered[0])));
    }

    @Test
    void anA4SheetOfQrLabelsDecodesToEveryAssetTag() throws Exception {
        List<Device> devices = new ArrayList<>();
        String[] models = {"Dell Latitude 5440", "Samsung Galaxy A55", "Apple iPad 10.9", "Lenovo ThinkPad T14", "Dell Latitude 7450", null};
        for (int i = 0; i < 6; i++) devices.add(device(i + 1, "PL-00" + (10 + i), models[i]));
        List<Node> pages = WaitForAsyncUtils.asyncFx(() -> LabelSheetView.pages(devices, AssetLabels.Size.A4_21, AssetLabels.Symbology.QR, true))
                .get(60, TimeUnit.SECONDS);
        assertEquals(1, pages.size());
        int[][] rendered = render(pages.get(0), OUT.resolve("labels-a4-qr.png"));
        assertEquals(2480, rendered[1][0], 1.0, "A4 at 300 dpi is about 2480 pixels wide");
        Result[] found = new GenericMultipleBarcodeReader(new MultiFormatReader())
                .decodeMultiple(bitmap(rendered), Map.of(DecodeHintType.TRY_HARDER, true, DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE)));
        Set<String> tags = new TreeSet<>();
        for (Result r : found) tags.add(r.getText());
        assertEquals(new TreeSet<>(List.of("PL-0010", "PL-0011", "PL-0012", "PL-0013", "PL-0014", "PL-0015")), tags);
    }

    @Test
    void aCode128LabelOnARollDecodesToItsAssetTag() throws Exception {
        Device d = device(1, "LT-0042", "Dell Latitude 5440");
        List<Node> pages = WaitForAsyncUtils.asyncFx(() -> LabelSheetView.pages(List.of(d), AssetLabels.Size.ROLL_62x29, AssetLabels.Symbology.CODE_128, false))
                .get(60, TimeUnit.SECONDS);
        int[][] rendered = render(pages.get(0), OUT.resolve("label-62x29-code128.png"));
        assertEquals(Math.round(62 / 25.4 * 300), rendered[1][0], 1.0, "the page is the 62 mm label");
        Result r = new MultiFormatReader().decode(bitmap(rendered), Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.CODE_128)));
        assertEquals("LT-0042", r.getText());
        assertEquals(BarcodeFormat.CODE_128, r.getBarcodeFormat());
    }

    @Test
    void manyLabelsFillSheetsInOrder() {
        assertEquals(1, AssetLabels.Size.A4_65.pages(65));
        assertEquals(2, AssetLabels.Size.A4_65.pages(66));
        assertEquals(3, AssetLabels.Size.ROLL_57x32.pages(3));
        for (AssetLabels.Size s : AssetLabels.Size.values()) {
            if (!s.isSheet()) continue;
            // the last label ends inside the A4 sheet
            assertTrue(s.leftMm + (s.columns - 1) * s.pitchXMm + s.widthMm <= 210, s.name());
            assertTrue(s.topMm + (s.rows - 1) * s.pitchYMm + s.heightMm <= 297, s.name());
        }
        boolean[][] bars = AssetLabels.modules("LT-0042", AssetLabels.Symbology.CODE_128);
        assertEquals(1, bars.length);
        assertTrue(bars[0][0], "Code 128 starts with a bar");
        assertTrue(AssetLabels.svgPath(bars, 1, 10).startsWith("M0.000 0.000h2.000v10.000"), "the start code's first bar is two modules");
    }
}
