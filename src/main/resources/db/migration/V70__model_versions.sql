-- Our own record of every version of a process (bpmn/) or form (forms/), independent of engine runs:
-- the embedded engine forgets its deployments on restart and numbers them anew, so version n here is
-- the n-th distinct thing a manager (or a release of the app, as "system") put into service.
CREATE TABLE model_version (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kind           VARCHAR(8)    NOT NULL,
    model_id       VARCHAR(100)  NOT NULL,
    version        INT           NOT NULL,
    sha256         CHAR(64)      NOT NULL,
    resource_name  VARCHAR(200)  NOT NULL,
    content        MEDIUMTEXT    NOT NULL,
    deployed_by    VARCHAR(64)   NOT NULL,
    comment        VARCHAR(500)  NOT NULL,
    deployed_at    DATETIME(6)   NOT NULL,
    CONSTRAINT uq_model_version UNIQUE (kind, model_id, version)
);

CREATE INDEX ix_model_version_sha ON model_version (kind, model_id, sha256);

-- A manager's unfinished edit of a model, one per person and model, kept on the server.
CREATE TABLE model_draft (
    kind       VARCHAR(8)    NOT NULL,
    model_id   VARCHAR(100)  NOT NULL,
    username   VARCHAR(64)   NOT NULL,
    content    MEDIUMTEXT    NOT NULL,
    saved_at   DATETIME(6)   NOT NULL,
    PRIMARY KEY (kind, model_id, username)
);
