package org.familyjourney.referral;

import java.util.Optional;
import org.familyjourney.casework.CaseRegister;
import org.familyjourney.security.RecordAccess;
import org.familyjourney.security.StaffMember;
import org.familyjourney.web.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Where a referral has got to: a caller answered "received, its case is being opened" (202) asks
 * again here until the journey has opened the case. Only the person who sent it, or someone who may
 * read the case it opened, learns anything; anyone else is told there is no such referral, so an id
 * reveals nothing.
 */
@Component
class ReferralProgress {

    /** The referral and, once opened, its case's reference (nothing else of the family's record). */
    record Progress(long referralId, Optional<String> caseReference) {
    }

    private final ReferralRepository referrals;
    private final CaseRegister cases;
    private final RecordAccess records;

    ReferralProgress(ReferralRepository referrals, CaseRegister cases, RecordAccess records) {
        this.referrals = referrals;
        this.cases = cases;
        this.records = records;
    }

    Progress of(long referralId, StaffMember who) {
        Referral referral = referrals.findById(referralId).orElseThrow(() -> unknown(referralId));
        Optional<String> opened = cases.openedFor(referralId);
        boolean sentByThem = who.username().equals(referral.receivedBy());
        if (!sentByThem && opened.map(reference -> !records.mayRead(reference, who)).orElse(true)) {
            throw unknown(referralId);
        }
        return new Progress(referralId, opened);
    }

    private static NotFoundException unknown(long referralId) {
        return new NotFoundException("There is no referral " + referralId + " that you sent or can see.");
    }
}
