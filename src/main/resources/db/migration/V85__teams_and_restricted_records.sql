-- Teams narrow who sees which families: a case belongs to the team of its worker, or, before it has
-- one, to the team that takes in referrals (intake). One team per person.
CREATE TABLE team (
    id      BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name    VARCHAR(64)  NOT NULL,
    intake  BOOLEAN      NOT NULL DEFAULT FALSE,
    CONSTRAINT uq_team_name UNIQUE (name)
);

CREATE TABLE team_member (
    username  VARCHAR(64) NOT NULL PRIMARY KEY,
    team_id   BIGINT      NOT NULL,
    CONSTRAINT fk_member_user FOREIGN KEY (username) REFERENCES app_user (username),
    CONSTRAINT fk_member_team FOREIGN KEY (team_id) REFERENCES team (id)
);
CREATE INDEX ix_member_team ON team_member (team_id);

INSERT INTO team (name, intake) VALUES ('North', TRUE), ('South', FALSE);

-- A restricted record (e.g. a parent fleeing domestic abuse) is seen only by the people named on it;
-- to everyone else it does not exist.
CREATE TABLE case_restriction (
    case_reference  VARCHAR(20)  NOT NULL PRIMARY KEY,
    reason          TEXT         NOT NULL,
    restricted_by   VARCHAR(64)  NOT NULL,
    restricted_at   DATETIME(6)  NOT NULL
);

CREATE TABLE case_restriction_person (
    case_reference  VARCHAR(20)  NOT NULL,
    username        VARCHAR(64)  NOT NULL,
    named_by        VARCHAR(64)  NOT NULL,
    named_at        DATETIME(6)  NOT NULL,
    PRIMARY KEY (case_reference, username),
    CONSTRAINT fk_restriction_person FOREIGN KEY (case_reference) REFERENCES case_restriction (case_reference)
);

