-- A case can be stepped up more than once in one journey (a review can step it up again after a
-- step-down), so a step-up is one per job rather than one per process instance.

ALTER TABLE case_step_up ADD COLUMN job_key BIGINT NULL;
UPDATE case_step_up SET job_key = process_instance_key WHERE job_key IS NULL;
ALTER TABLE case_step_up MODIFY job_key BIGINT NOT NULL;
ALTER TABLE case_step_up DROP INDEX uq_step_up_instance;
ALTER TABLE case_step_up ADD CONSTRAINT uq_step_up_job UNIQUE (engine_generation, job_key);
CREATE INDEX ix_step_up_instance ON case_step_up (engine_generation, process_instance_key);
