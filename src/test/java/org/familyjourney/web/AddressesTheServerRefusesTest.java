package org.familyjourney.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.CapturedLogs;
import org.familyjourney.support.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Addresses that Tomcat refuses before the app sees them - an encoded slash (%2F), a /../ that climbs
 * above the root, a null byte (%00), a % without two hex digits - answer our own plain 400: the friendly page for a browser,
 * problem+json naming the problem for the API; never Tomcat's report, its name or a stack trace, and
 * at most one INFO line in the log. Sent over a raw socket, because HTTP clients tidy such paths.
 */
class AddressesTheServerRefusesTest extends ApplicationTest {

    private static final List<String> REFUSED = List.of("/cases/abc%2Fdef", "/tasks/%2e%2e%2f", "/cases/abc%00def",
            "/%2e%2e/%2e%2e/etc/passwd", "/cases/50%zz");

    record Answer(int status, Map<String, String> headers, String body) {
        String contentType() {
            return headers.getOrDefault("content-type", "");
        }
    }

    /** The first request to reach the app starts its DispatcherServlet, which logs that; not this test's business. */
    @BeforeEach
    void appServedARequestAlready() {
        assertThat(send("/login", "text/html", null).status()).isEqualTo(200);
    }

    @Test
    void aBrowserGetsOurPlainBadRequestPage() {
        try (CapturedLogs logs = CapturedLogs.attach()) {
            for (String path : REFUSED) {
                Answer answer = send(path, "text/html,application/xhtml+xml", null);

                assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(400);
                assertThat(answer.contentType()).as(path).startsWith("text/html").containsIgnoringCase("charset=utf-8");
                assertThat(answer.body()).as(path).contains("Something in the request was not right").contains("Error 400")
                        .contains("href=\"/tasks\"").contains("lang=\"en-GB\"");
                notTomcats(path, answer);
                quiet(logs, path);
            }
        }
    }

    @Test
    void anApiCallerGetsProblemJsonNamingTheProblem() {
        Map<String, String> named = Map.of(
                "/api/cases/abc%2Fdef", "encoded slash (%2F)",
                "/api/tasks/%2e%2e%2f", "encoded slash (%2F)",
                "/api/cases/abc%00def", "null character (%00)",
                "/api/%2e%2e/%2e%2e/etc/passwd", "/../",
                "/api/cases/50%zz", "a % that is not followed by two hexadecimal digits");
        try (CapturedLogs logs = CapturedLogs.attach()) {
            named.forEach((path, problem) -> {
                Answer answer = send(path, "application/json", "priya");

                assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(400);
                assertThat(answer.contentType()).as(path).startsWith("application/problem+json");
                JsonNode json = json(answer.body());
                assertThat(json.path("status").asInt()).isEqualTo(400);
                assertThat(json.path("title").asText()).isEqualTo("Bad Request");
                assertThat(json.path("detail").asText()).as(path).contains(problem).contains("Check the address");
                notTomcats(path, answer);
                quiet(logs, path);
            });
        }
    }

    /** What Tomcat lets through but the app's firewall refuses (a ; in the path, an encoded %) gets the same answers. */
    @Test
    void anAddressTheAppsFirewallRefusesGetsTheSameAnswers() {
        try (CapturedLogs logs = CapturedLogs.attach()) {
            for (String path : List.of("/cases/abc;def", "/cases/abc%25def")) {
                Answer page = send(path, "text/html", null);
                assertThat(page.status()).as(path + ": " + page.body()).isEqualTo(400);
                assertThat(page.body()).contains("Something in the request was not right");
                notTomcats(path, page);
                quiet(logs, path);
                Answer api = send("/api" + path, "application/json", "priya");
                assertThat(api.status()).as(api.body()).isEqualTo(400);
                assertThat(api.contentType()).startsWith("application/problem+json");
                assertThat(json(api.body()).path("status").asInt()).isEqualTo(400);
                notTomcats("/api" + path, api);
                quiet(logs, "/api" + path);
            }
        }
    }

    private static void notTomcats(String path, Answer answer) {
        assertThat(answer.body()).as(path).doesNotContainIgnoringCase("tomcat").doesNotContain("Exception").doesNotContain("at org.")
                .doesNotContain("HTTP Status 400").doesNotContain("Invalid URI");
        assertThat(answer.headers()).as(path).doesNotContainKey("server").doesNotContainKey("x-powered-by");
    }

    /** At most one line for the request, at INFO, with no stack trace and not the address sent. */
    private static void quiet(CapturedLogs logs, String path) {
        List<CapturedLogs.Line> lines = logs.events().stream().filter(CapturedLogs.Line::servingRequest).toList();
        assertThat(lines).as("log lines for " + path).hasSizeLessThanOrEqualTo(1)
                .noneMatch(CapturedLogs.Line::stackTrace)
                .allMatch(l -> l.level() == Level.INFO)
                .noneMatch(l -> l.text().contains(path));
        logs.clear();
    }

    /** One HTTP/1.0 request over a socket, the path exactly as given; the answer as sent (HTTP/1.0: not chunked). */
    private Answer send(String path, String accept, String user) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            Writer out = new java.io.OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII);
            out.write("GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1:" + port + "\r\nAccept: " + accept + "\r\nAccept-Language: en-GB\r\n");
            if (user != null) {
                String basic = Base64.getEncoder().encodeToString((user + ":" + TestApi.PASSWORD).getBytes(StandardCharsets.UTF_8));
                out.write("Authorization: Basic " + basic + "\r\n");
            }
            out.write("\r\n");
            out.flush();
            String raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = raw.indexOf("\r\n\r\n");
            String[] head = raw.substring(0, end).split("\r\n");
            Map<String, String> headers = new TreeMap<>();
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                headers.put(head[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), head[i].substring(colon + 1).trim());
            }
            return new Answer(Integer.parseInt(head[0].split(" ")[1]), headers, raw.substring(end + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode json(String body) {
        try {
            return new ObjectMapper().readTree(body);
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + body, e);
        }
    }
}
