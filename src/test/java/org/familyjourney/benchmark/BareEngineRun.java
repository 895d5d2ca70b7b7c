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
import java.util.concurrent.TimeUnit;
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
    private final Map<Long, CompletableFuture<Long>> followUpOpen = new ConcurrentHashMap<>();
    private final AtomicInteger tasks = new AtomicInteger();
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
        AtomicInteger done = new AtomicInteger();
        tasks.set(0);
        long deadline = System.nanoTime() + duration.toNanos();
        long begin = System.nanoTime();
        try (ClockMover clock = new ClockMover(this::advanceClock, virtualUsers / 2, Duration.ofSeconds(2))) {
            List<Thread> users = new ArrayList<>();
            for (int u = 0; u < virtualUsers; u++) {
                users.add(Thread.ofPlatform().start(() -> {
                    while (System.nanoTime() < deadline && (journeys == 0 || started.incrementAndGet() <= journeys)) {
                        if (journey(clock, journeys == 0 ? deadline : Long.MAX_VALUE)) {
                            done.incrementAndGet();
                        }
                    }
                }));
            }
            for (Thread user : users) {
                user.join();
            }
            double seconds = Math.min(System.nanoTime() - begin, journeys == 0 ? duration.toNanos() : Long.MAX_VALUE) / 1e9;
            return new Result(done.get(), tasks.get(), seconds, clock.jumps());
        }
    }

    /** One journey from start to the follow-up completed; false when the time box ran out first. */
    private boolean journey(ClockMover clock, long stopAt) {
        long instance = client.newCreateInstanceCommand().bpmnProcessId("family-journey").latestVersion()
                .variables(Map.of("referralId", 1, "consentGiven", true, "referralSource", "SCHOOL", "safeguardingIndicated", false,
                        "assessmentApprovalRequired", false, "reopened", false))
                .send().join().getProcessInstanceKey();
        CompletableFuture<Void> approved = closureApproved.computeIfAbsent(instance, k -> new CompletableFuture<>());
        CompletableFuture<Long> followUp = followUpOpen.computeIfAbsent(instance, k -> new CompletableFuture<>());
        try {
            if (!await(approved, stopAt)) {
                return false;
            }
            while (!followUp.isDone()) {
                long awaited = clock.waitForJump();
                while (!clock.jumped(awaited)) {
                    if (System.nanoTime() >= stopAt) {
                        return false;
                    }
                    Thread.sleep(5);
                }
                try {
                    followUp.get(5, TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException notYet) {
                    // the timer was set after the jump: wait for the next one
                }
            }
            long job = followUp.join();
            if (System.nanoTime() >= stopAt) {
                return false;
            }
            client.newCompleteCommand(job).variables(answers.get("Task_FollowUpCheckIn")).send().join();
            tasks.incrementAndGet();
            return true;
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        } finally {
            closureApproved.remove(instance);
            followUpOpen.remove(instance);
        }
    }

    private static boolean await(CompletableFuture<?> future, long stopAt) throws InterruptedException {
        while (!future.isDone()) {
            if (System.nanoTime() >= stopAt) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    private void userTask(JobClient jobs, ActivatedJob job) {
        String step = job.getElementId();
        if (step.equals("Task_FollowUpCheckIn")) {
            followUpOpen.computeIfAbsent(job.getProcessInstanceKey(), k -> new CompletableFuture<>()).complete(job.getKey());
            return;
        }
        jobs.newCompleteCommand(job.getKey()).variables(answers.getOrDefault(step, Map.of())).send().join();
        if (answers.containsKey(step)) {
            tasks.incrementAndGet();
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
