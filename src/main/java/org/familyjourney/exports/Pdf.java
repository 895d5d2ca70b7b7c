package org.familyjourney.exports;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.util.List;

/** A plain, readable PDF: a title, a few lines of context, and tables. Enough for exports and reports. */
public final class Pdf {

    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
    private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11);
    private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 9);

    private final Document document = new Document(PageSize.A4.rotate(), 30, 30, 30, 30);
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    public Pdf(String title) {
        PdfWriter.getInstance(document, bytes);
        document.addTitle(title);
        document.open();
        document.add(new Paragraph(title, TITLE));
    }

    public Pdf line(String text) {
        document.add(new Paragraph(text, BODY));
        return this;
    }

    public Pdf heading(String text) {
        Paragraph heading = new Paragraph(text, HEADING);
        heading.setSpacingBefore(10);
        document.add(heading);
        return this;
    }

    public Pdf table(List<String> header, List<List<?>> rows) {
        return table(header, rows, null);
    }

    /** A table whose columns share the width as given (relative widths, one per column). */
    public Pdf table(List<String> header, List<List<?>> rows, float[] widths) {
        PdfPTable table = widths == null ? new PdfPTable(header.size()) : new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setSpacingBefore(6);
        table.setHeaderRows(1);
        for (String column : header) {
            PdfPCell cell = new PdfPCell(new Phrase(column, HEADING));
            cell.setHorizontalAlignment(Element.ALIGN_LEFT);
            table.addCell(cell);
        }
        for (List<?> row : rows) {
            for (Object value : row) {
                table.addCell(new Phrase(value == null ? "" : value.toString(), BODY));
            }
        }
        document.add(table);
        return this;
    }

    public byte[] bytes() {
        try {
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("Could not finish the PDF", e);
        }
        return bytes.toByteArray();
    }
}
