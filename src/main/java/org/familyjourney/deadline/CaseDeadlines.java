package org.familyjourney.deadline;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.familyjourney.processes.JobAncestry;
import org.familyjourney.processes.JobRef;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The absolute deadlines of each case, kept in MySQL so a journey recreated on a new engine keeps
 * them, and so the case page and reports can show them without asking the engine.
 */
@Repository
public class CaseDeadlines {

    private final JdbcTemplate jdbc;
    private final JobAncestry ancestry;

    CaseDeadlines(JdbcTemplate jdbc, JobAncestry ancestry) {
        this.jdbc = jdbc;
        this.ancestry = ancestry;
    }

    public record Deadline(String caseReference, String name, Instant dueAt, Instant escalateAt) {
    }

    /**
     * The deadline a job already set, if this job was delivered before, or if it is the job of a step
     * recovery re-created whose earlier job set it: a deadline is never computed again from a later "now".
     */
    Optional<Deadline> setBy(JobRef job, String caseReference, String name) {
        Optional<Deadline> set = setBy(job.generation(), job.jobKey(), caseReference, name);
        for (JobAncestry.Ancestor earlier : set.isPresent() ? List.<JobAncestry.Ancestor>of() : ancestry.of(job.generation(), job.jobKey())) {
            set = setBy(earlier.generation(), earlier.jobKey(), caseReference, name);
            if (set.isPresent()) {
                break;
            }
        }
        return set;
    }

    private Optional<Deadline> setBy(long generation, long jobKey, String caseReference, String name) {
        return jdbc.query("""
                SELECT case_reference, name, due_at, escalate_at FROM case_deadline
                WHERE case_reference = ? AND name = ? AND engine_generation = ? AND job_key = ?""",
                (rs, row) -> map(rs), caseReference, name, generation, jobKey).stream().findFirst();
    }

    void save(Deadline deadline, JobRef job) {
        jdbc.update("""
                INSERT INTO case_deadline (case_reference, name, due_at, escalate_at, engine_generation, job_key)
                VALUES (?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE due_at = VALUES(due_at), escalate_at = VALUES(escalate_at),
                    engine_generation = VALUES(engine_generation), job_key = VALUES(job_key)""",
                deadline.caseReference(), deadline.name(), Timestamp.from(deadline.dueAt()),
                deadline.escalateAt() == null ? null : Timestamp.from(deadline.escalateAt()), job.generation(), job.jobKey());
    }

    /** A deadline a case brought with it from a caseload import (its step's due date, the 26-week review). */
    public void saveImported(Deadline deadline, JobRef source) {
        save(deadline, source);
    }

    public List<Deadline> of(String caseReference) {
        return jdbc.query("SELECT case_reference, name, due_at, escalate_at FROM case_deadline WHERE case_reference = ? ORDER BY due_at",
                (rs, row) -> map(rs), caseReference);
    }

    private static Deadline map(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp escalate = rs.getTimestamp("escalate_at");
        return new Deadline(rs.getString("case_reference"), rs.getString("name"), rs.getTimestamp("due_at").toInstant(),
                escalate == null ? null : escalate.toInstant());
    }
}
