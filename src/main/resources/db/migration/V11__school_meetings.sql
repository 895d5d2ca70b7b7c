-- School advocacy meetings: arranged, invited to (with a calendar entry), held or not, and their outcome.

CREATE TABLE school_meeting (
    id                    BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_reference        VARCHAR(20)   NOT NULL,
    school_name           VARCHAR(200)  NOT NULL,
    school_contact_name   VARCHAR(200)  NOT NULL,
    school_contact_email  VARCHAR(254)  NOT NULL,
    starts_at             DATETIME(6)   NOT NULL,
    ends_at               DATETIME(6)   NOT NULL,
    place                 VARCHAR(300)  NOT NULL,
    purpose               VARCHAR(32)   NOT NULL,
    purpose_detail        VARCHAR(1000),
    parent_invited        BOOLEAN       NOT NULL,
    worker                VARCHAR(64)   NOT NULL,
    calendar_uid          VARCHAR(100)  NOT NULL,
    state                 VARCHAR(16)   NOT NULL,
    not_held_reason       VARCHAR(500),
    attendees             VARCHAR(500),
    outcome               VARCHAR(32),
    agreed_actions        TEXT,
    follow_up_needed      BOOLEAN,
    outcome_recorded_by   VARCHAR(64),
    outcome_recorded_at   DATETIME(6),
    engine_generation     BIGINT        NOT NULL,
    process_instance_key  BIGINT        NOT NULL,
    job_key               BIGINT        NOT NULL,
    CONSTRAINT uq_school_meeting_job UNIQUE (engine_generation, job_key),
    CONSTRAINT uq_school_meeting_uid UNIQUE (calendar_uid)
);
CREATE INDEX ix_school_meeting_case ON school_meeting (case_reference, starts_at);
CREATE INDEX ix_school_meeting_state ON school_meeting (state, starts_at);
