package org.familyjourney.casework;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import org.familyjourney.retention.CaseRetention;
import org.familyjourney.processes.ProcessIds.Headers;
import org.familyjourney.processes.ProcessIds.JobTypes;
import org.familyjourney.engine.EngineGeneration;
import org.familyjourney.processes.HandledJobs;
import org.familyjourney.processes.JobRef;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Moves a case to the status its task header names (declined, signposted, closed) and starts its retention period. */
@Component
public class CloseCaseWorker {

    private final CaseRegister cases;
    private final CaseRetention retention;
    private final HandledJobs handled;
    private final EngineGeneration generation;
    private final TransactionTemplate transaction;

    CloseCaseWorker(CaseRegister cases, CaseRetention retention, HandledJobs handled, EngineGeneration generation,
                    TransactionTemplate transaction) {
        this.retention = retention;
        this.cases = cases;
        this.handled = handled;
        this.generation = generation;
        this.transaction = transaction;
    }

    @JobWorker(type = JobTypes.CLOSE_CASE, fetchVariables = "caseReference")
    public void close(ActivatedJob job, @Variable(name = "caseReference") String caseReference) {
        String status = job.getCustomHeaders().getOrDefault(Headers.STATUS, CaseStatus.CLOSED.name());
        JobRef ref = JobRef.of(job, generation.current());
        transaction.executeWithoutResult(tx -> {
            // Once per step, also when recovery re-creates it: a case reopened since must not be closed again.
            if (!handled.firstDelivery(ref, job.getType())) {
                return;
            }
            FamilyCase closed = cases.moveTo(caseReference, CaseStatus.valueOf(status), job.getElementId());
            // Every closure starts the retention clock.
            if (closed.closedAt() != null) {
                retention.schedule(caseReference, closed.closedAt(), job.getElementId());
            }
        });
    }
}
