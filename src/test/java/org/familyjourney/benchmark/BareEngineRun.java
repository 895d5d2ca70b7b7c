package org.familyjourney.benchmark;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.familyjourney.benchmark.JourneySteps.Step;
import org.familyjourney.engine.FreePorts;

/**
 * The same models on a second, bare Zeebe engine in the same JVM, with trivial workers: every job
 * is completed at once with just the variables the gateways and timers need, every user task with
 * the walk's answers. What the app adds on top of this is its cost.
 */
final class BareEngineRun implements AutoCloseable {

    private static final String USER_TASK = "io.camunda.zeebe:userTask";
    private static final Pattern JOB_TYPE = Pattern.compile("zeebe:taskDefinition type=\"([^\"]+)\"");
    private static final Map<String, Integer> DEADLINE_DAYS = Map.of("triage", 1, "allocation", 2, "firstContact", 2,
            "assessment", 14, "actionPlan", 21, "review", 42, "followUp", 91, "caseReview", 182);

    record Result(int journeys, int tasks, double seconds, int clockJumps) {
        double tasksPerSecond() {
            return tasks / seconds;
        }

        double journeysPerSecond() {
            return journeys / seconds;
        }
    }

    private final ZeebeTestEngine engine;
    private final CamundaClient client;
    private final List<JobWorker> workers = new ArrayList<>();
    private final Map<String, Map<String, Object>> answers = new HashMap<>();
    private final Map<Long, CompletableFuture<Void>> closureApproved = new ConcurrentHashMap<>();
    private final AtomicInteger tasks = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private volatile long stopAt = Long.MAX_VALUE;
    private volatile ClockMover clock;
    private volatile Duration offset = Duration.ZERO;

    BareEngineRun() {
        int port = FreePorts.any();
        engine = EngineFactory.create(port);
        engine.start();
        // As the app's client: job streaming and 4 handler threads (application.yml).
        client = CamundaClient.newClientBuilder().grpcAddress(URI.create("http://127.0.0.1:" + port)).preferRestOverGrpc(false)
                .numJobWorkerExecutionThreads(4).defaultJobWorkerStreamEnabled(true).build();
        deployModels();
        JourneySteps.walk("maya", LocalDate.now()).forEach(s -> answers.put(s.elementId(), s.answers()));
        Step followUp = JourneySteps.followUp(LocalDate.now());
        answers.put(followUp.elementId(), followUp.answers());
        for (String type : jobTypes()) {
            workers.add(client.newWorker().jobType(type).handler(this::serviceTask).open());
        }
        workers.add(client.newWorker().jobType(USER_TASK).handler(this::userTask).timeout(Duration.ofMinutes(10)).open());
    }

    Result run(int virtualUsers, int journeys, Duration duration) throws InterruptedException {
        AtomicInteger started = new AtomicInteger();
        tasks.set(0);
        done.set(0);
        long begin = System.nanoTime();
        stopAt = journeys == 0 ? begin + duration.toNanos() : Long.MAX_VALUE;
        try (ClockMover mover = new ClockMover(Duration.ofSeconds(3), this::advanceClock, () -> { })) {
            clock = mover;
            List<Thread> users = new ArrayList<>();
            for (int u = 0; u < virtualUsers; u++) {
                users.add(Thread.ofPlatform().start(() -> {
                    while (System.nanoTime() < stopAt && (journeys == 0 || started.incrementAndGet() <= journeys)) {
                        toClosure();
                    }
                }));
            }
            for (Thread user : users) {
                user.join();
            }
            long give = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (journeys > 0 && done.get() < journeys && System.nanoTime() < give) {
                Thread.sleep(20);
            }
            double seconds = (Math.min(System.nanoTime(), stopAt) - begin) / 1e9;
            return new Result(done.get(), tasks.get(), seconds, mover.jumps());
        }
    }

    /** A journey from its start to the closure's approval; its follow-up comes after a clock jump. */
    private void toClosure() {
        long instance = client.newCreateInstanceCommand().bpmnProcessId("family-journey").latestVersion()
                .variables(Map.of("referralId", 1, "consentGiven", true, "referralSource", "SCHOOL", "safeguardingIndicated", false,
                        "assessmentApprovalRequired", false, "reopened", false))
                .send().join().getProcessInstanceKey();
        CompletableFuture<Void> approved = closureApproved.computeIfAbsent(instance, k -> new CompletableFuture<>());
        try {
            while (!approved.isDone()) {
                if (System.nanoTime() >= stopAt) {
                    return;
                }
                Thread.sleep(2);
            }
            clock.waiting();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closureApproved.remove(instance);
        }
    }

    private void userTask(JobClient jobs, ActivatedJob job) {
        String step = job.getElementId();
        jobs.newCompleteCommand(job.getKey()).variables(answers.getOrDefault(step, Map.of())).send().join();
        if (answers.containsKey(step) && System.nanoTime() < stopAt) {
            tasks.incrementAndGet();
            if (step.equals("Task_FollowUpCheckIn")) {
                done.incrementAndGet();
                clock.done();
            }
        }
        if (step.equals(JourneySteps.BEFORE_FOLLOW_UP)) {
            closureApproved.computeIfAbsent(job.getProcessInstanceKey(), k -> new CompletableFuture<>()).complete(null);
        }
    }

    private void serviceTask(JobClient jobs, ActivatedJob job) {
        Instant now = Instant.now().plus(offset);
        Map<String, Object> variables = new HashMap<>();
        switch (job.getType()) {
            case "register-referral" -> {
                variables.put("caseReference", "FJ-BARE-" + job.getProcessInstanceKey());
                variables.put("referredAt", now.toString());
                variables.put("deadlinesFrom", now.toString());
            }
            case "screen-referral" -> variables.put("safeguardingIndicated", false);
            case "schedule-deadline" -> {
                String name = job.getCustomHeaders().get("deadline");
                Instant due = now.plus(Duration.ofDays(DEADLINE_DAYS.getOrDefault(name, 7)));
                variables.put(name + "Due", due.toString());
                variables.put(name + "EscalateAt", due.plus(Duration.ofDays(1)).toString());
            }
            default -> { }
        }
        jobs.newCompleteCommand(job.getKey()).variables(variables).send().join();
    }

    private void advanceClock() {
        engine.increaseTime(ClockMover.JUMP);
        offset = offset.plus(ClockMover.JUMP);
    }

    private static Set<String> jobTypes() {
        Set<String> types = new TreeSet<>();
        for (Path model : models("bpmn", ".bpmn")) {
            Matcher m = JOB_TYPE.matcher(read(model));
            while (m.find()) {
                types.add(m.group(1));
            }
        }
        return types;
    }

    private void deployModels() {
        var deploy = client.newDeployResourceCommand().addResourceFile(models("forms", ".form").getFirst().toString());
        for (Path file : Stream.concat(models("forms", ".form").stream().skip(1), models("bpmn", ".bpmn").stream()).toList()) {
            deploy = deploy.addResourceFile(file.toString());
        }
        deploy.requestTimeout(Duration.ofMinutes(2)).send().join();
    }

    private static List<Path> models(String dir, String suffix) {
        try (Stream<Path> files = Files.list(Path.of(dir))) {
            return files.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        workers.forEach(JobWorker::close);
        client.close();
        engine.stop();
    }
}
