package org.familyjourney.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person at the pages over real HTTP: a session cookie from the sign-in form, and the CSRF token
 * each page carries, sent back with every post (form field or header, as the pages do).
 */
public class PageSession {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final ObjectMapper json = new ObjectMapper();
    private final int port;
    private String csrf;

    public record Page(int status, String body, String location) {
        public JsonNode json() {
            try {
                return new ObjectMapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON: " + body, e);
            }
        }
    }

    public PageSession(int port) {
        this.port = port;
    }

    public static PageSession signedIn(int port, String username) {
        PageSession session = new PageSession(port);
        Page after = session.signIn(username, TestApi.PASSWORD);
        if (after.status() != 302 || after.location().contains("error")) {
            throw new AssertionError("Sign-in failed for " + username + ": " + after);
        }
        return session;
    }

    public Page signIn(String username, String password) {
        get("/login");
        return postForm("/login", Map.of("username", username, "password", password));
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET());
    }

    public Page getJson(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").header("X-Requested-With", "fetch").GET());
    }

    /** Follows one redirect, as a browser does after a post. */
    public Page follow(Page redirect) {
        URI target = URI.create(redirect.location());
        return get(target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()));
    }

    public Page postForm(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        if (csrf != null) {
            body = body + (body.isEmpty() ? "" : "&") + "_csrf=" + enc(csrf);
        }
        return postRaw(path, body);
    }

    public Page postRaw(String path, String formBody) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(formBody)));
    }

    public Page postJson(String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                    .header("Accept", "application/json").header("X-Requested-With", "fetch")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            if (csrf != null) {
                request.header("X-CSRF-TOKEN", csrf);
            }
            return send(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Any request as a browser script might send it (a method, headers and a body), with the session's CSRF token. */
    public Page request(String method, String path, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        if (csrf != null) {
            request.header("X-CSRF-TOKEN", csrf);
        }
        return send(request);
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            Matcher token = CSRF_META.matcher(body);
            Matcher field = CSRF_FIELD.matcher(body);
            if (token.find()) {
                csrf = token.group(1);
            } else if (field.find()) {
                csrf = field.group(1);
            }
            return new Page(response.statusCode(), body, response.headers().firstValue("Location").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpClient client() {
        return http;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
