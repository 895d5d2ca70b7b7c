package org.familyjourney.signposting;

import java.util.List;
import org.familyjourney.casework.CaseCard;
import org.familyjourney.engine.FormCatalog;
import org.springframework.stereotype.Component;

/** The case page's signposting: each onward referral, its service as the plan's form names it, and its state. */
@Component
class OnwardReferralsCard implements CaseCard {

    /** The action plan's form, where the worker chose the service. */
    private static final String PLAN_FORM = "action-plan";

    public record Row(OnwardReferrals.OnwardReferral referral, String service) {
    }

    private final OnwardReferrals referrals;
    private final FormCatalog forms;

    OnwardReferralsCard(OnwardReferrals referrals, FormCatalog forms) {
        this.referrals = referrals;
        this.forms = forms;
    }

    @Override
    public String name() {
        return "onwardReferrals";
    }

    @Override
    public List<Row> contentFor(String caseReference) {
        return referrals.of(caseReference).stream()
                .map(r -> new Row(r, forms.choiceLabel(PLAN_FORM, "service", r.service().name()))).toList();
    }
}
