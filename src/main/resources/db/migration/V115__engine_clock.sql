-- How far a demo or test moved the embedded engine's clock ahead of the wall clock (EngineClockOffset).
-- Kept so a restart continues the engine's time where it was: due dates, timers and journey entries
-- were all written in the moved clock's time. One row, made here, so the app user needs only SELECT
-- and UPDATE on it (AppUserPrivileges); the app only ever moves it forward. Seconds and nanoseconds,
-- as java.time.Duration holds them, so the stored offset is exactly the one in memory.
CREATE TABLE engine_clock (
    id              TINYINT      NOT NULL PRIMARY KEY,
    offset_seconds  BIGINT       NOT NULL,
    offset_nanos    INT          NOT NULL,
    moved_at        DATETIME(6)  NOT NULL,   -- the engine's time just after the last move
    CONSTRAINT ck_engine_clock_one_row CHECK (id = 1)
);
INSERT INTO engine_clock (id, offset_seconds, offset_nanos, moved_at) VALUES (1, 0, 0, UTC_TIMESTAMP(6));
