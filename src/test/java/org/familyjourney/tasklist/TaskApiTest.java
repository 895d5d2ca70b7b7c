package org.familyjourney.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.TestApi.Response;
import org.junit.jupiter.api.Test;

/** Working on tasks through the API: clear answers for unknown, done and other people's tasks. */
class TaskApiTest extends ApplicationTest {

    @Test
    void unknownTaskIsNotFound() {
        Response response = api.completeTask("priya", 987_654_321L, Map.of());
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.text("detail")).contains("987654321");
    }

    @Test
    void completingATaskTwiceSaysWhoCompletedItAndWhat() {
        String reference = api.referFamily("priya");
        long triage = api.awaitTask("priya", reference, "Task_TriageReferral");
        assertThat(api.completeTask("priya", triage, Map.of("triageDecision", "ACCEPT", "triageReason", "Fits")).status()).isEqualTo(204);

        Response again = api.completeTask("grace", triage, Map.of("triageDecision", "DECLINE", "triageReason", "No"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("completedBy")).isEqualTo("priya");
        assertThat(again.body().path("outcome").path("triageDecision").asText()).isEqualTo("ACCEPT");
    }

    @Test
    void submissionMissingARequiredAnswerIsRefusedAndTheTaskStaysOpen() {
        String reference = api.referFamily("priya");
        long triage = api.awaitTask("priya", reference, "Task_TriageReferral");
        Response response = api.completeTask("priya", triage, Map.of("triageDecision", "MAYBE"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("triageDecision", "triageReason");
        assertThat(api.get("priya", "/api/tasks/" + triage).text("state")).isEqualTo("OPEN");
    }

    @Test
    void aWorkerCannotClaimAManagersTask() {
        String reference = api.referFamily("priya");
        long triage = api.awaitTask("priya", reference, "Task_TriageReferral");
        assertThat(api.post("maya", "/api/tasks/" + triage + "/claim", Map.of()).status()).isEqualTo(404);
    }

    @Test
    void managerClaimsATaskAndAnotherManagerIsToldWhoHasIt() {
        String reference = api.referFamily("priya");
        long triage = api.awaitTask("priya", reference, "Task_TriageReferral");
        assertThat(api.post("priya", "/api/tasks/" + triage + "/claim", Map.of()).status()).isEqualTo(204);
        Response taken = api.post("grace", "/api/tasks/" + triage + "/claim", Map.of());
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.text("assignee")).isEqualTo("priya");
    }
}
