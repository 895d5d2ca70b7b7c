package org.familyjourney.referral;

import org.springframework.data.repository.ListCrudRepository;

public interface ReferralRepository extends ListCrudRepository<Referral, Long> {
}
