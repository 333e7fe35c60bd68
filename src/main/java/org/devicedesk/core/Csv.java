package org.devicedesk.core;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV for exports and imports. Exports neutralise cells that a spreadsheet would run as a
 * formula ({@link #neutralise}: OWASP's rule, after any Unicode white space, fullwidth forms too) by
 * prefixing an apostrophe. Imports read UTF-8 (with or without a byte-order mark) or Windows-1252 ({@link #decode}).
 * Imports keep the line number each record started on, for messages that name it.
 */
public final class Csv {
    private Csv() {}

    /** One record read from a file: the line it started on (1 = the header) and its fields. */
    public record Row(int line, List<String> fields) {
        public String get(int i) {
            return i < fields.size() ? fields.get(i) : "";
        }
    }

    /**
     * OWASP's CSV-injection rule: a cell a spreadsheet could run as a formula gets a leading apostrophe.
     * That is one starting with a tab, carriage return or line feed, or whose first character after any
     * Unicode white space (no-break and other spaces, the byte-order mark, zero-width space) is
     * = + - @ or their fullwidth forms ＝ ＋ － ＠, which spreadsheets also read as formulas.
     */
    public static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) return cell == null ? "" : cell;
        return needsNeutralising(cell) ? "'" + cell : cell;
    }

    private static boolean needsNeutralising(String cell) {
        char first = cell.charAt(0);
        if (first == '\t' || first == '\r' || first == '\n') return true;
        int i = 0;
        while (i < cell.length()) {
            int cp = cell.codePointAt(i);
            if (!isBlank(cp)) break;
            i += Character.charCount(cp);
        }
        if (i >= cell.length()) return false;
        char c = cell.charAt(i);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\uFF1D' || c == '\uFF0B' || c == '\uFF0D' || c == '\uFF20';
    }

    private static boolean isBlank(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == '\uFEFF' || cp == '\u200B' || cp == '\u2060'
                || cp == '\u180E' || Character.getType(cp) == Character.CONTROL;
    }

    /** Undoes {@link #neutralise} on import, so an exported file imports back to the same values. */
    public static String unneutralise(String cell) {
        if (cell != null && cell.length() > 1 && cell.charAt(0) == '\'' && needsNeutralising(cell.substring(1))) return cell.substring(1);
        return cell;
    }

    /** A file's text and the encoding it was read in, as a person would name it. */
    public record Decoded(String text, String encoding) {}

    /**
     * Reads a CSV file's bytes: UTF-8 with a byte-order mark, UTF-8 without one, or — when the bytes are
     * not valid UTF-8 — Windows-1252, what Excel on Windows saves as "CSV". Says which it read.
     */
    public static Decoded decode(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            return new Decoded(new String(bytes, 3, bytes.length - 3, java.nio.charset.StandardCharsets.UTF_8), "UTF-8 (with a byte-order mark)");
        }
        try {
            String text = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return new Decoded(text, "UTF-8");
        } catch (java.nio.charset.CharacterCodingException notUtf8) {
            return new Decoded(new String(bytes, java.nio.charset.Charset.forName("windows-1252")),
                    "Windows-1252 (the encoding Excel on Windows uses for \"CSV\")");
        }
    }

    public static void write(Writer out, List<String> header, Iterable<? extends List<String>> rows) {
        try {
            writeRow(out, header);
            for (List<String> r : rows) writeRow(out, r);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeRow(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) out.write(',');
            out.write(quote(neutralise(cells.get(i))));
        }
        out.write("\r\n");
    }

    private static String quote(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) return cell;
        return '"' + cell.replace("\"", "\"\"") + '"';
    }

    /** Reads every record; a quoted field may hold commas, quotes ("") and line breaks. */
    public static List<Row> read(Reader in) {
        try {
            StringBuilder all = new StringBuilder();
            char[] buf = new char[8192];
            for (int n; (n = in.read(buf)) != -1; ) all.append(buf, 0, n);
            return parse(all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Row> parse(CharSequence text) {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int i = 0, n = text.length(), line = 1, start = 1;
        if (n > 0 && text.charAt(0) == '\uFEFF') i = 1; // a byte-order mark from a spreadsheet
        boolean quoted = false;
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') line++;
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                fields.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n') {
                fields.add(cell.toString());
                cell.setLength(0);
                addRow(rows, start, fields);
                fields.clear();
                line++;
                start = line;
            } else if (c != '\r') {
                cell.append(c);
            }
        }
        if (!cell.isEmpty() || !fields.isEmpty()) {
            fields.add(cell.toString());
            addRow(rows, start, fields);
        }
        return rows;
    }

    private static void addRow(List<Row> rows, int start, List<String> fields) {
        if (fields.size() == 1 && fields.get(0).isBlank()) return; // blank line
        rows.add(new Row(start, List.copyOf(fields)));
    }
}
