package org.familyjourney.recovery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param atStart recover the open instances of earlier engine runs when the app starts (embedded mode)
 * @param poll    how often the record tailer reads the engine's new records and stores the changed positions
 */
@ConfigurationProperties("familyjourney.engine.recovery")
public record RecoveryProperties(Boolean atStart, Duration poll) {

    public RecoveryProperties {
        atStart = atStart == null || atStart;
        poll = poll == null ? Duration.ofMillis(150) : poll;
    }
}
