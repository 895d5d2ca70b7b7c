package org.familyjourney.casework;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import org.familyjourney.consent.Consents;
import java.util.Map;
import org.familyjourney.engine.EngineGeneration;
import org.familyjourney.processes.ProcessIds.JobTypes;
import org.springframework.stereotype.Component;

/** Register referral: opens the family's case and gives it its reference. */
@Component
public class RegisterReferralWorker {

    private final CaseRegister cases;
    private final Consents consents;
    private final EngineGeneration generation;

    RegisterReferralWorker(CaseRegister cases, EngineGeneration generation, Consents consents) {
        this.consents = consents;
        this.cases = cases;
        this.generation = generation;
    }

    @JobWorker(type = JobTypes.REGISTER_REFERRAL, fetchVariables = "referralId")
    public Map<String, Object> register(ActivatedJob job, @Variable(name = "referralId") Long referralId) {
        if (referralId == null) {
            throw new IllegalArgumentException("The journey was started without a referralId variable");
        }
        FamilyCase opened = cases.open(referralId, job.getProcessInstanceKey(), generation.current());
        // The referral's consent becomes the case's first consent records (once, however often the job arrives).
        consents.fromReferral(opened.reference());
        // Deadlines of the referral's timescales (allocation, assessment, plan) run from when it was received.
        String received = opened.openedAt().toString();
        return Map.of("caseReference", opened.reference(), "referredAt", received, "deadlinesFrom", received);
    }
}
