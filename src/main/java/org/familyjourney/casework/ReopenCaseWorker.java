package org.familyjourney.casework;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Clock;
import java.util.Map;
import org.familyjourney.engine.EngineGeneration;
import org.familyjourney.processes.ProcessIds.JobTypes;
import java.time.Instant;
import org.familyjourney.journey.JourneyKind;
import org.familyjourney.journey.JourneyLog;
import org.familyjourney.processes.HandledJobs;
import org.familyjourney.processes.JobRef;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Reopen case: the family needs support again; the journey returns to the assessment with fresh deadlines. */
@Component
public class ReopenCaseWorker {

    private final CaseRegister cases;
    private final EngineGeneration generation;
    private final Clock clock;
    private final HandledJobs handled;
    private final JourneyLog journey;
    private final TransactionTemplate transaction;

    ReopenCaseWorker(CaseRegister cases, EngineGeneration generation, Clock clock, HandledJobs handled, JourneyLog journey,
                     TransactionTemplate transaction) {
        this.cases = cases;
        this.generation = generation;
        this.clock = clock;
        this.handled = handled;
        this.journey = journey;
        this.transaction = transaction;
    }

    @JobWorker(type = JobTypes.REOPEN_CASE, fetchVariables = {"caseReference", "reopenedBy"})
    public Map<String, Object> reopen(ActivatedJob job, @Variable(name = "caseReference") String caseReference,
                                      @Variable(name = "reopenedBy") String reopenedBy) {
        // Reopened by a person (the API names them) or by the follow-up check-in's decision.
        JobRef ref = JobRef.of(job, generation.current());
        Instant reopenedAt = transaction.execute(tx -> {
            if (handled.firstDelivery(ref, job.getType())) {
                cases.reopen(caseReference, job.getElementId(), job.getProcessInstanceKey(), generation.current(), reopenedBy);
                return clock.instant();
            }
            // Done before (a redelivery, or a step re-created by recovery): the deadlines count from that reopening, not from now.
            return journey.latest(caseReference, JourneyKind.CASE_REOPENED).orElseGet(clock::instant);
        });
        return Map.of("reopened", true, "reopenCase", false, "deadlinesFrom", reopenedAt.toString());
    }
}
