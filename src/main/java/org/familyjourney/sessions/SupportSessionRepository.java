package org.familyjourney.sessions;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

interface SupportSessionRepository extends ListCrudRepository<SupportSession, Long> {

    List<SupportSession> findByCaseReferenceOrderByHeldOnAscIdAsc(String caseReference);
}
