package org.familyjourney.recovery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxRecords recycle the engine once it holds this many records (its memory grows with them)
 * @param cron       also recycle on this schedule (Spring cron, server time zone); "-" for never
 * @param checkEvery how often the record count is compared with maxRecords
 */
@ConfigurationProperties("familyjourney.engine.recycle")
public record RecyclingProperties(Long maxRecords, String cron, Duration checkEvery) {

    public RecyclingProperties {
        maxRecords = maxRecords == null ? 100_000L : maxRecords;
        cron = cron == null || cron.isBlank() ? "0 0 3 * * *" : cron;
        checkEvery = checkEvery == null ? Duration.ofSeconds(30) : checkEvery;
    }
}
