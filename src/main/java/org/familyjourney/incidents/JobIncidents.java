package org.familyjourney.incidents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.familyjourney.security.CaseFilter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The job incidents we know of, one row per job of an engine run (table job_incident). What people are
 * shown is narrowed by a {@link CaseFilter} on the incident's case (an incident with no case counts as
 * one of a case without a worker: the intake team's).
 */
@Repository
public class JobIncidents {

    private static final String COLUMNS = """
            id, engine_generation, job_key, job_type, process_instance_key, bpmn_process_id, case_reference, element_id,
            step_name, message, failure, attempts, raised_at, state, retried_by, retried_at, resolved_at""";
    private static final String CASE = "job_incident.case_reference";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    JobIncidents(JdbcTemplate jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    /** What the failing job was; written when its last retry fails. */
    record Raised(long generation, long jobKey, String jobType, long processInstanceKey, long processDefinitionKey,
                  String bpmnProcessId, String caseReference, String elementId, String stepName,
                  FailureDescription description, int attempts, Instant at) {
    }

    /** Stores the incident; a job failing again after a retry opens its row again and adds the new attempts. */
    JobIncident raise(Raised raised) {
        jdbc.update("""
                INSERT INTO job_incident (engine_generation, job_key, job_type, process_instance_key, process_definition_key,
                    bpmn_process_id, case_reference, element_id, step_name, message, failure, attempts, raised_at, state)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')
                ON DUPLICATE KEY UPDATE state = 'OPEN', message = VALUES(message), failure = VALUES(failure),
                    attempts = attempts + VALUES(attempts), raised_at = VALUES(raised_at), resolved_at = NULL""",
                raised.generation(), raised.jobKey(), raised.jobType(), raised.processInstanceKey(), raised.processDefinitionKey(),
                raised.bpmnProcessId(), raised.caseReference(), raised.elementId(), raised.stepName(),
                raised.description().message(), raised.description().failure(), raised.attempts(), Timestamp.from(raised.at()));
        return ofJob(raised.generation(), raised.jobKey()).orElseThrow();
    }

    boolean markRetried(long id, String by, Instant at) {
        return jdbc.update("UPDATE job_incident SET state = 'RETRIED', retried_by = ?, retried_at = ? WHERE id = ? AND state = 'OPEN'",
                by, Timestamp.from(at), id) == 1;
    }

    /**
     * True when this job had an incident and has now done its work: retried here, or elsewhere (Operate),
     * since a job in an incident is handed out again only after someone gave it retries.
     */
    boolean markResolvedAfterRetry(long generation, long jobKey, Instant at) {
        return jdbc.update("""
                UPDATE job_incident SET state = 'RESOLVED', resolved_at = ?
                WHERE engine_generation = ? AND job_key = ? AND state <> 'RESOLVED'""", Timestamp.from(at), generation, jobKey) == 1;
    }

    public Optional<JobIncident> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM job_incident WHERE id = ?", JobIncidents::incident, id).stream().findFirst();
    }

    /** The incident, if its case passes the filter. */
    public Optional<JobIncident> find(long id, CaseFilter cases) {
        return named.query("SELECT " + COLUMNS + " FROM job_incident WHERE id = :id AND " + cases.on(CASE),
                cases.params().addValue("id", id), JobIncidents::incident).stream().findFirst();
    }

    Optional<JobIncident> ofJob(long generation, long jobKey) {
        return jdbc.query("SELECT " + COLUMNS + " FROM job_incident WHERE engine_generation = ? AND job_key = ?",
                JobIncidents::incident, generation, jobKey).stream().findFirst();
    }

    public List<JobIncident> ofCase(String caseReference) {
        return jdbc.query("SELECT " + COLUMNS + " FROM job_incident WHERE case_reference = ? ORDER BY raised_at DESC",
                JobIncidents::incident, caseReference);
    }

    /** Every open or retried incident of the cases filtered, then the latest resolved ones: what a manager needs to act on or check. */
    public List<JobIncident> current(int resolvedToShow, CaseFilter cases) {
        String filtered = " AND " + cases.on(CASE);
        return named.query("SELECT * FROM (SELECT " + COLUMNS + " FROM job_incident WHERE state <> 'RESOLVED'" + filtered
                + " ORDER BY raised_at DESC) a UNION ALL SELECT * FROM (SELECT " + COLUMNS + " FROM job_incident WHERE state = 'RESOLVED'"
                + filtered + " ORDER BY resolved_at DESC LIMIT :resolved) r", cases.params().addValue("resolved", resolvedToShow),
                JobIncidents::incident);
    }

    public Map<JobIncident.State, Long> countsByState(CaseFilter cases) {
        Map<JobIncident.State, Long> counts = new TreeMap<>();
        for (JobIncident.State state : JobIncident.State.values()) {
            counts.put(state, 0L);
        }
        named.query("SELECT state, COUNT(*) FROM job_incident WHERE " + cases.on(CASE) + " GROUP BY state", cases.params(),
                (ResultSet rs) -> { counts.put(JobIncident.State.valueOf(rs.getString(1)), rs.getLong(2)); });
        return counts;
    }

    private static JobIncident incident(ResultSet rs, int row) throws SQLException {
        return new JobIncident(rs.getLong("id"), rs.getLong("engine_generation"), rs.getLong("job_key"), rs.getString("job_type"),
                rs.getLong("process_instance_key"), rs.getString("bpmn_process_id"), rs.getString("case_reference"),
                rs.getString("element_id"), rs.getString("step_name"), rs.getString("message"), rs.getString("failure"),
                rs.getInt("attempts"), instant(rs, "raised_at"), JobIncident.State.valueOf(rs.getString("state")),
                rs.getString("retried_by"), instant(rs, "retried_at"), instant(rs, "resolved_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
