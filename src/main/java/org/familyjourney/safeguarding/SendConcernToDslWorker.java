package org.familyjourney.safeguarding;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.BpmnError;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.familyjourney.casework.CaseRegister;
import org.familyjourney.casework.RestrictedNames;
import org.familyjourney.engine.EngineGeneration;
import org.familyjourney.journey.JourneyKind;
import org.familyjourney.journey.JourneyLog;
import org.familyjourney.notification.Notifier;
import org.familyjourney.processes.HandledJobs;
import org.familyjourney.processes.JobRef;
import org.familyjourney.processes.SafeguardingIds;
import org.familyjourney.processes.SafeguardingIds.JobTypes;
import org.familyjourney.security.RecordAccess;
import org.familyjourney.security.Role;
import org.familyjourney.security.StaffDirectory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Send concern to the DSL: puts the concern with this process instance (a concern found by screening
 * without a stored row gets one now), emails the designated safeguarding leads who may read the case
 * with the time their decision is due, and writes the journey. On a restricted record only the leads
 * named on it are told (and see the DSL's task); if it names none, every lead is named on it first
 * ({@link RestrictedNames#nameSafeguardingLeadsIfNone}): a restriction never hides a concern. A concern another instance already has ends this one
 * with the BPMN error CONCERN_ALREADY_WITH_DSL, so nobody decides it twice.
 */
@Component
public class SendConcernToDslWorker {

    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("HH:mm 'on' EEE d MMM yyyy", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));

    private final SafeguardingConcerns concerns;
    private final CaseRegister cases;
    private final RecordAccess records;
    private final RestrictedNames restrictedNames;
    private final Notifier notifier;
    private final JourneyLog journey;
    private final HandledJobs handled;
    private final EngineGeneration generation;
    private final TransactionTemplate transaction;

    SendConcernToDslWorker(SafeguardingConcerns concerns, CaseRegister cases, RecordAccess records, RestrictedNames restrictedNames,
                           Notifier notifier, JourneyLog journey, HandledJobs handled, EngineGeneration generation,
                           TransactionTemplate transaction) {
        this.concerns = concerns;
        this.cases = cases;
        this.records = records;
        this.restrictedNames = restrictedNames;
        this.notifier = notifier;
        this.journey = journey;
        this.handled = handled;
        this.generation = generation;
        this.transaction = transaction;
    }

    @JobWorker(type = JobTypes.SEND_CONCERN_TO_DSL,
            fetchVariables = {"caseReference", "concernId", "concernSource", "dslDecisionDue"})
    public Map<String, Object> send(ActivatedJob job, @Variable(name = "caseReference") String caseReference,
                                    @Variable(name = "concernId") Long concernId,
                                    @Variable(name = "concernSource") String concernSource,
                                    @Variable(name = "dslDecisionDue") String dslDecisionDue) {
        JobRef ref = JobRef.of(job, generation.current());
        Instant due = dslDecisionDue == null ? null : Instant.parse(dslDecisionDue);
        long id = transaction.execute(tx -> {
            long concern = concernId != null ? concernId : concernFromScreening(caseReference);
            checkBelongsToCase(concern, caseReference);
            if (!concerns.sendToDsl(concern, ref, due)) {
                throw new BpmnError(SafeguardingIds.CONCERN_ALREADY_WITH_DSL,
                        "Safeguarding concern " + concern + " is already with the DSL or decided");
            }
            if (handled.firstDelivery(ref, job.getType())) {
                journey.record(caseReference, JourneyKind.SAFEGUARDING_CONCERN_RAISED, job.getElementId(), JourneyLog.SYSTEM,
                        "Safeguarding concern sent to the designated safeguarding lead"
                                + (due == null ? "" : "; decision due by " + DUE.format(due)),
                        Map.of("concernId", concern, "source", concernSource == null ? ConcernSource.REFERRAL.name() : concernSource));
            }
            // On every delivery: an alert that failed to go after the first commit goes on the retry (never twice).
            alertSafeguardingLeads(caseReference, due, ref, job.getElementId());
            return concern;
        });
        return Map.of("concernId", id);
    }

    /** Screening flagged the referral but the journey passed no concern id: use (or make) the referral's concern. */
    private long concernFromScreening(String caseReference) {
        long referralId = cases.find(caseReference).referralId();
        return concerns.fromScreening(caseReference, referralId, ConcernCategory.RISK_OF_HARM,
                "Safeguarding indicated when the referral was screened; read the referral on the case page.",
                java.util.List.of(), JourneyLog.SYSTEM);
    }

    private void checkBelongsToCase(long concernId, String caseReference) {
        SafeguardingConcern concern = concerns.find(concernId).orElseThrow(() ->
                new IllegalStateException("There is no safeguarding concern " + concernId));
        if (!concern.caseReference().equals(caseReference)) {
            throw new IllegalStateException("Safeguarding concern " + concernId + " is not on case " + caseReference);
        }
    }

    private void alertSafeguardingLeads(String caseReference, Instant due, JobRef ref, String step) {
        String by = due == null ? "today" : "by " + DUE.format(due);
        restrictedNames.nameSafeguardingLeadsIfNone(caseReference, JourneyLog.SYSTEM);
        // The leads who may read the case: on a restricted record, only those named on it.
        for (StaffDirectory.Staff lead : records.withRoleWhoMayRead(Role.SAFEGUARDING_LEAD, caseReference)) {
            if (lead.email() != null) {
                // No family details by email: the concern is read in Family Journey, where access is logged.
                notifier.send(new Notifier.Message(caseReference, lead.email(),
                        "Safeguarding concern: decision needed " + by + " (" + caseReference + ")",
                        "Hello " + lead.displayName() + ",\n\nA safeguarding concern on case " + caseReference
                                + " is waiting for the decision of a designated safeguarding lead, " + by + ".\n"
                                + "Open your tasks in Family Journey to read it and decide.\n"), ref, step);
            }
        }
    }
}
