package org.familyjourney.safeguarding;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import org.familyjourney.consent.ConsentScope;
import org.familyjourney.consent.Consents;
import java.util.Map;
import org.familyjourney.engine.EngineGeneration;
import org.familyjourney.journey.JourneyKind;
import org.familyjourney.journey.JourneyLog;
import org.familyjourney.processes.JobRef;
import org.familyjourney.processes.SafeguardingIds;
import org.familyjourney.processes.SafeguardingIds.JobTypes;
import org.familyjourney.processes.HandledJobs;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mark case as stepped up: from now on the case shows as stepped up to children's social care (family
 * support may continue alongside), each step-up kept as a record of its own. Serves the DSL's decision
 * in safeguarding-concern (before the referral is recorded) and a review's decision in the journey
 * (after it: the record-social-care-referral answers are then filed with the step-up).
 */
@Component
public class RecordStepUpWorker {

    static final String SOCIAL_CARE = "Children's social care";

    private final StepUps stepUps;
    private final Consents consents;
    private final JourneyLog journey;
    private final EngineGeneration generation;
    private final TransactionTemplate transaction;

    private final HandledJobs handled;

    RecordStepUpWorker(StepUps stepUps, JourneyLog journey, EngineGeneration generation, TransactionTemplate transaction,
                       Consents consents, HandledJobs handled) {
        this.handled = handled;
        this.consents = consents;
        this.stepUps = stepUps;
        this.journey = journey;
        this.generation = generation;
        this.transaction = transaction;
    }

    @JobWorker(type = JobTypes.RECORD_STEP_UP, fetchVariables = {"caseReference", "concernId", "dslDecidedBy",
            "socialCareReferredOn", "socialCareReference", "childProtectionPlanInPlace", "childProtectionPlanFrom",
            "socialCareReferralNotes", "socialCareReferralRecordedBy"})
    public void stepUp(ActivatedJob job, @Variable(name = "caseReference") String caseReference,
                       @Variable(name = "concernId") Long concernId, @Variable(name = "dslDecidedBy") String dslDecidedBy,
                       @Variable(name = "socialCareReferredOn") String referredOn,
                       @Variable(name = "socialCareReference") String reference,
                       @Variable(name = "childProtectionPlanInPlace") String planInPlace,
                       @Variable(name = "childProtectionPlanFrom") String planFrom,
                       @Variable(name = "socialCareReferralNotes") String notes,
                       @Variable(name = "socialCareReferralRecordedBy") String recordedBy) {
        // Only the concern process steps up on a concern; the journey's concernId is the referral's, not the review's.
        boolean onConcern = SafeguardingIds.PROCESS.equals(job.getBpmnProcessId());
        Long concern = onConcern ? concernId : null;
        String decidedBy = onConcern ? dslDecidedBy : null;
        SocialCareReferral referral = SocialCareReferral.of(referredOn, reference, planInPlace, planFrom, notes, recordedBy);
        JobRef ref = JobRef.of(job, generation.current());
        transaction.executeWithoutResult(tx -> {
            // The step-up row is keyed by job: a step re-created by recovery would step the case up twice without the old job's mark.
            if (!handled.firstDelivery(ref, job.getType()) || !stepUps.stepUp(ref, caseReference, concern, decidedBy)) {
                return;
            }
            shareUnderSafeguardingDuty(caseReference, decidedBy, job.getElementId(), ref);
            journey.record(caseReference, JourneyKind.CASE_STEPPED_UP, job.getElementId(), JourneyLog.SYSTEM,
                    "Case stepped up to children's social care "
                            + (onConcern ? "on the decision of " + (decidedBy == null ? "the DSL" : decidedBy) : "after the review"),
                    concern == null ? Map.of() : Map.of("concernId", concern));
            if (referral != null && !onConcern) {
                stepUps.recordSocialCareReferral(ref, referral);
                journey.record(caseReference, JourneyKind.CASE_STEPPED_UP, job.getElementId(),
                        recordedBy == null ? JourneyLog.SYSTEM : recordedBy, referral.summary(), referral.details(),
                    referral.freeText());
            }
        });
    }

    /**
     * A step-up shares the family's information with children's social care. Safeguarding law allows
     * that without consent; when consent is withdrawn or missing the override is recorded with its reason.
     */
    private void shareUnderSafeguardingDuty(String caseReference, String decidedBy, String step, JobRef ref) {
        if (consents.coverage(caseReference, ConsentScope.SHARE_WITH_SERVICES, SOCIAL_CARE).allowsSharing()) {
            return;
        }
        String by = decidedBy == null ? JourneyLog.SYSTEM : decidedBy;
        consents.overrideOnce(caseReference, ConsentScope.SHARE_WITH_SERVICES, SOCIAL_CARE, "Safeguarding duty: a child may be at "
                + "risk of significant harm, so information is shared with children's social care without the family's consent "
                + "(Children Act 1989 s.47; Working Together to Safeguard Children). Step-up decided by " + by + ".",
                by, step, ref.generation() + ":" + ref.jobKey());
    }
}
