package org.familyjourney.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.familyjourney.engine.EngineGeneration;
import org.familyjourney.operations.TestWorkers;
import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.RemoteApp;
import org.familyjourney.support.SeparateEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * In remote mode a failing step is recorded the same way (under the cluster's generation 0), but the
 * incident's key can only come from the cluster's search API (REST and secondary storage), which this
 * gRPC-only test engine lacks: Retry then says so and retries nothing. An incident of another engine
 * generation is never retried by an app on a different one.
 */
class RemoteClusterIncidentTest extends ApplicationTest {

    private static RemoteApp app;
    private static CamundaClient engine;

    @BeforeAll
    static void startInstanceWithFailingWorker(@Autowired Environment main) {
        app = RemoteApp.start(main, Map.of(), context -> context.registerBean(TestWorkers.class, TestWorkers::new));
        engine = CamundaClient.newClientBuilder().grpcAddress(URI.create(SeparateEngine.shared().grpcAddress()))
                .preferRestOverGrpc(false).build();
        engine.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("test-remote-incident").startEvent()
                .serviceTask("Task_AlwaysFails", task -> task.name("Check the test worker").zeebeJobType(TestWorkers.FAILING).zeebeJobRetries("2"))
                .endEvent().done(), "test-remote-incident.bpmn").send().join();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void aRemoteClusterIncidentIsRecordedAndRetryNamesWhatTheClusterMustOffer() {
        String reference = api.referFamily("priya");
        engine.newCreateInstanceCommand().bpmnProcessId("test-remote-incident").latestVersion()
                .variables(Map.of("caseReference", reference)).send().join();

        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            for (JsonNode incident : app.api().get("priya", "/api/team/dashboard").body().path("incidents").path("current")) {
                if (reference.equals(incident.path("caseReference").asText())) {
                    found[0] = incident;
                }
            }
            return found[0] != null;
        });
        JsonNode incident = found[0];
        assertThat(incident.path("engineGeneration").asLong()).isEqualTo(EngineGeneration.REMOTE);
        assertThat(incident.path("state").asText()).isEqualTo("OPEN");
        assertThat(incident.path("attempts").asInt()).isEqualTo(2);
        assertThat(incident.path("message").asText()).endsWith("The test worker always fails.");

        var remoteRetry = app.api().post("priya", "/api/incidents/" + incident.path("id").asLong() + "/retry", Map.of());
        assertThat(remoteRetry.status()).as(remoteRetry.raw()).isEqualTo(503);
        assertThat(remoteRetry.text("detail")).contains("incident search did not answer").contains("Operate");
        var otherGeneration = api.post("priya", "/api/incidents/" + incident.path("id").asLong() + "/retry", Map.of());
        assertThat(otherGeneration.status()).isEqualTo(409);
        assertThat(otherGeneration.text("detail")).contains("earlier run of the journey engine");
        assertThat(api.get("priya", "/api/incidents/" + incident.path("id").asLong()).text("state")).isEqualTo("OPEN");
    }
}
