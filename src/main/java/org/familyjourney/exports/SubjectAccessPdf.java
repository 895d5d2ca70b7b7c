package org.familyjourney.exports;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The subject access export as a PDF: one section per kind of record, each record a table of field and value. */
final class SubjectAccessPdf {

    private static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm").withZone(ZoneId.of("Europe/London"));
    private static final List<String> COLUMNS = List.of("field", "value");

    private SubjectAccessPdf() {
    }

    static byte[] of(SubjectAccess.Held held, ExportJobs.Progress progress) {
        Pdf pdf = new Pdf("Subject access: everything held for case " + held.caseReference())
                .line("Made " + UK.format(held.madeAt()) + " (UK time) by " + held.madeBy()
                        + ". Every record that names the case, in full, with every field as stored. Times are UTC (ending Z) unless said.");
        List<SubjectAccess.Section> sections = held.sections();
        for (int i = 0; i < sections.size(); i++) {
            SubjectAccess.Section section = sections.get(i);
            progress.at(80 + i * 19 / sections.size(), section.title());
            pdf.heading(section.title() + " (" + section.rows().size() + ")");
            if (section.rows().isEmpty()) {
                pdf.line("None held.");
            }
            for (Map<String, Object> row : section.rows()) {
                List<List<?>> fields = new ArrayList<>();
                row.forEach((field, value) -> fields.add(List.of(field, text(value))));
                pdf.table(COLUMNS, fields, new float[] {1, 4});
            }
        }
        return pdf.bytes();
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof JsonNode node ? node.toString() : value.toString();
    }
}
