-- Data protection: consent as its own record (what was agreed, by whom, when, and its withdrawal),
-- overrides of consent with their reasons, and each closed case's retention (when its personal data
-- is anonymised). Personal data is replaced in place by placeholders; journey_entry stays untouched.

CREATE TABLE consent (
    id                 BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_reference     VARCHAR(20)   NOT NULL,
    scope              VARCHAR(32)   NOT NULL,
    -- A named organisation the consent covers; NULL = any organisation of the scope.
    shared_with        VARCHAR(200),
    given_by           VARCHAR(200)  NOT NULL,
    given_at           DATETIME(6)   NOT NULL,
    source             VARCHAR(16)   NOT NULL,
    recorded_by        VARCHAR(64)   NOT NULL,
    recorded_at        DATETIME(6)   NOT NULL,
    withdrawn_at       DATETIME(6),
    withdrawn_by       VARCHAR(200),
    withdrawal_recorded_by VARCHAR(64),
    withdrawal_reason  VARCHAR(1000),
    -- The referral's consent is copied once per scope, however often a case is read.
    referral_scope     VARCHAR(64),
    CONSTRAINT uq_consent_referral_scope UNIQUE (referral_scope)
);
CREATE INDEX ix_consent_case ON consent (case_reference, scope);

CREATE TABLE consent_override (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_reference  VARCHAR(20)   NOT NULL,
    scope           VARCHAR(32)   NOT NULL,
    shared_with     VARCHAR(200),
    reason          VARCHAR(2000) NOT NULL,
    overridden_by   VARCHAR(64)   NOT NULL,
    overridden_at   DATETIME(6)   NOT NULL,
    -- Set when a job recorded it, so a redelivered job records it once.
    job_ref         VARCHAR(64),
    CONSTRAINT uq_consent_override_job UNIQUE (job_ref)
);
CREATE INDEX ix_consent_override_case ON consent_override (case_reference, scope);

CREATE TABLE case_retention (
    case_reference        VARCHAR(20)  NOT NULL PRIMARY KEY,
    closed_at             DATETIME(6)  NOT NULL,
    anonymise_at          DATETIME(6)  NOT NULL,
    state                 VARCHAR(16)  NOT NULL,
    engine_generation     BIGINT,
    process_instance_key  BIGINT,
    done_at               DATETIME(6)
);
CREATE INDEX ix_case_retention_state ON case_retention (state, anonymise_at);
