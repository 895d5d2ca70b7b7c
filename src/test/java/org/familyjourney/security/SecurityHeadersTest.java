package org.familyjourney.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.PageSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.web.ServerProperties;

/** The browser-facing defences: CSRF on every form, the security headers, no inline script, the session timeout. */
class SecurityHeadersTest extends ApplicationTest {

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern EVENT_ATTRIBUTE = Pattern.compile("\\s(th:)?on[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

    @Autowired
    ServerProperties server;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aPagePostWithoutTheCsrfTokenIsRefused() {
        String reference = api.referFamily("priya");
        long triage = api.awaitTask("priya", reference, "Task_TriageReferral");
        PageSession priya = PageSession.signedIn(port, "priya");

        assertThat(priya.postRaw("/tasks/" + triage + "/claim", "").status()).isEqualTo(403);
        assertThat(priya.postRaw("/referrals/new", "source=SCHOOL").status()).isEqualTo(403);
        assertThat(api.get("priya", "/api/tasks/" + triage).text("assignee")).isEmpty();

        priya.get("/tasks/" + triage);
        assertThat(priya.postForm("/tasks/" + triage + "/claim", Map.of()).status()).isEqualTo(302);
        assertThat(api.get("priya", "/api/tasks/" + triage).text("assignee")).isEqualTo("priya");
    }

    @Test
    void everyPageFormPostsToAThymeleafActionSoItCarriesTheToken() throws IOException {
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            List<String> bare = templates.filter(p -> p.toString().endsWith(".html")).flatMap(p -> lines(p).stream()
                    .filter(l -> l.contains("<form") && l.toLowerCase().contains("method=\"post\"") && !l.contains("th:action"))
                    .map(l -> p + ": " + l.strip())).toList();
            assertThat(bare).as("post forms without th:action (Thymeleaf adds the _csrf field only to those)").isEmpty();
        }
        try (Stream<Path> scripts = Files.walk(Path.of("src/main/resources/static/js"))) {
            scripts.filter(p -> p.toString().endsWith(".js")).forEach(p -> {
                String js = String.join("\n", lines(p));
                if (js.matches("(?s).*method:\\s*['\"](POST|PUT|DELETE|PATCH).*") || js.contains("request(method")) {
                    assertThat(js).as(p + " changes something by fetch, so it must send the CSRF header").contains("csrf");
                }
            });
        }
    }

    @Test
    void noTemplateHasInlineScriptOrEventHandlerAttributes() throws IOException {
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            List<String> inline = templates.filter(p -> p.toString().endsWith(".html")).flatMap(p -> lines(p).stream()
                    .filter(l -> INLINE_SCRIPT.matcher(l).find() || EVENT_ATTRIBUTE.matcher(l).find()).map(l -> p + ": " + l.strip())).toList();
            assertThat(inline).as("script belongs in static/js files: the CSP (script-src 'self') blocks inline script").isEmpty();
        }
    }

    @Test
    void pagesAndTheApiSendTheSecurityHeaders() throws Exception {
        for (String path : List.of("/login", "/api/tasks", "/partner/referral")) {
            HttpResponse<String> response = get(path, false);
            String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).as(path).contains("script-src 'self';", "frame-ancestors 'none'", "object-src 'none'");
            assertThat(csp.replaceAll(".*script-src ([^;]*);.*", "$1")).as(path).doesNotContain("unsafe");
            assertThat(response.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
            assertThat(response.headers().firstValue("Strict-Transport-Security")).as(path + " over plain HTTP").isEmpty();
        }
    }

    @Test
    void hstsIsSentWhenTheRequestCameOverTls() throws Exception {
        for (String path : List.of("/login", "/api/tasks")) {
            assertThat(get(path, true).headers().firstValue("Strict-Transport-Security")).as(path)
                    .hasValue("max-age=31536000 ; includeSubDomains");
        }
    }

    @Test
    void anIdleSessionEndsAfterThirtyMinutes() {
        assertThat(server.getServlet().getSession().getTimeout()).isEqualTo(Duration.ofMinutes(30));
    }

    private HttpResponse<String> get(String path, boolean overTls) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (overTls) {
            request.header("X-Forwarded-Proto", "https");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> lines(Path path) {
        try {
            return Files.readAllLines(path);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
