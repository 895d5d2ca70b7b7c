package org.familyjourney.processes;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Jobs arrive at least once. A worker whose side effect must happen once marks its job here in the
 * same transaction as the effect: the first delivery wins, every redelivery sees the mark.
 */
@Repository
public class HandledJobs {

    private final JdbcTemplate jdbc;
    private final JobAncestry ancestry;
    private final Clock clock;

    HandledJobs(JdbcTemplate jdbc, JobAncestry ancestry, Clock clock) {
        this.jdbc = jdbc;
        this.ancestry = ancestry;
        this.clock = clock;
    }

    /**
     * True the first time this job is handled; false on every redelivery, and for the job of a step
     * re-created by recovery whose job on an earlier engine run was handled already.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean firstDelivery(JobRef job, String jobType) {
        boolean first = jdbc.update("""
                INSERT IGNORE INTO handled_job (engine_generation, job_key, job_type, handled_at)
                VALUES (?, ?, ?, ?)""", job.generation(), job.jobKey(), jobType, Timestamp.from(clock.instant())) == 1;
        return first && ancestry.of(job.generation(), job.jobKey()).stream().noneMatch(old -> handled(old.generation(), old.jobKey()));
    }

    private boolean handled(long generation, long jobKey) {
        Integer marks = jdbc.queryForObject("SELECT COUNT(*) FROM handled_job WHERE engine_generation = ? AND job_key = ?",
                Integer.class, generation, jobKey);
        return marks != null && marks > 0;
    }
}
