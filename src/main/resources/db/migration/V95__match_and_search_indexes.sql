-- Indexes the benchmark (BENCHMARKS.md) found missing at 110,000 cases. Screening compares a new
-- referral's family with every earlier one by normalised name, postcode, phone, email and child; those
-- comparisons were on expressions, so each referral read every referral and child. The normalised
-- forms are now generated columns with indexes, kept by the database itself, and the queries use them.
ALTER TABLE referral
    ADD COLUMN parent_name_key  VARCHAR(200) AS (LOWER(TRIM(parent_name))) STORED,
    ADD COLUMN postcode_key     VARCHAR(10)  AS (REPLACE(UPPER(parent_postcode), ' ', '')) STORED,
    ADD COLUMN parent_phone_key VARCHAR(32)  AS (REPLACE(parent_phone, ' ', '')) STORED,
    ADD COLUMN parent_email_key VARCHAR(254) AS (LOWER(parent_email)) STORED;
CREATE INDEX ix_referral_parent_match ON referral (parent_name_key, postcode_key);
CREATE INDEX ix_referral_postcode ON referral (postcode_key);
CREATE INDEX ix_referral_phone ON referral (parent_phone_key);
CREATE INDEX ix_referral_email ON referral (parent_email_key);

ALTER TABLE referral_child
    ADD COLUMN name_key VARCHAR(200) AS (LOWER(TRIM(name))) STORED;
CREATE INDEX ix_child_match ON referral_child (name_key, date_of_birth);

-- Case search lists the newest cases first, 100 at most: with this index it reads cases newest first
-- and stops at the hundredth match instead of sorting every match.
CREATE INDEX ix_case_opened ON family_case (opened_at);
