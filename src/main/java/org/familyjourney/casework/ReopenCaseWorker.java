package org.familyjourney.casework;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Clock;
import java.util.Map;
import org.familyjourney.engine.EngineGeneration;
import org.familyjourney.processes.ProcessIds.JobTypes;
import org.springframework.stereotype.Component;

/** Reopen case: the family needs support again; the journey returns to the assessment with fresh deadlines. */
@Component
public class ReopenCaseWorker {

    private final CaseRegister cases;
    private final EngineGeneration generation;
    private final Clock clock;

    ReopenCaseWorker(CaseRegister cases, EngineGeneration generation, Clock clock) {
        this.cases = cases;
        this.generation = generation;
        this.clock = clock;
    }

    @JobWorker(type = JobTypes.REOPEN_CASE, fetchVariables = {"caseReference", "reopenedBy"})
    public Map<String, Object> reopen(ActivatedJob job, @Variable(name = "caseReference") String caseReference,
                                      @Variable(name = "reopenedBy") String reopenedBy) {
        // Reopened by a person (the API names them) or by the follow-up check-in's decision.
        cases.reopen(caseReference, job.getElementId(), job.getProcessInstanceKey(), generation.current(), reopenedBy);
        return Map.of("reopened", true, "reopenCase", false, "deadlinesFrom", clock.instant().toString());
    }
}
