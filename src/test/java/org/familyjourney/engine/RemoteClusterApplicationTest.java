package org.familyjourney.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.familyjourney.letters.SendReferrerLetterWorker;
import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.RemoteApp;
import org.familyjourney.support.SeparateEngine;
import org.familyjourney.support.TestApi;
import org.familyjourney.support.TestApi.Response;
import org.familyjourney.tasklist.UserTaskWorker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The app as it runs in production: two instances in remote mode against one Zeebe engine in a
 * JVM of its own, reached only over gRPC, and one database (the shared test MariaDB, used as an
 * external server with the owner and app users). Families move through the journey whichever
 * instance people use and whichever instance takes a job, and nothing happens twice.
 */
class RemoteClusterApplicationTest extends ApplicationTest {

    /** Both instances: first contact is due, and overdue, as soon as it is allocated, so its reminder and escalation come at once. */
    private static final Map<String, Object> INSTANT_FIRST_CONTACT = Map.of(
            "familyjourney.timescales.first-contact", "0 minutes",
            "familyjourney.timescales.first-contact-escalation", "0 minutes");

    private static RemoteApp a;
    private static RemoteApp b;
    private static CamundaClient engine;

    @BeforeAll
    static void startTwoInstances(@Autowired Environment main) {
        a = RemoteApp.start(main, INSTANT_FIRST_CONTACT, null);
        b = RemoteApp.start(main, INSTANT_FIRST_CONTACT, null);
        engine = CamundaClient.newClientBuilder().grpcAddress(URI.create(SeparateEngine.shared().grpcAddress()))
                .preferRestOverGrpc(false).build();
        engine.newDeployResourceCommand().addProcessModel(racingJobs(), "test-racing-jobs.bpmn").send().join();
    }

