package org.familyjourney.signposting;

import java.util.List;
import org.familyjourney.casework.CaseAccess;
import org.familyjourney.casework.CaseRegister;
import org.familyjourney.security.StaffMember;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class OnwardReferralController {

    private final OnwardReferrals referrals;
    private final CaseRegister cases;
    private final CaseAccess access;

    OnwardReferralController(OnwardReferrals referrals, CaseRegister cases, CaseAccess access) {
        this.referrals = referrals;
        this.cases = cases;
        this.access = access;
    }

    record CaseOnwardReferrals(String caseReference, int count, List<OnwardReferrals.OnwardReferral> onwardReferrals) {
    }

    @GetMapping("/api/cases/{reference}/onward-referrals")
    @PreAuthorize("hasAnyRole('WORKER', 'MANAGER', 'SAFEGUARDING_LEAD', 'AUDITOR')")
    CaseOnwardReferrals list(@PathVariable String reference, Authentication user) {
        StaffMember who = StaffMember.of(user);
        access.checkMayRead(cases.find(reference), who);
        access.recordView(reference, who, "onward referrals");
        List<OnwardReferrals.OnwardReferral> all = referrals.of(reference);
        return new CaseOnwardReferrals(reference, all.size(), all);
    }
}
