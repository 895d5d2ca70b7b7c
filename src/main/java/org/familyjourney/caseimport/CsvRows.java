package org.familyjourney.caseimport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads CSV as spreadsheets write it (RFC 4180: quoted fields, doubled quotes, line breaks in quotes). */
final class CsvRows {

    /** One data row: its line in the file (the header is line 1) and its values by lower-case column name. */
    record Row(int line, Map<String, String> values) {
        String get(String column) {
            String value = values.get(column);
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    record Parsed(List<String> header, List<Row> rows) {
    }

    private CsvRows() {
    }

    static Parsed parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int recordLine = 1;
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < body.length() && body.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < body.length() && body.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                lines.add(recordLine);
                record = new ArrayList<>();
                line++;
                recordLine = line;
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
            lines.add(recordLine);
        }
        if (records.isEmpty()) {
            return new Parsed(List.of(), List.of());
        }
        List<String> header = records.getFirst().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> values = records.get(r);
            if (values.stream().allMatch(String::isBlank)) {
                continue;
            }
            Map<String, String> byName = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                byName.put(header.get(c), c < values.size() ? values.get(c) : null);
            }
            rows.add(new Row(lines.get(r), byName));
        }
        return new Parsed(header, rows);
    }
}
