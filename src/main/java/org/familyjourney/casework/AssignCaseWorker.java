package org.familyjourney.casework;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import org.familyjourney.processes.ProcessIds.JobTypes;
import org.familyjourney.engine.EngineGeneration;
import org.familyjourney.processes.HandledJobs;
import org.familyjourney.processes.JobRef;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Assign case to worker: the allocated worker now holds the case. */
@Component
public class AssignCaseWorker {

    private final CaseRegister cases;
    private final HandledJobs handled;
    private final EngineGeneration generation;
    private final TransactionTemplate transaction;

    AssignCaseWorker(CaseRegister cases, HandledJobs handled, EngineGeneration generation, TransactionTemplate transaction) {
        this.cases = cases;
        this.handled = handled;
        this.generation = generation;
        this.transaction = transaction;
    }

    @JobWorker(type = JobTypes.ASSIGN_CASE, fetchVariables = {"caseReference", "allocatedWorker"})
    public void assign(ActivatedJob job, @Variable(name = "caseReference") String caseReference,
                       @Variable(name = "allocatedWorker") String allocatedWorker) {
        if (allocatedWorker == null || allocatedWorker.isBlank()) {
            throw new IllegalArgumentException("No worker was allocated to case " + caseReference);
        }
        JobRef ref = JobRef.of(job, generation.current());
        // Once per step, also when recovery re-creates it: a case a manager moved to another worker since stays moved.
        transaction.executeWithoutResult(tx -> {
            if (handled.firstDelivery(ref, job.getType())) {
                cases.allocate(caseReference, allocatedWorker, job.getElementId());
            }
        });
    }
}
