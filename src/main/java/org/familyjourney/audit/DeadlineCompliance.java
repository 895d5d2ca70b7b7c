package org.familyjourney.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.familyjourney.journey.Lateness;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Was each step of a case on time? Every task that had a due date: when it was due, when it was
 * done and by whom, met or missed, and by how much; a step still open past its date counts as late
 * so far. Read from the tasks themselves, so it needs no journey entries to agree.
 */
@Component
class DeadlineCompliance {

    enum Verdict { MET, MISSED, OPEN, OVERDUE, WITHDRAWN }

    record Step(String name, String elementId, Instant due, Instant done, String doneBy, Verdict verdict, String lateness) {
    }

    record Summary(List<Step> steps, long met, long missed, long overdue) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    DeadlineCompliance(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Summary of(String reference) {
        Instant now = clock.instant();
        List<Step> steps = jdbc.query("""
                SELECT name, element_id, due_at, completed_at, completed_by, state FROM user_task
                WHERE case_reference = ? AND due_at IS NOT NULL ORDER BY due_at, id""",
                (rs, row) -> step(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), instant(rs.getTimestamp(4)),
                        rs.getString(5), rs.getString(6), now), reference);
        return new Summary(steps, count(steps, Verdict.MET), count(steps, Verdict.MISSED), count(steps, Verdict.OVERDUE));
    }

    private static Step step(String name, String elementId, Instant due, Instant done, String by, String state, Instant now) {
        Verdict verdict;
        Duration late;
        if ("COMPLETED".equals(state) && done != null) {
            late = Duration.between(due, done);
            verdict = late.isPositive() ? Verdict.MISSED : Verdict.MET;
        } else if ("CANCELED".equals(state)) {
            late = Duration.ZERO;
            verdict = Verdict.WITHDRAWN;
        } else {
            late = Duration.between(due, now);
            verdict = late.isPositive() ? Verdict.OVERDUE : Verdict.OPEN;
        }
        return new Step(name, elementId, due, done, by, verdict, late.isPositive() ? Lateness.describe(late) : null);
    }

    private static long count(List<Step> steps, Verdict verdict) {
        return steps.stream().filter(s -> s.verdict() == verdict).count();
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
