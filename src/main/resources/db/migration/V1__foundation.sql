-- Foundation schema: engine runs, users, referrals, cases, the tasklist, deadlines, escalations,
-- notifications and the journey log. Engine keys are only meaningful with their engine generation.

CREATE TABLE engine_generation (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    mode        VARCHAR(16)  NOT NULL,
    started_at  DATETIME(6)  NOT NULL
);

CREATE TABLE app_user (
    username      VARCHAR(64)  NOT NULL PRIMARY KEY,
    display_name  VARCHAR(200) NOT NULL,
    email         VARCHAR(254),
    password_hash VARCHAR(100) NOT NULL,
    enabled       BOOLEAN      NOT NULL DEFAULT TRUE
);

CREATE TABLE app_user_role (
    username  VARCHAR(64) NOT NULL,
    role      VARCHAR(32) NOT NULL,
    PRIMARY KEY (username, role),
    CONSTRAINT fk_role_user FOREIGN KEY (username) REFERENCES app_user (username)
);

CREATE TABLE case_reference_sequence (
    year        INT NOT NULL PRIMARY KEY,
    last_value  INT NOT NULL
);

CREATE TABLE referral (
    id                     BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    received_at            DATETIME(6)  NOT NULL,
    received_by            VARCHAR(64),
    source                 VARCHAR(16)  NOT NULL,
    referrer_name          VARCHAR(200) NOT NULL,
    referrer_organisation  VARCHAR(200),
    referrer_email         VARCHAR(254),
    referrer_phone         VARCHAR(32),
    parent_name            VARCHAR(200) NOT NULL,
    parent_phone           VARCHAR(32),
    parent_email           VARCHAR(254),
    parent_address         VARCHAR(500),
    parent_postcode        VARCHAR(10),
    details                TEXT,
    consent_given          BOOLEAN      NOT NULL,
    consent_by             VARCHAR(200),
    consent_at             DATETIME(6),
    process_instance_key   BIGINT,
    engine_generation      BIGINT
);

CREATE TABLE referral_child (
    referral_id    BIGINT       NOT NULL,
    position       INT          NOT NULL,
    name           VARCHAR(200) NOT NULL,
    date_of_birth  DATE         NOT NULL,
    school         VARCHAR(200),
    PRIMARY KEY (referral_id, position),
    CONSTRAINT fk_child_referral FOREIGN KEY (referral_id) REFERENCES referral (id)
);

CREATE TABLE referral_concern (
    referral_id  BIGINT      NOT NULL,
    concern      VARCHAR(48) NOT NULL,
    PRIMARY KEY (referral_id, concern),
    CONSTRAINT fk_concern_referral FOREIGN KEY (referral_id) REFERENCES referral (id)
);

CREATE TABLE family_case (
    id                    BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    reference             VARCHAR(20)  NOT NULL,
    referral_id           BIGINT       NOT NULL,
    status                VARCHAR(24)  NOT NULL,
    worker                VARCHAR(64),
    opened_at             DATETIME(6)  NOT NULL,
    closed_at             DATETIME(6),
    process_instance_key  BIGINT,
    engine_generation     BIGINT,
    variables             JSON,
    version               INT          NOT NULL DEFAULT 0,
    CONSTRAINT uq_case_reference UNIQUE (reference),
    CONSTRAINT uq_case_referral UNIQUE (referral_id),
    CONSTRAINT fk_case_referral FOREIGN KEY (referral_id) REFERENCES referral (id)
);
CREATE INDEX ix_case_status ON family_case (status);
CREATE INDEX ix_case_worker ON family_case (worker);

