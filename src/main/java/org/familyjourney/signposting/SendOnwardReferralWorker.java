package org.familyjourney.signposting;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.BpmnError;
import org.familyjourney.consent.ConsentScope;
import org.familyjourney.consent.Consents;
import org.familyjourney.processes.OnwardReferralIds;
import java.util.Map;
import org.familyjourney.engine.EngineGeneration;
import org.familyjourney.journey.JourneyKind;
import org.familyjourney.journey.JourneyLog;
import org.familyjourney.notification.Notifier;
import org.familyjourney.processes.HandledJobs;
import org.familyjourney.processes.JobRef;
import org.familyjourney.processes.OnwardReferralIds.JobTypes;
import org.familyjourney.security.StaffDirectory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Send onward referral: emails the organisation the service wanted, why, the case reference and the
 * worker's contact details, and nothing that names the family: the worker shares what consent covers
 * once the organisation answers. Records the referral as SENT for the signposting reports.
 */
@Component
public class SendOnwardReferralWorker {

    private final OnwardReferrals referrals;
    private final Consents consents;
    private final StaffDirectory staff;
    private final Notifier notifier;
    private final JourneyLog journey;
    private final HandledJobs handled;
    private final EngineGeneration generation;
    private final TransactionTemplate transaction;

    SendOnwardReferralWorker(OnwardReferrals referrals, StaffDirectory staff, Notifier notifier, JourneyLog journey,
                             HandledJobs handled, EngineGeneration generation, TransactionTemplate transaction,
                             Consents consents) {
        this.consents = consents;
        this.referrals = referrals;
        this.staff = staff;
        this.notifier = notifier;
        this.journey = journey;
        this.handled = handled;
        this.generation = generation;
        this.transaction = transaction;
    }

    @JobWorker(type = JobTypes.SEND_ONWARD_REFERRAL,
            fetchVariables = {"caseReference", "allocatedWorker", "onwardReferral", "consentGiven", "sharingBasis"})
    public Map<String, Object> send(ActivatedJob job, @Variable(name = "caseReference") String caseReference,
                                    @Variable(name = "allocatedWorker") String worker,
                                    @Variable(name = "onwardReferral") Map<String, Object> onwardReferral,
                                    @Variable(name = "consentGiven") Boolean consentGiven,
                                    @Variable(name = "sharingBasis") String sharingBasis) {
        OnwardReferralRequest request = OnwardReferralRequest.of(onwardReferral);
        if (request.email() == null) {
            throw new IllegalArgumentException("The onward referral to " + request.organisation() + " has no email address to send it to");
        }
        // The basis the family's latest answer gave wins over the referral's consent, which may since be withdrawn.
        String basis = sharingBasis != null ? sharingBasis : Boolean.TRUE.equals(consentGiven)
                ? RecordConsentToShareWorker.CONSENT_AT_REFERRAL : RecordConsentToShareWorker.FAMILY_CONSENT;
        StaffDirectory.Staff holder = worker == null ? null : staff.find(worker).orElse(null);
        JobRef ref = JobRef.of(job, generation.current());
        if (!RecordConsentToShareWorker.OVERRIDE.equals(basis) && referrals.of(ref).isEmpty()) {
            refuseWithoutConsent(job, ref, caseReference, request);
        }
        long id = transaction.execute(tx -> {
            OnwardReferrals.OnwardReferral sent = referrals.open(ref, caseReference, request, worker, OnwardReferralState.SENT, basis);
            notifier.send(new Notifier.Message(caseReference, request.email(),
                    "Referral to your " + request.service().label() + " service (" + caseReference + ")",
                    body(request, holder, caseReference)), ref, job.getElementId());
            if (handled.firstDelivery(ref, job.getType())) {
                journey.record(caseReference, JourneyKind.ONWARD_REFERRAL_RECORDED, job.getElementId(), JourneyLog.SYSTEM,
                        "Onward referral sent to " + request.organisation() + " (" + request.service().label() + ")",
                        Map.of("onwardReferralId", sent.id(), "service", request.service().name(), "sharingBasis", basis));
            }
            return sent.id();
        });
        return Map.of("onwardReferralId", id);
    }

    /** Consent withdrawn or missing since the journey asked: nothing is sent, and the worker asks the family again. */
    private void refuseWithoutConsent(ActivatedJob job, JobRef ref, String caseReference, OnwardReferralRequest request) {
        Consents.Coverage coverage = consents.coverage(caseReference, ConsentScope.SHARE_WITH_SERVICES, request.organisation());
        if (coverage.allowsSharing()) {
            return;
        }
        transaction.executeWithoutResult(tx -> {
            if (handled.firstDelivery(ref, job.getType())) {
                journey.record(caseReference, JourneyKind.ONWARD_REFERRAL_RECORDED, job.getElementId(), JourneyLog.SYSTEM,
                        "Onward referral to " + request.organisation() + " not sent: consent to share is "
                                + coverage.name().toLowerCase() + "; the worker is asked to check with the family",
                        Map.of("consent", coverage.name(), "service", request.service().name()));
            }
        });
        throw new BpmnError(OnwardReferralIds.CONSENT_NOT_IN_PLACE,
                "Consent to share with " + request.organisation() + " is " + coverage.name().toLowerCase());
    }

    static String body(OnwardReferralRequest request, StaffDirectory.Staff holder, String caseReference) {
        String name = holder == null ? "The family's support worker" : holder.displayName();
        String contact = holder == null || holder.email() == null ? "by replying to this email" : "at " + holder.email();
        return "Dear colleagues at " + request.organisation() + ",\n\n"
                + name + ", a family support worker with Family Journey, would like to refer a family we support to your "
                + request.service().label() + " service.\n\n"
                + (request.reason() == null ? "" : "Why we are referring: " + request.reason() + "\n\n")
                + "To protect the family's privacy this email does not name them. Please contact " + name + " " + contact
                + ", quoting " + caseReference + ", to say whether you can take the referral; they will share the "
                + "details the family has agreed to.\n";
    }
}
