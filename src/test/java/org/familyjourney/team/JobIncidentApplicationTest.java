package org.familyjourney.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.familyjourney.processes.ProcessCatalog;
import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.PageSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A step whose worker keeps failing: after its retries the engine raises an incident, which the
 * dashboard, the case page and the journey show in plain words; a manager puts the fault right and
 * presses Retry, the step runs again and the incident shows as resolved. Only managers may retry.
 */
class JobIncidentApplicationTest extends ApplicationTest {

    @Autowired
    CamundaClient client;

    @Autowired
    ProcessCatalog catalog;

    @Test
    void aStepThatFailsAfterItsRetriesShowsAsAnIncidentAManagerRetriesOnceTheFaultIsPutRight() {
        String reference = api.referFamily("priya");
        long instance = TeamFixtures.failingAssignment(client, catalog, reference);

        JsonNode incident = TeamFixtures.awaitIncident(api, reference, "OPEN");
        assertThat(incident.path("stepName").asText()).isEqualTo("Assign case to worker");
        assertThat(incident.path("attempts").asInt()).isEqualTo(2);
        assertThat(incident.path("message").asText())
                .isEqualTo("The step was missing information it needs, or the information did not fit. No worker was allocated to case "
                        + reference + ".");
        assertThat(incident.path("failure").asText()).isEqualTo("IllegalArgumentException");
        assertThat(incident.path("processInstanceKey").asLong()).isEqualTo(instance);
        assertThat(incident.path("raisedAt").asText()).isNotBlank();
        assertThat(api.get("priya", "/api/team/dashboard").body().path("incidents").path("byState").path("OPEN").asLong()).isPositive();
        assertThat(journeyKinds(reference)).contains("INCIDENT_RAISED");
        PageSession manager = PageSession.signedIn(port, "priya");
        assertThat(manager.get("/cases/" + reference).body()).contains("Steps that failed").contains("Waiting for a retry")
                .contains("No worker was allocated to case " + reference);

        long id = incident.path("id").asLong();
        assertThat(api.post("maya", "/api/incidents/" + id + "/retry", Map.of()).status()).isEqualTo(403);
        assertThat(api.post("alex", "/api/incidents/" + id + "/retry", Map.of()).status()).isEqualTo(403);

        // The manager supplies what was missing, then retries.
        client.newSetVariablesCommand(instance).variables(Map.of("allocatedWorker", "tom")).send().join();
        var retried = api.post("priya", "/api/incidents/" + id + "/retry", Map.of());
        assertThat(retried.status()).as(retried.raw()).isEqualTo(200);
        assertThat(retried.text("retriedBy")).isEqualTo("priya");

        JsonNode resolved = TeamFixtures.awaitIncident(api, reference, "RESOLVED");
        assertThat(resolved.path("resolvedAt").asText()).isNotBlank();
        assertThat(api.get("priya", "/api/cases/" + reference).text("worker")).isEqualTo("tom");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(journeyKinds(reference)).contains("INCIDENT_RETRIED", "INCIDENT_RESOLVED"));
        var again = api.post("priya", "/api/incidents/" + id + "/retry", Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("detail")).contains("nothing to retry");
    }

    private java.util.List<String> journeyKinds(String reference) {
        return StreamSupport.stream(api.get("priya", "/api/cases/" + reference + "/journey").body().spliterator(), false)
                .map(entry -> entry.path("kind").asText()).toList();
    }
}
