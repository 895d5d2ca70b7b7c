-- Jobs that failed after their last retry: the engine raised an incident and the journey of the case
-- stands still until a manager retries. One row per job of an engine run; a job that fails again after
-- a retry opens its row again. The message is our plain-words text, never the job's variables.
CREATE TABLE job_incident (
    id                      BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    engine_generation       BIGINT       NOT NULL,
    job_key                 BIGINT       NOT NULL,
    job_type                VARCHAR(100) NOT NULL,
    process_instance_key    BIGINT       NOT NULL,
    process_definition_key  BIGINT       NOT NULL,
    bpmn_process_id         VARCHAR(100) NOT NULL,
    case_reference          VARCHAR(20),
    element_id              VARCHAR(100) NOT NULL,
    step_name               VARCHAR(200) NOT NULL,
    message                 VARCHAR(500) NOT NULL,
    failure                 VARCHAR(200) NOT NULL,
    attempts                INT          NOT NULL,
    raised_at               DATETIME(6)  NOT NULL,
    state                   VARCHAR(16)  NOT NULL,
    retried_by              VARCHAR(64),
    retried_at              DATETIME(6),
    resolved_at             DATETIME(6),
    CONSTRAINT uq_job_incident UNIQUE (engine_generation, job_key)
);
CREATE INDEX ix_job_incident_state ON job_incident (state, raised_at);
CREATE INDEX ix_job_incident_case ON job_incident (case_reference);
