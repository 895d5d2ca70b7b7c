package org.familyjourney.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.PageSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * An auditor reads everything and changes nothing. Every endpoint the app maps is found through
 * Spring MVC's own handler mapping, so an endpoint added later is covered without being listed here.
 */
class AuditorAccessTest extends ApplicationTest {

    private static final Set<RequestMethod> READS = Set.of(RequestMethod.GET, RequestMethod.HEAD, RequestMethod.OPTIONS);
    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");
    /** Reads outside auditing: the admin's clock, the live task stream (it never ends), the error page itself. */
    private static final Set<String> NOT_AN_AUDITORS_READ = Set.of("/api/engine/clock", "/tasks/events", "/error");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    record Endpoint(String method, String pattern) {
    }

    private List<Endpoint> endpoints(boolean changes) {
        List<Endpoint> found = new ArrayList<>();
        mappings.getHandlerMethods().keySet().forEach(info -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                for (RequestMethod method : methods) {
                    if (changes != READS.contains(method)) {
                        found.add(new Endpoint(method.name(), pattern));
                    }
                }
            }
        });
        return found;
    }

    @Test
    void everyChangeEndpointAnswers403ToAnAuditorAndChangesNothing() throws Exception {
        String reference = api.referFamily("priya");
        long task = api.awaitTask("priya", reference, "Task_TriageReferral");
        List<Endpoint> changes = endpoints(true);
        assertThat(changes).extracting(Endpoint::pattern)
                .contains("/api/referrals", "/api/tasks/{id}/complete", "/tasks/{id}/claim", "/partner/referral", "/api/engine/clock");
        Map<String, Object> before = state(reference);
        PageSession page = PageSession.signedIn(port, "alex");
        Matcher token = CSRF.matcher(page.get("/audit").body());
        assertThat(token.find()).isTrue();

        Set<String> refused = new TreeSet<>();
        for (Endpoint endpoint : changes) {
            String path = endpoint.pattern().replace("{reference}", reference).replace("{id}", String.valueOf(task))
                    .replaceAll("\\{[^}]+}", "1");
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(30));
            if (path.startsWith("/api/")) {
                request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("alex:family-journey".getBytes(StandardCharsets.UTF_8)))
                        .header("Content-Type", "application/json").method(endpoint.method(), HttpRequest.BodyPublishers.ofString("{}"));
                assertThat(http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                        .as(endpoint + " by the API").isEqualTo(403);
            } else {
                // A page post with a valid CSRF token, so that only the role is left to refuse it.
                request.header("Content-Type", "application/x-www-form-urlencoded").header("X-CSRF-TOKEN", token.group(1))
                        .method(endpoint.method(), HttpRequest.BodyPublishers.ofString("_csrf=" + token.group(1) + "&assignee=alex"));
                assertThat(page.client().send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                        .as(endpoint + " from a page").isEqualTo(403);
            }
            refused.add(endpoint.method() + " " + endpoint.pattern());
        }
        assertThat(refused).hasSameSizeAs(changes.stream().map(e -> e.method() + " " + e.pattern()).distinct().toList());
        assertThat(state(reference)).isEqualTo(before);
    }

    @Test
    void everyAuditorPageAndApiReadWorksForTheAuditor() throws Exception {
        String reference = api.referFamily("priya");
        PageSession page = PageSession.signedIn(port, "alex");
        List<String> read = new ArrayList<>();
        for (Endpoint endpoint : endpoints(false)) {
            String pattern = endpoint.pattern();
            boolean auditors = pattern.startsWith("/audit") || pattern.startsWith("/reports") || pattern.startsWith("/api/reports")
                    || pattern.startsWith("/api/audit") || pattern.startsWith("/api/cases") || pattern.startsWith("/cases/") || pattern.equals("/");
            if (!auditors || NOT_AN_AUDITORS_READ.contains(pattern) || pattern.contains("{id}") || !endpoint.method().equals("GET")) {
                continue;
            }
            String path = pattern.replace("{reference}", reference);
            int status = path.startsWith("/api/") ? api.get("alex", path).status() : page.get(path).status();
            if (status == 406) {
                // A JSON address of the pages (diagram data, an export job): asked as the pages' scripts ask.
                status = page.getJson(path).status();
            }
            assertThat(status).as("GET " + pattern).isIn(200, 202, 302);
            read.add(pattern);
        }
        assertThat(read).contains("/audit", "/audit/cases/{reference}", "/audit/chain", "/reports/funder", "/api/reports/funder",
                "/api/reports/funder.csv", "/api/reports/funder.pdf", "/api/cases/{reference}/subject-access",
                "/api/cases/{reference}/subject-access.pdf", "/audit/cases/{reference}/journey.pdf", "/api/cases/{reference}/journey");
        assertThat(page.get("/").location()).endsWith("/audit");
    }

    /** What an auditor's requests could have changed: the case, its tasks and history, and the service's own records. */
    private Map<String, Object> state(String reference) {
        return Map.of(
                "case", jdbc.queryForMap("SELECT status, worker, version FROM family_case WHERE reference = ?", reference),
                "tasks", jdbc.queryForList("SELECT id, state, assignee, version FROM user_task WHERE case_reference = ? ORDER BY id", reference),
                "journey", jdbc.queryForObject("SELECT COUNT(*) FROM journey_entry WHERE case_reference = ?", Long.class, reference),
                "drafts", jdbc.queryForObject("SELECT COUNT(*) FROM task_draft d JOIN user_task t ON t.id = d.task_id WHERE t.case_reference = ?",
                        Long.class, reference),
                "sessions", jdbc.queryForObject("SELECT COUNT(*) FROM support_session WHERE case_reference = ?", Long.class, reference),
                "concerns", jdbc.queryForObject("SELECT COUNT(*) FROM safeguarding_concern WHERE case_reference = ?", Long.class, reference),
                "referrals", jdbc.queryForObject("SELECT COUNT(*) FROM referral", Long.class));
    }
}
