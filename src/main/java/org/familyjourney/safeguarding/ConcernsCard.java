package org.familyjourney.safeguarding;

import java.util.List;
import org.familyjourney.casework.CaseCard;
import org.springframework.stereotype.Component;

/** The case page's safeguarding concerns, newest first: where each stands and what the DSL decided. */
@Component
class ConcernsCard implements CaseCard {

    private final SafeguardingConcerns concerns;

    ConcernsCard(SafeguardingConcerns concerns) {
        this.concerns = concerns;
    }

    @Override
    public String name() {
        return "concerns";
    }

    @Override
    public List<SafeguardingConcern> contentFor(String caseReference) {
        return concerns.of(caseReference).reversed();
    }
}
