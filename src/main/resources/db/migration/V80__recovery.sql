-- Where every open process instance of the embedded engine stands, kept continuously from the
-- engine's record stream, so a new engine run can re-create each at exactly its open steps.

CREATE TABLE instance_position (
    engine_generation        BIGINT       NOT NULL,
    process_instance_key     BIGINT       NOT NULL,
    root_instance_key        BIGINT       NOT NULL,
    parent_instance_key      BIGINT,
    parent_element_key       BIGINT,
    bpmn_process_id          VARCHAR(100) NOT NULL,
    process_definition_key   BIGINT       NOT NULL,
    -- active element instances (with their job, fired timers, loop counter) and variables per scope
    state                    JSON         NOT NULL,
    updated_at               DATETIME(6)  NOT NULL,
    PRIMARY KEY (engine_generation, process_instance_key)
);
CREATE INDEX ix_position_root ON instance_position (engine_generation, root_instance_key);

-- A job of a recovered step and the job of the earlier engine run it stands for, so the side
-- effects marked under the old job (handled_job, notification) are not repeated, and an open
-- user task keeps its row (id, assignee, draft, history).
CREATE TABLE recovery_link (
    engine_generation   BIGINT  NOT NULL,
    job_key             BIGINT  NOT NULL,
    origin_generation   BIGINT  NOT NULL,
    origin_job_key      BIGINT  NOT NULL,
    PRIMARY KEY (engine_generation, job_key)
);

-- Each recovery (at start-up or by recycling): when, why, how many instances and cases.
CREATE TABLE engine_recovery (
    id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    engine_generation   BIGINT       NOT NULL,
    reason              VARCHAR(32)  NOT NULL,
    started_at          DATETIME(6)  NOT NULL,
    finished_at         DATETIME(6)  NOT NULL,
    instances           INT          NOT NULL,
    cases               INT          NOT NULL,
    failed              INT          NOT NULL
);
