package org.familyjourney.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.familyjourney.engine.FreePorts;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A bare Zeebe engine for process tests: the models of bpmn/ and forms/ deployed, no app around
 * them. The test plays the workers and the people, so each scenario reads as the journey itself:
 * start, complete this step, move the clock, see where the family is.
 */
public class ProcessEngine implements BeforeAllCallback, AfterAllCallback {

    private ZeebeTestEngine engine;
    private CamundaClient client;
    private Duration offset = Duration.ZERO;

    @Override
    public void beforeAll(ExtensionContext context) {
        int port = FreePorts.any();
        engine = EngineFactory.create(port);
        engine.start();
        client = CamundaClient.newClientBuilder().grpcAddress(URI.create("http://127.0.0.1:" + port))
                .preferRestOverGrpc(false).build();
        deployModels();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        client.close();
        engine.stop();
    }

    public CamundaClient client() {
        return client;
    }

    /** The engine's "now", which timers compare their dates with. */
    public Instant now() {
        return Instant.now().plus(offset);
    }

    public void advanceClock(Duration by) {
        engine.increaseTime(by);
        offset = offset.plus(by);
    }

    public long start(String processId, Map<String, Object> variables) {
        return client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().variables(variables)
                .send().join().getProcessInstanceKey();
    }

    /** Waits for a job of the type in the instance, then completes it with the variables. */
    public ActivatedJob complete(long instanceKey, String jobType, Map<String, Object> variables) {
        ActivatedJob job = awaitJob(instanceKey, jobType, null);
        client.newCompleteCommand(job.getKey()).variables(variables).send().join();
        return job;
    }

    /** Waits for the user task with the element id in the instance and completes it with the answers. */
    public ActivatedJob completeUserTask(long instanceKey, String elementId, Map<String, Object> answers) {
        ActivatedJob job = awaitJob(instanceKey, "io.camunda.zeebe:userTask", elementId);
        client.newCompleteCommand(job.getKey()).variables(answers).send().join();
        return job;
    }

    public ActivatedJob awaitJob(long instanceKey, String jobType, String elementId) {
        ActivatedJob[] found = new ActivatedJob[1];
        try {
            awaitJobInto(found, instanceKey, jobType, elementId);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("No " + jobType + " job" + (elementId == null ? "" : " at " + elementId)
                    + " came; the instance is at " + activeElements(instanceKey) + "; incidents: " + incidents(), e);
        }
        return found[0];
    }

    /** The elements of the instance that are active now: where the journey stands. */
    public List<String> activeElements(long instanceKey) {
        Map<Long, String> active = new java.util.LinkedHashMap<>();
        elementRecords(instanceKey).forEach(r -> {
            if (r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED) {
                active.put(r.getKey(), r.getValue().getElementId());
            } else if (r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED || r.getIntent() == ProcessInstanceIntent.ELEMENT_TERMINATED) {
                active.remove(r.getKey());
            }
        });
        return List.copyOf(active.values());
    }

    public List<String> incidents() {
        return StreamSupport.stream(engine.getRecordStreamSource().getRecords().spliterator(), false)
                .filter(r -> r.getValueType() == ValueType.INCIDENT && r.getIntent() == IncidentIntent.CREATED)
                .map(r -> ((io.camunda.zeebe.protocol.record.value.IncidentRecordValue) r.getValue()).getErrorMessage()).toList();
    }

    private void awaitJobInto(ActivatedJob[] found, long instanceKey, String jobType, String elementId) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
            List<ActivatedJob> jobs = client.newActivateJobsCommand().jobType(jobType).maxJobsToActivate(100)
                    .timeout(Duration.ofSeconds(5)).requestTimeout(Duration.ofMillis(200)).send().join().getJobs();
            for (ActivatedJob job : jobs) {
                boolean mine = job.getProcessInstanceKey() == instanceKey
                        && (elementId == null || elementId.equals(job.getElementId()));
                if (mine && found[0] == null) {
                    found[0] = job;
                } else {
                    // Not ours: give it back at once so another scenario step can take it.
                    client.newFailCommand(job.getKey()).retries(job.getRetries()).send().join();
                }
            }
            return found[0] != null;
        });
    }

    public Stream<Record<ProcessInstanceRecordValue>> elementRecords(long instanceKey) {
        return StreamSupport.stream(engine.getRecordStreamSource().getRecords().spliterator(), false)
                .filter(r -> r.getValueType() == ValueType.PROCESS_INSTANCE)
                .map(r -> {
                    @SuppressWarnings("unchecked")
                    Record<ProcessInstanceRecordValue> typed = (Record<ProcessInstanceRecordValue>) r;
                    return typed;
                })
                .filter(r -> r.getValue().getProcessInstanceKey() == instanceKey);
    }

    public boolean hasPassed(long instanceKey, String elementId) {
        return elementRecords(instanceKey).anyMatch(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
                && elementId.equals(r.getValue().getElementId()));
    }

    public boolean isActive(long instanceKey, String elementId) {
        long activated = elementRecords(instanceKey).filter(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED
                && elementId.equals(r.getValue().getElementId())).count();
        long ended = elementRecords(instanceKey).filter(r -> (r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
                || r.getIntent() == ProcessInstanceIntent.ELEMENT_TERMINATED) && elementId.equals(r.getValue().getElementId())).count();
        return activated > ended;
    }

    public void awaitPassed(long instanceKey, String elementId) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(hasPassed(instanceKey, elementId)).as("passed " + elementId).isTrue());
    }

    public void awaitActive(long instanceKey, String elementId) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(isActive(instanceKey, elementId)).as("active " + elementId).isTrue());
    }

    public void awaitEnded(long instanceKey) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(elementRecords(instanceKey).anyMatch(r ->
                        r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
                                && r.getValue().getBpmnElementType().name().equals("PROCESS")
                                && r.getKey() == instanceKey)).as("instance ended").isTrue());
    }

    public boolean hasIncidents() {
        return StreamSupport.stream(engine.getRecordStreamSource().getRecords().spliterator(), false)
                .anyMatch(r -> r.getValueType() == ValueType.INCIDENT && r.getIntent() == IncidentIntent.CREATED);
    }

    private void deployModels() {
        DeployResourceCommandStep2 deploy = null;
        for (Path file : modelFiles()) {
            byte[] content = read(file);
            deploy = deploy == null ? client.newDeployResourceCommand().addResourceBytes(content, file.getFileName().toString())
                    : deploy.addResourceBytes(content, file.getFileName().toString());
        }
        deploy.requestTimeout(Duration.ofMinutes(2)).send().join();
    }

    private static List<Path> modelFiles() {
        try (Stream<Path> forms = Files.list(Path.of("forms")); Stream<Path> bpmn = Files.list(Path.of("bpmn"))) {
            return Stream.concat(forms.filter(p -> p.toString().endsWith(".form")).sorted(),
                    bpmn.filter(p -> p.toString().endsWith(".bpmn")).sorted()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
