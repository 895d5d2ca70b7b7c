package org.familyjourney.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.RemoteApp;
import org.familyjourney.support.SeparateEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * What happens to jobs around the edges: a job that keeps failing is counted and ends as an
 * incident, and closing the app lets the job in hand finish and takes no new one. One app instance
 * in remote mode with test workers of its own; the shutdown test closes it, so it runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JobLifecycleApplicationTest extends ApplicationTest {

    private static final TestWorkers workers = new TestWorkers();
    private static RemoteApp app;
    private static CamundaClient engine;

    @BeforeAll
    static void startInstanceWithTestWorkers(@Autowired Environment main) {
        app = RemoteApp.start(main, Map.of(), context -> context.registerBean(TestWorkers.class, () -> workers));
        engine = CamundaClient.newClientBuilder().grpcAddress(URI.create(SeparateEngine.shared().grpcAddress()))
                .preferRestOverGrpc(false).build();
        engine.newDeployResourceCommand()
                .addProcessModel(Bpmn.createExecutableProcess("test-failing").startEvent()
                        .serviceTask("Task_Fails", task -> task.zeebeJobType(TestWorkers.FAILING).zeebeJobRetries("2"))
                        .endEvent().done(), "test-failing.bpmn")
                .addProcessModel(Bpmn.createExecutableProcess("test-graceful-shutdown").startEvent()
                        .serviceTask("Task_Slow", task -> task.zeebeJobType(TestWorkers.SLOW))
                        .serviceTask("Task_AfterSlow", task -> task.zeebeJobType("test-after-slow-job"))
                        .endEvent().done(), "test-graceful-shutdown.bpmn")
                .send().join();
    }

    @AfterAll
    static void stop() {
        workers.releaseSlow.countDown();
        if (app != null && app.isRunning()) {
            app.close();
        }
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    @Order(1)
    void aJobThatKeepsFailingIsCountedEachTimeAndOnceAsAnIncident() {
        start("test-failing");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            String scrape = app.api().get("admin", "/actuator/prometheus").raw();
            assertThat(sample(scrape, "camunda_job_invocations_total", "action=\"failed\"", "type=\"" + TestWorkers.FAILING + "\""))
                    .isEqualTo(2.0);
            assertThat(sample(scrape, "familyjourney_job_incidents_total", "type=\"" + TestWorkers.FAILING + "\""))
                    .isEqualTo(1.0);
        });
    }

    @Test
    @Order(2)
    void closingTheAppFinishesTheJobInHandAndTakesNoNewOne() throws Exception {
        long inHand = start("test-graceful-shutdown");
        assertThat(workers.slowStarted.await(15, TimeUnit.SECONDS)).as("the slow job reached the worker").isTrue();
        JobWorkers jobWorkers = app.bean(JobWorkers.class);

        CompletableFuture<Void> closing = CompletableFuture.runAsync(app::close);
        await().atMost(Duration.ofSeconds(10)).until(() -> jobWorkers.state() == JobWorkers.State.DRAINING);
        // While it drains, the instance tells the load balancer it takes no more traffic.
        assertThat(app.api().get(null, "/actuator/health/readiness").status()).isEqualTo(503);
        long arrivedLate = start("test-graceful-shutdown");
        ActivatedJob untaken = awaitJob(TestWorkers.SLOW, arrivedLate);
        assertThat(closing).isNotDone();

        workers.releaseSlow.countDown();
        closing.get(30, TimeUnit.SECONDS);

        // The job in hand was completed in the engine before the client closed: its next step is waiting.
        assertThat(awaitJob("test-after-slow-job", inHand).getProcessInstanceKey()).isEqualTo(inHand);
        assertThat(untaken.getProcessInstanceKey()).isEqualTo(arrivedLate);
        assertThat(workers.slowHandled).hasValue(1);
        assertThat(jobWorkers.state()).isEqualTo(JobWorkers.State.STOPPED);
    }

    private static long start(String processId) {
        return engine.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().send().join().getProcessInstanceKey();
    }

    private static ActivatedJob awaitJob(String type, long instance) {
        ActivatedJob[] found = new ActivatedJob[1];
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            for (ActivatedJob job : engine.newActivateJobsCommand().jobType(type).maxJobsToActivate(10)
                    .timeout(Duration.ofMinutes(5)).send().join().getJobs()) {
                if (job.getProcessInstanceKey() == instance) {
                    found[0] = job;
                }
            }
            return found[0] != null;
        });
        return found[0];
    }

    /** The value of the first sample of a metric whose labels contain all of these, or NaN. */
    private static double sample(String scrape, String metric, String... labels) {
        for (String line : scrape.split("\n")) {
            if (line.startsWith(metric + "{") && java.util.Arrays.stream(labels).allMatch(line::contains)) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return Double.NaN;
    }
}
