package org.familyjourney.recovery;

import io.camunda.client.CamundaClient;
import io.camunda.client.spring.annotation.processor.JobWorkerAnnotationProcessor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.familyjourney.engine.EmbeddedEngine;
import org.familyjourney.engine.EngineGeneration;
import org.familyjourney.engine.ModelDeployer;
import org.familyjourney.operations.JobDrain;
import org.familyjourney.operations.JobWorkers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Replaces the embedded engine with a fresh one while the app runs, and recovers every open instance
 * on it: refuse new changes and let those in hand finish ({@link EngineGate}), close the job workers, let the jobs in hand finish, record the last positions, start a new
 * engine on the same port (the client reconnects; the clock keeps its offset), begin a new generation,
 * deploy the models, recover, open the workers again, and give the C allocator's freed memory back to the
 * operating system ({@link NativeHeap}). The same path serves a restart: start-up runs
 * only its second half. While it runs, changes that need the engine answer 503.
 */
public class EngineRecycler {

    private static final Logger log = LoggerFactory.getLogger(EngineRecycler.class);
    /** The longest change people make (a referral waits up to 10 s for its case), with room to spare. */
    private static final Duration CHANGES_PATIENCE = Duration.ofSeconds(30);

    /** One recycle; {@code nativeMemoryReleasedMb} is what trimming the C allocator gave back (-1: not available here). */
    public record Recycled(long fromGeneration, long toGeneration, Recovery.Outcome recovery, Instant at, Duration took,
                           long nativeMemoryReleasedMb, Map<String, Long> phaseMillis) {
    }

    private final EmbeddedEngine engine;
    private final EngineGeneration generation;
    private final RecordTailer tailer;
    private final Recovery recovery;
    private final ModelDeployer models;
    private final CamundaClient client;
    private final ObjectProvider<JobWorkerAnnotationProcessor> workers;
    private final JobWorkers workerState;
    private final JobDrain drain;
    private final Clock clock;
    private final JdbcTemplate jdbc;
    private final AtomicInteger recycles = new AtomicInteger();
    private final AtomicReference<Recycled> last = new AtomicReference<>();
    private final EngineGate gate;

    EngineRecycler(EmbeddedEngine engine, EngineGeneration generation, RecordTailer tailer, Recovery recovery, ModelDeployer models,
                   CamundaClient client, ObjectProvider<JobWorkerAnnotationProcessor> workers, JobWorkers workerState,
                   JobDrain drain, Clock clock, JdbcTemplate jdbc, EngineGate gate) {
        this.engine = engine;
        this.generation = generation;
        this.tailer = tailer;
        this.recovery = recovery;
        this.models = models;
        this.client = client;
        this.workers = workers;
        this.workerState = workerState;
        this.drain = drain;
        this.clock = clock;
        this.jdbc = jdbc;
        this.gate = gate;
    }

    public synchronized Recycled recycle(String reason) {
        long started = System.nanoTime();
        RecyclePhases phases = new RecyclePhases();
        long from = generation.current();
        JobWorkerAnnotationProcessor processor = workers.getObject();
        boolean workersOpen = false;
        try {
            // People's changes first, while the job workers still run: a referral waits for its case to be opened by one.
            if (!gate.closeAndDrain(CHANGES_PATIENCE)) {
                log.warn("{} change(s) still in hand after {} s when the engine was recycled", gate.inside(), CHANGES_PATIENCE.toSeconds());
            }
            phases.done("changes");
            processor.stop(client);
            workerState.pausedForRecycling();
            phases.done("workers closed");
            if (!drain.awaitNoJobsInHand()) {
                log.warn("Jobs still in hand when the engine was recycled; their steps are re-created and their marks keep them once-only");
            }
            phases.done("jobs");
            tailer.catchUp();
            phases.done("positions");
            long records = tailer.recordCount();
            long longestRead = tailer.longestPollNanos() / 1_000_000;
            tailer.followReplacement(() -> {
                engine.replace();
                generation.next();
            });
            long to = generation.current();
            phases.done("engine replaced");
            awaitEngine();
            models.deploy();
            phases.done("models");
            Recovery.Outcome outcome = recovery.recoverEarlierRuns(reason, from);
            phases.done("recovery");
            processor.start(client);
            workersOpen = true;
            workerState.resumedAfterRecycling();
            awaitTasksMoved(from);
            phases.done("tasks moved");
            long released = NativeHeap.trim().map(NativeHeap.Trimmed::releasedMb).orElse(-1L);
            phases.done("native heap");
            Recycled done = new Recycled(from, to, outcome, clock.instant(), Duration.ofNanos(System.nanoTime() - started), released,
                    phases.millis());
            last.set(done);
            recycles.incrementAndGet();
            log.info("Embedded engine recycled ({}): generation {} -> {} after {} records (longest read of new records {} ms), "
                    + "{} instance(s) recovered, {} ms in all ({}), {} MB of freed native memory given back", reason, from, to, records,
                    longestRead, outcome.instances(), done.took().toMillis(), phases, released);
            return done;
        } finally {
            if (!workersOpen) {
                processor.start(client);
                workerState.resumedAfterRecycling();
            }
            gate.open();
        }
    }

    /**
     * Until the user-task worker has moved each open task to its re-created step, completing it would
     * answer 409; changes wait (503, try again) a moment longer instead, at most a minute: with a
     * hundred or more open journeys on a busy 2-core machine the moves took longer than 15 s.
     */
    private void awaitTasksMoved(long from) {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < until && tasksNotMoved(from) > 0) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private int tasksNotMoved(long from) {
        Integer waiting = jdbc.queryForObject("""
                SELECT COUNT(*) FROM user_task t JOIN recovery_link l
                    ON l.origin_generation = t.engine_generation AND l.origin_job_key = t.job_key
                WHERE t.engine_generation = ? AND t.state = 'OPEN'""", Integer.class, from);
        return waiting == null ? 0 : waiting;
    }

    /** The client's channel reconnects to the new engine on the same port; wait until it answers. */
    private void awaitEngine() {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        RuntimeException lastFailure = null;
        while (System.nanoTime() < until) {
            try {
                client.newTopologyRequest().requestTimeout(Duration.ofSeconds(2)).send().join();
                return;
            } catch (RuntimeException e) {
                lastFailure = e;
                try {
                    Thread.sleep(50);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for the new engine", interrupted);
                }
            }
        }
        throw new IllegalStateException("The new engine did not answer within 60 s", lastFailure);
    }

    public boolean restarting() {
        return gate.closed();
    }

    public int recycles() {
        return recycles.get();
    }

    public Recycled last() {
        return last.get();
    }
}
