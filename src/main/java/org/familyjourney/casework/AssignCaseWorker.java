package org.familyjourney.casework;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import org.familyjourney.processes.ProcessIds.JobTypes;
import org.springframework.stereotype.Component;

/** Assign case to worker: the allocated worker now holds the case. */
@Component
public class AssignCaseWorker {

    private final CaseRegister cases;

    AssignCaseWorker(CaseRegister cases) {
        this.cases = cases;
    }

    @JobWorker(type = JobTypes.ASSIGN_CASE, fetchVariables = {"caseReference", "allocatedWorker"})
    public void assign(ActivatedJob job, @Variable(name = "caseReference") String caseReference,
                       @Variable(name = "allocatedWorker") String allocatedWorker) {
        if (allocatedWorker == null || allocatedWorker.isBlank()) {
            throw new IllegalArgumentException("No worker was allocated to case " + caseReference);
        }
        cases.allocate(caseReference, allocatedWorker, job.getElementId());
    }
}
