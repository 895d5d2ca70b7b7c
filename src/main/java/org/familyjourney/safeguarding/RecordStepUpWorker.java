package org.familyjourney.safeguarding;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.familyjourney.engine.EngineGeneration;
import org.familyjourney.journey.JourneyKind;
import org.familyjourney.journey.JourneyLog;
import org.familyjourney.processes.JobRef;
import org.familyjourney.processes.SafeguardingIds.JobTypes;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mark case as stepped up: from the DSL's decision on, the case shows as stepped up to children's
 * social care (family support may continue alongside). The step-up is kept as a record of its own.
 */
@Component
public class RecordStepUpWorker {

    private final StepUps stepUps;
    private final JourneyLog journey;
    private final EngineGeneration generation;
    private final TransactionTemplate transaction;

    RecordStepUpWorker(StepUps stepUps, JourneyLog journey, EngineGeneration generation, TransactionTemplate transaction) {
        this.stepUps = stepUps;
        this.journey = journey;
        this.generation = generation;
        this.transaction = transaction;
    }

    @JobWorker(type = JobTypes.RECORD_STEP_UP, fetchVariables = {"caseReference", "concernId", "dslDecidedBy"})
    public void stepUp(ActivatedJob job, @Variable(name = "caseReference") String caseReference,
                       @Variable(name = "concernId") Long concernId, @Variable(name = "dslDecidedBy") String decidedBy) {
        JobRef ref = JobRef.of(job, generation.current());
        transaction.executeWithoutResult(tx -> {
            if (stepUps.stepUp(ref, caseReference, concernId, decidedBy)) {
                journey.record(caseReference, JourneyKind.CASE_STEPPED_UP, job.getElementId(), JourneyLog.SYSTEM,
                        "Case stepped up to children's social care on the decision of "
                                + (decidedBy == null ? "the DSL" : decidedBy),
                        concernId == null ? Map.of() : Map.of("concernId", concernId));
            }
        });
    }
}
