package org.familyjourney.benchmark;

import java.time.Duration;

/**
 * The sizes of a benchmark run, from system properties (-Dbenchmark.open-cases=... ) with the full
 * run's defaults, or the smoke test's tiny ones.
 *
 * @param journeys     journeys to drive; 0 = as many as fit in {@code journeyTime}
 * @param soak         how long to keep driving journeys while watching the memory; zero = no soak
 * @param reuseData    keep target/benchmark-mariadb from an earlier run and seed nothing
 */
record BenchmarkSettings(int openCases, int closedCases, int timelineEntries, int extraWorkers, int virtualUsers,
                         int journeys, Duration journeyTime, Duration bareTime, int samples, Duration soak, boolean reuseData) {

    static BenchmarkSettings fromSystemProperties() {
        return new BenchmarkSettings(
                Integer.getInteger("benchmark.open-cases", 10_000),
                Integer.getInteger("benchmark.closed-cases", 100_000),
                Integer.getInteger("benchmark.timeline-entries", 1_000),
                Integer.getInteger("benchmark.extra-workers", 17),
                Integer.getInteger("benchmark.virtual-users", 20),
                Integer.getInteger("benchmark.journeys", 0),
                Duration.parse(System.getProperty("benchmark.journey-time", "PT2M")),
                Duration.parse(System.getProperty("benchmark.bare-time", "PT1M")),
                Integer.getInteger("benchmark.samples", 60),
                Duration.parse(System.getProperty("benchmark.soak", "PT0S")),
                Boolean.getBoolean("benchmark.reuse-data"));
    }

    /** Tiny sizes for CI: checks the benchmark still works, not how fast. */
    static BenchmarkSettings smoke() {
        return new BenchmarkSettings(20, 50, 30, 0, 3, 3, Duration.ofMinutes(2), Duration.ofSeconds(5), 3, Duration.ZERO, false);
    }
}
