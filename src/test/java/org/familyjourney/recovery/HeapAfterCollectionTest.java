package org.familyjourney.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The heap measure the engine is recycled on counts what survives a collection, not garbage. */
class HeapAfterCollectionTest {

    private static final int SIXTY_FOUR_MB = 64 * 1024 * 1024;

    @Test
    void whatSurvivesACollectionCountsAndWhatDoesNotIsGone() {
        HeapAfterCollection heap = new HeapAfterCollection();
        long max = Runtime.getRuntime().maxMemory();

        System.gc();
        double before = heap.share().orElseThrow();
        byte[] kept = new byte[SIXTY_FOUR_MB];
        kept[kept.length - 1] = 1;
        System.gc();
        double withIt = heap.share().orElseThrow();
        kept = null;
        System.gc();
        double after = heap.share().orElseThrow();

        assertThat(before).isBetween(0.0, 1.0);
        assertThat((withIt - before) * max).as("64 MB kept across a collection").isGreaterThan(SIXTY_FOUR_MB * 0.9);
        assertThat((withIt - after) * max).as("the 64 MB gone once nothing holds them").isGreaterThan(SIXTY_FOUR_MB * 0.9);
    }
}
