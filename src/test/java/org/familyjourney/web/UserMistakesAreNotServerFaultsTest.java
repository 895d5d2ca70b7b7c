package org.familyjourney.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.CapturedLogs;
import org.familyjourney.support.PageSession;
import org.familyjourney.support.PageSession.Page;
import org.familyjourney.support.TestApi.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;

/**
 * Wrong requests - wrong Content-Type or Accept, wrong method, an address with nothing there, a missing
 * or mistyped parameter, a body that is not JSON - are the sender's mistake: each answers its 4xx (a
 * person the friendly error page, an API caller problem+json naming the problem) and the log gets at
 * most one line for it, at INFO or WARN, with neither a stack trace nor what was sent. Only our own
 * faults are logged at ERROR with their stack trace.
 */
class UserMistakesAreNotServerFaultsTest extends ApplicationTest {

    /** In every body sent: it must never reach the log. */
    private static final String SENT = "Zephyrine Quillfeather";
    private static final String HTML = "text/html";
    private static final String FORM = "application/x-www-form-urlencoded";

    @Autowired
    MessageSource messages;

    @Test
    void wrongPageRequestsGetTheFriendlyPageAndNoStackTrace() {
        PageSession maya = PageSession.signedIn(port, "maya");
        PageSession priya = PageSession.signedIn(port, "priya");
        maya.get("/tasks");
        priya.get("/tasks");
        try (CapturedLogs logs = CapturedLogs.attach()) {
            page(logs, maya.request("POST", "/tasks/1/draft", Map.of("Content-Type", "text/plain", "Accept", HTML), SENT),
                    415, "This cannot be sent that way");
            page(logs, maya.request("DELETE", "/tasks", Map.of("Accept", HTML), SENT), 405, "That did not work");
            page(logs, maya.request("GET", "/css/no-such-style.css", Map.of("Accept", HTML), null), 404, "Page not found");
            page(logs, maya.request("GET", "/no/such/page", Map.of("Accept", HTML), null), 404, "Page not found");
            page(logs, priya.request("POST", "/manage/processes/family-support/migrations", Map.of("Content-Type", FORM, "Accept", HTML),
                    "note=" + SENT), 400, "fromVersion is missing");
            page(logs, priya.request("POST", "/manage/processes/family-support/migrations", Map.of("Content-Type", FORM, "Accept", HTML),
                    "fromVersion=" + SENT), 400, "fromVersion has the wrong form");
            page(logs, maya.request("GET", "/tasks/not-a-number", Map.of("Accept", HTML), null), 404, "Page not found");
            // The pages' own JSON calls answer like the API.
            Page notJson = maya.request("POST", "/tasks/1/draft", Map.of("Content-Type", "application/json", "Accept", "application/json"),
                    "{\"notes\": " + SENT);
            assertThat(notJson.status()).isEqualTo(400);
            assertThat(notJson.json().path("detail").asText()).contains("not valid JSON");
            quiet(logs, "a page's JSON call with a body that is not JSON");
        }
    }

    @Test
    void wrongApiRequestsGetProblemJsonNamingTheProblemAndNoStackTrace() {
        try (CapturedLogs logs = CapturedLogs.attach()) {
            problem(logs, api.request("priya", "POST", "/api/referrals", Map.of("Content-Type", "text/plain"), SENT), 415, "Content-Type: application/json");
            problem(logs, api.request("priya", "GET", "/api/tasks", Map.of("Accept", "image/png"), null), 406, "Accept: application/json");
            problem(logs, api.request("priya", "DELETE", "/api/referrals", Map.of(), SENT), 405, "does not accept");
            problem(logs, api.request("priya", "GET", "/api/no-such-thing", Map.of(), null), 404, "nothing at this address");
            problem(logs, api.request("priya", "GET", "/api/no-such-script.js", Map.of(), null), 404, "nothing at this address");
            problem(logs, api.request("priya", "POST", "/api/processes/family-support/migrations", Map.of(), null), 400, "fromVersion");
            problem(logs, api.request("priya", "POST", "/api/processes/family-support/migrations?fromVersion=Zephyrine", Map.of(), null),
                    400, "fromVersion");
            problem(logs, api.request("priya", "GET", "/api/tasks/not-a-number", Map.of(), null), 400, "id");
            problem(logs, api.request("priya", "POST", "/api/referrals", Map.of("Content-Type", "application/json"), "{\"details\": \"" + SENT),
                    400, "not valid JSON");
        }
    }

    /** A framework's 4xx that no handler names (here a page whose answer the browser will not accept) is still the sender's. */
    @Test
    void anUnlistedClientErrorIsItsStatusNotAServerFault() {
        try (CapturedLogs logs = CapturedLogs.attach()) {
            MockHttpServletResponse response = new MockHttpServletResponse();
            var page = new PageExceptionHandler(messages).unexpected(new HttpMediaTypeNotAcceptableException(List.of()), response, Locale.UK);
            assertThat(response.getStatus()).isEqualTo(406);
            assertThat(page.getModel().get("heading")).isEqualTo("This cannot be shown that way");
            var problem = new ApiExceptionHandler().unexpected(new HttpMediaTypeNotAcceptableException(List.of()));
            assertThat(problem.getStatusCode().value()).isEqualTo(406);
            assertThat(logs.events()).noneMatch(CapturedLogs.Line::stackTrace).noneMatch(l -> l.level() == Level.ERROR);
        }
    }

    @Test
    void ourOwnFaultsAreStillLoggedWithTheirStackTrace() {
        try (CapturedLogs logs = CapturedLogs.attach()) {
            var problem = new ApiExceptionHandler().unexpected(new IllegalStateException("a bug of ours"));
            assertThat(problem.getStatusCode().value()).isEqualTo(500);
            MockHttpServletResponse response = new MockHttpServletResponse();
            new PageExceptionHandler(messages).unexpected(new IllegalStateException("a bug of ours"), response, Locale.UK);
            assertThat(response.getStatus()).isEqualTo(500);
            assertThat(logs.events()).filteredOn(l -> l.level() == Level.ERROR && l.stackTrace()).hasSize(2);
        }
    }

    private void page(CapturedLogs logs, Page page, int status, String shown) {
        assertThat(page.status()).as(page.body()).isEqualTo(status);
        assertThat(page.body()).contains("Error " + status).contains(shown).contains("Go to your tasks")
                .doesNotContain("Exception").doesNotContain("at org.").doesNotContain(SENT);
        quiet(logs, "a page answering " + status);
    }

    private void problem(CapturedLogs logs, Response response, int status, String named) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.http().headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.body().path("status").asInt()).isEqualTo(status);
        assertThat(response.raw()).contains(named).doesNotContain("Exception").doesNotContain(SENT);
        quiet(logs, "the API answering " + status);
    }

    /** What the request's thread logged: at most one line, not an error, no stack trace, nothing that was sent. */
    private static void quiet(CapturedLogs logs, String what) {
        List<CapturedLogs.Line> lines = logs.events().stream().filter(CapturedLogs.Line::servingRequest).toList();
        assertThat(lines).as("log lines for " + what).hasSizeLessThanOrEqualTo(1)
                .noneMatch(CapturedLogs.Line::stackTrace)
                .noneMatch(l -> l.level().isGreaterOrEqual(Level.ERROR))
                .noneMatch(l -> l.text().contains(SENT) || l.text().contains("Zephyrine"));
        logs.clear();
    }
}
