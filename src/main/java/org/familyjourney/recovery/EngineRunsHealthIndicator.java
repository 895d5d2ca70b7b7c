package org.familyjourney.recovery;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.familyjourney.engine.EmbeddedEngineOnly;
import org.familyjourney.engine.EngineGeneration;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The embedded engine's run: its generation, how many records it holds (what recycling watches),
 * recycles so far and the last one. UP unless it is being replaced right now (OUT_OF_SERVICE).
 */
@Component("engineRunsHealthIndicator")
@EmbeddedEngineOnly
class EngineRunsHealthIndicator implements HealthIndicator {

    private final EngineRecycler recycler;
    private final RecordTailer tailer;
    private final EngineGeneration generation;

    EngineRunsHealthIndicator(EngineRecycler recycler, RecordTailer tailer, EngineGeneration generation, MeterRegistry meters) {
        this.recycler = recycler;
        this.tailer = tailer;
        this.generation = generation;
        Gauge.builder("familyjourney.engine.generation", generation, EngineGeneration::current).register(meters);
        Gauge.builder("familyjourney.engine.records", tailer, RecordTailer::recordCount).register(meters);
        Gauge.builder("familyjourney.engine.recycles", recycler, EngineRecycler::recycles).register(meters);
        Gauge.builder("familyjourney.engine.tailer.poll.seconds", tailer, t -> t.lastPollNanos() / 1e9).register(meters);
    }

    @Override
    public Health health() {
        Health.Builder health = recycler.restarting() ? Health.outOfService() : Health.up();
        health.withDetail("generation", generation.current())
                .withDetail("records", tailer.recordCount())
                .withDetail("recycles", recycler.recycles());
        EngineRecycler.Recycled last = recycler.last();
        if (last != null) {
            health.withDetail("lastRecycle", last.at().toString())
                    .withDetail("lastRecycleInstancesRecovered", last.recovery().instances())
                    .withDetail("lastRecycleTookMs", last.took().toMillis());
        }
        return health.build();
    }
}
