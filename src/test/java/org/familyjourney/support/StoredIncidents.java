package org.familyjourney.support;

import org.springframework.jdbc.core.JdbcTemplate;

/** Job incidents written straight into the table, for tests that need one without a failing step behind it. */
public final class StoredIncidents {

    private StoredIncidents() {
    }

    /** An open incident of the case from an earlier engine run (so a retry goes no further than the app's checks); its id. */
    public static long ofAnEarlierEngineRun(JdbcTemplate jdbc, String reference) {
        jdbc.update("""
                INSERT INTO job_incident (engine_generation, job_key, job_type, process_instance_key, process_definition_key,
                    bpmn_process_id, case_reference, element_id, step_name, message, failure, attempts, raised_at, state)
                VALUES (-1, ?, 'send-referrer-letter', 1, 1, 'family-journey', ?, 'Task_SendReferrerLetter',
                    'Send letter to referrer', 'The email server did not accept the message.', 'MAIL', 3, NOW(6), 'OPEN')""",
                System.nanoTime(), reference);
        return jdbc.queryForObject("SELECT MAX(id) FROM job_incident WHERE case_reference = ?", Long.class, reference);
    }
}
