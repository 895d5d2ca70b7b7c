package org.familyjourney.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import java.net.URI;
import java.time.Duration;
import org.familyjourney.engine.EngineMode;
import org.familyjourney.engine.EngineProperties;
import org.familyjourney.engine.FreePorts;
import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.TestApi.Response;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * Health and metrics as operators and probes reach them, on the app as it runs by default. (A
 * SpringBootTest context exports no metrics, so the Prometheus scrape is tested on the remote-mode
 * instances of RemoteClusterApplicationTest.)
 */
class OperationsEndpointsTest extends ApplicationTest {

    @Test
    void healthIsOpenToAnyoneButOnlyAnAdminSeesItsChecks() {
        Response anonymous = api.get(null, "/actuator/health");
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.text("status")).isEqualTo("UP");
        assertThat(anonymous.body().has("components")).isFalse();
        assertThat(api.get("priya", "/actuator/health").body().has("components")).isFalse();

        JsonNode components = api.get("admin", "/actuator/health").body().path("components");
        assertThat(components.path("db").path("status").asText()).isEqualTo("UP");
        assertThat(components.path("engine").path("status").asText()).isEqualTo("UP");
        assertThat(components.path("engine").path("details").path("mode").asText()).isEqualTo("embedded");
        assertThat(components.path("jobWorkers").path("status").asText()).isEqualTo("UP");
        assertThat(components.path("jobWorkers").path("details").path("state").asText()).isEqualTo("TAKING_JOBS");
        assertThat(components.path("jobWorkers").path("details").path("types").has("register-referral")).isTrue();
        assertThat(components.has("camunda")).as("the SDK's slower check is replaced by ours").isFalse();
    }

    @Test
    void livenessAndReadinessProbesAnswerAndReadinessDependsOnTheDatabaseOnly() {
        assertThat(api.get(null, "/actuator/health/liveness").text("status")).isEqualTo("UP");
        assertThat(api.get(null, "/actuator/health/readiness").text("status")).isEqualTo("UP");
        JsonNode readiness = api.get("admin", "/actuator/health/readiness").body().path("components");
        assertThat(readiness.properties()).extracting(java.util.Map.Entry::getKey).containsExactlyInAnyOrder("db", "readinessState");
    }

    @Test
    void metricsNeedAnAdminAndCountTheJobsOfEachType() {
        assertThat(api.get(null, "/actuator/metrics").status()).isEqualTo(401);
        assertThat(api.get("priya", "/actuator/metrics").status()).isEqualTo(403);
        assertThat(api.get("admin", "/actuator/metrics").body().path("names").toString())
                .contains("familyjourney.tasks.open", "familyjourney.tasks.overdue", "familyjourney.escalations.open",
                        "familyjourney.journey.lag");
        api.referFamily("priya");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api.get("admin",
                "/actuator/metrics/camunda.job.invocations?tag=action:completed&tag=type:register-referral").body()
                .path("measurements").get(0).path("value").asDouble()).isGreaterThanOrEqualTo(1));
    }

    @Test
    void nothingElseOfActuatorIsReachable() {
        for (String path : new String[] {"/actuator/env", "/actuator/beans", "/actuator/configprops", "/actuator/heapdump"}) {
            assertThat(api.get("admin", path).status()).as(path).isEqualTo(404);
        }
    }

    @Test
    void engineHealthIsDownWithinItsShortTimeoutWhenNoClusterAnswers() {
        try (CamundaClient nowhere = CamundaClient.newClientBuilder()
                .grpcAddress(URI.create("http://127.0.0.1:" + FreePorts.any())).preferRestOverGrpc(false).build()) {
            EngineHealthIndicator indicator = new EngineHealthIndicator(nowhere, new EngineProperties(EngineMode.REMOTE, null, false),
                    new OperationsProperties(Duration.ofSeconds(1), null, null));
            long started = System.nanoTime();
            Health health = indicator.health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("mode", "remote").containsKey("error");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        }
    }
}
