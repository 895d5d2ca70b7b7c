package org.familyjourney.operations;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * UP while this instance takes jobs; OUT_OF_SERVICE while it drains the jobs in hand at shutdown;
 * DOWN when no worker was started (the client never came up) or a job type has its worker switched off.
 */
@Component("jobWorkersHealthIndicator")
class JobWorkersHealthIndicator implements HealthIndicator {

    private final JobWorkers workers;
    private final JobDrain drain;

    JobWorkersHealthIndicator(JobWorkers workers, JobDrain drain) {
        this.workers = workers;
        this.drain = drain;
    }

    @Override
    public Health health() {
        var types = workers.types();
        boolean allEnabled = !types.isEmpty() && !types.containsValue(false);
        Health.Builder health = switch (workers.state()) {
            case TAKING_JOBS -> allEnabled ? Health.up() : Health.down();
            case PAUSED_FOR_RECYCLING, DRAINING, STOPPED -> Health.outOfService();
            case NOT_STARTED -> Health.down();
        };
        return health.withDetail("state", workers.state().name())
                .withDetail("jobsInHand", drain.jobsInHand())
                .withDetail("types", types)
                .build();
    }
}
