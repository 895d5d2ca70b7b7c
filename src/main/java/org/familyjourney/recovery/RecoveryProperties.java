package org.familyjourney.recovery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param atStart      recover the open instances of earlier engine runs when the app starts (embedded mode)
 * @param poll         how often the record tailer reads the engine's new records and stores the changed positions
 * @param maxRecords   recycle the engine once it holds this many records (its memory grows with them)
 * @param cron         also recycle on this schedule (Spring cron, server time zone); "-" for never
 * @param checkEvery   how often the record count is compared with maxRecords
 */
@ConfigurationProperties("familyjourney.engine.recovery")
public record RecoveryProperties(Boolean atStart, Duration poll, Long maxRecords, String cron, Duration checkEvery) {

    public RecoveryProperties {
        atStart = atStart == null || atStart;
        poll = poll == null ? Duration.ofMillis(150) : poll;
        maxRecords = maxRecords == null ? 2_000_000L : maxRecords;
        cron = cron == null || cron.isBlank() ? "0 0 3 * * *" : cron;
        checkEvery = checkEvery == null ? Duration.ofSeconds(30) : checkEvery;
    }
}
