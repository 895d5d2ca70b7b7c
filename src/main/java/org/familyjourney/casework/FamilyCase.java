package org.familyjourney.casework;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** One journey of one family, from referral to closure. The family itself is on its referral. */
@Table("family_case")
public record FamilyCase(
        @Id Long id,
        String reference,
        Long referralId,
        CaseStatus status,
        String worker,
        Instant openedAt,
        Instant closedAt,
        Long processInstanceKey,
        Long engineGeneration,
        @Version Integer version) {

    public FamilyCase withId(Long id) {
        return new FamilyCase(id, reference, referralId, status, worker, openedAt, closedAt, processInstanceKey,
                engineGeneration, version);
    }

    public FamilyCase withVersion(Integer version) {
        return new FamilyCase(id, reference, referralId, status, worker, openedAt, closedAt, processInstanceKey,
                engineGeneration, version);
    }

    FamilyCase inStatus(CaseStatus status) {
        return new FamilyCase(id, reference, referralId, status, worker, openedAt, closedAt, processInstanceKey,
                engineGeneration, version);
    }

    FamilyCase allocatedTo(String worker) {
        return new FamilyCase(id, reference, referralId, CaseStatus.ALLOCATED, worker, openedAt, closedAt,
                processInstanceKey, engineGeneration, version);
    }

    /** Another worker holds the case; where it stands in the journey does not change. */
    FamilyCase heldBy(String worker) {
        return new FamilyCase(id, reference, referralId, status, worker, openedAt, closedAt, processInstanceKey,
                engineGeneration, version);
    }

    FamilyCase reopened(long instanceKey, long generation) {
        return new FamilyCase(id, reference, referralId, CaseStatus.REOPENED, worker, openedAt, null, instanceKey,
                generation, version);
    }

    FamilyCase closed(CaseStatus status, Instant at) {
        return new FamilyCase(id, reference, referralId, status, worker, openedAt, at, processInstanceKey,
                engineGeneration, version);
    }
}
