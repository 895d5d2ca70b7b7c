package org.familyjourney.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.CaseWalk;
import org.familyjourney.support.PageSession;
import org.familyjourney.support.StoredIncidents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint the app maps (found through Spring MVC's handler mapping, so a new one cannot be
 * forgotten) against every role, as {@link RoleMatrix} writes it down. Each role asks about a family
 * in its remit: a case held by maya (WORKER) in the North team of priya (MANAGER), with a safeguarding
 * concern for dev (SAFEGUARDING_LEAD); alex is the AUDITOR, admin the ADMIN. Whether records outside a
 * role's remit stay hidden is {@link RecordAccessTest}'s question.
 */
class RoleMatrixTest extends ApplicationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");
    /** Requests of this test come "through a proxy" from an address of their own, so that limits per address are its own. */
    private static final String ADDRESS = "198.51.100.23";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    StaffDirectory staff;

    @Autowired
    private JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    private record Mapped(String endpoint, String method, String pattern, String consumes, String produces) {
    }

    private Map<String, Mapped> mapped() {
        Map<String, Mapped> found = new TreeMap<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            List<String> methods = info.getMethodsCondition().getMethods().stream().map(RequestMethod::name).toList();
            String consumes = info.getConsumesCondition().getConsumableMediaTypes().stream().findFirst().map(MediaType::toString).orElse(null);
            String produces = info.getProducesCondition().getProducibleMediaTypes().stream().findFirst().map(MediaType::toString).orElse(null);
            for (String pattern : info.getPatternValues()) {
                for (String method : methods.isEmpty() ? List.of("GET") : methods) {
                    String endpoint = method + " " + pattern;
                    // /error is mapped twice (page and problem+json); one row covers both.
                    found.putIfAbsent(endpoint, new Mapped(endpoint, method, pattern, consumes, produces));
                }
            }
        }
        return found;
    }

    @Test
    void everyMappedEndpointHasARowInTheMatrix() {
        Map<String, RoleMatrix.Row> rows = RoleMatrix.load().rows();
        List<String> missing = mapped().keySet().stream().filter(e -> !rows.containsKey(e)).toList();
        List<String> gone = rows.keySet().stream().filter(e -> !mapped().containsKey(e)).toList();
        if (!missing.isEmpty()) {
            fail("These endpoints have no row in " + RoleMatrix.FILE + ". Add one per endpoint, with the outcome for each role "
                    + RoleMatrix.ROLES + " (ok, login, denied), and run RoleMatrix.main to redraw the README table:\n"
                    + String.join("\n", missing.stream().map(e -> e + "  login ok ok ok ok denied   <- adjust").toList()));
        }
        assertThat(gone).as("rows in " + RoleMatrix.FILE + " for endpoints that no longer exist").isEmpty();
    }

    @Test
    void readmeShowsTheMatrix() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        assertThat(readme).as("README's role matrix; run RoleMatrix.main to redraw it from " + RoleMatrix.FILE)
                .contains(RoleMatrix.load().markdown());
    }

    @Test
    void everyEndpointAnswersEachRoleAsTheMatrixSays() throws Exception {
        CaseWalk walk = CaseWalk.allocatedTo(api, "maya");
        String reference = walk.reference;
        long concern = api.post("maya", "/api/cases/" + reference + "/safeguarding-concerns",
                Map.of("summary", "Kit said he is scared to go home.", "category", "OTHER")).body().path("concernId").asLong();
        long task = api.awaitTask("maya", reference, "Task_MakeFirstContact");
        String export = api.get("alex", "/api/cases/" + reference + "/subject-access.pdf").http().headers().firstValue("Location")
                .orElseThrow().replaceAll(".*/exports/", "");
        // An incident the roles can read and try to retry (an earlier engine run's, so Retry answers 409).
        long incident = StoredIncidents.ofAnEarlierEngineRun(jdbc, reference);
        long referral = jdbc.queryForObject("SELECT referral_id FROM family_case WHERE reference = ?", Long.class, reference);
        String account = "matrix-" + Long.toString(System.nanoTime(), 36);
        staff.createIfAbsent(account, "Matrix Testaccount", null, "{noop}unused", List.of(Role.WORKER));

        Map<String, PageSession> pages = new LinkedHashMap<>();
        Map<String, String> tokens = new LinkedHashMap<>();
        for (int i = 0; i < RoleMatrix.ROLES.size(); i++) {
            String user = RoleMatrix.USERS.get(i);
            PageSession page = user == null ? new PageSession(port) : PageSession.signedIn(port, user);
            Matcher token = CSRF.matcher(page.get("/login").body());
            assertThat(token.find()).as("a CSRF token for " + user).isTrue();
            pages.put(RoleMatrix.ROLES.get(i), page);
            tokens.put(RoleMatrix.ROLES.get(i), token.group(1));
        }

        RoleMatrix expected = RoleMatrix.load();
        Map<String, List<String>> observed = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        for (Mapped endpoint : mapped().values()) {
            RoleMatrix.Row row = expected.rows().get(endpoint.endpoint());
            List<String> outcomes = new ArrayList<>();
            for (int i = 0; i < RoleMatrix.ROLES.size(); i++) {
                String role = RoleMatrix.ROLES.get(i);
                String want = row == null ? "?" : row.outcomes().get(i);
                if (want.equals(RoleMatrix.SKIP)) {
                    outcomes.add(RoleMatrix.SKIP);
                    continue;
                }
                String path = endpoint.pattern().replace("{reference}", reference).replace("{username}", account)
                        .replace("incidents/{id}", "incidents/" + incident)
                        .replace("referrals/{id}", "referrals/" + referral)
                        .replace("{kind}/{id}", "processes/family-journey").replace("processes/{id}", "processes/family-journey")
                        .replace("forms/{id}", "forms/first-contact")
                        .replace("{id}", endpoint.pattern().contains("exports") ? export
                                : endpoint.pattern().contains("safeguarding-concerns") ? String.valueOf(concern) : String.valueOf(task))
                        // Any other variable (a process id, an import id): a value that names nothing.
                        .replaceAll("\\{[^}]+}", "1").replace("**", "x");
                HttpResponse<InputStream> response = send(endpoint, path, RoleMatrix.USERS.get(i), pages.get(role), tokens.get(role));
                String got = RoleMatrix.outcome(response.statusCode(), response.headers().firstValue("Location").orElse(""));
                outcomes.add(got);
                if (endpoint.pattern().endsWith("/unclaim")) {
                    // Released: give the task back to its worker, so each role meets it as the others did.
                    api.post("priya", "/api/tasks/" + task + "/assign", Map.of("assignee", "maya"));
                }
                if (!got.equals(want)) {
                    wrong.add(endpoint.endpoint() + " as " + role + ": expected " + want + ", got " + got + " (" + response.statusCode() + ")");
                }
            }
            observed.put(endpoint.endpoint(), outcomes);
        }
        // What was seen, in the matrix's own format: copy it over the matrix once each difference is understood.
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/role-matrix-observed.txt"), RoleMatrix.format(observed));
        assertThat(wrong).as("endpoints answering a role otherwise than " + RoleMatrix.FILE + " says").isEmpty();
    }

    private HttpResponse<InputStream> send(Mapped endpoint, String path, String user, PageSession page, String token) throws Exception {
        boolean api = path.startsWith("/api/");
        boolean write = !endpoint.method().equals("GET");
        boolean json = endpoint.consumes() != null && endpoint.consumes().contains("json") || api;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60)).header("X-Forwarded-For", ADDRESS)
                .header("Accept", endpoint.produces() != null ? endpoint.produces() : api ? "application/json, */*;q=0.1" : "text/html, */*;q=0.1");
        if (api && user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":family-journey").getBytes(StandardCharsets.UTF_8)));
        }
        if (!api) {
            request.header("X-CSRF-TOKEN", token);
        }
        if (write) {
            // An empty answer: allowed roles get a validation 400 (or a conflict), so nothing is changed on the way.
            String body = json ? "{}" : "_csrf=" + token;
            request.header("Content-Type", json ? "application/json" : "application/x-www-form-urlencoded")
                    .method(endpoint.method(), HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(endpoint.method(), HttpRequest.BodyPublishers.noBody());
        }
        HttpClient client = api ? http : page.client();
        HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            // The task event stream never ends: its status and headers are all this test needs.
            if (!response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
                body.readAllBytes();
            }
        }
        return response;
    }
}
