package org.devicedesk.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of the label print dialog, in its view model: no window, no printer. */
class LabelPrintModelTest {
    private static List<Device> devices(int n) {
        List<Device> list = new ArrayList<>();
        for (int i = 0; i < n; i++) list.add(AssetLabelsTest.device(i + 1, "LT-" + (1000 + i), "Dell Latitude 7450"));
        return list;
    }

    @Test
    void theTitleNamesOneDeviceOrCountsThem() {
        assertEquals("Print the label of LT-1000", new LabelPrintModel(devices(1)).title());
        assertEquals("Print 3 asset labels", new LabelPrintModel(devices(3)).title());
    }

    @Test
    void theLineUnderThePreviewCountsLabelsAndPagesAndSaysHowToPrint() {
        LabelPrintModel m = new LabelPrintModel(devices(22));
        m.size.set(AssetLabels.Size.A4_21);
        assertEquals(2, m.pages());
        assertEquals("22 labels on 2 pages (the first is shown). Print at actual size (100%), with no scaling.", m.pagesLine());
        m.size.set(AssetLabels.Size.A4_65);
        assertEquals("22 labels on 1 page. Print at actual size (100%), with no scaling.", m.pagesLine());
        LabelPrintModel one = new LabelPrintModel(devices(1));
        one.size.set(AssetLabels.Size.ROLL_62x29);
        assertEquals("1 label on 1 page. Choose the label printer and its 62.0 × 29.0 mm labels.", one.pagesLine());
        one.size.set(AssetLabels.Size.A4_21); // as the dialog first opens, for the other tests
    }

    @Test
    void theSizeAndCodeChosenAreKeptForTheNextTime() {
        LabelPrintModel first = new LabelPrintModel(devices(1));
        first.size.set(AssetLabels.Size.ROLL_57x32);
        first.code.set(AssetLabels.Symbology.CODE_128);
        LabelPrintModel next = new LabelPrintModel(devices(2));
        assertEquals(AssetLabels.Size.ROLL_57x32, next.size.get());
        assertEquals(AssetLabels.Symbology.CODE_128, next.code.get());
        next.size.set(AssetLabels.Size.A4_21); // as the dialog first opens, for the other tests
        next.code.set(AssetLabels.Symbology.QR);
        assertEquals(AssetLabels.Size.A4_21, new LabelPrintModel(devices(1)).size.get());
    }

    @Test
    void anAssetTagTheCodeCannotHoldIsSaidBeforeDrawing() {
        LabelPrintModel fine = new LabelPrintModel(devices(2));
        fine.code.set(AssetLabels.Symbology.QR);
        assertNull(fine.problem());
        List<Device> withBlank = new ArrayList<>(devices(1));
        withBlank.add(AssetLabelsTest.device(9, " ", "Unknown"));
        assertEquals("An asset label needs an asset tag.", new LabelPrintModel(withBlank).problem());
    }

    @Test
    void thePreviewFitsThePageIntoItsBox() {
        LabelPrintModel m = new LabelPrintModel(devices(1));
        m.size.set(AssetLabels.Size.A4_21);
        assertEquals(400 / (297 * AssetLabels.POINTS_PER_MM), m.previewScale(400), 1e-9, "A4 is taller than wide: its height fits");
        m.size.set(AssetLabels.Size.ROLL_62x29);
        assertEquals(400 / (62 * AssetLabels.POINTS_PER_MM), m.previewScale(400), 1e-9, "a roll label is wider than tall: its width fits");
        m.size.set(AssetLabels.Size.A4_21);
    }

    private record Paper(String name, double w, double h) {}

    @Test
    void aRollLabelPrintsOnThePrintersPaperOfItsSizeTurnedIfNeeded() {
        double mm = AssetLabels.POINTS_PER_MM;
        Paper a4 = new Paper("A4", 210 * mm, 297 * mm);
        Paper dk = new Paper("DK-11209", 62 * mm + 1, 29 * mm - 1); // within the printer's rounding
        Paper across = new Paper("57x32 across", 32 * mm, 57 * mm);

        LabelPrintModel.Fit<Paper> fit = LabelPrintModel.paperFor(AssetLabels.Size.ROLL_62x29, List.of(a4, across, dk), a4, Paper::w, Paper::h);
        assertEquals(dk, fit.paper());
        assertFalse(fit.landscape());
        fit = LabelPrintModel.paperFor(AssetLabels.Size.ROLL_57x32, List.of(a4, across, dk), a4, Paper::w, Paper::h);
        assertEquals(across, fit.paper());
        assertTrue(fit.landscape(), "listed the other way round: the label lies across it");
        fit = LabelPrintModel.paperFor(AssetLabels.Size.ROLL_89x36, List.of(a4, across, dk), a4, Paper::w, Paper::h);
        assertEquals(a4, fit.paper(), "no paper of that size: the printer's default");
        assertFalse(fit.landscape());
        assertNull(LabelPrintModel.paperFor(AssetLabels.Size.A4_14, List.of(dk), dk, Paper::w, Paper::h).paper(), "a sheet is A4, chosen by the dialog");
    }

    @Test
    void whatTheDialogSaysAfterPrinting() {
        assertEquals("1 page of labels sent to Brother QL-820.", LabelPrintModel.sent(1, "Brother QL-820"));
        assertEquals("3 pages of labels sent to Office.", LabelPrintModel.sent(3, "Office"));
        assertTrue(LabelPrintModel.stopped("ERROR").contains(": ERROR. Check the printer"));
        assertTrue(LabelPrintModel.notPrinted("CANCELED").contains("(CANCELED)"));
    }
}
