package org.familyjourney.letters;

import java.util.Optional;
import org.familyjourney.casework.CaseRegister;
import org.familyjourney.casework.FamilyCase;
import org.familyjourney.referral.Referral;
import org.familyjourney.referral.ReferralRepository;
import org.springframework.stereotype.Component;

/** Who to write to about a case: the referrer and the parent, as the referral gave them. */
@Component
class FamilyContacts {

    private final CaseRegister cases;
    private final ReferralRepository referrals;

    FamilyContacts(CaseRegister cases, ReferralRepository referrals) {
        this.cases = cases;
        this.referrals = referrals;
    }

    record Contact(String name, Optional<String> email) {
    }

    Referral referralOf(String caseReference) {
        FamilyCase familyCase = cases.find(caseReference);
        return referrals.findById(familyCase.referralId()).orElseThrow();
    }

    Contact referrer(String caseReference) {
        Referral.Referrer referrer = referralOf(caseReference).referrer();
        return new Contact(referrer.name(), Optional.ofNullable(referrer.email()));
    }

    Contact parent(String caseReference) {
        Referral.Parent parent = referralOf(caseReference).parent();
        return new Contact(parent.name(), Optional.ofNullable(parent.email()));
    }
}
