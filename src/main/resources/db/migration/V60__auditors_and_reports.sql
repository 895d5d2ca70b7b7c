-- Auditors and reports: entries that concern no single case, and indexes for the funder report's
-- aggregates (each figure is one indexed query over a date range, never a walk over every case).

-- A process version deployed, or a report looked at, concerns the service, not one family: such
-- journey and access-log entries carry no case reference. The hash chain covers them like any other.
ALTER TABLE journey_entry MODIFY case_reference VARCHAR(20) NULL;
ALTER TABLE access_log MODIFY case_reference VARCHAR(20) NULL;

CREATE INDEX ix_journey_kind ON journey_entry (kind, occurred_at);
CREATE INDEX ix_task_element_completed ON user_task (element_id, state, completed_at);
CREATE INDEX ix_referral_received ON referral (received_at);
CREATE INDEX ix_onward_referral_created ON onward_referral (created_at);
CREATE INDEX ix_access_accessed ON access_log (accessed_at);
