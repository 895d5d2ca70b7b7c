package org.familyjourney.signposting;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.time.LocalDate;
import org.familyjourney.consent.ConsentScope;
import org.familyjourney.consent.Consents;
import java.util.LinkedHashMap;
import java.util.Map;
import org.familyjourney.engine.EngineGeneration;
import org.familyjourney.journey.JourneyKind;
import org.familyjourney.journey.JourneyLog;
import org.familyjourney.processes.JobRef;
import org.familyjourney.processes.OnwardReferralIds.JobTypes;
import org.familyjourney.processes.HandledJobs;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Record consent to share: stores the family's answer as a consent record of its own. Sharing without
 * consent needs a reason; it is recorded with who decided and why, and the journey says so plainly.
 * Tells the model {@code sharingAllowed} and {@code sharingBasis}.
 */
@Component
public class RecordConsentToShareWorker {

    public static final String CONSENT_AT_REFERRAL = "CONSENT_AT_REFERRAL";
    public static final String FAMILY_CONSENT = "FAMILY_CONSENT";
    public static final String OVERRIDE = "OVERRIDE";
    public static final String NONE = "NONE";

    private final ConsentsToShare consents;
    private final Consents consentRecords;
    private final JourneyLog journey;
    private final EngineGeneration generation;
    private final TransactionTemplate transaction;
    private final HandledJobs handled;

    RecordConsentToShareWorker(ConsentsToShare consents, Consents consentRecords, JourneyLog journey,
                               EngineGeneration generation, TransactionTemplate transaction, HandledJobs handled) {
        this.handled = handled;
        this.consentRecords = consentRecords;
        this.consents = consents;
        this.journey = journey;
        this.generation = generation;
        this.transaction = transaction;
    }

    @JobWorker(type = JobTypes.RECORD_CONSENT_TO_SHARE, fetchVariables = {"caseReference", "onwardReferral",
            "consentToShareGiven", "consentToShareGivenBy", "consentToShareGivenOn", "shareWithoutConsent",
            "overrideReason", "consentRecordedBy"})
    public Map<String, Object> record(ActivatedJob job, @Variable(name = "caseReference") String caseReference,
                                      @Variable(name = "onwardReferral") Map<String, Object> onwardReferral,
                                      @Variable(name = "consentToShareGiven") String given,
                                      @Variable(name = "consentToShareGivenBy") String givenBy,
                                      @Variable(name = "consentToShareGivenOn") String givenOn,
                                      @Variable(name = "shareWithoutConsent") String shareWithoutConsent,
                                      @Variable(name = "overrideReason") String overrideReason,
                                      @Variable(name = "consentRecordedBy") String recordedBy) {
        OnwardReferralRequest request = OnwardReferralRequest.of(onwardReferral);
        boolean consented = "yes".equals(given);
        boolean overridden = !consented && "yes".equals(shareWithoutConsent) && overrideReason != null && !overrideReason.isBlank();
        String basis = consented ? FAMILY_CONSENT : overridden ? OVERRIDE : NONE;
        String sharedWith = request.organisation() + " (" + request.service().name() + ")";
        JobRef ref = JobRef.of(job, generation.current());
        transaction.executeWithoutResult(tx -> {
            // A step re-created by recovery has a new job: its old job's mark (not the row's job key) says it was recorded.
            if (!handled.firstDelivery(ref, job.getType()) || !consents.record(ref, caseReference, sharedWith, consented, consented ? givenBy : null,
                    consented && givenOn != null ? LocalDate.parse(givenOn) : null, overridden,
                    overridden ? overrideReason : null, recordedBy)) {
                return;
            }
            String actor = recordedBy == null ? JourneyLog.SYSTEM : recordedBy;
            // Also a consent record (or override) of its own, which every later sharing step checks.
            if (consented) {
                consentRecords.recordFromJob(caseReference, ConsentScope.SHARE_WITH_SERVICES, request.organisation(), givenBy,
                        givenOn == null ? null : LocalDate.parse(givenOn).atStartOfDay(java.time.ZoneId.of("Europe/London")).toInstant(),
                        actor);
            } else if (overridden) {
                consentRecords.overrideFromJob(caseReference, ConsentScope.SHARE_WITH_SERVICES, request.organisation(),
                        overrideReason, actor, ref.generation() + ":" + ref.jobKey());
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("sharedWith", sharedWith);
            details.put("basis", basis);
            if (overridden) {
                // The reason can describe the family: it stays beside the hashed entry, where anonymisation reaches it.
                journey.record(caseReference, JourneyKind.CONSENT_RECORDED, job.getElementId(), actor,
                        "Consent overridden by " + actor + " to share with " + request.organisation() + " (reason recorded with the override)",
                        details, Map.of("overrideReason", overrideReason));
            } else {
                journey.record(caseReference, JourneyKind.CONSENT_RECORDED, job.getElementId(), actor, consented
                        ? "Family consented to sharing with " + request.organisation() + " (recorded by " + actor + ")"
                        : "Family did not consent to sharing with " + request.organisation() + "; nothing will be sent", details);
            }
        });
        return Map.of("sharingAllowed", consented || overridden, "sharingBasis", basis);
    }
}
