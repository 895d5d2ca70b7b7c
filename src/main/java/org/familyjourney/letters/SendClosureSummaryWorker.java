package org.familyjourney.letters;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import org.familyjourney.engine.EngineGeneration;
import org.familyjourney.processes.JobRef;
import org.familyjourney.processes.ProcessIds.JobTypes;
import org.familyjourney.notification.Notifier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Send closure summary: the family and the referrer receive the worker's closure summary. */
@Component
public class SendClosureSummaryWorker {

    private final FamilyContacts contacts;
    private final Letters letters;
    private final Notifier notifier;
    private final EngineGeneration generation;
    private final TransactionTemplate transaction;

    SendClosureSummaryWorker(FamilyContacts contacts, Letters letters, EngineGeneration generation, TransactionTemplate transaction,
                             Notifier notifier) {
        this.notifier = notifier;
        this.contacts = contacts;
        this.letters = letters;
        this.generation = generation;
        this.transaction = transaction;
    }

    @JobWorker(type = JobTypes.SEND_CLOSURE_SUMMARY, fetchVariables = {"caseReference", "closureSummary"})
    public void send(ActivatedJob job, @Variable(name = "caseReference") String caseReference,
                     @Variable(name = "closureSummary") String summary) {
        JobRef ref = JobRef.of(job, generation.current());
        if (notifier.claimedByEarlierRun(ref)) {
            return;
        }
        String subject = "Closing our support (" + caseReference + ")";
        String body = "Our support for the family has come to an end. This is a summary of the work:\n\n"
                + (summary == null ? "" : summary)
                + "\n\nWe will check in about three months from now. If things change before then, please get in touch.\n\nFamily Journey team";
        transaction.executeWithoutResult(tx -> {
            letters.send(caseReference, contacts.parent(caseReference), "parent", subject, body, ref, job.getElementId());
            letters.send(caseReference, contacts.referrer(caseReference), "referrer", subject, body, ref, job.getElementId());
        });
    }
}
