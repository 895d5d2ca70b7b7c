package org.familyjourney.reporting;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.familyjourney.reporting.FunderReport.Count;
import org.familyjourney.security.CaseFilter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The funder report's queries: each figure is one aggregate over an indexed date range, never a walk
 * over cases. Form answers are read from the tasks' outcome JSON (JSON_EXTRACT, JSON_TABLE), which
 * MariaDB 10.6+ and MySQL 8 both understand.
 */
@Repository
class FunderFigures {

    record Contact(Instant allocatedAt, Instant reachedAt) {
    }

    record Change(String headline, long families, double assessed, double closing) {
    }

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    FunderFigures(JdbcTemplate jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    List<Count> referralsBySource(Instant from, Instant until) {
        return counts("SELECT source, COUNT(*) FROM referral WHERE received_at >= ? AND received_at < ? GROUP BY source ORDER BY source",
                from, until);
    }

    List<Count> triageDecisions(Instant from, Instant until) {
        return counts("""
                SELECT JSON_UNQUOTE(JSON_EXTRACT(outcome, '$.triageDecision')) AS decision, COUNT(*) FROM user_task
                WHERE element_id = 'Task_TriageReferral' AND state = 'COMPLETED' AND completed_at >= ? AND completed_at < ?
                GROUP BY decision ORDER BY decision""", from, until);
    }

    /** Each family of the cases filtered first reached in the period, with when its worker was first allocated. */
    List<Contact> firstContacts(Instant from, Instant until, CaseFilter cases) {
        return named.query("""
                SELECT a.allocated_at, r.reached_at FROM
                  (SELECT case_reference, MIN(completed_at) AS reached_at FROM user_task
                   WHERE element_id = 'Task_MakeFirstContact' AND state = 'COMPLETED'
                     AND JSON_UNQUOTE(JSON_EXTRACT(outcome, '$.firstContactOutcome')) = 'REACHED'
                   GROUP BY case_reference) r
                JOIN (SELECT case_reference, MIN(completed_at) AS allocated_at FROM user_task
                      WHERE element_id = 'Task_AllocateWorker' AND state = 'COMPLETED' GROUP BY case_reference) a
                  ON a.case_reference = r.case_reference
                WHERE r.reached_at >= :from AND r.reached_at < :until AND a.allocated_at <= r.reached_at AND\s"""
                        + cases.on("r.case_reference"),
                cases.params().addValue("from", Timestamp.from(from)).addValue("until", Timestamp.from(until)),
                (rs, row) -> new Contact(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()));
    }

    List<FunderReport.SessionsOfKind> sessionsByKind(LocalDate from, LocalDate to) {
        return jdbc.query("""
                SELECT kind, COUNT(*), COALESCE(SUM(duration_minutes), 0) FROM support_session
                WHERE held_on BETWEEN ? AND ? GROUP BY kind ORDER BY kind""",
                (rs, row) -> new FunderReport.SessionsOfKind(rs.getString(1), rs.getLong(2), rs.getLong(3)),
                Date.valueOf(from), Date.valueOf(to));
    }

    long schoolMeetingsHeld(Instant from, Instant until) {
        Long held = jdbc.queryForObject("SELECT COUNT(*) FROM school_meeting WHERE state = 'HELD' AND starts_at >= ? AND starts_at < ?",
                Long.class, Timestamp.from(from), Timestamp.from(until));
        return held == null ? 0 : held;
    }

    List<FunderReport.Signposting> signposting(Instant from, Instant until) {
        return jdbc.query("""
                SELECT service, state, COUNT(*) FROM onward_referral WHERE created_at >= ? AND created_at < ?
                GROUP BY service, state ORDER BY service, state""",
                (rs, row) -> new FunderReport.Signposting(rs.getString(1), rs.getString(2), rs.getLong(3)),
                Timestamp.from(from), Timestamp.from(until));
    }

    /**
     * Each closure in the period (a CASE_CLOSED journey entry, so a case reopened since still counts)
     * by its reason: the worker's closure reason, or how the journey ended (declined, signposted, stepped up).
     */
    List<Count> closuresByReason(Instant from, Instant until) {
        return counts("""
                SELECT CASE WHEN COALESCE(JSON_UNQUOTE(JSON_EXTRACT(j.details, '$.status')), c.status) = 'CLOSED'
                            THEN COALESCE((SELECT JSON_UNQUOTE(JSON_EXTRACT(t.outcome, '$.closureReason')) FROM user_task t
                                           WHERE t.case_reference = j.case_reference AND t.element_id = 'Task_CloseCase'
                                             AND t.state = 'COMPLETED' AND t.completed_at <= j.occurred_at
                                           ORDER BY t.completed_at DESC LIMIT 1), 'NOT_RECORDED')
                            ELSE COALESCE(JSON_UNQUOTE(JSON_EXTRACT(j.details, '$.status')), c.status) END AS reason,
                       COUNT(*)
                FROM journey_entry j JOIN family_case c ON c.reference = j.case_reference
                WHERE j.kind = 'CASE_CLOSED' AND j.occurred_at >= ? AND j.occurred_at < ?
                GROUP BY reason ORDER BY reason""", from, until);
    }

    /** For cases whose closure form was completed in the period: first assessment score against closing score, per headline. */
    List<Change> outcomeChanges(Instant from, Instant until) {
        return jdbc.query("""
                WITH closing AS (
                  SELECT case_reference, outcome FROM (
                    SELECT case_reference, outcome,
                           ROW_NUMBER() OVER (PARTITION BY case_reference ORDER BY completed_at DESC, id DESC) AS latest
                    FROM user_task WHERE element_id = 'Task_CloseCase' AND state = 'COMPLETED'
                      AND completed_at >= ? AND completed_at < ?) c WHERE latest = 1),
                assessed AS (
                  SELECT case_reference, outcome FROM (
                    SELECT case_reference, outcome,
                           ROW_NUMBER() OVER (PARTITION BY case_reference ORDER BY completed_at, id) AS first
                    FROM user_task WHERE element_id = 'Task_AssessFamily' AND state = 'COMPLETED'
                      AND case_reference IN (SELECT case_reference FROM closing)) a WHERE first = 1)
                SELECT n.domain, COUNT(*), AVG(n.score), AVG(s.score)
                FROM assessed a,
                     JSON_TABLE(a.outcome, '$.needs[*]' COLUMNS (domain VARCHAR(48) PATH '$.domain',
                                                                 score DECIMAL(6,2) PATH '$.score')) AS n,
                     closing c,
                     JSON_TABLE(c.outcome, '$.closingScores[*]' COLUMNS (domain VARCHAR(48) PATH '$.domain',
                                                                         score DECIMAL(6,2) PATH '$.score')) AS s
                WHERE c.case_reference = a.case_reference AND s.domain = n.domain
                  AND n.score IS NOT NULL AND s.score IS NOT NULL
                GROUP BY n.domain ORDER BY n.domain""",
                (rs, row) -> new Change(rs.getString(1), rs.getLong(2), rs.getDouble(3), rs.getDouble(4)),
                Timestamp.from(from), Timestamp.from(until));
    }

    private List<Count> counts(String sql, Instant from, Instant until) {
        return jdbc.query(sql, (rs, row) -> new Count(rs.getString(1) == null ? "NOT_RECORDED" : rs.getString(1), rs.getLong(2)),
                Timestamp.from(from), Timestamp.from(until));
    }
}
