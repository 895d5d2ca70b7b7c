package org.familyjourney.casework;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import org.familyjourney.retention.CaseRetention;
import org.familyjourney.processes.ProcessIds.Headers;
import org.familyjourney.processes.ProcessIds.JobTypes;
import org.springframework.stereotype.Component;

/** Moves a case to the status its task header names (declined, signposted, closed) and starts its retention period. */
@Component
public class CloseCaseWorker {

    private final CaseRegister cases;
    private final CaseRetention retention;

    CloseCaseWorker(CaseRegister cases, CaseRetention retention) {
        this.retention = retention;
        this.cases = cases;
    }

    @JobWorker(type = JobTypes.CLOSE_CASE, fetchVariables = "caseReference")
    public void close(ActivatedJob job, @Variable(name = "caseReference") String caseReference) {
        String status = job.getCustomHeaders().getOrDefault(Headers.STATUS, CaseStatus.CLOSED.name());
        FamilyCase closed = cases.moveTo(caseReference, CaseStatus.valueOf(status), job.getElementId());
        // Every closure starts the retention clock; a redelivery finds the same closure scheduled.
        if (closed.closedAt() != null) {
            retention.schedule(caseReference, closed.closedAt(), job.getElementId());
        }
    }
}
