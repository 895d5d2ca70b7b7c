package org.familyjourney.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.familyjourney.benchmark.JourneySteps.Step;
import org.familyjourney.support.TestApi;
import org.familyjourney.support.TestApi.Response;

/**
 * Virtual users playing the managers and workers through the app's JSON API: each refers a family,
 * waits until the next task shows in its task list, completes it with the form's answers, and so
 * on to the follow-up, over and over. The engine runs every worker; the clock is moved for the wait.
 */
final class JourneyDriver {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final Duration TASK_PATIENCE = Duration.ofSeconds(60);
    private static final long POLL_MILLIS = 20;

    record Result(int journeys, int tasks, double seconds, Latencies nextTaskVisible, Latencies completeCall,
                  Latencies referralCall, int clockJumps, List<String> failures, List<String> references) {
        double journeysPerSecond() {
            return journeys / seconds;
        }

        double tasksPerSecond() {
            return tasks / seconds;
        }
    }

    private final TestApi api;

    JourneyDriver(TestApi api) {
        this.api = api;
    }

    /** Runs {@code virtualUsers} in parallel until {@code journeys} are done (0: until {@code duration} is over). */
    Result run(int virtualUsers, int journeys, Duration duration) {
        Latencies visible = new Latencies();
        Latencies complete = new Latencies();
        Latencies referral = new Latencies();
        AtomicInteger started = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger tasks = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> references = new ConcurrentLinkedQueue<>();
        long deadline = System.nanoTime() + duration.toNanos();
        long begin = System.nanoTime();
        try (ClockMover clock = new ClockMover(() -> api.advanceClock(ClockMover.JUMP.toString()), virtualUsers / 2,
                Duration.ofSeconds(2))) {
            List<Thread> users = new java.util.ArrayList<>();
            for (int u = 0; u < virtualUsers; u++) {
                int user = u;
                users.add(Thread.ofPlatform().name("journey-user-" + u).start(() -> {
                    SplittableRandom random = new SplittableRandom(user);
                    while (System.nanoTime() < deadline && (journeys == 0 || started.incrementAndGet() <= journeys)) {
                        try {
                            Walk walk = new Walk(JourneySteps.WORKERS.get(user % JourneySteps.WORKERS.size()), visible, complete,
                                    tasks, journeys == 0 ? deadline : Long.MAX_VALUE);
                            references.add(walk.walk(random, referral, clock));
                            done.incrementAndGet();
                        } catch (TimeUp stop) {
                            return;
                        } catch (RuntimeException | AssertionError e) {
                            failures.add(e.getMessage());
                            if (failures.size() > 20) {
                                return;
                            }
                        }
                    }
                }));
            }
            for (Thread user : users) {
                user.join();
            }
            double seconds = Math.min(System.nanoTime() - begin, journeys == 0 ? duration.toNanos() : Long.MAX_VALUE) / 1e9;
            return new Result(done.get(), tasks.get(), seconds, visible, complete, referral,
                    clock.jumps(), List.copyOf(failures), List.copyOf(references));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private final class Walk {
        private final String worker;
        private final Latencies visible;
        private final Latencies complete;
        private final AtomicInteger tasks;
        private final long stopAt;
        private String reference;

        Walk(String worker, Latencies visible, Latencies complete, AtomicInteger tasks, long stopAt) {
            this.worker = worker;
            this.visible = visible;
            this.complete = complete;
            this.tasks = tasks;
            this.stopAt = stopAt;
        }

        String walk(SplittableRandom random, Latencies referralCall, ClockMover clock) {
            LocalDate today = today();
            Map<String, Object> body = FictionalFamilies.referral(FictionalFamilies.next(random), today + "T09:00:00Z");
            Response created = referralCall.time(() -> api.post(JourneySteps.MANAGER, "/api/referrals", body));
            check(created, 201, "referral");
            reference = created.text("caseReference");
            List<Step> steps = JourneySteps.walk(worker, today);
            long taskId = awaitTask(steps.getFirst(), System.nanoTime(), false);
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                completeTask(step, taskId);
                if (i + 1 < steps.size()) {
                    taskId = awaitTask(steps.get(i + 1), System.nanoTime(), true);
                }
            }
            awaitFollowUp(clock);
            return reference;
        }

        private void awaitFollowUp(ClockMover clock) {
            long give = System.nanoTime() + TASK_PATIENCE.toNanos();
            while (System.nanoTime() < give) {
                if (System.nanoTime() >= stopAt) {
                    throw new TimeUp();
                }
                long awaited = clock.waitForJump();
                while (!clock.jumped(awaited)) {
                    pauseUnlessTimeUp();
                }
                // The jump fires the follow-up timer if the journey had set it by then; otherwise wait for the next one.
                Long id = findTask(JourneySteps.followUp(LocalDate.EPOCH), Duration.ofSeconds(5));
                if (id != null) {
                    Step followUp = JourneySteps.followUp(today());
                    completeTask(followUp, id);
                    return;
                }
            }
            throw new AssertionError(reference + ": no follow-up check-in came after moving the clock");
        }

        private void completeTask(Step step, long taskId) {
            if (System.nanoTime() >= stopAt) {
                throw new TimeUp();
            }
            Response done = complete.time(() -> api.completeTask(step.user(worker), taskId, step.answers()));
            check(done, 204, step.elementId());
            tasks.incrementAndGet();
        }

        private long awaitTask(Step step, long since, boolean record) {
            Long id = findTask(step, TASK_PATIENCE);
            if (id == null) {
                throw new AssertionError(reference + ": " + step.elementId() + " did not appear in " + step.user(worker) + "'s tasks");
            }
            if (record) {
                visible.addNanos(System.nanoTime() - since);
            }
            return id;
        }

        private Long findTask(Step step, Duration patience) {
            long give = System.nanoTime() + patience.toNanos();
            do {
                Response tasks = api.get(step.user(worker), "/api/tasks?case=" + reference);
                for (JsonNode task : tasks.body()) {
                    if (step.elementId().equals(task.path("elementId").asText())) {
                        return task.path("id").asLong();
                    }
                }
                pauseUnlessTimeUp();
            } while (System.nanoTime() < give);
            return null;
        }

        private void pauseUnlessTimeUp() {
            if (System.nanoTime() >= stopAt) {
                throw new TimeUp();
            }
            pause();
        }

        private void check(Response response, int expected, String what) {
            if (response.status() != expected) {
                throw new AssertionError((reference == null ? "" : reference + ": ") + what + " answered " + response.status()
                        + " " + response.raw());
            }
        }
    }

    /** The time box is over: the walk in hand is left where it stands (an open case). */
    private static final class TimeUp extends RuntimeException {
        TimeUp() {
            super(null, null, false, false);
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(Instant.parse(api.get("admin", "/api/engine/clock").text("now")), UK);
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
