package org.familyjourney.signposting;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
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

/** Chase the organisation: a reminder email to an organisation that has not answered an onward referral. */
@Component
public class ChaseOnwardReferralWorker {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));

    private final OnwardReferrals referrals;
    private final StaffDirectory staff;
    private final Notifier notifier;
    private final JourneyLog journey;
    private final HandledJobs handled;
    private final EngineGeneration generation;
    private final TransactionTemplate transaction;

    ChaseOnwardReferralWorker(OnwardReferrals referrals, StaffDirectory staff, Notifier notifier, JourneyLog journey,
                              HandledJobs handled, EngineGeneration generation, TransactionTemplate transaction) {
        this.referrals = referrals;
        this.staff = staff;
        this.notifier = notifier;
        this.journey = journey;
        this.handled = handled;
        this.generation = generation;
        this.transaction = transaction;
    }

    @JobWorker(type = JobTypes.CHASE_ONWARD_REFERRAL, fetchVariables = {"caseReference", "allocatedWorker", "onwardReferral"})
    public void chase(ActivatedJob job, @Variable(name = "caseReference") String caseReference,
                      @Variable(name = "allocatedWorker") String worker,
                      @Variable(name = "onwardReferral") Map<String, Object> onwardReferral) {
        OnwardReferralRequest request = OnwardReferralRequest.of(onwardReferral);
        StaffDirectory.Staff holder = worker == null ? null : staff.find(worker).orElse(null);
        JobRef ref = JobRef.of(job, generation.current());
        transaction.executeWithoutResult(tx -> {
            OnwardReferrals.OnwardReferral sent = referrals.of(ref)
                    .orElseThrow(() -> new IllegalStateException("No onward referral was sent by this process to chase"));
            notifier.send(new Notifier.Message(caseReference, request.email(),
                    "Reminder: referral to your " + request.service().label() + " service (" + caseReference + ")",
                    "We have not yet heard back about the referral below, sent on "
                            + (sent.sentAt() == null ? "an earlier day" : DAY.format(sent.sentAt())) + ".\n\n"
                            + SendOnwardReferralWorker.body(request, holder, caseReference)), ref, job.getElementId());
            if (handled.firstDelivery(ref, job.getType())) {
                referrals.chased(sent.id());
                journey.record(caseReference, JourneyKind.ONWARD_REFERRAL_RECORDED, job.getElementId(), JourneyLog.SYSTEM,
                        request.organisation() + " chased for an answer to the onward referral",
                        Map.of("onwardReferralId", sent.id()));
            }
        });
    }
}
