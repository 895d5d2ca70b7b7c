package org.familyjourney.consent;

import org.familyjourney.casework.CaseCard;
import org.springframework.stereotype.Component;

/** The case page's consent card: every consent with its withdrawal, and every override with its reason. */
@Component
class ConsentsCard implements CaseCard {

    private final Consents consents;

    ConsentsCard(Consents consents) {
        this.consents = consents;
    }

    @Override
    public String name() {
        return "consents";
    }

    @Override
    public Consents.CaseConsents contentFor(String caseReference) {
        return consents.of(caseReference);
    }
}
