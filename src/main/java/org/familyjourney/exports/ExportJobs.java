package org.familyjourney.exports;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.familyjourney.security.StaffMember;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Exports too long to make while a browser waits (a subject access PDF, the funder report PDF): each
 * runs as a job in the background and says how far it is; only the person who started it may fetch
 * the file, for 30 minutes. Jobs live in memory: after a restart one is started again.
 */
@Component
public class ExportJobs {

    static final Duration KEPT = Duration.ofMinutes(30);
    private static final Logger log = LoggerFactory.getLogger(ExportJobs.class);

    public enum State { RUNNING, DONE, FAILED }

    /** What a job tells as it goes: how far (0-100) and at which step. */
    public interface Progress {
        void at(int percent, String step);
    }

    public record File(byte[] bytes, MediaType type, String name) {
    }

    /** The work of a job: makes the file, reporting progress. Runs on a background thread. */
    public interface Work {
        File make(Progress progress);
    }

    static final class Job implements Progress {
        final String id = UUID.randomUUID().toString();
        final String owner;
        final Instant startedAt;
        volatile State state = State.RUNNING;
        volatile int percent;
        volatile String step = "";
        volatile File file;

        Job(String owner, Instant startedAt) {
            this.owner = owner;
            this.startedAt = startedAt;
        }

        @Override
        public void at(int percent, String step) {
            this.percent = Math.max(this.percent, Math.min(99, percent));
            this.step = step;
        }
    }

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    // Two at a time: exports must not take the machine from the people doing casework.
    private final ExecutorService workers = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "export-job");
        thread.setDaemon(true);
        return thread;
    });
    Job start(StaffMember owner, Work work) {
        forgetOld();
        Job job = new Job(owner.username(), Instant.now());
        jobs.put(job.id, job);
        workers.submit(() -> {
            try {
                job.file = work.make(job);
                job.percent = 100;
                job.state = State.DONE;
            } catch (RuntimeException e) {
                // The cause for the administrator, without the data being exported.
                log.error("Export job failed: {}", e.getClass().getName(), e);
                job.state = State.FAILED;
            }
        });
        return job;
    }

    Optional<Job> find(String id, StaffMember who) {
        forgetOld();
        return Optional.ofNullable(jobs.get(id)).filter(job -> job.owner.equals(who.username()));
    }

    // The wall clock, not the journey's: a demo moving the engine's clock must not expire a download.
    private void forgetOld() {
        Instant oldest = Instant.now().minus(KEPT);
        jobs.values().removeIf(job -> job.startedAt.isBefore(oldest));
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
