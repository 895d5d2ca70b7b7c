package org.familyjourney.signposting;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.familyjourney.engine.EngineGeneration;
import org.familyjourney.journey.JourneyKind;
import org.familyjourney.journey.JourneyLog;
import org.familyjourney.processes.HandledJobs;
import org.familyjourney.processes.JobRef;
import org.familyjourney.processes.OnwardReferralIds;
import org.familyjourney.processes.OnwardReferralIds.JobTypes;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Update onward referral record: files the organisation's answer (or, with the header outcome=NOT_SENT,
 * that nothing was sent for want of consent) and hands the model {@code onwardReferralOutcome}.
 */
@Component
public class RecordOnwardReferralOutcomeWorker {

    private final OnwardReferrals referrals;
    private final JourneyLog journey;
    private final HandledJobs handled;
    private final EngineGeneration generation;
    private final TransactionTemplate transaction;

    RecordOnwardReferralOutcomeWorker(OnwardReferrals referrals, JourneyLog journey, HandledJobs handled,
                                      EngineGeneration generation, TransactionTemplate transaction) {
        this.referrals = referrals;
        this.journey = journey;
        this.handled = handled;
        this.generation = generation;
        this.transaction = transaction;
    }

    @JobWorker(type = JobTypes.RECORD_ONWARD_REFERRAL_OUTCOME, fetchVariables = {"caseReference", "allocatedWorker",
            "onwardReferral", "onwardReferralAnswer", "onwardReferralAnswerNotes", "onwardReferralAnswerRecordedBy"})
    public Map<String, Object> record(ActivatedJob job, @Variable(name = "caseReference") String caseReference,
                                      @Variable(name = "allocatedWorker") String worker,
                                      @Variable(name = "onwardReferral") Map<String, Object> onwardReferral,
                                      @Variable(name = "onwardReferralAnswer") String answer,
                                      @Variable(name = "onwardReferralAnswerNotes") String notes,
                                      @Variable(name = "onwardReferralAnswerRecordedBy") String recordedBy) {
        OnwardReferralRequest request = OnwardReferralRequest.of(onwardReferral);
        String header = job.getCustomHeaders().get(OnwardReferralIds.OUTCOME_HEADER);
        OnwardReferralState outcome = OnwardReferralState.valueOf(header != null ? header : answer);
        if (outcome == OnwardReferralState.SENT) {
            throw new IllegalArgumentException("SENT is not an answer to an onward referral");
        }
        JobRef ref = JobRef.of(job, generation.current());
        transaction.executeWithoutResult(tx -> {
            if (!handled.firstDelivery(ref, job.getType())) {
                return;
            }
            OnwardReferrals.OnwardReferral row = referrals.of(ref).orElseGet(() -> referrals.open(ref, caseReference,
                    request, worker, outcome, RecordConsentToShareWorker.NONE));
            boolean answered = outcome != OnwardReferralState.NOT_SENT;
            if (answered) {
                referrals.answered(row.id(), outcome, notes, recordedBy);
            }
            journey.record(caseReference, JourneyKind.ONWARD_REFERRAL_RECORDED, job.getElementId(),
                    answered && recordedBy != null ? recordedBy : JourneyLog.SYSTEM,
                    answered ? "Onward referral to " + request.organisation() + ": " + outcome.name().toLowerCase().replace('_', ' ')
                            : "Onward referral to " + request.organisation() + " not sent: no consent to share",
                    Map.of("onwardReferralId", row.id(), "outcome", outcome.name(), "service", request.service().name()));
        });
        return Map.of("onwardReferralOutcome", outcome.name());
    }
}
