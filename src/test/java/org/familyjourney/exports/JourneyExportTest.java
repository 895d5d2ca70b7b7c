package org.familyjourney.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.familyjourney.support.ApplicationTest;
import org.junit.jupiter.api.Test;

/** Journey exports open as a spreadsheet and as a PDF and hold the case's entries. */
class JourneyExportTest extends ApplicationTest {

    private HttpResponse<byte[]> download(String user, String path) throws Exception {
        String token = Base64.getEncoder().encodeToString((user + ":family-journey").getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void csvHasOneRowPerJourneyEntry() throws Exception {
        String reference = api.referFamily("priya");
        HttpResponse<byte[]> csv = download("alex", "/api/cases/" + reference + "/journey.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).contains(reference + "-journey.csv"));
        String[] lines = new String(csv.body(), StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines[0]).isEqualTo("entry,time (UK),kind,step,by,what,details");
        assertThat(lines).anyMatch(l -> l.contains("REFERRAL_RECEIVED")).anyMatch(l -> l.contains("CASE_OPENED"));
    }

    @Test
    void pdfOpensAndListsTheEntries() throws Exception {
        String reference = api.referFamily("priya");
        HttpResponse<byte[]> pdf = download("alex", "/api/cases/" + reference + "/journey.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Journey of case " + reference).contains("REFERRAL_RECEIVED").contains("CASE_OPENED");
        }
    }

    @Test
    void aWorkerWhoDoesNotHoldTheCaseCannotExportIt() throws Exception {
        String reference = api.referFamily("priya");
        assertThat(download("tom", "/api/cases/" + reference + "/journey.csv").statusCode()).isEqualTo(404);
    }

    @Test
    void cellsThatASpreadsheetWouldRunAreDisarmed() {
        assertThat(Csv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(Csv.cell("a,b")).isEqualTo("\"a,b\"");
    }
}
