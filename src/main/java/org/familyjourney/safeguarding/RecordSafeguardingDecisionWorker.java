package org.familyjourney.safeguarding;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.HashMap;
import java.util.Map;
import org.familyjourney.casework.CaseRegister;
import org.familyjourney.engine.EngineGeneration;
import org.familyjourney.journey.JourneyKind;
import org.familyjourney.journey.JourneyLog;
import org.familyjourney.processes.HandledJobs;
import org.familyjourney.processes.JobRef;
import org.familyjourney.processes.SafeguardingIds.JobTypes;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Record safeguarding decision: files the DSL's decision on the concern (who decided, when, what and
 * why), writes the journey, and hands the model {@code supportContinues} as a true boolean and the
 * case's current worker as {@code allocatedWorker} (null when none), who records any step-up.
 */
@Component
public class RecordSafeguardingDecisionWorker {

    private final SafeguardingConcerns concerns;
    private final CaseRegister cases;
    private final JourneyLog journey;
    private final HandledJobs handled;
    private final EngineGeneration generation;
    private final TransactionTemplate transaction;

    RecordSafeguardingDecisionWorker(SafeguardingConcerns concerns, CaseRegister cases, JourneyLog journey,
                                     HandledJobs handled, EngineGeneration generation, TransactionTemplate transaction) {
        this.concerns = concerns;
        this.cases = cases;
        this.journey = journey;
        this.handled = handled;
        this.generation = generation;
        this.transaction = transaction;
    }

    @JobWorker(type = JobTypes.RECORD_SAFEGUARDING_DECISION, fetchVariables = {"caseReference", "concernId", "dslDecision",
            "dslRationale", "dslActionsTaken", "familySupportContinues", "dslDecidedBy"})
    public Map<String, Object> record(ActivatedJob job, @Variable(name = "caseReference") String caseReference,
                                      @Variable(name = "concernId") Long concernId,
                                      @Variable(name = "dslDecision") String dslDecision,
                                      @Variable(name = "dslRationale") String rationale,
                                      @Variable(name = "dslActionsTaken") String actionsTaken,
                                      @Variable(name = "familySupportContinues") String familySupportContinues,
                                      @Variable(name = "dslDecidedBy") String decidedBy) {
        if (concernId == null) {
            throw new IllegalStateException("The decision has no concernId to be recorded on");
        }
        SafeguardingDecision decision = SafeguardingDecision.valueOf(dslDecision);
        boolean supportContinues = "yes".equals(familySupportContinues);
        JobRef ref = JobRef.of(job, generation.current());
        String worker = transaction.execute(tx -> {
            if (handled.firstDelivery(ref, job.getType())) {
                concerns.recordDecision(concernId, decision, rationale, actionsTaken, supportContinues, decidedBy);
                journey.record(caseReference, JourneyKind.SAFEGUARDING_DECISION_RECORDED, job.getElementId(),
                        decidedBy == null ? JourneyLog.SYSTEM : decidedBy,
                        "Safeguarding decision by " + (decidedBy == null ? "the DSL" : decidedBy) + ": " + decision.label()
                                + (supportContinues ? "; family support continues" : "; family support does not continue"),
                        Map.of("concernId", concernId, "decision", decision.name(), "supportContinues", supportContinues));
            }
            return cases.find(caseReference).worker();
        });
        Map<String, Object> variables = new HashMap<>();
        variables.put("supportContinues", supportContinues);
        variables.put("allocatedWorker", worker);
        return variables;
    }
}
