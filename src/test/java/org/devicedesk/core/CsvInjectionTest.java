package org.devicedesk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** OWASP's CSV-injection rule after any Unicode white space and for fullwidth formula characters; imports in three encodings. */
class CsvInjectionTest {
    @Test
    void formulasBehindUnicodeSpaceOrInFullwidthAreNeutralised() {
        for (String hostile : List.of("\u00A0=HYPERLINK(\"http://x\")", "\uFF1D1+1", "\uFF0Bcmd", "\uFF0D2", "\uFF20SUM(A1)",
                " =1+1", "   @SUM(A1)", "\n=1+1", "\t=1", "\r=1", "\u2007+1", "\u3000=1", "\uFEFF=1", "\u200B=1", "=1", "+1", "-1", "@x")) {
            assertEquals("'" + hostile, Csv.neutralise(hostile), () -> "neutralised: " + hostile.codePoints().mapToObj(Integer::toHexString).toList());
            assertEquals(hostile, Csv.unneutralise(Csv.neutralise(hostile)), "and read back as it was");
        }
        for (String fine : List.of("Laptop", "  spaced text", "O'Brien", "'quoted", "a=b", "", "\u00A0plain")) {
            assertEquals(fine, Csv.neutralise(fine));
            assertEquals(fine, Csv.unneutralise(fine));
        }
    }

    @Test
    void anExportWritesTheNeutralisedCells() {
        StringWriter out = new StringWriter();
        Csv.write(out, List.of("name"), List.of(List.of("\u00A0=cmd|' /C calc'!A0"), List.of("\uFF1DIMPORTXML(1)")));
        assertEquals("name\r\n'\u00A0=cmd|' /C calc'!A0\r\n'\uFF1DIMPORTXML(1)\r\n", out.toString());
    }

    @Test
    void importReadsUtf8WithOrWithoutBomAndWindows1252AndSaysWhich() {
        String text = "full_name,team\r\nZoë Müller,Café – Sales\r\n";
        byte[] bom = new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[bom.length + utf8.length];
        System.arraycopy(bom, 0, withBom, 0, 3);
        System.arraycopy(utf8, 0, withBom, 3, utf8.length);
        byte[] excel = text.getBytes(Charset.forName("windows-1252"));

        assertEquals(new Csv.Decoded(text, "UTF-8"), Csv.decode(utf8));
        assertEquals(new Csv.Decoded(text, "UTF-8 (with a byte-order mark)"), Csv.decode(withBom));
        Csv.Decoded fromExcel = Csv.decode(excel);
        assertEquals(text, fromExcel.text(), "é, ë, ü and the en dash as Excel on Windows wrote them");
        assertEquals("Windows-1252 (the encoding Excel on Windows uses for \"CSV\")", fromExcel.encoding());
        assertEquals("Café – Sales", Csv.read(new java.io.StringReader(fromExcel.text())).get(1).get(1));
    }
}
