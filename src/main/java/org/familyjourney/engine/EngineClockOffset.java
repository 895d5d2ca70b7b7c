package org.familyjourney.engine;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How far the embedded engine's clock was moved ahead of the wall clock, kept in engine_clock (one
 * row, made by migration V115) so the engine's time survives a restart of the app. A fresh engine
 * starts at the wall clock, but every due date, timer deadline and journey entry was written in the
 * moved clock's time: without this, a demo moved three weeks on and then restarted would see overdue
 * tasks "not yet due" and journeys out of order. Remote clusters keep their own time; nothing of
 * theirs is stored here.
 */
class EngineClockOffset {

    private final JdbcTemplate jdbc;

    EngineClockOffset(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The offset a fresh engine starts with ({@link #startingOffset}), stored if it is more than the stored one. */
    Duration atStart(Instant wallNow) {
        Duration stored = stored();
        Duration start = startingOffset(stored, newestJourneyEntry(), wallNow);
        if (start.compareTo(stored) > 0) {
            store(start, wallNow.plus(start));
        }
        return start;
    }

    /**
     * The stored offset, or more if the newest journey entry is later than the wall clock plus it, so
     * the engine's time never falls behind the journey log, the time line people read. That covers a
     * data directory whose clock was moved before the offset was stored (an older version of the app)
     * and a wall clock set back since the last run, for one primary-key read (JourneyChain appends in
     * commit order, so the highest id is the newest entry). It is only a floor, not a better source:
     * due dates and timers lie ahead of their journey entries on purpose, and the stored offset counts
     * every move, including one after the last entry.
     */
    static Duration startingOffset(Duration stored, Optional<Instant> newestJourneyEntry, Instant wallNow) {
        return newestJourneyEntry
                .map(at -> Duration.between(wallNow, at))
                .filter(behind -> behind.compareTo(stored) > 0)
                .orElse(stored);
    }

    /** Stores a larger offset; a smaller one is ignored, as the engine's clock only moves forward. */
    void store(Duration offset, Instant engineNow) {
        jdbc.update("""
                UPDATE engine_clock SET offset_seconds = ?, offset_nanos = ?, moved_at = ?
                WHERE id = 1 AND (offset_seconds, offset_nanos) < (?, ?)""",
                offset.getSeconds(), offset.getNano(), Timestamp.from(engineNow), offset.getSeconds(), offset.getNano());
    }

    private Duration stored() {
        List<Duration> stored = jdbc.query("SELECT offset_seconds, offset_nanos FROM engine_clock WHERE id = 1",
                (rs, row) -> Duration.ofSeconds(rs.getLong(1), rs.getInt(2)));
        return stored.isEmpty() ? Duration.ZERO : stored.getFirst();
    }

    private Optional<Instant> newestJourneyEntry() {
        return jdbc.queryForList("SELECT occurred_at FROM journey_entry ORDER BY id DESC LIMIT 1", Timestamp.class)
                .stream().findFirst().map(Timestamp::toInstant);
    }
}
