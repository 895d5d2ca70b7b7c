package org.familyjourney.exports;

import java.util.List;
import java.util.stream.Collectors;

/** Writes CSV as spreadsheets read it (RFC 4180), and disarms cells a spreadsheet would run as formulas. */
public final class Csv {

    private Csv() {
    }

    public static String of(List<String> header, List<List<?>> rows) {
        StringBuilder out = new StringBuilder();
        out.append(line(header));
        for (List<?> row : rows) {
            out.append(line(row));
        }
        return out.toString();
    }

    private static String line(List<?> cells) {
        return cells.stream().map(Csv::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    static String cell(Object value) {
        String text = value == null ? "" : value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
