package org.familyjourney.casework;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import org.familyjourney.processes.ProcessIds.Headers;
import org.familyjourney.processes.ProcessIds.JobTypes;
import org.springframework.stereotype.Component;

/** Moves a case to the status its task header names (declined, signposted, closed). */
@Component
public class CloseCaseWorker {

    private final CaseRegister cases;

    CloseCaseWorker(CaseRegister cases) {
        this.cases = cases;
    }

    @JobWorker(type = JobTypes.CLOSE_CASE, fetchVariables = "caseReference")
    public void close(ActivatedJob job, @Variable(name = "caseReference") String caseReference) {
        String status = job.getCustomHeaders().getOrDefault(Headers.STATUS, CaseStatus.CLOSED.name());
        cases.moveTo(caseReference, CaseStatus.valueOf(status), job.getElementId());
    }
}
