package org.familyjourney.signposting;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import org.familyjourney.processes.JobRef;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Consent to share information, as its own record: given or not, by whom and when, or overridden and why. */
@Repository
class ConsentsToShare {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ConsentsToShare(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Stores the consent the job records; false when a redelivered job finds it stored. */
    boolean record(JobRef job, String caseReference, String sharedWith, boolean given, String givenBy, LocalDate givenOn,
                   boolean overridden, String overrideReason, String recordedBy) {
        return jdbc.update("""
                INSERT IGNORE INTO consent_to_share
                    (case_reference, shared_with, given, given_by, given_on, overridden, override_reason, recorded_by,
                     recorded_at, engine_generation, job_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", caseReference, sharedWith, given, givenBy,
                givenOn == null ? null : Date.valueOf(givenOn), overridden, overrideReason, recordedBy,
                Timestamp.from(clock.instant()), job.generation(), job.jobKey()) == 1;
    }
}
