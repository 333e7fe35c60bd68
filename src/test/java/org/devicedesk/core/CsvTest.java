package org.devicedesk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void formulaLookingCellsAreNeutralisedOnExportAndRestoredOnImport() {
        StringWriter out = new StringWriter();
        Csv.write(out, List.of("a", "b", "c", "d", "e"), List.of(List.of("=SUM(A1)", "+44 121", "-5", "@cmd", "plain")));
        assertEquals("a,b,c,d,e\r\n'=SUM(A1),'+44 121,'-5,'@cmd,plain\r\n", out.toString());
        List<Csv.Row> rows = Csv.read(new StringReader(out.toString()));
        assertEquals(List.of("=SUM(A1)", "+44 121", "-5", "@cmd", "plain"),
                rows.get(1).fields().stream().map(Csv::unneutralise).toList());
    }

    @Test
    void quotedFieldsKeepCommasQuotesAndLineBreaksAndRowsKeepTheirStartingLine() {
        String text = "name,notes\r\n\"Patel, Sam\",\"said \"\"hi\"\"\nthen left\"\r\nZoë Ó Briain,ok\n";
        List<Csv.Row> rows = Csv.read(new StringReader(text));
        assertEquals(3, rows.size());
        assertEquals(List.of("Patel, Sam", "said \"hi\"\nthen left"), rows.get(1).fields());
        assertEquals(2, rows.get(1).line());
        assertEquals(4, rows.get(2).line(), "the record after a two-line record starts on line 4");
        assertEquals("Zoë Ó Briain", rows.get(2).get(0));
    }

    @Test
    void aByteOrderMarkAndBlankLinesAreIgnoredAndMissingCellsReadAsEmpty() {
        List<Csv.Row> rows = Csv.read(new StringReader("\uFEFFa,b\n\nx\n"));
        assertEquals(2, rows.size());
        assertEquals("a", rows.get(0).get(0));
        assertEquals("", rows.get(1).get(1));
        assertEquals(3, rows.get(1).line());
    }

    /** A cell the user wrote as "'=x" is the one value the apostrophe convention cannot tell from a neutralised "=x". */
    private static String stripLeadingApostrophe(String s) {
        return s.startsWith("'") ? s.substring(1) : s;
    }

    @Property(tries = 300)
    void whateverIsWrittenReadsBackTheSame(@ForAll @Size(min = 1, max = 5) List<@Size(max = 4) List<String>> table) {
        int width = table.stream().mapToInt(List::size).max().orElse(0);
        if (width == 0) return;
        List<List<String>> rows = table.stream().map(r -> {
            String[] cells = new String[width];
            for (int i = 0; i < width; i++) cells[i] = i < r.size() ? stripLeadingApostrophe(r.get(i).replace("\r", "").replace("\uFEFF", "")) : "x";
            return List.of(cells);
        }).toList();
        StringWriter out = new StringWriter();
        Csv.write(out, rows.get(0), rows.subList(1, rows.size()));
        List<Csv.Row> back = Csv.read(new StringReader(out.toString()));
        List<List<String>> expected = rows.stream().filter(r -> !(r.size() == 1 && r.get(0).isBlank())).toList();
        assertEquals(expected, back.stream().map(r -> r.fields().stream().map(Csv::unneutralise).toList()).toList());
    }
}
