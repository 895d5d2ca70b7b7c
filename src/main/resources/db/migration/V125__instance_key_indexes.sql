-- Found by the soak (BENCHMARKS.md run 12): recovery moves each recovered instance's rows to its new key
-- with UPDATE ... WHERE engine_generation = ? AND process_instance_key = ?. family_case, referral and
-- safeguarding_concern had no index on those columns, so at 110,000 cases every recovered instance read
-- (and, in recovery's one transaction, locked) every case and referral: 120-160 instances took 38-61 s, a
-- minute of "engine restarting" for every user at each recycle. case_retention joins them: a reopened
-- case's anonymisation is now cancelled on the engine run it was recovered onto.
CREATE INDEX ix_case_instance ON family_case (engine_generation, process_instance_key);
CREATE INDEX ix_referral_instance ON referral (engine_generation, process_instance_key);
CREATE INDEX ix_concern_instance ON safeguarding_concern (engine_generation, process_instance_key);
CREATE INDEX ix_retention_instance ON case_retention (engine_generation, process_instance_key);
