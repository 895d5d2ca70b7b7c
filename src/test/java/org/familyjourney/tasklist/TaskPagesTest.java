package org.familyjourney.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.PageSession;
import org.familyjourney.support.PageSession.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The tasklist pages over real HTTP, signed in through the login form with CSRF tokens. */
class TaskPagesTest extends ApplicationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void traysShowTheCaseTaskWithCountsAndFilters() {
        String reference = api.referFamily("priya");
        long triage = api.awaitTask("priya", reference, "Task_TriageReferral");
        PageSession priya = PageSession.signedIn(port, "priya");

        Page team = priya.get("/tasks?tray=TEAM&case=" + reference);
        assertThat(team.status()).isEqualTo(200);
        assertThat(team.body()).contains("/tasks/" + triage).contains("My team&#39;s tasks").contains("aria-current=\"page\"");
        assertThat(priya.get("/tasks?tray=TEAM&case=FJ-1999-000001").body()).doesNotContain("/tasks/" + triage);
        assertThat(priya.get("/tasks?tray=TEAM&step=Task_AllocateWorker&case=" + reference).body()).doesNotContain("/tasks/" + triage);
        assertThat(priya.get("/tasks?tray=MINE&case=" + reference).body()).doesNotContain("/tasks/" + triage);
    }

    @Test
    void badFiltersNeverFailThePage() {
        PageSession maya = PageSession.signedIn(port, "maya");
        Page page = maya.get("/tasks?tray=NONSENSE&sort=sideways&dueFrom=yesterday&dueTo=2026-13-45&case=%27%3B--");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("is not a date like 2026-12-01");
    }

    @Test
    void overdueTasksAreMarkedInWords() {
        String reference = api.referFamily("priya");
        long triage = api.awaitTask("priya", reference, "Task_TriageReferral");
        jdbc.update("UPDATE user_task SET due_at = TIMESTAMPADD(DAY, -3, due_at) WHERE id = ?", triage);
        Page overdue = PageSession.signedIn(port, "grace").get("/tasks?tray=OVERDUE&case=" + reference);
        assertThat(overdue.body()).contains("/tasks/" + triage).contains(">Overdue</strong>");
    }

    @Test
    void claimReleaseAndAssignFromTheTaskPage() {
        String reference = api.referFamily("priya");
        long triage = api.awaitTask("priya", reference, "Task_TriageReferral");
        PageSession priya = PageSession.signedIn(port, "priya");
        assertThat(priya.get("/tasks/" + triage).body()).contains("Claim this task");

        Page claimed = priya.postForm("/tasks/" + triage + "/claim", Map.of());
        assertThat(claimed.status()).isEqualTo(302);
        assertThat(priya.follow(claimed).body()).contains("You have claimed this task");
        assertThat(api.get("priya", "/api/tasks/" + triage).text("assignee")).isEqualTo("priya");

        assertThat(priya.follow(priya.postForm("/tasks/" + triage + "/assign", Map.of("assignee", "grace"))).body())
                .contains("The task is now with grace.");
        assertThat(priya.follow(priya.postForm("/tasks/" + triage + "/assign", Map.of("assignee", "nobody-here"))).body())
                .contains("is not a member of staff");
        assertThat(priya.follow(priya.postForm("/tasks/" + triage + "/unclaim", Map.of())).body()).contains("The task is released");
        assertThat(api.get("priya", "/api/tasks/" + triage).body().path("assignee").isMissingNode()).isTrue();
    }

    @Test
    void aWorkerCannotAssignAndSeesAFriendlyPage() {
        PageSession maya = PageSession.signedIn(port, "maya");
        String reference = api.referFamily("priya");
        long triage = api.awaitTask("priya", reference, "Task_TriageReferral");
        maya.get("/tasks");
        Page refused = maya.postForm("/tasks/" + triage + "/assign", Map.of("assignee", "maya"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("You cannot do this").doesNotContain("Exception");
    }

    @Test
    void unknownTaskIsAFriendly404() {
        PageSession maya = PageSession.signedIn(port, "maya");
        assertThat(maya.get("/tasks/987654321").status()).isEqualTo(404);
        Page notANumber = maya.get("/tasks/not-a-number");
        assertThat(notANumber.status()).isEqualTo(404);
        assertThat(notANumber.body()).contains("Page not found").doesNotContain("Exception");
    }

    @Test
    void formIsPrefilledWithChoicesAndADraftIsKeptUntilCompletion() {
        String reference = api.referFamily("priya");
        long triage = api.awaitTask("priya", reference, "Task_TriageReferral");
        api.completeTask("priya", triage, Map.of("triageDecision", "ACCEPT", "triageReason", "Fits"));
        long allocation = api.awaitTask("priya", reference, "Task_AllocateWorker");
        PageSession priya = PageSession.signedIn(port, "priya");
        priya.get("/tasks/" + allocation);

        JsonNode form = priya.getJson("/tasks/" + allocation + "/form").json();
        assertThat(form.path("schema").path("id").asText()).isEqualTo("allocate-worker");
        assertThat(form.path("data").path("availableWorkers").findValuesAsText("value")).contains("maya", "tom");
        assertThat(form.path("data").path("caseReference").asText()).isEqualTo(reference);

        assertThat(priya.postJson("/tasks/" + allocation + "/draft", Map.of("allocationNote", "Half-typed note")).status()).isEqualTo(200);
        JsonNode reopened = priya.getJson("/tasks/" + allocation + "/form").json();
        assertThat(reopened.path("data").path("allocationNote").asText()).isEqualTo("Half-typed note");
        assertThat(reopened.path("draftSavedAt").asText()).isNotBlank();
        assertThat(PageSession.signedIn(port, "grace").getJson("/tasks/" + allocation + "/form").json()
                .path("data").has("allocationNote")).isFalse();

        Page done = priya.postJson("/tasks/" + allocation + "/complete", Map.of("allocatedWorker", "maya", "allocationNote", "Go"));
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.json().path("redirect").asText()).isEqualTo("/tasks");
        assertThat(done.json().path("message").asText()).contains("Make first contact").contains("maya");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM task_draft WHERE task_id = ?", Integer.class, allocation)).isZero();
    }

    @Test
    void serverChecksEverySubmissionAndNamesTheFields() {
        String reference = api.referFamily("priya");
        long triage = api.awaitTask("priya", reference, "Task_TriageReferral");
        PageSession priya = PageSession.signedIn(port, "priya");
        priya.get("/tasks/" + triage);
        Page refused = priya.postJson("/tasks/" + triage + "/complete", Map.of("triageDecision", "PERHAPS"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("triageDecision", "triageReason");
        assertThat(api.get("priya", "/api/tasks/" + triage).text("state")).isEqualTo("OPEN");
    }

    @Test
    void completingGoesToTheNextTaskWhenItIsMine() {
        String reference = api.referFamily("priya");
        long triage = api.awaitTask("priya", reference, "Task_TriageReferral");
        PageSession priya = PageSession.signedIn(port, "priya");
        priya.get("/tasks/" + triage);
        Page done = priya.postJson("/tasks/" + triage + "/complete", Map.of("triageDecision", "ACCEPT", "triageReason", "Fits"));
        long allocation = api.awaitTask("priya", reference, "Task_AllocateWorker");
        assertThat(done.json().path("redirect").asText()).isEqualTo("/tasks/" + allocation);
        assertThat(priya.get("/tasks/" + allocation).body()).contains("Triage referral is complete. Your next step on this case: Allocate worker.");
    }

    @Test
    void theSecondCompletionIsToldWhoWonAndNothingIsWrittenTwice() {
        String reference = api.referFamily("priya");
        long triage = api.awaitTask("priya", reference, "Task_TriageReferral");
        PageSession priya = PageSession.signedIn(port, "priya");
        PageSession grace = PageSession.signedIn(port, "grace");
        priya.get("/tasks/" + triage);
        grace.get("/tasks/" + triage);
        var first = CompletableFuture.supplyAsync(() -> priya.postJson("/tasks/" + triage + "/complete",
                Map.of("triageDecision", "ACCEPT", "triageReason", "Priya")));
        var second = CompletableFuture.supplyAsync(() -> grace.postJson("/tasks/" + triage + "/complete",
                Map.of("triageDecision", "DECLINE", "triageReason", "Grace")));
        Page a = first.join();
        Page b = second.join();
        assertThat(java.util.List.of(a.status(), b.status())).containsExactlyInAnyOrder(200, 409);
        Page loser = a.status() == 409 ? a : b;
        assertThat(loser.json().path("detail").asText()).containsAnyOf("completed by", "completing this task");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journey_entry WHERE case_reference = ? AND kind = 'TASK_COMPLETED'",
                Integer.class, reference)).isEqualTo(1);
    }

    @Test
    void fetchCallsWithoutASessionGet401NotTheSignInPage() {
        Page anonymous = new PageSession(port).getJson("/tasks/1/form");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(new PageSession(port).get("/tasks").location()).endsWith("/login");
    }

    @Test
    void eventsTellAnOpenTaskListThatATaskArrived() throws Exception {
        PageSession priya = PageSession.signedIn(port, "priya");
        HttpResponse<java.io.InputStream> stream = priya.client().send(HttpRequest.newBuilder(priya.uri("/tasks/events"))
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        java.util.List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    events.add(line);
                }
            } catch (java.io.IOException closed) {
                // the test closed the stream
            }
        });
        reader.setDaemon(true);
        reader.start();
        String reference = api.referFamily("priya");
        long triage = api.awaitTask("priya", reference, "Task_TriageReferral");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> events.stream()
                .anyMatch(line -> line.startsWith("data:") && line.contains("\"taskId\":" + triage) && line.contains("opened")));
        stream.body().close();
    }
}
