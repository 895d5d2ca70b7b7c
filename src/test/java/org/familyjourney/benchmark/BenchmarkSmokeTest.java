package org.familyjourney.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.familyjourney.support.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * The benchmark at tiny sizes on the shared test app: it still seeds, drives journeys to the end,
 * reads, keeps the journey chain intact and runs the bare engine. Timings are not checked here.
 */
class BenchmarkSmokeTest extends ApplicationTest {

    @Autowired
    Environment environment;

    @Test
    void benchmarkSeedsDrivesJourneysReadsAndComparesWithTheBareEngine() throws Exception {
        BenchmarkSettings tiny = BenchmarkSettings.smoke();
        BenchmarkResults results = new Benchmark(environment).run(tiny);

        assertThat(results.app.failures()).isEmpty();
        assertThat(results.app.journeys()).isEqualTo(tiny.journeys());
        assertThat(results.app.tasks()).isEqualTo(tiny.journeys() * JourneySteps.tasksPerJourney());
        assertThat(results.seededOpenTasks).isEqualTo(tiny.openCases());
        assertThat(results.seededEntries).isGreaterThan((long) tiny.closedCases() * results.templateEntries);
        assertThat(results.reads.values()).allSatisfy(latencies -> assertThat(latencies.count()).isEqualTo(tiny.samples()));
        assertThat(results.chain).contains("\"intact\":true");
        assertThat(results.bare.journeys()).isEqualTo(tiny.journeys());
        assertThat(results.markdown("smoke", Machine.describe(), "now")).contains("tasks/s");
    }
}
