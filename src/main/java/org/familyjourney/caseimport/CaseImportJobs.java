package org.familyjourney.caseimport;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Imports run in the background, one row after another, and say how far they are (the export jobs'
 * pattern): rows done of rows in all, the cases made, and any row the engine refused. Kept in memory
 * for a day; only the person who started an import may read it.
 */
@Component
class CaseImportJobs {

    private static final Logger log = LoggerFactory.getLogger(CaseImportJobs.class);
    private static final Duration KEPT = Duration.ofDays(1);

    enum State { RUNNING, DONE, FAILED }

    static final class Job {
        final String id = UUID.randomUUID().toString();
        final String owner;
        final Instant startedAt = Instant.now();
        final int total;
        volatile int done;
        volatile State state = State.RUNNING;
        final List<String> cases = new CopyOnWriteArrayList<>();
        final List<ImportRows.Problem> failures = new CopyOnWriteArrayList<>();

        Job(String owner, int total) {
            this.owner = owner;
            this.total = total;
        }
    }

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "case-import");
        thread.setDaemon(true);
        return thread;
    });
    private final CaseImporter importer;

    CaseImportJobs(CaseImporter importer) {
        this.importer = importer;
    }

    Job start(String owner, List<ImportRows.ValidRow> rows) {
        jobs.values().removeIf(job -> job.startedAt.isBefore(Instant.now().minus(KEPT)));
        Job job = new Job(owner, rows.size());
        jobs.put(job.id, job);
        runner.submit(() -> {
            for (ImportRows.ValidRow row : rows) {
                try {
                    job.cases.add(importer.importRow(row, owner));
                } catch (RuntimeException e) {
                    // Line and cause for the administrator, never the family's details.
                    log.error("Import of caseload line {} failed: {}", row.line(), e.getClass().getName(), e);
                    job.failures.add(new ImportRows.Problem(row.line(), "row", "could not be imported (" + e.getClass().getSimpleName()
                            + "); import this line again"));
                }
                job.done++;
            }
            job.state = job.failures.isEmpty() ? State.DONE : State.FAILED;
        });
        return job;
    }

    Optional<Job> find(String id, String who) {
        return Optional.ofNullable(jobs.get(id)).filter(job -> job.owner.equals(who));
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }
}
