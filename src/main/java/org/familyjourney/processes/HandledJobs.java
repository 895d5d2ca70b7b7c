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
    private final Clock clock;

    HandledJobs(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** True the first time this job is handled; false on every redelivery. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean firstDelivery(JobRef job, String jobType) {
        return jdbc.update("""
                INSERT IGNORE INTO handled_job (engine_generation, job_key, job_type, handled_at)
                VALUES (?, ?, ?, ?)""", job.generation(), job.jobKey(), jobType, Timestamp.from(clock.instant())) == 1;
    }
}
