-- 1:1 sessions with a family (home visits, calls, texts...): what funders count as sessions delivered.

CREATE TABLE support_session (
    id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_reference    VARCHAR(20)  NOT NULL,
    held_on           DATE         NOT NULL,
    kind              VARCHAR(16)  NOT NULL,
    duration_minutes  INT          NOT NULL,
    notes             TEXT,
    recorded_by       VARCHAR(64)  NOT NULL,
    recorded_at       DATETIME(6)  NOT NULL
);
CREATE INDEX ix_support_session_case ON support_session (case_reference, held_on);
CREATE INDEX ix_support_session_held ON support_session (held_on);
