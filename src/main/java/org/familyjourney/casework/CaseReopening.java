package org.familyjourney.casework;

import io.camunda.client.CamundaClient;
import java.util.Map;
import org.familyjourney.processes.ProcessIds;
import org.familyjourney.security.StaffMember;
import org.familyjourney.web.ConflictException;
import org.familyjourney.web.ServiceUnavailableException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Reopens a case whose journey has ended (closed after follow-up, declined, signposted or stepped
 * up): a new journey instance starts at "Reopen case" for the same case, so its reference and its
 * whole history stay, and the family goes back to an assessment.
 */
@Service
public class CaseReopening {

    private final CaseRegister cases;
    private final CaseAccess access;
    private final CamundaClient engine;
    private final boolean assessmentApproval;

    CaseReopening(CaseRegister cases, CaseAccess access, CamundaClient engine,
                  @Value("${familyjourney.journey.assessment-approval:false}") boolean assessmentApproval) {
        this.cases = cases;
        this.access = access;
        this.engine = engine;
        this.assessmentApproval = assessmentApproval;
    }

    public void reopen(String reference, StaffMember who, boolean consentGiven) {
        FamilyCase familyCase = cases.find(reference);
        access.checkMayRead(familyCase, who);
        if (!familyCase.status().isClosed()) {
            throw new ConflictException("Case " + reference + " is open (" + familyCase.status().name().toLowerCase().replace('_', ' ')
                    + "); only a closed case can be reopened.");
        }
        if (familyCase.worker() == null) {
            throw new ConflictException("Case " + reference + " never had a worker allocated; send a new referral instead.");
        }
        try {
            engine.newCreateInstanceCommand().bpmnProcessId(ProcessIds.FAMILY_JOURNEY).latestVersion()
                    .variables(Map.of("caseReference", reference, "referralId", familyCase.referralId(),
                            "allocatedWorker", familyCase.worker(), "consentGiven", consentGiven,
                            "assessmentApprovalRequired", assessmentApproval, "reopened", false, "reopenedBy", who.username()))
                    .startBeforeElement(ProcessIds.Elements.REOPEN_CASE)
                    .send().join();
        } catch (RuntimeException e) {
            throw new ServiceUnavailableException("The journey engine did not answer; the case was not reopened. Please try again.", e);
        }
    }
}
