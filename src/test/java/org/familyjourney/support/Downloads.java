package org.familyjourney.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** Files from the API as a client gets them: plain downloads, and exports made by a job (202, poll, then the file). */
public final class Downloads {

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    public Downloads(int port) {
        this.port = port;
    }

    public HttpResponse<byte[]> get(String user, String path) {
        String token = Base64.getEncoder().encodeToString((user + ":" + TestApi.PASSWORD).getBytes(StandardCharsets.UTF_8));
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Basic " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts an export job, follows its status address until it is done, and returns the file. */
    public HttpResponse<byte[]> byJob(String user, String startPath) {
        HttpResponse<byte[]> started = get(user, startPath);
        assertThat(started.statusCode()).as(new String(started.body(), StandardCharsets.UTF_8)).isEqualTo(202);
        String status = started.headers().firstValue("Location").orElseThrow();
        assertThat(json(started).path("statusUrl").asText()).isEqualTo(status);
        JsonNode[] done = new JsonNode[1];
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
            JsonNode job = json(get(user, status));
            assertThat(job.path("state").asText()).isNotEqualTo("FAILED");
            done[0] = job;
            return job.path("state").asText().equals("DONE");
        });
        assertThat(done[0].path("percent").asInt()).isEqualTo(100);
        HttpResponse<byte[]> file = get(user, done[0].path("downloadUrl").asText());
        assertThat(file.statusCode()).isEqualTo(200);
        return file;
    }

    public static String pdfText(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new AssertionError("Not a PDF", e);
        }
    }

    public static JsonNode json(HttpResponse<byte[]> response) {
        try {
            return new ObjectMapper().readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + new String(response.body(), StandardCharsets.UTF_8), e);
        }
    }
}
