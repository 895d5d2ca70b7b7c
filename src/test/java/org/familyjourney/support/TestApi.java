package org.familyjourney.support;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;

/**
 * The app's JSON API as a user of it sees it: real HTTP with Basic authentication as one of the
 * demo users. Every call returns the status and the parsed body, so tests assert what a client sees.
 */
@TestComponent
public class TestApi {

    public static final String PASSWORD = "family-journey";
    private static final AtomicInteger FAMILIES = new AtomicInteger();

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final Environment environment;

    public TestApi(Environment environment) {
        this.environment = environment;
    }

    public record Response(int status, JsonNode body, String raw, HttpResponse<String> http) {
        public String text(String field) {
            return body.path(field).asText();
        }
    }

    public Response get(String user, String path) {
        return send(user, HttpRequest.newBuilder(uri(path)).GET());
    }

    public Response post(String user, String path, Object body) {
        return postRaw(user, path, write(body), "application/json");
    }

    public Response postRaw(String user, String path, String body, String contentType) {
        return send(user, HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** Any request as a client may send it (a method, headers and a body of its choosing), e.g. a wrong one. */
    public Response request(String user, String method, String path, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return send(user, request);
    }

    /** A multipart/form-data upload: the file in the part "file", plus text fields (e.g. a comment). */
    public Response upload(String user, String path, String fileName, byte[] content, Map<String, String> fields) {
        String boundary = "fj-" + java.util.UUID.randomUUID();
        var body = new java.io.ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(user, HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** A fresh fictional family referred by a school; returns the case reference. */
    public String referFamily(String user) {
        Response created = post(user, "/api/referrals", referral());
        if (created.status() != 201) {
            throw new AssertionError("Referral not created: " + created.status() + " " + created.raw());
        }
        return created.text("caseReference");
    }

    public Map<String, Object> referral() {
        int n = FAMILIES.incrementAndGet();
        return Map.of(
                "source", "SCHOOL",
                "referrer", Map.of("name", "Ms Ada Fenwick", "organisation", "Brookside Primary", "email", "office@brookside.example"),
                "parent", Map.of("name", "Sam Testfamily" + n, "phone", "07700 900" + String.format("%03d", n % 1000), "postcode", "M14 5AB"),
                "children", java.util.List.of(Map.of("name", "Kit Testfamily" + n, "dateOfBirth", childBorn(11), "school", "Brookside Primary")),
                "concerns", java.util.List.of("GOOD_EDUCATION"),
                "details", "Attendance has fallen this term.",
                "consent", Map.of("given", true, "by", "Sam Testfamily" + n, "at", "2026-11-30T10:00:00Z"));
    }

    /**
     * A child's date of birth this many years before the engine's today. Tests share one engine whose
     * clock only moves forward (retention tests move it years ahead), so a fixed date would in time
     * make the child too old for the service and the referral be refused.
     */
    public String childBorn(int yearsAgo) {
        return engineToday().minusYears(yearsAgo).toString();
    }

    /** The engine's today in the UK (the wall clock's where the engine's clock is not ours to read). */
    public java.time.LocalDate engineToday() {
        Response clock = get("admin", "/api/engine/clock");
        java.time.Instant now = clock.status() == 200 ? java.time.Instant.parse(clock.text("now")) : java.time.Instant.now();
        return java.time.LocalDate.ofInstant(now, java.time.ZoneId.of("Europe/London"));
    }

    /** Waits for an open task of a step on a case, as the user sees it, and returns its id. */
    public long awaitTask(String user, String caseReference, String elementId) {
        long[] id = new long[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            for (JsonNode task : get(user, "/api/tasks?case=" + caseReference).body()) {
                if (elementId.equals(task.path("elementId").asText())) {
                    id[0] = task.path("id").asLong();
                    return true;
                }
            }
            return false;
        });
        return id[0];
    }

    public Response completeTask(String user, long taskId, Map<String, Object> answers) {
        return post(user, "/api/tasks/" + taskId + "/complete", answers);
    }

    public Response advanceClock(String duration) {
        return post("admin", "/api/engine/clock", Map.of("advanceBy", duration));
    }

    /** Moves the engine's clock to just past a moment (an absolute deadline), unless it is already past it. */
    public void moveClockTo(java.time.Instant moment) {
        java.time.Instant now = java.time.Instant.parse(get("admin", "/api/engine/clock").text("now"));
        if (now.isBefore(moment.plusSeconds(1))) {
            Response moved = advanceClock(Duration.between(now, moment.plusSeconds(1)).toString());
            if (moved.status() != 200) {
                throw new AssertionError("Clock not moved: " + moved.status() + " " + moved.raw());
            }
        }
    }

    /** When a named deadline of a case is due, as the case API shows it. */
    public java.time.Instant deadline(String caseReference, String name) {
        for (JsonNode deadline : get("priya", "/api/cases/" + caseReference).body().path("deadlines")) {
            if (name.equals(deadline.path("name").asText())) {
                return java.time.Instant.parse(deadline.path("dueAt").asText());
            }
        }
        throw new AssertionError("No deadline " + name + " on " + caseReference);
    }

    private Response send(String user, HttpRequest.Builder request) {
        if (user != null) {
            String token = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            request.header("Authorization", "Basic " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(120)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            JsonNode body = raw == null || raw.isBlank() ? json.nullNode() : parse(raw);
            return new Response(response.statusCode(), body, raw, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode parse(String raw) {
        try {
            return json.readTree(raw);
        } catch (IOException notJson) {
            return json.getNodeFactory().textNode(raw);
        }
    }

    private String write(Object body) {
        try {
            return body instanceof String text ? text : json.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + environment.getProperty("local.server.port") + path);
    }
}
