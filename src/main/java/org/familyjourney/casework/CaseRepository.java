package org.familyjourney.casework;

import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

public interface CaseRepository extends ListCrudRepository<FamilyCase, Long> {

    Optional<FamilyCase> findByReference(String reference);

    Optional<FamilyCase> findByReferralId(long referralId);
}