CREATE TABLE user_task (
    id                      BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    engine_generation       BIGINT       NOT NULL,
    job_key                 BIGINT       NOT NULL,
    process_instance_key    BIGINT       NOT NULL,
    process_definition_key  BIGINT       NOT NULL,
    bpmn_process_id         VARCHAR(100) NOT NULL,
    element_id              VARCHAR(100) NOT NULL,
    name                    VARCHAR(200) NOT NULL,
    case_reference          VARCHAR(20),
    form_id                 VARCHAR(100),
    assignee                VARCHAR(64),
    candidate_groups        VARCHAR(500),
    candidate_users         VARCHAR(500),
    excluded_user           VARCHAR(64),
    completed_by_variable   VARCHAR(100),
    due_at                  DATETIME(6),
    follow_up_at            DATETIME(6),
    state                   VARCHAR(16)  NOT NULL,
    created_at              DATETIME(6)  NOT NULL,
    completed_at            DATETIME(6),
    completed_by            VARCHAR(64),
    outcome                 JSON,
    version                 INT          NOT NULL DEFAULT 0,
    CONSTRAINT uq_task_job UNIQUE (engine_generation, job_key)
);
CREATE INDEX ix_task_state_assignee ON user_task (state, assignee);
CREATE INDEX ix_task_case ON user_task (case_reference);
CREATE INDEX ix_task_state_due ON user_task (state, due_at);

CREATE TABLE case_deadline (
    case_reference  VARCHAR(20)  NOT NULL,
    name            VARCHAR(64)  NOT NULL,
    due_at          DATETIME(6)  NOT NULL,
    escalate_at     DATETIME(6),
    engine_generation  BIGINT   NOT NULL,
    job_key            BIGINT   NOT NULL,
    PRIMARY KEY (case_reference, name)
);

CREATE TABLE escalation (
    id                 BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_reference     VARCHAR(20),
    kind               VARCHAR(48)  NOT NULL,
    message            VARCHAR(500) NOT NULL,
    raised_at          DATETIME(6)  NOT NULL,
    state              VARCHAR(16)  NOT NULL,
    engine_generation  BIGINT       NOT NULL,
    job_key            BIGINT       NOT NULL,
    CONSTRAINT uq_escalation_job UNIQUE (engine_generation, job_key)
);
CREATE INDEX ix_escalation_state ON escalation (state);

CREATE TABLE notification (
    id                 BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_reference     VARCHAR(20),
    recipient          VARCHAR(254) NOT NULL,
    subject            VARCHAR(300) NOT NULL,
    status             VARCHAR(16)  NOT NULL,
    created_at         DATETIME(6)  NOT NULL,
    engine_generation  BIGINT       NOT NULL,
    job_key            BIGINT       NOT NULL,
    CONSTRAINT uq_notification_job UNIQUE (engine_generation, job_key, recipient)
);

CREATE TABLE journey_entry (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_reference  VARCHAR(20)  NOT NULL,
    occurred_at     DATETIME(6)  NOT NULL,
    kind            VARCHAR(32)  NOT NULL,
    step            VARCHAR(100),
    actor           VARCHAR(64)  NOT NULL,
    summary         VARCHAR(500) NOT NULL,
    details         JSON
);
CREATE INDEX ix_journey_case ON journey_entry (case_reference, occurred_at);

CREATE TABLE process_version (
    engine_generation       BIGINT       NOT NULL,
    process_definition_key  BIGINT       NOT NULL,
    bpmn_process_id         VARCHAR(100) NOT NULL,
    version                 INT          NOT NULL,
    resource_name           VARCHAR(200) NOT NULL,
    deployed_at             DATETIME(6)  NOT NULL,
    xml                     MEDIUMTEXT   NOT NULL,
    PRIMARY KEY (engine_generation, process_definition_key)
);

-- Every view of a family's record, by whom and when (auditors' views too).
CREATE TABLE access_log (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_reference  VARCHAR(20)  NOT NULL,
    username        VARCHAR(64)  NOT NULL,
    accessed_at     DATETIME(6)  NOT NULL,
    what            VARCHAR(100) NOT NULL
);
CREATE INDEX ix_access_case ON access_log (case_reference, accessed_at);

-- Jobs whose side effect happened: a redelivered job finds its mark and does nothing twice.
CREATE TABLE handled_job (
    engine_generation  BIGINT       NOT NULL,
    job_key            BIGINT       NOT NULL,
    job_type           VARCHAR(100) NOT NULL,
    handled_at         DATETIME(6)  NOT NULL,
    PRIMARY KEY (engine_generation, job_key)
);
