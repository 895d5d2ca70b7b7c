package org.familyjourney.recovery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxRecords       recycle the engine once it holds this many records (its memory grows with them)
 * @param maxHeapPercent   also recycle once what survived the last garbage collection fills this share of the
 *                         heap's maximum (the records' size varies with the journeys, the heap is what runs out); 0 for never
 * @param heapRecycleEvery at most one recycle for the heap in this time: if the app itself, not the engine,
 *                         fills the heap, recycling again and again would only pause people
 * @param cron             also recycle on this schedule (Spring cron, server time zone); "-" for never
 * @param checkEvery       how often the record count and the heap are checked
 */
@ConfigurationProperties("familyjourney.engine.recycle")
public record RecyclingProperties(Long maxRecords, Integer maxHeapPercent, Duration heapRecycleEvery, String cron, Duration checkEvery) {

    public RecyclingProperties {
        maxRecords = maxRecords == null ? 100_000L : maxRecords;
        maxHeapPercent = maxHeapPercent == null ? 80 : maxHeapPercent;
        if (maxHeapPercent < 0 || maxHeapPercent > 100) {
            throw new IllegalArgumentException("familyjourney.engine.recycle.max-heap-percent must be 0 to 100, not " + maxHeapPercent);
        }
        heapRecycleEvery = heapRecycleEvery == null ? Duration.ofMinutes(10) : heapRecycleEvery;
        cron = cron == null || cron.isBlank() ? "0 0 3 * * *" : cron;
        checkEvery = checkEvery == null ? Duration.ofSeconds(30) : checkEvery;
    }
}
