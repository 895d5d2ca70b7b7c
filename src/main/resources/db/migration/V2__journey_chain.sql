-- Tamper evidence for the journey log: every entry carries the hash of the one before it and its
-- own, computed over its content; the head row names the last entry, so a removed tail shows too.
ALTER TABLE journey_entry
    ADD COLUMN previous_hash CHAR(64) NOT NULL DEFAULT '',
    ADD COLUMN entry_hash    CHAR(64) NOT NULL DEFAULT '';

CREATE TABLE journey_chain_head (
    id         TINYINT     NOT NULL PRIMARY KEY,
    last_id    BIGINT      NOT NULL,
    last_hash  CHAR(64)    NOT NULL
);
INSERT INTO journey_chain_head (id, last_id, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Details are hashed as written: plain text, because MySQL's JSON type rewrites what it stores.
ALTER TABLE journey_entry MODIFY details TEXT;
