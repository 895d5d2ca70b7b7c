package org.familyjourney.operations;

import io.camunda.client.jobhandling.CamundaClientExecutorService;
import java.time.Duration;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Graceful shutdown of the job workers. The SDK closes every job worker in the first shutdown
 * phase (its lifecycle bean has the default, highest phase), so no new job is taken; this runs in
 * the phase right after it and waits, up to familyjourney.operations.job-drain-timeout, for the
 * handlers already running or queued to finish and send their complete or fail command. Only then
 * do the web server and the Camunda client close. A job still unfinished at the timeout is
 * interrupted; the engine hands it out again when its timeout passes, and every worker is idempotent.
 */
@Component
public class JobDrain implements SmartLifecycle, DisposableBean {

    /** Just after the SDK's CamundaLifecycleEventProducer (DEFAULT_PHASE), well before the web server's phases. */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 1;

    private static final Logger log = LoggerFactory.getLogger(JobDrain.class);

    private final CamundaClientExecutorService executor;
    private final JobWorkers workers;
    private final Duration timeout;
    private volatile boolean running;

    JobDrain(CamundaClientExecutorService executor, JobWorkers workers, OperationsProperties operations) {
        this.executor = executor;
        this.workers = workers;
        this.timeout = operations.jobDrainTimeout();
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        workers.draining();
        var pool = executor.get();
        int inHand = jobsInHand();
        if (pool instanceof ScheduledThreadPoolExecutor scheduled) {
            // The workers' next polls are delayed tasks; they would only find their worker closed.
            scheduled.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        }
        pool.shutdown();
        try {
            if (inHand > 0) {
                log.info("Finishing {} job(s) in hand before shutting down (at most {})", inHand, timeout);
            }
            if (!pool.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Jobs still running after {}: interrupting them; the engine will hand them out again", timeout);
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
        workers.stopped();
    }

    /**
     * While the job workers are closed for recycling the engine: waits, up to the drain timeout, until
     * no handler runs or waits to run. False if some were still in hand at the timeout.
     */
    public boolean awaitNoJobsInHand() {
        long until = System.nanoTime() + timeout.toNanos();
        while (jobsInHand() > 0) {
            if (System.nanoTime() > until) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Handlers running now plus those queued to run now (a streamed job waits in the queue for a thread). */
    int jobsInHand() {
        if (executor.get() instanceof ScheduledThreadPoolExecutor pool) {
            // Tasks with a delay still to run are the workers' next polls, not jobs.
            long due = pool.getQueue().stream()
                    .filter(task -> task instanceof Delayed delayed && delayed.getDelay(TimeUnit.NANOSECONDS) <= 0)
                    .count();
            return pool.getActiveCount() + (int) due;
        }
        return 0;
    }

    /** A context that never started its lifecycle still must not leave job threads behind. */
    @Override
    public void destroy() {
        executor.get().shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
