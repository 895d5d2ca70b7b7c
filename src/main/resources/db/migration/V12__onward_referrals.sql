-- Signposting: each onward referral to another organisation and its answer, and consent to share
-- recorded for it (an override of a refusal keeps its reason).

CREATE TABLE onward_referral (
    id                    BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_reference        VARCHAR(20)   NOT NULL,
    organisation          VARCHAR(200)  NOT NULL,
    service               VARCHAR(32)   NOT NULL,
    email                 VARCHAR(254),
    reason                TEXT,
    worker                VARCHAR(64),
    state                 VARCHAR(16)   NOT NULL,
    sharing_basis         VARCHAR(24),
    created_at            DATETIME(6)   NOT NULL,
    sent_at               DATETIME(6),
    chased_at             DATETIME(6),
    answered_at           DATETIME(6),
    answer_notes          TEXT,
    answer_recorded_by    VARCHAR(64),
    engine_generation     BIGINT        NOT NULL,
    process_instance_key  BIGINT        NOT NULL,
    CONSTRAINT uq_onward_referral_instance UNIQUE (engine_generation, process_instance_key)
);
CREATE INDEX ix_onward_referral_case ON onward_referral (case_reference, created_at);
CREATE INDEX ix_onward_referral_service_state ON onward_referral (service, state);

CREATE TABLE consent_to_share (
    id                 BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_reference     VARCHAR(20)   NOT NULL,
    shared_with        VARCHAR(200)  NOT NULL,
    given              BOOLEAN       NOT NULL,
    given_by           VARCHAR(40),
    given_on           DATE,
    overridden         BOOLEAN       NOT NULL,
    override_reason    TEXT,
    recorded_by        VARCHAR(64),
    recorded_at        DATETIME(6)   NOT NULL,
    engine_generation  BIGINT        NOT NULL,
    job_key            BIGINT        NOT NULL,
    CONSTRAINT uq_consent_to_share_job UNIQUE (engine_generation, job_key)
);
CREATE INDEX ix_consent_to_share_case ON consent_to_share (case_reference, recorded_at);
