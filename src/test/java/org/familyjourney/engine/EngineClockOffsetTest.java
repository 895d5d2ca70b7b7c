package org.familyjourney.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where a fresh engine's clock starts: never behind the stored offset, nor behind the newest journey entry. */
class EngineClockOffsetTest {

    private static final Instant WALL = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void startsFromTheStoredOffsetWhenTheJourneyIsBehindIt() {
        Optional<Instant> newest = Optional.of(WALL.plus(Duration.ofDays(9)));
        assertThat(EngineClockOffset.startingOffset(Duration.ofDays(10), newest, WALL)).isEqualTo(Duration.ofDays(10));
    }

    @Test
    void startsFromTheNewestJourneyEntryWhenTheStoredOffsetIsBehindIt() {
        Optional<Instant> newest = Optional.of(WALL.plus(Duration.ofDays(21)));
        assertThat(EngineClockOffset.startingOffset(Duration.ZERO, newest, WALL)).isEqualTo(Duration.ofDays(21));
    }

    @Test
    void neverStartsBehindTheWallClock() {
        Optional<Instant> newest = Optional.of(WALL.minus(Duration.ofDays(3)));
        assertThat(EngineClockOffset.startingOffset(Duration.ZERO, newest, WALL)).isEqualTo(Duration.ZERO);
        assertThat(EngineClockOffset.startingOffset(Duration.ZERO, Optional.empty(), WALL)).isEqualTo(Duration.ZERO);
    }
}
