package org.familyjourney.escalation;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.List;
import java.util.Map;
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
 * to each manager of the case's team (or, on a restricted record naming none, to safeguarding leads),
 * and a journey entry saying who was told. Never a silent log line, never an email nobody gets.
 */
@Component
public class RaiseEscalationWorker {

    static final String NOBODY_SUBJECT = "An escalation on a restricted record needs a safeguarding lead; open Family Journey";

    private final Escalations escalations;
    private final RecordAccess records;
    private final Notifier notifier;
    private final JourneyLog journey;
    private final EngineGeneration generation;
    private final TransactionTemplate transaction;
    private final StaffDirectory staff;

    RaiseEscalationWorker(Escalations escalations, RecordAccess records, Notifier notifier, JourneyLog journey,
                          EngineGeneration generation, TransactionTemplate transaction, StaffDirectory staff) {
        this.escalations = escalations;
        this.records = records;
        this.staff = staff;
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
        Recipients told = recipients(caseReference);
        if (escalations.raise(ref, caseReference, kind, message)) {
            journey.record(caseReference, JourneyKind.ESCALATION_RAISED, job.getElementId(), JourneyLog.SYSTEM,
                    told.summary() + ": " + message, Map.of("told", told.usernames(), "toldAs", told.as()));
        }
        // On every delivery: an email that failed to go after the first commit goes on the retry (never twice).
        for (StaffDirectory.Staff person : told.people()) {
            if (person.email() == null) {
                continue;
            }
            notifier.send(told.mayRead()
                    ? new Notifier.Message(caseReference, person.email(), "Escalation: " + message + " (" + caseReference + ")",
                            "Hello " + person.displayName() + ",\n\n" + message + " on case " + caseReference
                                    + ".\nOpen the case in Family Journey to decide what happens next.\n")
                    : new Notifier.Message(caseReference, person.email(), NOBODY_SUBJECT,
                            "Hello " + person.displayName() + ",\n\n" + NOBODY_SUBJECT + ".\n"), ref, job.getElementId());
        }
    }

    /**
     * Who is told: the managers who may read the case (its team's; on a restricted record only those named
     * on it). A restricted record may name none (restricted by a lead, or its manager has left): then the
     * safeguarding leads who may read it, and if nobody at all may, every safeguarding lead, by an email
     * that says nothing of the case (not even its reference, which is not theirs to learn), so that
     * someone names a person on it.
     */
    private Recipients recipients(String caseReference) {
        List<StaffDirectory.Staff> managers = records.withRoleWhoMayRead(Role.MANAGER, caseReference);
        if (!managers.isEmpty() || !records.isRestricted(caseReference)) {
            return new Recipients(managers, true, "managers", "Escalated to managers");
        }
        List<StaffDirectory.Staff> leads = records.withRoleWhoMayRead(Role.SAFEGUARDING_LEAD, caseReference);
        if (!leads.isEmpty()) {
            return new Recipients(leads, true, "safeguarding leads named",
                    "Escalated to the safeguarding leads named on the restricted record (no manager is named on it)");
        }
        return new Recipients(staff.withRole(Role.SAFEGUARDING_LEAD), false, "every safeguarding lead",
                "Escalated to every safeguarding lead, without the case's details (nobody who may act is named on the restricted record)");
    }

    private record Recipients(List<StaffDirectory.Staff> people, boolean mayRead, String as, String summary) {
        List<String> usernames() {
            return people.stream().map(StaffDirectory.Staff::username).toList();
        }
    }
}
