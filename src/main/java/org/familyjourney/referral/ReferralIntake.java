package org.familyjourney.referral;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.familyjourney.casework.CaseRegister;
import org.familyjourney.engine.EngineGeneration;
import org.familyjourney.processes.ProcessIds;
import org.familyjourney.referral.ReferralValidator.ValidReferral;
import org.familyjourney.web.ServiceUnavailableException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receives a referral: checks it, stores it, and starts the family's journey in the engine. The
 * journey's first step (Register referral) opens the case; we wait briefly for it so the caller
 * gets the case reference at once.
 */
@Service
public class ReferralIntake {

    private static final Duration WAIT_FOR_CASE = Duration.ofSeconds(10);

    private final ReferralValidator validator;
    private final ReferralRepository referrals;
    private final CaseRegister cases;
    private final CamundaClient engine;
    private final EngineGeneration generation;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final boolean assessmentApproval;

    ReferralIntake(ReferralValidator validator, ReferralRepository referrals, CaseRegister cases, CamundaClient engine,
                   EngineGeneration generation, TransactionTemplate transaction, Clock clock,
                   @Value("${familyjourney.journey.assessment-approval:false}") boolean assessmentApproval) {
        this.validator = validator;
        this.referrals = referrals;
        this.cases = cases;
        this.engine = engine;
        this.generation = generation;
        this.transaction = transaction;
        this.clock = clock;
        this.assessmentApproval = assessmentApproval;
    }

    /** The outcome: the stored referral, and the case reference once the journey has opened it. */
    public record Received(long referralId, Optional<String> caseReference) {
    }

    public Received receive(ReferralRequest request, String receivedBy) {
        ValidReferral valid = validator.validate(request);
        Referral stored = referrals.save(new Referral(null, clock.instant(), receivedBy, valid.source(), valid.referrer(),
                valid.parent(), valid.children(),
                valid.concerns().stream().map(Referral.ConcernRef::new).collect(Collectors.toCollection(HashSet::new)),
                valid.details(), valid.consent(), null, null));
        ProcessInstanceEvent started = start(stored);
        transaction.executeWithoutResult(tx -> referrals.save(
                referrals.findById(stored.id()).orElseThrow().startedAs(started.getProcessInstanceKey(), generation.current())));
        return new Received(stored.id(), cases.awaitCaseFor(stored.id(), WAIT_FOR_CASE));
    }

    private ProcessInstanceEvent start(Referral referral) {
        // Only keys and flags go to the engine; the family's personal data stays in MySQL.
        Map<String, Object> variables = Map.of(
                "referralId", referral.id(),
                "referralSource", referral.source().name(),
                "consentGiven", Boolean.TRUE.equals(referral.consent().given()),
                "safeguardingIndicated", referral.raisesSafeguardingConcern(),
                "assessmentApprovalRequired", assessmentApproval,
                "reopened", false);
        try {
            return engine.newCreateInstanceCommand().bpmnProcessId(ProcessIds.FAMILY_JOURNEY).latestVersion()
                    .variables(variables).send().join();
        } catch (RuntimeException e) {
            throw new ServiceUnavailableException("The referral was saved (number " + referral.id()
                    + ") but the journey engine did not answer. Please try again shortly; nothing was lost.", e);
        }
    }
}
