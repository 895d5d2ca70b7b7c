package org.familyjourney.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.CaseWalk;
import org.familyjourney.support.PageSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A restricted record (a parent fleeing domestic abuse) is seen only by the people named on it: the
 * manager who restricted it, the case's worker, and whoever they name. For everyone else, auditors
 * included, every way in answers as if the case did not exist.
 */
class RestrictedRecordTest extends ApplicationTest {

    @Autowired
    StaffDirectory staff;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void onlyAManagerOrSafeguardingLeadRestrictsAndAReasonIsRequired() {
        String reference = CaseWalk.allocatedTo(api, "maya").reference;

        assertThat(api.post("maya", "/api/cases/" + reference + "/restriction", Map.of("reason", "Fled home")).status()).isEqualTo(403);
        var noReason = api.post("priya", "/api/cases/" + reference + "/restriction", Map.of("people", List.of("alex")));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.raw()).contains("reason");
        var nobody = api.post("priya", "/api/cases/" + reference + "/restriction", Map.of("reason", "Fled home", "people", List.of("no-such-person")));
        assertThat(nobody.status()).isEqualTo(400);
        assertThat(nobody.raw()).contains("no-such-person");
        assertThat(api.get("tom", "/api/cases/" + reference).status()).as("nothing was restricted").isEqualTo(404);
        assertThat(api.get("grace", "/api/cases/" + reference).status()).as("nothing was restricted").isEqualTo(200);
    }

    @Test
    void aRestrictedRecordIsHiddenOnEveryReadPathFromThoseNotNamed() throws Exception {
        String reference = CaseWalk.allocatedTo(api, "maya").reference;
        long task = api.awaitTask("maya", reference, "Task_MakeFirstContact");
        String auditor = "auditor-" + Long.toString(System.nanoTime(), 36);
        staff.createIfAbsent(auditor, "Second Auditor", null, passwords.encode("family-journey"), List.of(Role.AUDITOR));
        PageSession grace = PageSession.signedIn(port, "grace");
        assertThat(grace.get("/cases/" + reference).status()).isEqualTo(200);

        var restricted = api.post("priya", "/api/cases/" + reference + "/restriction",
                Map.of("reason", "Parent has fled domestic abuse; address must not be disclosed", "people", List.of("alex")));

        assertThat(restricted.status()).as(restricted.raw()).isEqualTo(200);
        assertThat(restricted.raw()).contains("alex", "maya", "priya");
        for (String named : List.of("priya", "maya", "alex")) {
            assertThat(api.get(named, "/api/cases/" + reference).status()).as(named).isEqualTo(200);
        }
        for (String other : List.of("grace", "dev", auditor, "tom")) {
            for (String path : List.of("", "/journey", "/journey.csv", "/journey.pdf", "/subject-access", "/subject-access.pdf", "/sessions",
                    "/safeguarding-concerns", "/school-meetings", "/onward-referrals", "/restriction")) {
                assertThat(api.get(other, "/api/cases/" + reference + path).status()).as(other + " " + path).isIn(404, 403);
            }
            assertThat(api.get(other, "/api/cases?reference=" + reference).body()).as(other + " search").isEmpty();
            assertThat(api.get(other, "/api/tasks?case=" + reference).body()).as(other + " tasks").isEmpty();
            assertThat(api.get(other, "/api/tasks/" + task).status()).as(other + " task").isEqualTo(404);
        }
        assertThat(grace.get("/cases/" + reference).status()).isEqualTo(404);
        assertThat(grace.get("/tasks/" + task).status()).isEqualTo(404);
        assertThat(grace.get("/audit/cases/" + reference).status()).isEqualTo(404);
        assertThat(grace.get("/audit?reference=" + reference).body()).doesNotContain(reference + "</a>");
        assertThat(grace.get("/tasks?tray=OVERDUE&case=" + reference).body()).doesNotContain("/tasks/" + task);
        assertThat(PageSession.signedIn(port, "alex").get("/audit?reference=" + reference).body()).contains(reference);
        // The funder report is aggregates only: the restricted family is counted there, never named.
        assertThat(api.get("grace", "/api/reports/funder.csv").raw()).doesNotContain(reference);
        // The journey keeps why, by whom and who was named.
        assertThat(jdbc.queryForList("SELECT actor FROM journey_entry WHERE case_reference = ? AND kind = 'RECORD_RESTRICTED'",
                String.class, reference)).containsExactly("priya");
    }

    @Test
    void taskEventsOfARestrictedRecordReachOnlyThoseNamed() throws Exception {
        String reference = CaseWalk.allocatedTo(api, "maya").reference;
        long task = api.awaitTask("maya", reference, "Task_MakeFirstContact");
        assertThat(api.post("priya", "/api/cases/" + reference + "/restriction", Map.of("reason", "Fleeing abuse")).status()).isEqualTo(200);
        List<String> graceHears = listen(PageSession.signedIn(port, "grace"));
        List<String> priyaHears = listen(PageSession.signedIn(port, "priya"));

        assertThat(api.post("maya", "/api/tasks/" + task + "/unclaim", Map.of()).status()).isEqualTo(204);
        String other = api.referFamily("tom");
        long triage = api.awaitTask("grace", other, "Task_TriageReferral");

        await().atMost(Duration.ofSeconds(20)).until(() -> priyaHears.stream().anyMatch(e -> e.matches(".*\"taskId\":" + task + "\\D.*")));
        await().atMost(Duration.ofSeconds(20)).until(() -> graceHears.stream().anyMatch(e -> e.contains("\"taskId\":" + triage)));
        assertThat(graceHears).noneMatch(e -> e.matches(".*\"taskId\":" + task + "\\D.*"));
    }

    /** The task events a signed-in person's tasklist page receives, collected as they come. */
    private static List<String> listen(PageSession page) throws Exception {
        List<String> heard = new CopyOnWriteArrayList<>();
        HttpResponse<InputStream> stream = page.client().send(HttpRequest.newBuilder(page.uri("/tasks/events"))
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("data:")) {
                        heard.add(line.replace(" ", ""));
                    }
                }
            } catch (Exception closed) {
                // The stream ends with the test JVM.
            }
        }, "test-task-events");
        reader.setDaemon(true);
        reader.start();
        // Connected: the first comment arrives before anything else could.
        return heard;
    }
}
