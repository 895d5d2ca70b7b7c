-- Safeguarding concerns (raised by staff or found at referral screening), the DSL's decision on each,
-- and the history of a case's step-ups to children's social care.

CREATE TABLE safeguarding_concern (
    id                    BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_reference        VARCHAR(20)  NOT NULL,
    source                VARCHAR(16)  NOT NULL,
    category              VARCHAR(24)  NOT NULL,
    summary               TEXT         NOT NULL,
    indicators            VARCHAR(500),
    screened_referral_id  BIGINT,
    raised_by             VARCHAR(64)  NOT NULL,
    raised_at             DATETIME(6)  NOT NULL,
    state                 VARCHAR(16)  NOT NULL,
    engine_generation     BIGINT,
    process_instance_key  BIGINT,
    sent_to_dsl_at        DATETIME(6),
    decision_due_at       DATETIME(6),
    decision              VARCHAR(24),
    rationale             TEXT,
    actions_taken         TEXT,
    support_continues     BOOLEAN,
    decided_by            VARCHAR(64),
    decided_at            DATETIME(6),
    -- One screening concern per referral, however often screening runs.
    CONSTRAINT uq_concern_screened_referral UNIQUE (screened_referral_id)
);
CREATE INDEX ix_concern_case ON safeguarding_concern (case_reference, raised_at);
CREATE INDEX ix_concern_state ON safeguarding_concern (state);

-- Each step-up is a row of its own; a case is stepped up while it has one not stepped down.
CREATE TABLE case_step_up (
    id                          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_reference              VARCHAR(20)  NOT NULL,
    concern_id                  BIGINT,
    stepped_up_at               DATETIME(6)  NOT NULL,
    decided_by                  VARCHAR(64),
    stepped_down_at             DATETIME(6),
    social_care_referred_on     DATE,
    social_care_reference       VARCHAR(50),
    child_protection_plan       BOOLEAN,
    child_protection_plan_from  DATE,
    notes                       TEXT,
    referral_recorded_by        VARCHAR(64),
    referral_recorded_at        DATETIME(6),
    engine_generation           BIGINT       NOT NULL,
    process_instance_key        BIGINT       NOT NULL,
    CONSTRAINT uq_step_up_instance UNIQUE (engine_generation, process_instance_key)
);
CREATE INDEX ix_step_up_case ON case_step_up (case_reference, stepped_up_at);
