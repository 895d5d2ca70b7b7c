package org.familyjourney.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.familyjourney.benchmark.JourneySteps.Step;
import org.familyjourney.support.TestApi;
import org.familyjourney.support.TestApi.Response;

/**
 * Virtual users playing the managers and workers through the app's JSON API: each refers a family,
 * waits until the next task shows in the next person's task list, completes it with the form's
 * answers, and so on to the closure's approval; then starts the next family while the journey waits
 * for its follow-up, which is done after the clock is moved. The engine runs every worker.
 */
final class JourneyDriver {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final Duration TASK_PATIENCE = Duration.ofSeconds(60);
    private static final Duration RESTART_PATIENCE = Duration.ofSeconds(60);
    private static final long FIRST_POLL_MILLIS = 10;
    private static final long LAST_POLL_MILLIS = 100;

    record Result(int journeys, int tasks, double seconds, Latencies nextTaskVisible, Latencies completeCall,
                  Latencies referralCall, int clockJumps, List<String> failures, List<String> references, int restartWaits,
                  int waitingForFollowUp) {
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
    Result run(int virtualUsers, int journeys, Duration duration) throws InterruptedException {
        return new Run(virtualUsers, journeys, duration).go();
    }

    private final class Run {
        final int virtualUsers;
        final int journeys;
        final long stopAt;
        final long begin = System.nanoTime();
        final Latencies visible = new Latencies();
        final Latencies complete = new Latencies();
        final Latencies referral = new Latencies();
        final AtomicInteger started = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        final AtomicInteger tasks = new AtomicInteger();
        /** Changes answered 503 while the engine was being recycled, and sent again after the pause. */
        final AtomicInteger restartWaits = new AtomicInteger();
        final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String> references = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Walk> waiting = new ConcurrentLinkedQueue<>();
        final ExecutorService followUps = Executors.newFixedThreadPool(4);
        final ClockMover clock;

        Run(int virtualUsers, int journeys, Duration duration) {
            this.virtualUsers = virtualUsers;
            this.journeys = journeys;
            this.stopAt = journeys == 0 ? begin + duration.toNanos() : Long.MAX_VALUE;
            this.clock = new ClockMover(Duration.ofSeconds(3), () -> api.advanceClock(ClockMover.JUMP.toString()), this::afterJump);
        }

        Result go() throws InterruptedException {
            List<Thread> users = new ArrayList<>();
            for (int u = 0; u < virtualUsers; u++) {
                int user = u;
                users.add(Thread.ofPlatform().name("journey-user-" + u).start(() -> walkFamilies(user)));
            }
            for (Thread user : users) {
                user.join();
            }
            // Counted runs end when every journey has had its follow-up (or failed); timed ones at once.
            long give = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (journeys > 0 && done.get() + failures.size() < Math.min(journeys, started.get()) && System.nanoTime() < give) {
                Thread.sleep(50);
            }
            double seconds = Math.min(System.nanoTime(), stopAt) - begin;
            clock.close();
            followUps.shutdownNow();
            return new Result(done.get(), tasks.get(), seconds / 1e9, visible, complete, referral, clock.jumps(),
                    List.copyOf(failures), List.copyOf(references), restartWaits.get(), waiting.size());
        }

        private void walkFamilies(int user) {
            SplittableRandom random = new SplittableRandom(user);
            while (System.nanoTime() < stopAt && (journeys == 0 || started.incrementAndGet() <= journeys)) {
                Walk walk = new Walk(this, JourneySteps.WORKERS.get(user % JourneySteps.WORKERS.size()));
                try {
                    walk.toClosure(random);
                    clock.waiting();
                    waiting.add(walk);
                } catch (TimeUp stop) {
                    return;
                } catch (RuntimeException | AssertionError e) {
                    failures.add(e.getMessage());
                    if (failures.size() > 20) {
                        return;
                    }
                }
            }
        }

        private void afterJump() {
            for (Walk walk = waiting.poll(); walk != null; walk = waiting.poll()) {
                Walk next = walk;
                followUps.submit(() -> followUp(next));
            }
        }

        private void followUp(Walk walk) {
            try {
                if (walk.followUp()) {
                    clock.done();
                    done.incrementAndGet();
                    references.add(walk.reference);
                } else {
                    waiting.add(walk); // its timer was set after the jump: the next one fires it
                }
            } catch (TimeUp stop) {
                // the time box is over
            } catch (RuntimeException | AssertionError e) {
                clock.done();
                failures.add(e.getMessage());
            }
        }
    }

    private final class Walk {
        private final Run run;
        private final String worker;
        private String reference;

        Walk(Run run, String worker) {
            this.run = run;
            this.worker = worker;
        }

        void toClosure(SplittableRandom random) {
            LocalDate today = today();
            // Consent is checked against the wall clock, which the moved engine clock has left behind.
            String consentAt = Instant.now().minus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
            Map<String, Object> body = FictionalFamilies.referral(FictionalFamilies.next(random), consentAt, today);
            Response created = run.referral.time(() -> opened(taken(() -> api.post(JourneySteps.MANAGER, "/api/referrals", body))));
            check(created, created.status() == 200 ? 200 : 201, "referral");
            reference = created.text("caseReference");
            List<Step> steps = JourneySteps.walk(worker, today);
            long taskId = awaitTask(steps.getFirst(), System.nanoTime(), false);
            for (int i = 0; i < steps.size(); i++) {
                completeTask(steps.get(i), taskId);
                if (i + 1 < steps.size()) {
                    taskId = awaitTask(steps.get(i + 1), System.nanoTime(), true);
                }
            }
        }

        /**
         * The follow-up check-in after a clock jump; false if its task has not come (yet). One look, not a
         * wait: the follow-ups of every journey that reached the wait share a few threads, and each waiting
         * ten seconds for a task still on its way (benchmark run 9) let them fall behind the closures, so the
         * caseload grew until the heap was full.
         */
        boolean followUp() {
            Long id = findTask(JourneySteps.followUp(LocalDate.EPOCH), Duration.ZERO);
            if (id == null) {
                return false;
            }
            completeTask(JourneySteps.followUp(today()), id);
            return true;
        }

        private void completeTask(Step step, long taskId) {
            stopIfTimeUp();
            Response done = run.complete.time(() -> taken(() -> api.completeTask(step.user(worker), taskId, step.answers())));
            check(done, 204, step.elementId());
            if (System.nanoTime() < run.stopAt) {
                run.tasks.incrementAndGet();
            }
        }

        private long awaitTask(Step step, long since, boolean record) {
            Long id = findTask(step, TASK_PATIENCE);
            if (id == null) {
                throw new AssertionError(reference + ": " + step.elementId() + " did not appear in " + step.user(worker) + "'s tasks");
            }
            if (record) {
                run.visible.addNanos(System.nanoTime() - since);
            }
            return id;
        }

        private Long findTask(Step step, Duration patience) {
            long give = System.nanoTime() + patience.toNanos();
            long pause = FIRST_POLL_MILLIS;
            do {
                stopIfTimeUp();
                for (JsonNode task : api.get(step.user(worker), "/api/tasks?case=" + reference).body()) {
                    if (step.elementId().equals(task.path("elementId").asText())) {
                        return task.path("id").asLong();
                    }
                }
                pause(pause);
                // Polling backs off, so twenty people waiting do not become the load they measure.
                pause = Math.min(pause * 2, LAST_POLL_MILLIS);
            } while (System.nanoTime() < give);
            return null;
        }

        /**
         * While the engine is recycled the app refuses changes with 503 and Retry-After; a person tries
         * again after a moment, and so does the driver (the pause counts in the call's time), for up to a minute.
         */
        private Response taken(java.util.function.Supplier<Response> call) {
            long give = System.nanoTime() + RESTART_PATIENCE.toNanos();
            Response response = call.get();
            while (response.status() == 503 && System.nanoTime() < give) {
                run.restartWaits.incrementAndGet();
                long asked = response.http().headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
                pause(Math.min(asked * 1000, 2000));
                response = call.get();
            }
            return response;
        }

        /**
         * A referral answered 202 (received; its case is still being opened, e.g. just after an engine
         * recycle) is asked after at its Location, as the caller of the API would, until the case is open
         * (200 there); each ask counts with the recycle's waits.
         */
        private Response opened(Response sent) {
            if (sent.status() != 202) {
                return sent;
            }
            String location = sent.http().headers().firstValue("Location").orElseThrow();
            long give = System.nanoTime() + RESTART_PATIENCE.toNanos();
            Response asked = sent;
            while (asked.status() == 202 && System.nanoTime() < give) {
                run.restartWaits.incrementAndGet();
                pause(1000);
                asked = api.get(JourneySteps.MANAGER, location);
            }
            return asked;
        }

        private void stopIfTimeUp() {
            if (System.nanoTime() >= run.stopAt) {
                throw new TimeUp();
            }
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

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
