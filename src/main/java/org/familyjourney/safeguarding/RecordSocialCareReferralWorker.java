package org.familyjourney.safeguarding;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import org.familyjourney.engine.EngineGeneration;
import org.familyjourney.journey.JourneyKind;
import org.familyjourney.journey.JourneyLog;
import org.familyjourney.processes.HandledJobs;
import org.familyjourney.processes.JobRef;
import org.familyjourney.processes.SafeguardingIds.JobTypes;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** File social care referral: adds the referral to children's social care to the case's step-up. */
@Component
public class RecordSocialCareReferralWorker {

    private final StepUps stepUps;
    private final JourneyLog journey;
    private final HandledJobs handled;
    private final EngineGeneration generation;
    private final TransactionTemplate transaction;

    RecordSocialCareReferralWorker(StepUps stepUps, JourneyLog journey, HandledJobs handled, EngineGeneration generation,
                                   TransactionTemplate transaction) {
        this.stepUps = stepUps;
        this.journey = journey;
        this.handled = handled;
        this.generation = generation;
        this.transaction = transaction;
    }

    @JobWorker(type = JobTypes.RECORD_SOCIAL_CARE_REFERRAL, fetchVariables = {"caseReference", "socialCareReferredOn",
            "socialCareReference", "childProtectionPlanInPlace", "childProtectionPlanFrom", "socialCareReferralNotes",
            "socialCareReferralRecordedBy"})
    public void file(ActivatedJob job, @Variable(name = "caseReference") String caseReference,
                     @Variable(name = "socialCareReferredOn") String referredOn,
                     @Variable(name = "socialCareReference") String reference,
                     @Variable(name = "childProtectionPlanInPlace") String planInPlace,
                     @Variable(name = "childProtectionPlanFrom") String planFrom,
                     @Variable(name = "socialCareReferralNotes") String notes,
                     @Variable(name = "socialCareReferralRecordedBy") String recordedBy) {
        SocialCareReferral referral = SocialCareReferral.of(referredOn, reference, planInPlace, planFrom, notes, recordedBy);
        if (referral == null) {
            throw new IllegalStateException("The referral to children's social care has no date referred");
        }
        JobRef ref = JobRef.of(job, generation.current());
        transaction.executeWithoutResult(tx -> {
            if (!handled.firstDelivery(ref, job.getType())) {
                return;
            }
            if (stepUps.recordSocialCareReferral(ref, referral) == 0) {
                throw new IllegalStateException("No step-up of case " + caseReference + " to add the social care referral to");
            }
            journey.record(caseReference, JourneyKind.CASE_STEPPED_UP, job.getElementId(),
                    recordedBy == null ? JourneyLog.SYSTEM : recordedBy, referral.summary(), referral.details(),
                    referral.freeText());
        });
    }
}
