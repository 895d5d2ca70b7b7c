package org.familyjourney.letters;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import org.familyjourney.engine.EngineGeneration;
import org.familyjourney.processes.JobRef;
import org.familyjourney.processes.ProcessIds.Headers;
import org.familyjourney.processes.ProcessIds.JobTypes;
import org.familyjourney.notification.Notifier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Send a letter to the referrer: the referral was declined or the family signposted, with the reason. */
@Component
public class SendReferrerLetterWorker {

    private final FamilyContacts contacts;
    private final Letters letters;
    private final Notifier notifier;
    private final EngineGeneration generation;
    private final TransactionTemplate transaction;

    SendReferrerLetterWorker(FamilyContacts contacts, Letters letters, EngineGeneration generation, TransactionTemplate transaction,
                             Notifier notifier) {
        this.notifier = notifier;
        this.contacts = contacts;
        this.letters = letters;
        this.generation = generation;
        this.transaction = transaction;
    }

    @JobWorker(type = JobTypes.SEND_REFERRER_LETTER, fetchVariables = {"caseReference", "triageReason"})
    public void send(ActivatedJob job, @Variable(name = "caseReference") String caseReference,
                     @Variable(name = "triageReason") String reason) {
        boolean declined = "DECLINED".equals(job.getCustomHeaders().get(Headers.LETTER));
        String subject = (declined ? "Your referral was not accepted" : "Your referral: other services that can help")
                + " (" + caseReference + ")";
        String body = (declined
                ? "Thank you for your referral. We are not able to offer family support this time.\n\nReason: "
                : "Thank you for your referral. We think other services are the best fit for this family.\n\n")
                + (reason == null ? "" : reason) + "\n\nPlease contact the team if you would like to discuss it.\n\nFamily Journey team";
        JobRef ref = JobRef.of(job, generation.current());
        if (notifier.claimedByEarlierRun(ref)) {
            return;
        }
        transaction.executeWithoutResult(tx ->
                letters.send(caseReference, contacts.referrer(caseReference), "referrer", subject, body, ref, job.getElementId()));
    }
}
