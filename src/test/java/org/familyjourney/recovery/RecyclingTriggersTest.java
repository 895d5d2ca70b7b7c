package org.familyjourney.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.familyjourney.support.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The engine is recycled when the heap after collection passes its share, once per pause however
 * full the heap stays (the app's own data could be what fills it), and never for the heap at 0%.
 * Real triggers on the shared app's recycler: each recycle here replaces the shared engine.
 */
class RecyclingTriggersTest extends ApplicationTest {

    @Autowired
    EngineRecycler recycler;
    @Autowired
    RecordTailer tailer;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aHeapPastItsShareRecyclesTheEngineOncePerPause() {
        RecyclingTriggers triggers = triggers(1, Duration.ofHours(1));
        System.gc(); // so there is a measure after a collection, whatever ran before
        int before = recycler.recycles();

        triggers.check();
        triggers.check();

        assertThat(recycler.recycles()).as("one recycle for the heap, not one per check").isEqualTo(before + 1);
        assertThat(jdbc.queryForObject("SELECT reason FROM engine_recovery ORDER BY id DESC LIMIT 1", String.class)).isEqualTo("HEAP");
    }

    @Test
    void noRecycleForTheHeapWhenItsShareIsZeroOrNotReached() {
        int before = recycler.recycles();

        triggers(0, Duration.ZERO).check();
        triggers(100, Duration.ZERO).check();

        assertThat(recycler.recycles()).isEqualTo(before);
    }

    private RecyclingTriggers triggers(int maxHeapPercent, Duration heapRecycleEvery) {
        // Never by record count nor by schedule here; the triggers' own timer is not started.
        return new RecyclingTriggers(recycler, tailer,
                new RecyclingProperties(Long.MAX_VALUE, maxHeapPercent, heapRecycleEvery, "-", Duration.ofHours(1)), new HeapAfterCollection());
    }
}
