package org.familyjourney.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.TestApi.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The database goes away for 30 seconds while families are moving (referrals being screened,
 * triage decisions being carried out). The jobs wait for it without using up their retries, so no
 * incident is raised; the API answers 503 with Retry-After rather than a 500; and once the database
 * is back every family reaches its next task. The 30 s is the fault itself, not a deadline to wait for.
 */
class DatabaseOutageApplicationTest extends ApplicationTest {

    static final Duration OUTAGE = Duration.ofSeconds(30);

    @Autowired
    EmbeddedDatabase database;
    @Autowired
    MeterRegistry meters;

    private double incidents() {
        return meters.find("familyjourney.job.incidents").counters().stream().mapToDouble(Counter::count).sum();
    }

    @Test
    void familiesMovingThroughA30SecondDatabaseOutageAllReachTheirNextStep() throws Exception {
        List<String> triaged = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String reference = api.referFamily("priya");
            triaged.add(reference);
            api.awaitTask("priya", reference, "Task_TriageReferral");
        }
        double incidentsBefore = incidents();

        // In flight when the database stops: three triage decisions being carried out, three referrals being screened.
        for (String reference : triaged) {
            long triage = api.awaitTask("priya", reference, "Task_TriageReferral");
            assertThat(api.completeTask("priya", triage, Map.of("triageDecision", "ACCEPT", "triageReason", "Fits")).status())
                    .isEqualTo(204);
        }
        List<String> referred = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            referred.add(api.referFamily("priya"));
        }

        long stoppedAt = System.nanoTime();
        database.stopServer();
        List<Integer> duringOutage = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        try {
            while (System.nanoTime() - stoppedAt < OUTAGE.toNanos() - Duration.ofSeconds(8).toNanos()) {
                Response tasks = api.get("priya", "/api/tasks");
                duringOutage.add(tasks.status());
                bodies.add(tasks.raw() + " Retry-After=" + tasks.http().headers().firstValue("Retry-After").orElse(""));
                Response refer = api.post("priya", "/api/referrals", api.referral());
                duringOutage.add(refer.status());
                bodies.add(refer.raw());
            }
            Thread.sleep(Math.max(0, OUTAGE.toMillis() - (System.nanoTime() - stoppedAt) / 1_000_000));
        } finally {
            database.startServer();
        }

        assertThat(duringOutage).as("API answers while the database was down").isNotEmpty().containsOnly(503);
        assertThat(bodies).allSatisfy(body -> assertThat(body).contains("database is not answering").doesNotContain("Exception"));
        assertThat(bodies.getFirst()).contains("Retry-After=30");

        for (String reference : triaged) {
            api.awaitTask("priya", reference, "Task_AllocateWorker");
        }
        for (String reference : referred) {
            api.awaitTask("priya", reference, "Task_TriageReferral");
        }
        assertThat(incidents()).as("incidents raised by the outage").isEqualTo(incidentsBefore);
        assertThat(api.get("alex", "/api/audit/journey-chain").body().path("intact").asBoolean()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - stoppedAt)).isGreaterThanOrEqualTo(OUTAGE);
    }
}
