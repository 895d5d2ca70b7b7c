package org.familyjourney.operations;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param engineHealthTimeout how long the engine health check waits for the cluster's topology; short,
 *                            so a cluster that has gone away answers DOWN quickly instead of hanging a probe
 * @param metricsRefresh      how long the journey gauges (open tasks, overdue tasks, open escalations,
 *                            journey lag) reuse their last COUNT before asking the database again
 * @param jobDrainTimeout     how long shutdown waits for the jobs in hand to finish after the job
 *                            workers stopped taking new ones
 */
@ConfigurationProperties("familyjourney.operations")
public record OperationsProperties(Duration engineHealthTimeout, Duration metricsRefresh, Duration jobDrainTimeout) {

    public OperationsProperties {
        engineHealthTimeout = engineHealthTimeout == null ? Duration.ofSeconds(2) : engineHealthTimeout;
        metricsRefresh = metricsRefresh == null ? Duration.ofSeconds(5) : metricsRefresh;
        jobDrainTimeout = jobDrainTimeout == null ? Duration.ofSeconds(20) : jobDrainTimeout;
    }
}
