package org.familyjourney.safeguarding;

import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.familyjourney.casework.CaseAccess;
import org.familyjourney.casework.CaseRegister;
import org.familyjourney.casework.FamilyCase;
import org.familyjourney.engine.EngineGeneration;
import org.familyjourney.journey.JourneyKind;
import org.familyjourney.journey.JourneyLog;
import org.familyjourney.processes.SafeguardingIds;
import org.familyjourney.security.Role;
import org.familyjourney.security.StaffMember;
import org.familyjourney.web.FieldChecks;
import org.familyjourney.web.InvalidInputException;
import org.familyjourney.web.NotFoundException;
import org.familyjourney.web.ServiceUnavailableException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Raising a safeguarding concern and getting it to the designated safeguarding lead. The concern is
 * stored first, then offered to the case's journey (message {@code safeguarding-concern-raised}); if
 * the journey does not take it within a few seconds (it has ended, or is at a point that cannot), or
 * the case is closed, a {@code safeguarding-concern} process is started for it directly. A concern
 * is never left with nobody to decide it without the person raising it being told.
 */
@Service
public class SafeguardingManagement {

    static final int MAX_SUMMARY = 5000;

    private final SafeguardingConcerns concerns;
    private final StepUps stepUps;
    private final CaseRegister cases;
    private final CaseAccess access;
    private final CamundaClient engine;
    private final EngineGeneration generation;
    private final JourneyLog journey;
    private final TransactionTemplate transaction;
    private final Duration routingPatience;

    SafeguardingManagement(SafeguardingConcerns concerns, StepUps stepUps, CaseRegister cases, CaseAccess access,
                           CamundaClient engine, EngineGeneration generation, JourneyLog journey,
                           TransactionTemplate transaction,
                           @Value("${familyjourney.safeguarding.routing-patience:PT5S}") Duration routingPatience) {
        this.concerns = concerns;
        this.stepUps = stepUps;
        this.cases = cases;
        this.access = access;
        this.engine = engine;
        this.generation = generation;
        this.journey = journey;
        this.transaction = transaction;
        this.routingPatience = routingPatience;
    }

    public record CaseConcerns(String caseReference, boolean steppedUp, int count, List<SafeguardingConcern> concerns,
                               List<StepUps.StepUp> stepUps) {
    }

    /** Everyone on the staff but auditors, who read and change nothing; the API allows the same. */
    public boolean mayRaise(StaffMember who) {
        return who.has(Role.WORKER) || who.has(Role.MANAGER) || who.has(Role.SAFEGUARDING_LEAD) || who.has(Role.ADMIN);
    }

    /**
     * Stores the concern and sends it to the DSL. Anyone on the staff may raise a concern on any case
     * they know the reference of: safeguarding is everyone's business, and the answer says nothing
     * about the family.
     */
    public long raise(String caseReference, ConcernRequest request, StaffMember who) {
        FamilyCase familyCase = cases.find(caseReference);
        FieldChecks problems = new FieldChecks();
        if (request == null) {
            throw new InvalidInputException("body", "must be a concern: {summary, category}");
        }
        String summary = problems.text("summary", request.summary(), true, MAX_SUMMARY);
        ConcernCategory category = problems.oneOf("category", request.category(), ConcernCategory.class);
        problems.throwIfAny();
        long id = transaction.execute(tx -> {
            long stored = concerns.raise(caseReference, category, summary, who.username());
            journey.record(caseReference, JourneyKind.SAFEGUARDING_CONCERN_RAISED, null, who.username(),
                    "Safeguarding concern raised by " + who.username() + ": " + category.label(),
                    Map.of("concernId", stored, "category", category.name()));
            return stored;
        });
        sendToDsl(familyCase, id);
        return id;
    }

    private void sendToDsl(FamilyCase familyCase, long concernId) {
        try {
            boolean journeyRuns = familyCase.closedAt() == null && familyCase.engineGeneration() != null
                    && generation.isCurrent(familyCase.engineGeneration());
            if (journeyRuns) {
                // No time to live: a concern the journey cannot take now must not be taken later as well.
                engine.newPublishMessageCommand().messageName(SafeguardingIds.CONCERN_RAISED_MESSAGE)
                        .correlationKey(familyCase.reference()).messageId("safeguarding-concern-" + concernId)
                        .timeToLive(Duration.ZERO).variables(Map.of("concernId", concernId)).send().join();
                if (awaitWithDsl(concernId)) {
                    return;
                }
            }
            engine.newCreateInstanceCommand().bpmnProcessId(SafeguardingIds.PROCESS).latestVersion()
                    .variables(Map.of("caseReference", familyCase.reference(), "concernId", concernId,
                            "concernSource", ConcernSource.RAISED.name()))
                    .send().join();
        } catch (RuntimeException e) {
            throw new ServiceUnavailableException("The concern is saved (number " + concernId + ") but the journey engine "
                    + "did not answer, so it has not reached the designated safeguarding lead. Tell the DSL directly now.", e);
        }
    }

    private boolean awaitWithDsl(long concernId) {
        long deadline = System.nanoTime() + routingPatience.toNanos();
        while (System.nanoTime() < deadline) {
            if (concerns.isWithDsl(concernId)) {
                return true;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return concerns.isWithDsl(concernId);
    }

    public CaseConcerns of(String caseReference, StaffMember who) {
        FamilyCase familyCase = cases.find(caseReference);
        access.checkMayRead(familyCase, who);
        access.recordView(caseReference, who, "safeguarding concerns");
        List<SafeguardingConcern> all = concerns.of(caseReference);
        return new CaseConcerns(caseReference, stepUps.isSteppedUp(caseReference), all.size(), all, stepUps.of(caseReference));
    }

    public SafeguardingConcern one(String caseReference, long id, StaffMember who) {
        FamilyCase familyCase = cases.find(caseReference);
        access.checkMayRead(familyCase, who);
        SafeguardingConcern concern = concerns.find(id).filter(c -> c.caseReference().equals(caseReference))
                .orElseThrow(() -> new NotFoundException("There is no safeguarding concern " + id + " on case " + caseReference + "."));
        access.recordView(caseReference, who, "safeguarding concern " + id);
        return concern;
    }
}
