package org.familyjourney.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.familyjourney.engine.EngineGeneration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How the service is doing, as a manager would ask it: how many tasks wait for someone, how many
 * are overdue, how many escalations nobody has acted on, and whether the journey log is still
 * being written. Each is one indexed query, cached for familyjourney.operations.metrics-refresh.
 * Every instance reports the same database-wide numbers: aggregate them with max, never sum.
 */
@Component
class JourneyGauges implements MeterBinder {

    private final CachedValue openTasks;
    private final CachedValue overdueTasks;
    private final CachedValue openEscalations;
    private final CachedValue journeyLag;

    JourneyGauges(JdbcTemplate jdbc, EngineGeneration generation, Clock clock, OperationsProperties operations) {
        Duration refresh = operations.metricsRefresh();
        // Tasks of an older engine generation can no longer be completed; they are not waiting for anyone.
        openTasks = new CachedValue("familyjourney.tasks.open", refresh, () -> count(jdbc,
                "SELECT COUNT(*) FROM user_task WHERE state = 'OPEN' AND engine_generation = ?", generation.current()));
        overdueTasks = new CachedValue("familyjourney.tasks.overdue", refresh, () -> count(jdbc,
                "SELECT COUNT(*) FROM user_task WHERE state = 'OPEN' AND engine_generation = ? AND due_at < ?",
                generation.current(), Timestamp.from(clock.instant())));
        openEscalations = new CachedValue("familyjourney.escalations.open", refresh, () -> count(jdbc,
                "SELECT COUNT(*) FROM escalation WHERE state = 'OPEN'"));
        journeyLag = new CachedValue("familyjourney.journey.lag", refresh, () -> secondsSinceNewestEntry(jdbc, clock));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("familyjourney.tasks.open", openTasks, CachedValue::get)
                .description("User tasks waiting for a person").register(registry);
        Gauge.builder("familyjourney.tasks.overdue", overdueTasks, CachedValue::get)
                .description("Open user tasks past their due date").register(registry);
        Gauge.builder("familyjourney.escalations.open", openEscalations, CachedValue::get)
                .description("Escalations raised and not yet acted on").register(registry);
        Gauge.builder("familyjourney.journey.lag", journeyLag, CachedValue::get)
                .description("Seconds since the journey log last recorded anything (NaN before the first entry)")
                .baseUnit("seconds").register(registry);
    }

    private static double count(JdbcTemplate jdbc, String sql, Object... arguments) {
        Long count = jdbc.queryForObject(sql, Long.class, arguments);
        return count == null ? 0 : count;
    }

    /** By primary key, not by occurred_at: entries are chained in commit order, so the highest id is the newest. */
    private static double secondsSinceNewestEntry(JdbcTemplate jdbc, Clock clock) {
        List<Timestamp> newest = jdbc.queryForList(
                "SELECT occurred_at FROM journey_entry ORDER BY id DESC LIMIT 1", Timestamp.class);
        if (newest.isEmpty()) {
            return Double.NaN;
        }
        return Math.max(0, Duration.between(newest.getFirst().toInstant(), clock.instant()).toMillis() / 1000.0);
    }
}
