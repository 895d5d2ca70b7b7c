-- The free text of a journey entry (a task's written answers, an approval comment, a reason for
-- sharing without consent, a social care reference): kept beside the hash-chained, append-only
-- journey_entry rather than in it, so retention and erasure can replace it with a placeholder while
-- the chain still verifies. The entry itself names these fields in its details ("freeTextFields").
CREATE TABLE journey_entry_text (
    entry_id        BIGINT       NOT NULL PRIMARY KEY,
    case_reference  VARCHAR(20)  NOT NULL,
    content         JSON         NOT NULL,
    CONSTRAINT fk_journey_text_entry FOREIGN KEY (entry_id) REFERENCES journey_entry (id)
);
CREATE INDEX ix_journey_text_case ON journey_entry_text (case_reference);
