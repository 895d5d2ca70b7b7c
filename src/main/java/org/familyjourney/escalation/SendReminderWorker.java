package org.familyjourney.escalation;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import org.familyjourney.engine.EngineGeneration;
import org.familyjourney.journey.JourneyKind;
import org.familyjourney.journey.JourneyLog;
import org.familyjourney.notification.Notifier;
import org.familyjourney.processes.HandledJobs;
import org.familyjourney.processes.JobRef;
import org.familyjourney.processes.ProcessIds.Headers;
import org.familyjourney.processes.ProcessIds.JobTypes;
import org.familyjourney.security.StaffDirectory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Remind the worker: a deadline of theirs has come; the reminder goes by email and into the journey. */
@Component
public class SendReminderWorker {

    private final StaffDirectory staff;
    private final Notifier notifier;
    private final JourneyLog journey;
    private final EngineGeneration generation;
    private final TransactionTemplate transaction;
    private final HandledJobs handled;

    SendReminderWorker(StaffDirectory staff, Notifier notifier, JourneyLog journey, EngineGeneration generation,
                       HandledJobs handled, TransactionTemplate transaction) {
        this.staff = staff;
        this.notifier = notifier;
        this.journey = journey;
        this.generation = generation;
        this.transaction = transaction;
        this.handled = handled;
    }

    @JobWorker(type = JobTypes.SEND_REMINDER, fetchVariables = {"caseReference", "allocatedWorker"})
    public void remind(ActivatedJob job, @Variable(name = "caseReference") String caseReference,
                       @Variable(name = "allocatedWorker") String worker) {
        JobRef ref = JobRef.of(job, generation.current());
        transaction.executeWithoutResult(tx -> remindOnce(job, ref, caseReference, worker));
    }

    private void remindOnce(ActivatedJob job, JobRef ref, String caseReference, String worker) {
        String what = job.getCustomHeaders().getOrDefault(Headers.MESSAGE, "A deadline on this case is due");
        if (handled.firstDelivery(ref, job.getType())) {
            journey.record(caseReference, JourneyKind.REMINDER_SENT, job.getElementId(), JourneyLog.SYSTEM,
                    "Reminder to " + (worker == null ? "the worker" : worker) + ": " + what);
        }
        // On every delivery: an email that failed to go after the first commit goes on the retry (never twice).
        if (worker != null) {
            staff.find(worker).filter(s -> s.email() != null).ifPresent(person -> notifier.send(new Notifier.Message(
                    caseReference, person.email(), "Reminder: " + what + " (" + caseReference + ")",
                    "Hello " + person.displayName() + ",\n\n" + what + " for case " + caseReference
                            + ".\nOpen your tasks in Family Journey to act on it.\n"), ref, job.getElementId()));
        }
    }
}
