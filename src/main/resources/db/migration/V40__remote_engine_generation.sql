-- Generation 0 is the remote Camunda 8 cluster: durable, so every instance of the app shares it for
-- good. The row is made here, once, because inserting id 0 into an AUTO_INCREMENT column from the
-- app would hand out a new id instead (unless NO_AUTO_VALUE_ON_ZERO is set, as it is for this one
-- statement), and embedded generations count up from 1.
SET @previous_sql_mode = @@SESSION.sql_mode;
SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'NO_AUTO_VALUE_ON_ZERO');
INSERT IGNORE INTO engine_generation (id, mode, started_at) VALUES (0, 'REMOTE', UTC_TIMESTAMP(6));
SET SESSION sql_mode = @previous_sql_mode;

-- Earlier remote starts inserted id 0 without that mode and so got a fresh id each time; those rows
-- never named a generation anything was stored under.
DELETE FROM engine_generation WHERE mode = 'REMOTE' AND id <> 0;
