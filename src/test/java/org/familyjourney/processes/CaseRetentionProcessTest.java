package org.familyjourney.processes;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.familyjourney.retention.RetentionIds;
import org.familyjourney.retention.RetentionIds.Elements;
import org.familyjourney.support.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A closed case waits out its retention period, then is anonymised; not a moment before. */
class CaseRetentionProcessTest {

    @RegisterExtension
    static final ProcessEngine engine = new ProcessEngine();

    @Test
    void anonymisesTheCaseWhenTheRetentionPeriodEnds() {
        Instant anonymiseAt = engine.now().plus(Duration.ofDays(2190));
        long instance = engine.start(RetentionIds.PROCESS, Map.of("caseReference", "FJ-2026-000900",
                "anonymiseAt", anonymiseAt.toString()));
        engine.awaitActive(instance, Elements.RETENTION_PERIOD_ENDED);

        engine.advanceClock(Duration.ofDays(2189));
        assertThat(engine.isActive(instance, Elements.RETENTION_PERIOD_ENDED)).as("a day early, still waiting").isTrue();

        engine.advanceClock(Duration.ofDays(1).plusMinutes(1));
        ActivatedJob anonymise = engine.complete(instance, RetentionIds.ANONYMISE_CASE, Map.of("anonymised", true));
        assertThat(anonymise.getVariablesAsMap()).containsEntry("caseReference", "FJ-2026-000900");
        engine.awaitPassed(instance, Elements.CASE_ANONYMISED);
        assertThat(engine.hasIncidents()).isFalse();
    }

    @Test
    void aCancelledRetentionNeverAnonymises() {
        long instance = engine.start(RetentionIds.PROCESS, Map.of("caseReference", "FJ-2026-000901",
                "anonymiseAt", engine.now().plus(Duration.ofDays(30)).toString()));
        engine.awaitActive(instance, Elements.RETENTION_PERIOD_ENDED);
        engine.client().newCancelInstanceCommand(instance).send().join();
        engine.advanceClock(Duration.ofDays(31));
        assertThat(engine.isActive(instance, Elements.RETENTION_PERIOD_ENDED)).isFalse();
        assertThat(engine.hasPassed(instance, Elements.ANONYMISE_CASE)).isFalse();
    }
}