    @AfterAll
    static void stopThem() {
        for (AutoCloseable closeable : new AutoCloseable[] {engine, b, a}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                // closing the rest matters more
            }
        }
    }

    @Test
    void familyIsTriagedAllocatedAndReachesFirstContactOnAClusterInAnotherJvm() {
        TestApi api = a.api();
        String reference = api.referFamily("priya");
        completed(api, "priya", reference, "Task_TriageReferral", Map.of("triageDecision", "ACCEPT", "triageReason", "Attendance support"));
        completed(api, "priya", reference, "Task_AllocateWorker", Map.of("allocatedWorker", "maya"));

        long firstContact = api.awaitTask("maya", reference, "Task_MakeFirstContact");
        assertThat(api.get("maya", "/api/tasks/" + firstContact).text("assignee")).isEqualTo("maya");
        JsonNode kase = api.get("maya", "/api/cases/" + reference).body();
        assertThat(kase.path("status").asText()).isEqualTo("ALLOCATED");
        assertThat(kase.path("worker").asText()).isEqualTo("maya");
        assertThat(kase.path("currentSteps").toString()).contains("Make first contact");
    }

    @Test
    void theClusterClockCannotBeMovedFromTheApp() {
        Response moved = a.api().advanceClock("P1D");
        assertThat(moved.status()).isEqualTo(409);
        assertThat(moved.text("detail")).contains("runs remotely");
    }

    @Test
    void noEmbeddedEngineRunsAndEveryInstanceStoresKeysUnderGenerationZero() {
        for (RemoteApp instance : List.of(a, b)) {
            assertThat(instance.context().getBeanProvider(EmbeddedEngine.class).getIfAvailable()).isNull();
            assertThat(instance.bean(EngineGeneration.class).current()).isZero();
        }
        assertThat(jdbc().queryForList("SELECT id FROM engine_generation WHERE mode = 'REMOTE'", Long.class)).containsExactly(0L);
    }

    @Test
    void familyReferredOnOneInstanceAndTriagedOnAnotherHasOneTaskPerStepAndOneEmailPerRecipient() {
        String reference = a.api().referFamily("priya");
        completed(b.api(), "priya", reference, "Task_TriageReferral", Map.of("triageDecision", "ACCEPT", "triageReason", "School asked"));
        completed(a.api(), "priya", reference, "Task_AllocateWorker", Map.of("allocatedWorker", "maya"));
        b.api().awaitTask("maya", reference, "Task_MakeFirstContact");

        // First contact is overdue at once: the worker is reminded and every manager alerted, once each.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(mailsAbout(reference))
                .containsKeys("maya@family-journey.example", "priya@family-journey.example", "grace@family-journey.example"));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(mailsAbout(reference)).allSatisfy((recipient, count) -> assertThat(count).as(recipient).isEqualTo(1)));
        assertThat(countsBy("SELECT recipient, COUNT(*) FROM notification WHERE case_reference = ? GROUP BY recipient", reference))
                .containsKeys("maya@family-journey.example", "priya@family-journey.example")
                .allSatisfy((recipient, count) -> assertThat(count).as(recipient).isEqualTo(1));
        assertThat(countsBy("SELECT element_id, COUNT(*) FROM user_task WHERE case_reference = ? GROUP BY element_id", reference))
                .containsOnly(Map.entry("Task_TriageReferral", 1L), Map.entry("Task_AllocateWorker", 1L),
                        Map.entry("Task_MakeFirstContact", 1L));
        assertThat(jdbc().queryForObject("SELECT COUNT(*) FROM escalation WHERE case_reference = ?", Long.class, reference))
                .isEqualTo(1L);
    }

    @Test
    void bothInstancesOpeningTheSameUserTaskJobAtOnceStoreOneTask() throws Exception {
        String reference = a.api().referFamily("priya");
        for (int round = 0; round < 3; round++) {
            ActivatedJob job = racingJob("test-racing-user-task", reference);
            together(() -> a.bean(UserTaskWorker.class).open(job), () -> b.bean(UserTaskWorker.class).open(job));
            assertThat(jdbc().queryForObject("SELECT COUNT(*) FROM user_task WHERE engine_generation = 0 AND job_key = ?",
                    Long.class, job.getKey())).isEqualTo(1L);
        }
        assertThat(jdbc().queryForObject("""
                SELECT COUNT(*) FROM journey_entry WHERE case_reference = ? AND kind = 'TASK_CREATED' AND step = 'Task_RacingUserTask'""",
                Long.class, reference)).isEqualTo(3L);
    }

    @Test
    void bothInstancesSendingTheSameLetterAtOnceSendOneEmail() throws Exception {
        String reference = a.api().referFamily("priya");
        for (int round = 0; round < 3; round++) {
            ActivatedJob job = racingJob("test-racing-letter", reference);
            together(() -> a.bean(SendReferrerLetterWorker.class).send(job, reference, "Round " + job.getKey()),
                    () -> b.bean(SendReferrerLetterWorker.class).send(job, reference, "Round " + job.getKey()));
            assertThat(jdbc().queryForObject("SELECT COUNT(*) FROM notification WHERE engine_generation = 0 AND job_key = ?",
                    Long.class, job.getKey())).isEqualTo(1L);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(mailsAbout(reference)).containsEntry("office@brookside.example", 3));
    }

    @Test
    void healthShowsAnAdminTheClusterAndTheJobWorkers() {
        JsonNode components = a.api().get("admin", "/actuator/health").body().path("components");
        assertThat(components.path("engine").path("status").asText()).isEqualTo("UP");
        assertThat(components.path("engine").path("details").path("mode").asText()).isEqualTo("remote");
        assertThat(components.path("engine").path("details").path("partitionsWithHealthyLeader").asInt()).isPositive();
        assertThat(components.path("jobWorkers").path("status").asText()).isEqualTo("UP");
        assertThat(components.path("jobWorkers").path("details").path("types").has("io.camunda.zeebe:userTask")).isTrue();
    }

    @Test
    void thePrometheusScrapeNeedsAnAdmin() {
        assertThat(a.api().get(null, "/actuator/prometheus").status()).isEqualTo(401);
        assertThat(a.api().get("priya", "/actuator/prometheus").status()).isEqualTo(403);
        assertThat(a.api().get("admin", "/actuator/prometheus").status()).isEqualTo(200);
    }

    @Test
    void metricsCountOpenOverdueTasksOpenEscalationsAndJobsOfEveryInstance() {
        String reference = a.api().referFamily("priya");
        completed(a.api(), "priya", reference, "Task_TriageReferral", Map.of("triageDecision", "ACCEPT", "triageReason", "Fits"));
        completed(a.api(), "priya", reference, "Task_AllocateWorker", Map.of("allocatedWorker", "tom"));
        a.api().awaitTask("tom", reference, "Task_MakeFirstContact");
        await().atMost(Duration.ofSeconds(15)).until(() ->
                jdbc().queryForObject("SELECT COUNT(*) FROM escalation WHERE case_reference = ?", Long.class, reference) == 1);

        Map<String, Double> scrape = scrape(a);
        assertThat(scrape.get("familyjourney_tasks_open")).isGreaterThanOrEqualTo(1);
        assertThat(scrape.get("familyjourney_tasks_overdue")).isGreaterThanOrEqualTo(1);
        assertThat(scrape.get("familyjourney_escalations_open")).isGreaterThanOrEqualTo(1);
        assertThat(scrape.get("familyjourney_journey_lag_seconds")).isBetween(0.0, 60.0);
        // Jobs go to whichever instance the engine streams them to: the two together handled them all.
        double registered = completedJobs(scrape, "register-referral") + completedJobs(scrape(b), "register-referral");
        assertThat(registered).isGreaterThanOrEqualTo(1);
    }

    // --- helpers

    private static void completed(TestApi api, String user, String reference, String step, Map<String, Object> answers) {
        Response done = api.completeTask(user, api.awaitTask(user, reference, step), answers);
        assertThat(done.status()).as(step + ": " + done.raw()).isEqualTo(204);
    }

    private static JdbcTemplate jdbc() {
        return a.bean(JdbcTemplate.class);
    }

    private static Map<String, Long> countsBy(String sql, String reference) {
        Map<String, Long> counts = new HashMap<>();
        jdbc().query(sql, rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        }, reference);
        return counts;
    }

    /** Emails about a case, counted by recipient. */
    private static Map<String, Integer> mailsAbout(String reference) throws MessagingException {
        Map<String, Integer> counts = new HashMap<>();
        for (MimeMessage message : MAIL.getReceivedMessages()) {
            if (message.getSubject().contains(reference)) {
                Arrays.stream(message.getAllRecipients()).forEach(to -> counts.merge(to.toString(), 1, Integer::sum));
            }
        }
        return counts;
    }

    /** A test process whose jobs no app worker serves: the test takes them and hands each to both instances. */
    private static BpmnModelInstance racingJobs() {
        return Bpmn.createExecutableProcess("test-racing-jobs").startEvent()
                .serviceTask("Task_RacingUserTask", task -> task.zeebeJobType("test-racing-user-task"))
                .serviceTask("Task_RacingLetter", task -> task.zeebeJobType("test-racing-letter"))
                .endEvent().done();
    }

    private static ActivatedJob racingJob(String type, String reference) {
        long instance = engine.newCreateInstanceCommand().bpmnProcessId("test-racing-jobs").latestVersion()
                .variables(Map.of("caseReference", reference)).send().join().getProcessInstanceKey();
        if (type.equals("test-racing-letter")) {
            ActivatedJob first = awaitJob("test-racing-user-task", instance);
            engine.newCompleteCommand(first.getKey()).send().join();
        }
        return awaitJob(type, instance);
    }

    private static ActivatedJob awaitJob(String type, long instance) {
        ActivatedJob[] found = new ActivatedJob[1];
        await().atMost(Duration.ofSeconds(10)).until(() -> {
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

    /** Runs both at the same moment, each on its own thread, as two instances would. */
    private static void together(Runnable first, Runnable second) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        List<Throwable> failures = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (Runnable work : List.of(first, second)) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    work.run();
                } catch (Throwable failure) {
                    synchronized (failures) {
                        failures.add(failure);
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join(30_000);
        }
        failures.forEach(Throwable::printStackTrace);
        assertThat(failures).as("failures: %s", failures.stream()
                .map(f -> org.springframework.core.NestedExceptionUtils.getMostSpecificCause(f).toString()).toList()).isEmpty();
    }

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})?\\s+(\\S+)$");

    /** The Prometheus scrape as an admin sees it: "name{labels}" to value, and the bare name for unlabelled gauges. */
    private static Map<String, Double> scrape(RemoteApp instance) {
        Response response = instance.api().get("admin", "/actuator/prometheus");
        assertThat(response.status()).isEqualTo(200);
        Map<String, Double> samples = new HashMap<>();
        for (String line : response.raw().split("\n")) {
            Matcher sample = SAMPLE.matcher(line.strip());
            if (!line.startsWith("#") && sample.matches()) {
                String labels = sample.group(2) == null ? "" : sample.group(2);
                double value = Double.parseDouble(sample.group(3));
                samples.put(sample.group(1) + labels, value);
                samples.putIfAbsent(sample.group(1), value);
            }
        }
        return samples;
    }

    private static double completedJobs(Map<String, Double> scrape, String type) {
        return scrape.entrySet().stream()
                .filter(e -> e.getKey().startsWith("camunda_job_invocations_total{") && e.getKey().contains("action=\"completed\"")
                        && e.getKey().contains("type=\"" + type + "\""))
                .mapToDouble(Map.Entry::getValue).sum();
    }
}
