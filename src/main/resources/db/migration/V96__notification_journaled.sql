-- An email is delivered in one transaction and written to the journey log in the next, so a deadlock
-- over the log's chain head can never roll back the record of an email that has already gone (its
-- retry then sent it again). `journaled` says whether the journey entry of a delivered email is written.
ALTER TABLE notification ADD COLUMN journaled BOOLEAN NOT NULL DEFAULT TRUE;
