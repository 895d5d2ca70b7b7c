package org.familyjourney.escalation;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import org.familyjourney.engine.EngineGeneration;
import org.familyjourney.journey.JourneyKind;
import org.familyjourney.journey.JourneyLog;
import org.familyjourney.notification.Notifier;
import org.familyjourney.processes.JobRef;
import org.familyjourney.processes.ProcessIds.Headers;
import org.familyjourney.processes.ProcessIds.JobTypes;
import org.familyjourney.security.RecordAccess;
import org.familyjourney.security.Role;
import org.familyjourney.security.StaffDirectory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Raise an escalation to the managers: a visible escalation on the case and the dashboard, an email
 * to each manager of the case's team, and a journey entry. Never a silent log line.
 */
@Component
public class RaiseEscalationWorker {

    private final Escalations escalations;
    private final RecordAccess records;
    private final Notifier notifier;
    private final JourneyLog journey;
    private final EngineGeneration generation;
    private final TransactionTemplate transaction;

    RaiseEscalationWorker(Escalations escalations, RecordAccess records, Notifier notifier, JourneyLog journey,
                          EngineGeneration generation, TransactionTemplate transaction) {
        this.escalations = escalations;
        this.records = records;
        this.notifier = notifier;
        this.journey = journey;
        this.generation = generation;
        this.transaction = transaction;
    }

    @JobWorker(type = JobTypes.RAISE_ESCALATION, fetchVariables = "caseReference")
    public void raise(ActivatedJob job, @Variable(name = "caseReference") String caseReference) {
        JobRef ref = JobRef.of(job, generation.current());
        transaction.executeWithoutResult(tx -> raiseOnce(job, ref, caseReference));
    }

    private void raiseOnce(ActivatedJob job, JobRef ref, String caseReference) {
        String kind = job.getCustomHeaders().getOrDefault(Headers.KIND, "OVERDUE");
        String message = job.getCustomHeaders().getOrDefault(Headers.MESSAGE, "A deadline on this case has passed");
        if (escalations.raise(ref, caseReference, kind, message)) {
            journey.record(caseReference, JourneyKind.ESCALATION_RAISED, job.getElementId(), JourneyLog.SYSTEM,
                    "Escalated to managers: " + message);
        }
        // On every delivery: an email that failed to go after the first commit goes on the retry (never twice).
        // The case team's managers only (and, on a restricted record, only those named on it).
        for (StaffDirectory.Staff manager : records.withRoleWhoMayRead(Role.MANAGER, caseReference)) {
            if (manager.email() != null) {
                notifier.send(new Notifier.Message(caseReference, manager.email(),
                        "Escalation: " + message + " (" + caseReference + ")",
                        "Hello " + manager.displayName() + ",\n\n" + message + " on case " + caseReference
                                + ".\nOpen the case in Family Journey to decide what happens next.\n"), ref, job.getElementId());
            }
        }
    }
}
