package org.familyjourney.referral;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.familyjourney.engine.EngineGeneration;
import org.familyjourney.journey.JourneyKind;
import org.familyjourney.journey.JourneyLog;
import org.familyjourney.processes.HandledJobs;
import org.familyjourney.processes.JobRef;
import org.familyjourney.processes.SafeguardingIds.JobTypes;
import org.familyjourney.safeguarding.ConcernCategory;
import org.familyjourney.safeguarding.SafeguardingConcerns;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Screen referral: safeguarding indicators, an open case the family already has, possible duplicate
 * families. Safeguarding found here is stored as a concern (source REFERRAL) so the DSL sees it listed,
 * and the journey sends it to the DSL at once, before consent or triage. Outputs only codes and
 * references: {@code safeguardingIndicated}, {@code safeguardingReasons}, {@code concernId},
 * {@code existingOpenCase}, {@code possibleDuplicates}.
 */
@Component
public class ScreenReferralWorker {

    private final ReferralRepository referrals;
    private final FamilyMatches matches;
    private final SafeguardingConcerns concerns;
    private final JourneyLog journey;
    private final HandledJobs handled;
    private final EngineGeneration generation;
    private final TransactionTemplate transaction;

    ScreenReferralWorker(ReferralRepository referrals, FamilyMatches matches, SafeguardingConcerns concerns,
                         JourneyLog journey, HandledJobs handled, EngineGeneration generation,
                         TransactionTemplate transaction) {
        this.referrals = referrals;
        this.matches = matches;
        this.concerns = concerns;
        this.journey = journey;
        this.handled = handled;
        this.generation = generation;
        this.transaction = transaction;
    }

    @JobWorker(type = JobTypes.SCREEN_REFERRAL, fetchVariables = {"referralId", "caseReference"})
    public Map<String, Object> screen(ActivatedJob job, @Variable(name = "referralId") Long referralId,
                                      @Variable(name = "caseReference") String caseReference) {
        if (referralId == null || caseReference == null) {
            throw new IllegalArgumentException("Screening needs the referralId and caseReference variables");
        }
        Referral referral = referrals.findById(referralId)
                .orElseThrow(() -> new IllegalStateException("There is no referral " + referralId));
        List<String> reasons = SafeguardingIndicators.of(referral);
        FamilyMatches.Found found = matches.forReferral(referral, caseReference);
        JobRef ref = JobRef.of(job, generation.current());
        Long concernId = transaction.execute(tx -> {
            Long concern = reasons.isEmpty() ? null : concerns.fromScreening(caseReference, referralId,
                    categoryOf(reasons), "Safeguarding indicated when the referral was screened: "
                            + String.join(", ", reasons) + ". Read the referral on the case page.",
                    reasons, JourneyLog.SYSTEM);
            if (handled.firstDelivery(ref, job.getType())) {
                record(caseReference, job.getElementId(), reasons, concern, found);
            }
            return concern;
        });
        Map<String, Object> variables = new HashMap<>();
        variables.put("safeguardingIndicated", !reasons.isEmpty());
        variables.put("safeguardingReasons", reasons);
        variables.put("concernId", concernId);
        variables.put("existingOpenCase", found.existingOpenCase());
        variables.put("possibleDuplicates", found.possibleDuplicates());
        return variables;
    }

    private void record(String caseReference, String step, List<String> reasons, Long concernId, FamilyMatches.Found found) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("safeguardingReasons", reasons);
        details.put("possibleDuplicates", found.possibleDuplicates());
        if (found.existingOpenCase() != null) {
            details.put("existingOpenCase", found.existingOpenCase());
        }
        StringBuilder summary = new StringBuilder("Referral screened: ")
                .append(reasons.isEmpty() ? "no safeguarding indicators" : "safeguarding indicated (" + String.join(", ", reasons) + ")");
        if (found.existingOpenCase() != null) {
            summary.append("; the family already has open case ").append(found.existingOpenCase());
        } else if (!found.possibleDuplicates().isEmpty()) {
            summary.append("; possible duplicate of ").append(String.join(", ", found.possibleDuplicates()));
        }
        journey.record(caseReference, JourneyKind.REFERRAL_SCREENED, step, JourneyLog.SYSTEM, summary.toString(), details);
        if (concernId != null) {
            journey.record(caseReference, JourneyKind.SAFEGUARDING_CONCERN_RAISED, step, JourneyLog.SYSTEM,
                    "Safeguarding concern " + concernId + " raised by referral screening", Map.of("concernId", concernId));
        }
    }

    /** The category the DSL reads first: the most specific indicator found. */
    static ConcernCategory categoryOf(List<String> reasons) {
        if (reasons.stream().anyMatch(r -> r.contains("DOMESTIC_ABUSE"))) {
            return ConcernCategory.DOMESTIC_ABUSE;
        }
        if (reasons.stream().anyMatch(r -> r.contains("EXPLOITATION") || r.contains("GROOMING") || r.contains("SEXUAL_ABUSE"))) {
            return ConcernCategory.EXPLOITATION;
        }
        if (reasons.stream().anyMatch(r -> r.contains("VIOLENCE") || r.contains("WEAPON"))) {
            return ConcernCategory.VIOLENCE;
        }
        if (reasons.stream().anyMatch(r -> r.contains("NEGLECT")) && reasons.size() == 1) {
            return ConcernCategory.NEGLECT;
        }
        return ConcernCategory.RISK_OF_HARM;
    }
}
