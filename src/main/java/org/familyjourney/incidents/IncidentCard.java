package org.familyjourney.incidents;

import org.familyjourney.casework.CaseCard;
import org.springframework.stereotype.Component;

/** The case page's card of steps that failed after their retries, open ones first. */
@Component
class IncidentCard implements CaseCard {

    private final JobIncidents incidents;

    IncidentCard(JobIncidents incidents) {
        this.incidents = incidents;
    }

    @Override
    public String name() {
        return "incidents";
    }

    @Override
    public Object contentFor(String caseReference) {
        return incidents.ofCase(caseReference);
    }
}
