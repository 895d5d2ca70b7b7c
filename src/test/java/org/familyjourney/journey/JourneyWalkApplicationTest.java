package org.familyjourney.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.TestApi.Response;
import org.junit.jupiter.api.Test;

/**
 * One family walked through the whole journey by the API, on the embedded engine and MariaDB, with
 * the engine's clock moved for every wait: referral to follow-up, and reopened afterwards.
 */
class JourneyWalkApplicationTest extends ApplicationTest {

    private static final Map<String, Object> ASSESSMENT = Map.of(
            "needs", List.of(Map.of("domain", "GOOD_EDUCATION", "score", 2, "description", "Kit misses school most Mondays")),
            "strengths", "A loving home", "familyGoals", "Kit back in school every day", "childsVoice", "I get headaches in the mornings");

    private static Map<String, Object> plan() {
        return Map.of("goals", List.of(Map.of("goal", "Kit attends school every day", "domain", "GOOD_EDUCATION",
                        "actions", "Morning routine; talk to the school nurse", "owner", "PARENT", "targetDate", "2027-06-30")),
                "schoolMeetingNeeded", false, "onwardReferrals", List.of(), "groupProgrammes", List.of());
    }

    private long task(String user, String reference, String step) {
        return api.awaitTask(user, reference, step);
    }

    private void complete(String user, String reference, String step, Map<String, Object> answers) {
        Response done = api.completeTask(user, task(user, reference, step), answers);
        assertThat(done.status()).as(step + ": " + done.raw()).isEqualTo(204);
    }

    @Test
    void familyIsReferredSupportedClosedFollowedUpAndReopened() {
        String reference = api.referFamily("priya");
        complete("priya", reference, "Task_TriageReferral", Map.of("triageDecision", "ACCEPT", "triageReason", "School attendance support"));
        complete("priya", reference, "Task_AllocateWorker", Map.of("allocatedWorker", "grace"));
        complete("grace", reference, "Task_MakeFirstContact", Map.of("firstContactOutcome", "REACHED",
                "firstContactDate", "2026-12-01", "firstContactMethod", "HOME_VISIT", "firstContactNotes", "Met Sam and Kit at home"));
        complete("grace", reference, "Task_AssessFamily", ASSESSMENT);
        complete("grace", reference, "Task_AgreeActionPlan", plan());
        complete("priya", reference, "Task_ApproveActionPlan", Map.of("planApproval", "APPROVE"));

        long review = task("grace", reference, "Task_ReviewProgress");
        assertThat(api.get("grace", "/api/tasks/" + review).text("dueDate")).isNotBlank();
        complete("grace", reference, "Task_ReviewProgress", review("CONTINUE"));
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("grace", "/api/tasks?case=" + reference).body().size() == 1
                && api.get("grace", "/api/tasks?case=" + reference).body().get(0).path("id").asLong() != review);
        complete("grace", reference, "Task_ReviewProgress", review("CLOSE"));
        complete("grace", reference, "Task_CloseCase", Map.of("closureReason", "GOALS_MET",
                "closingScores", List.of(Map.of("domain", "GOOD_EDUCATION", "score", 4)),
                "familyFeedback", "Mornings are calmer", "closureSummary", "Kit now attends every day."));

        long approval = task("priya", reference, "Task_ApproveClosure");
        Response ownClosure = api.completeTask("grace", approval, Map.of("closureApproval", "APPROVE"));
        assertThat(ownClosure.status()).isEqualTo(409);
        assertThat(ownClosure.text("detail")).contains("someone other than");
        assertThat(api.completeTask("priya", approval, Map.of("closureApproval", "APPROVE")).status()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api.get("priya", "/api/cases/" + reference).text("status")).isEqualTo("CLOSED"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(mailTo("office@brookside.example", reference))
                .anyMatch(subject -> subject.startsWith("Closing our support")));

        api.advanceClock("P93D");
        complete("grace", reference, "Task_FollowUpCheckIn", Map.of("followUpDate", "2027-03-05", "followUpNotes", "All well", "reopenCase", false));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api.get("priya", "/api/cases/" + reference).body().path("openTasks")).isEmpty());

        assertThat(api.post("grace", "/api/cases/" + reference + "/reopen", Map.of()).status()).isEqualTo(202);
        long reassessment = task("grace", reference, "Task_AssessFamily");
        JsonNode kase = api.get("grace", "/api/cases/" + reference).body();
        assertThat(kase.path("status").asText()).isEqualTo("REOPENED");
        assertThat(kase.path("worker").asText()).isEqualTo("grace");
        assertThat(reassessment).isPositive();
        assertThat(api.post("grace", "/api/cases/" + reference + "/reopen", Map.of()).status()).isEqualTo(409);
    }

    private static Map<String, Object> review(String decision) {
        return Map.of("goalProgress", List.of(Map.of("goal", "Kit attends school every day", "progress", "GOOD")),
                "reviewScores", List.of(Map.of("domain", "GOOD_EDUCATION", "score", 3)),
                "reviewDecision", decision, "reviewSummary", "Attendance up to 92%");
    }

    private List<String> mailTo(String recipient, String reference) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals(recipient))
                        && m.getSubject().contains(reference);
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).map(m -> {
            try {
                return m.getSubject();
            } catch (jakarta.mail.MessagingException e) {
                return "";
            }
        }).toList();
    }
}
