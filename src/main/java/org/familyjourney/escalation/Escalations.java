package org.familyjourney.escalation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.familyjourney.processes.JobAncestry;
import org.familyjourney.processes.JobRef;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Escalations raised by the journey's timers: visible to managers until they act. One job raises
 * at most one escalation, so a redelivered job changes nothing.
 */
@Repository
public class Escalations {

    private final JdbcTemplate jdbc;
    private final JobAncestry ancestry;
    private final Clock clock;

    Escalations(JdbcTemplate jdbc, JobAncestry ancestry, Clock clock) {
        this.jdbc = jdbc;
        this.ancestry = ancestry;
        this.clock = clock;
    }

    public record Escalation(long id, String caseReference, String kind, String message, Instant raisedAt, String state) {
    }

    /** False on a redelivery, and for the job of a re-created step whose earlier job raised it already. */
    boolean raise(JobRef job, String caseReference, String kind, String message) {
        boolean raisedBefore = ancestry.of(job.generation(), job.jobKey()).stream().anyMatch(earlier -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM escalation WHERE engine_generation = ? AND job_key = ?", Integer.class,
                earlier.generation(), earlier.jobKey()) > 0);
        return !raisedBefore && jdbc.update("""
                INSERT IGNORE INTO escalation (case_reference, kind, message, raised_at, state, engine_generation, job_key)
                VALUES (?, ?, ?, ?, 'OPEN', ?, ?)""",
                caseReference, kind, message, Timestamp.from(clock.instant()), job.generation(), job.jobKey()) == 1;
    }

    public List<Escalation> of(String caseReference) {
        return jdbc.query("""
                SELECT id, case_reference, kind, message, raised_at, state FROM escalation
                WHERE case_reference = ? ORDER BY raised_at""",
                (rs, row) -> new Escalation(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getString(6)), caseReference);
    }

    public List<Escalation> open() {
        return jdbc.query("""
                SELECT id, case_reference, kind, message, raised_at, state FROM escalation
                WHERE state = 'OPEN' ORDER BY raised_at""",
                (rs, row) -> new Escalation(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getString(6)));
    }
}
